import { describe, expect, it } from 'vitest';
import {
  isKeelFilePath,
  keelFilesInArgv,
  MAX_FILES_PER_LAUNCH,
  OpenFileQueue,
  tooManyFilesMessage,
  type ArgvContext,
} from '../../../electron/open-files.js';

const linuxDev: ArgvContext = { isPackaged: false, workingDirectory: '/home/ana/work', platform: 'linux' };
const linuxPackaged: ArgvContext = { ...linuxDev, isPackaged: true };

describe('isKeelFilePath', () => {
  it('takes program and workspace files whatever the case, nothing else', () => {
    expect(isKeelFilePath('/a/plan.keel.json')).toBe(true);
    expect(isKeelFilePath('C:\\a\\Plan.KEEL.JSON')).toBe(true);
    expect(isKeelFilePath('/a/all.keel-workspace.json')).toBe(true);
    expect(isKeelFilePath('/a/plan.json')).toBe(false);
    expect(isKeelFilePath('/a/plan.keel.json.exe')).toBe(false);
    expect(isKeelFilePath('/a/notes.md')).toBe(false);
  });
});

describe('keelFilesInArgv on the first launch', () => {
  it('in development skips electron, its switches and the app path "."', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '--inspect=0', '--remote-debugging-port=0', '.', 'plan.keel.json'];
    expect(keelFilesInArgv(argv, linuxDev)).toEqual(['/home/ana/work/plan.keel.json']);
  });

  it('in development the app path is skipped even when it looks like a Keel file', () => {
    expect(keelFilesInArgv(['electron', 'odd.keel.json', '/tmp/b.keel.json'], linuxDev)).toEqual(['/tmp/b.keel.json']);
  });

  it('when packaged every plain argument may be a file', () => {
    const argv = ['/opt/Keel/keel', '/home/ana/Downloads/Workshop.keel.json', 'more/all.keel-workspace.json'];
    expect(keelFilesInArgv(argv, linuxPackaged)).toEqual(['/home/ana/Downloads/Workshop.keel.json', '/home/ana/work/more/all.keel-workspace.json']);
  });

  it('ignores Chromium switches, --, and files that are not Keel files', () => {
    const argv = ['/opt/Keel/keel', '--allow-file-access-from-files', '--no-sandbox', '-psn_0_12345', 'notes.md', 'plan.json', '--', '--odd.keel.json'];
    expect(keelFilesInArgv(argv, linuxPackaged)).toEqual(['/home/ana/work/--odd.keel.json']);
  });

  it('Windows: a double-clicked file, a relative one resolved against the working directory, case-insensitive repeats dropped', () => {
    const context: ArgvContext = { isPackaged: true, workingDirectory: 'C:\\Users\\Ana\\Documents', platform: 'win32' };
    const argv = ['C:\\Program Files\\Keel\\Keel.exe', 'C:\\Users\\Ana\\Downloads\\Plan.keel.json', 'sub\\b.keel.json', 'c:\\users\\ana\\downloads\\plan.KEEL.json'];
    expect(keelFilesInArgv(argv, context)).toEqual(['C:\\Users\\Ana\\Downloads\\Plan.keel.json', 'C:\\Users\\Ana\\Documents\\sub\\b.keel.json']);
  });

  it('Linux keeps files that differ only by case (its file systems tell them apart) but drops exact repeats', () => {
    const argv = ['keel', 'a.keel.json', 'A.keel.json', './a.keel.json'];
    expect(keelFilesInArgv(argv, linuxPackaged)).toEqual(['/home/ana/work/a.keel.json', '/home/ana/work/A.keel.json']);
  });

  it('reads a file:// URL (some Linux desktops pass %U) and ignores other URLs', () => {
    const argv = ['keel', 'file:///home/ana/My%20plan.keel.json', 'https://example.com/x.keel.json'];
    expect(keelFilesInArgv(argv, linuxPackaged)).toEqual(['/home/ana/My plan.keel.json']);
  });
});

