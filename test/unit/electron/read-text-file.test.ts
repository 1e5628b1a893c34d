import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTextFileWithinLimit } from '../../../electron/read-text-file.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keel-read-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTextFileWithinLimit', () => {
  it('reads UTF-8 text', async () => {
    const file = path.join(dir, 'a.keel.json');
    await writeFile(file, '{"name":"Évaluation 評価"}');
    await expect(readTextFileWithinLimit(file, 1000)).resolves.toEqual({ kind: 'text', text: '{"name":"Évaluation 評価"}' });
  });

  it('drops a leading byte-order mark', async () => {
    const file = path.join(dir, 'bom.keel.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    await expect(readTextFileWithinLimit(file, 1000)).resolves.toEqual({ kind: 'text', text: '{}' });
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const file = path.join(dir, 'edge.keel.json');
    await writeFile(file, 'x'.repeat(64));
    await expect(readTextFileWithinLimit(file, 64)).resolves.toEqual({ kind: 'text', text: 'x'.repeat(64) });
    await expect(readTextFileWithinLimit(file, 63)).resolves.toEqual({ kind: 'too-large', sizeBytes: 64 });
  });

  it('reads files larger than one read chunk', async () => {
    const file = path.join(dir, 'big.keel.json');
    const text = 'abcdefgh'.repeat(300_000); // 2.4 MB
    await writeFile(file, text);
    const result = await readTextFileWithinLimit(file, 10_000_000);
    expect(result.kind === 'text' && result.text === text).toBe(true);
  });

  it('refuses a huge file from its size, without reading it', async () => {
    const file = path.join(dir, 'huge.keel.json');
    // A sparse 5 GB file: reading it would take minutes and gigabytes of memory.
    const handle = await open(file, 'w');
    await handle.truncate(5 * 1024 ** 3);
    await handle.close();
    const started = Date.now();
    await expect(readTextFileWithinLimit(file, 50 * 1024 * 1024)).resolves.toEqual({
      kind: 'too-large',
      sizeBytes: 5 * 1024 ** 3,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('decides from the size alone: an over-limit file is never read', async () => {
    const file = path.join(dir, 'big.keel.json');
    await writeFile(file, 'x'.repeat(100));
    const reads: unknown[] = [];
    const spyingOpen: typeof open = async (...args) => {
      const handle = await open(...args);
      vi.spyOn(handle, 'read').mockImplementation((...readArgs: unknown[]) => {
        reads.push(readArgs);
        throw new Error('must not read');
      });
      return handle;
    };
    await expect(readTextFileWithinLimit(file, 99, spyingOpen)).resolves.toEqual({ kind: 'too-large', sizeBytes: 100 });
    expect(reads).toEqual([]);
  });

  it('stops reading at the limit when the file grew after the size check', async () => {
    const file = path.join(dir, 'growing.keel.json');
    await writeFile(file, 'x'.repeat(10));
    const growingOpen: typeof open = async (...args) => {
      const handle = await open(...args);
      const realStat = handle.stat.bind(handle);
      vi.spyOn(handle, 'stat').mockImplementation(async () => {
        const stats = await realStat();
        await writeFile(file, 'x'.repeat(5000)); // another program appends meanwhile
        return stats;
      });
      return handle;
    };
    await expect(readTextFileWithinLimit(file, 100, growingOpen)).resolves.toEqual({ kind: 'too-large', sizeBytes: 101 });
  });

  it('reports bytes that are not UTF-8', async () => {
    const file = path.join(dir, 'image.keel.json');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    await expect(readTextFileWithinLimit(file, 1000)).resolves.toEqual({ kind: 'not-text' });
  });

  it.skipIf(process.platform === 'win32')('reports a directory', async () => {
    await expect(readTextFileWithinLimit(dir, 1000)).resolves.toEqual({ kind: 'not-a-file' });
  });

  it('throws the file-system error for a missing file', async () => {
    await expect(readTextFileWithinLimit(path.join(dir, 'missing.json'), 1000)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
