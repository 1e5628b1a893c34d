import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecentFile } from '../../../electron/menu.js';
import {
  MAX_RECENT_FILES,
  parseRecentFiles,
  RecentFiles,
  recentFilesPath,
  recentMenuEntries,
  serializeRecentFiles,
  withoutRecent,
  withRecent,
} from '../../../electron/recent-files.js';

describe('the list rules', () => {
  it('puts the newest first and keeps each file once', () => {
    let list: string[] = [];
    list = withRecent(list, '/a.keel.json', 'linux');
    list = withRecent(list, '/b.keel.json', 'linux');
    list = withRecent(list, '/a.keel.json', 'linux');
    expect(list).toEqual(['/a.keel.json', '/b.keel.json']);
  });

  it(`keeps at most ${MAX_RECENT_FILES}, dropping the oldest`, () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT_FILES + 2; i++) list = withRecent(list, `/f${i}.keel.json`, 'linux');
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe(`/f${MAX_RECENT_FILES + 1}.keel.json`);
    expect(list).not.toContain('/f0.keel.json');
    expect(list).not.toContain('/f1.keel.json');
  });

  it('treats paths differing only by case as one file on Windows and macOS', () => {
    expect(withRecent(['C:\\A\\Plan.keel.json'], 'c:\\a\\plan.keel.json', 'win32')).toEqual(['c:\\a\\plan.keel.json']);
    expect(withoutRecent(['/Users/a/Plan.keel.json', '/Users/a/b.keel.json'], '/users/a/plan.keel.json', 'darwin')).toEqual(['/Users/a/b.keel.json']);
    expect(withoutRecent(['/a/Plan.keel.json'], '/a/plan.keel.json', 'linux')).toEqual(['/a/Plan.keel.json']);
  });

  it('names each menu entry by its file name', () => {
    expect(recentMenuEntries(['/home/a/Q3 plan.keel.json'], 'linux')).toEqual([{ label: 'Q3 plan.keel.json', filePath: '/home/a/Q3 plan.keel.json' }]);
    expect(recentMenuEntries(['C:\\Users\\a\\Q3.keel.json'], 'win32')[0]?.label).toBe('Q3.keel.json');
  });
});

describe('parseRecentFiles', () => {
  it('reads back what was written', () => {
    const list = ['/a.keel.json', '/b.keel-workspace.json'];
    expect(parseRecentFiles(serializeRecentFiles(list), 'linux')).toEqual(list);
  });

  it('forgives a damaged file: corrupt JSON or the wrong shape is an empty list', () => {
    expect(parseRecentFiles('{"files": ["/a.keel.js', 'linux')).toEqual([]);
    expect(parseRecentFiles('[]', 'linux')).toEqual([]);
    expect(parseRecentFiles('{"files": "/a.keel.json"}', 'linux')).toEqual([]);
  });

  it('drops entries that are not absolute Keel file paths, repeats, and those past the cap', () => {
    const files = [42, '', 'relative.keel.json', '/etc/passwd', '/a.keel.json', '/a.keel.json', ...Array.from({ length: 12 }, (_, i) => `/f${i}.keel.json`)];
    const list = parseRecentFiles(JSON.stringify({ files, extra: true }), 'linux');
    expect(list[0]).toBe('/a.keel.json');
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list).not.toContain('/etc/passwd');
  });
});

describe('RecentFiles', () => {
  let dir: string;
  let file: string;
  const os = { added: [] as string[], cleared: 0 };
  const shown: RecentFile[][] = [];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keel-recent-'));
    file = recentFilesPath(dir);
    os.added = [];
    os.cleared = 0;
    shown.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function recent(): RecentFiles {
    return new RecentFiles(
      file,
      'linux',
      { addRecentDocument: (p) => os.added.push(p), clearRecentDocuments: () => (os.cleared += 1) },
      (entries) => shown.push(entries),
    );
  }

  it('starts empty without a file, remembers what was added across runs, and tells the OS', async () => {
    const first = recent();
    await first.load();
    expect(first.entries).toEqual([]);
    await first.add('/home/a/one.keel.json');
    await first.add('/home/a/two.keel.json');
    expect(os.added).toEqual(['/home/a/one.keel.json', '/home/a/two.keel.json']);
    expect(shown.at(-1)?.map((e) => e.label)).toEqual(['two.keel.json', 'one.keel.json']);

    const second = recent();
    await second.load();
    expect(second.entries.map((e) => e.filePath)).toEqual(['/home/a/two.keel.json', '/home/a/one.keel.json']);
  });

  it('removes a file that has gone and clears the list (and the OS list)', async () => {
    const list = recent();
    await list.load();
    await list.add('/a.keel.json');
    await list.add('/b.keel.json');
    await list.remove('/a.keel.json');
    expect(list.entries.map((e) => e.filePath)).toEqual(['/b.keel.json']);
    await list.clear();
    expect(list.entries).toEqual([]);
    expect(os.cleared).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ files: [] });
  });

  it('a corrupt file on disk is an empty list, and the next change writes a good one', async () => {
    await writeFile(file, '\u0000garbage');
    const list = recent();
    await list.load();
    expect(list.entries).toEqual([]);
    await list.add('/a.keel.json');
    expect(parseRecentFiles(await readFile(file, 'utf8'), 'linux')).toEqual(['/a.keel.json']);
  });

  it('a failed write keeps the list in memory (the menu still shows it)', async () => {
    const list = new RecentFiles(path.join(dir, 'missing-folder', 'recent.json'), 'linux', { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined }, () => undefined);
    const originalError = console.error;
    console.error = () => undefined;
    try {
      await list.add('/a.keel.json');
    } finally {
      console.error = originalError;
    }
    expect(list.entries.map((e) => e.filePath)).toEqual(['/a.keel.json']);
  });
});