describe('keelFilesInArgv on a second launch', () => {
  it('resolves a relative path against the second launch\'s working directory, not the first one\'s', () => {
    // Electron appends its own switches to the forwarded argv.
    const argv = ['/opt/Keel/keel', '../shared/plan.keel.json', '--allow-file-access-from-files', '--original-process-start-time=1'];
    const context: ArgvContext = { isPackaged: true, workingDirectory: '/home/ben/projects/q3', platform: 'linux' };
    expect(keelFilesInArgv(argv, context)).toEqual(['/home/ben/projects/shared/plan.keel.json']);
  });

  it('a second launch with no file names nothing (it only brings the window forward)', () => {
    expect(keelFilesInArgv(['/opt/Keel/keel'], linuxPackaged)).toEqual([]);
    expect(keelFilesInArgv(['electron', '.'], linuxDev)).toEqual([]);
  });
});

function recordingQueue(platform: NodeJS.Platform = 'linux') {
  const delivered: [string, number][] = [];
  const leftOut: [number, number][] = [];
  const queue = new OpenFileQueue(
    { deliver: (filePath, id) => delivered.push([filePath, id]), leftOut: (count, id) => leftOut.push([count, id]) },
    platform,
  );
  return { queue, delivered, leftOut };
}

describe('OpenFileQueue', () => {
  it('holds files that come before the app is ready (macOS open-file) until the window listens', () => {
    const { queue, delivered } = recordingQueue('darwin');
    queue.add(['/Users/ana/plan.keel.json']); // open-file before ready: no window yet
    queue.attach(7);
    expect(delivered).toEqual([]);
    expect(queue.waiting).toBe(1);
    expect(queue.ready(7)).toBe(true);
    expect(delivered).toEqual([['/Users/ana/plan.keel.json', 7]]);
    expect(queue.waiting).toBe(0);
  });

  it('sends at once while the window listens, in the order files came', () => {
    const { queue, delivered } = recordingQueue();
    queue.attach(3);
    queue.ready(3);
    queue.add(['/a.keel.json', '/b.keel-workspace.json']);
    expect(delivered).toEqual([
      ['/a.keel.json', 3],
      ['/b.keel-workspace.json', 3],
    ]);
  });

  it('ignores a ready from another window (the presenter) and keeps the files', () => {
    const { queue, delivered } = recordingQueue();
    queue.attach(3);
    queue.add(['/a.keel.json']);
    expect(queue.ready(9)).toBe(false);
    expect(delivered).toEqual([]);
  });

  it('after the window closes, files wait for the next window', () => {
    const { queue, delivered } = recordingQueue();
    queue.attach(3);
    queue.ready(3);
    queue.detach(3);
    queue.add(['/a.keel.json']);
    expect(queue.ready(3)).toBe(false);
    expect(delivered).toEqual([]);
    queue.attach(4);
    queue.ready(4);
    expect(delivered).toEqual([['/a.keel.json', 4]]);
  });

  it('drops repeats of a waiting file and files that are not Keel files', () => {
    const { queue, delivered } = recordingQueue('darwin');
    queue.add(['/a.keel.json', '/A.KEEL.json', '/notes.txt']);
    queue.add(['/a.keel.json']);
    queue.attach(1);
    queue.ready(1);
    expect(delivered).toEqual([['/a.keel.json', 1]]);
  });

  it(`opens at most ${MAX_FILES_PER_LAUNCH} at once and says how many were left out`, () => {
    const { queue, delivered, leftOut } = recordingQueue();
    queue.add(Array.from({ length: MAX_FILES_PER_LAUNCH + 3 }, (_, i) => `/f${i}.keel.json`));
    queue.attach(2);
    queue.ready(2);
    expect(delivered).toHaveLength(MAX_FILES_PER_LAUNCH);
    expect(delivered[0]).toEqual(['/f0.keel.json', 2]);
    expect(leftOut).toEqual([[3, 2]]);
    // Once sent, the window has room again.
    queue.add(['/later.keel.json']);
    expect(delivered.at(-1)).toEqual(['/later.keel.json', 2]);
  });

  it('the left-out sentence says how many and what to do', () => {
    expect(tooManyFilesMessage(1)).toBe(`Keel opens at most ${MAX_FILES_PER_LAUNCH} files at once; 1 more was left out. Open it again after these.`);
    expect(tooManyFilesMessage(4)).toContain('4 more were left out. Open them again');
  });
});
