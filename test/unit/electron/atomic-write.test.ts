import { chmod, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, nodeAtomicWriteFs, type AtomicWriteFs } from '../../../electron/atomic-write.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keel-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('atomicWrite', () => {
  it('creates a new file', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await atomicWrite(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['plan.keel.json']);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'old contents that are longer than the new ones');
    await atomicWrite(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['plan.keel.json']);
  });

  it('writes a file whose name is as long as the file system allows (the temporary name is shorter)', async () => {
    const target = path.join(dir, `${'a'.repeat(240)}.keel.json`);
    await atomicWrite(target, 'long');
    expect(await readFile(target, 'utf8')).toBe('long');
  });

  it('after the rename, syncs the folder (so the rename survives a crash) and closes it', async () => {
    const calls: string[] = [];
    const recording: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      rename: async (from, to) => {
        calls.push('rename');
        await nodeAtomicWriteFs.rename(from, to);
      },
      open: async (filePath, flags, mode) => {
        const handle = await nodeAtomicWriteFs.open(filePath, flags, mode);
        if (filePath !== dir) return handle;
        calls.push(`open folder ${flags}`);
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: async () => {
            calls.push('sync folder');
            await handle.sync();
          },
          close: async () => {
            calls.push('close folder');
            await handle.close();
          },
        };
      },
    };
    await atomicWrite(path.join(dir, 'plan.keel.json'), 'x', recording);
    expect(calls).toEqual(['rename', 'open folder r', 'sync folder', 'close folder']);
  });

  it('writes bytes exactly', async () => {
    const target = path.join(dir, 'chart.png');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    await atomicWrite(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('keeps the old file intact when the write fails half-way (disk full)', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'precious old contents');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      async open(filePath, flags, mode) {
        const handle = await open(filePath, flags, mode);
        return {
          // Some bytes reach the temporary file, then the disk is full.
          writeFile: async (data) => {
            await handle.write(String(data).slice(0, 5));
            throw errno('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(atomicWrite(target, 'new contents', failingFs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('precious old contents');
    expect(await readdir(dir)).toEqual(['plan.keel.json']); // temporary file removed
  });

  it('keeps the old file intact when flushing to disk fails', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'old');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      async open(filePath, flags, mode) {
        const handle = await nodeAtomicWriteFs.open(filePath, flags, mode);
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: async () => {
            throw errno('EIO');
          },
          close: () => handle.close(),
        };
      },
    };
    await expect(atomicWrite(target, 'new', failingFs)).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['plan.keel.json']);
  });

  it('keeps the old file intact when the final rename fails', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'old');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      rename: async () => {
        throw errno('EBUSY');
      },
    };
    await expect(atomicWrite(target, 'new', failingFs)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['plan.keel.json']);
  });

  it('writes to a temporary file in the same directory, never straight to the target', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'old');
    const opened: string[] = [];
    const spyFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      open: async (filePath, flags, mode) => {
        opened.push(filePath);
        // While the new data is being written, the target still holds the old contents.
        if (flags === 'wx') expect(await readFile(target, 'utf8')).toBe('old');
        return nodeAtomicWriteFs.open(filePath, flags, mode);
      },
    };
    await atomicWrite(target, 'new', spyFs);
    const tempPath = opened[0] ?? '';
    expect(path.dirname(tempPath)).toBe(dir);
    expect(tempPath).not.toBe(target);
    expect(path.basename(tempPath)).toMatch(/^\.plan\.keel\.json\.[0-9a-f]+\.tmp$/);
  });

  it('fails with ENOENT when the folder does not exist', async () => {
    await expect(atomicWrite(path.join(dir, 'gone', 'plan.keel.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
    const target = path.join(dir, 'private.keel.json');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    await atomicWrite(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});
