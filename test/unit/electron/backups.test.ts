import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/backups.js';

// The real atomicWrite, except where a test makes the disk hand back other bytes or fail.
const mock = vi.hoisted(() => ({ corrupt: false, failWith: undefined as string | undefined }));
vi.mock('../../../electron/atomic-write.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/atomic-write.js')>();
  return {
    ...original,
    atomicWrite: async (filePath: string, data: string | Uint8Array) => {
      if (mock.failWith) throw Object.assign(new Error('raw'), { code: mock.failWith });
      return original.atomicWrite(filePath, mock.corrupt ? `${String(data)}garbage` : data);
    },
  };
});

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keel-backups-'));
  folder = path.join(root, 'backups');
  mock.corrupt = false;
  mock.failWith = undefined;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const older = 'keel-backup-2026-11-28T10-00-00-000Z.keel-workspace.json';
const newer = 'keel-backup-2026-11-29T14-30-05-123Z.keel-workspace.json';

describe('backup files', () => {
  it('lists nothing before the folder exists', async () => {
    expect(await createBackupService(folder).list()).toEqual([]);
  });

  it('writes atomically into a new folder, reads back the same text, and lists newest first', async () => {
    const backups = createBackupService(folder);
    const first = await backups.write(older, '{"a":1}');
    expect(first).toMatchObject({ status: 'written', file: { name: older, sizeBytes: 7 } });
    await backups.write(newer, '{"b":"é"}');
    expect((await backups.list()).map((f) => f.name)).toEqual([newer, older]);
    expect(await readFile(path.join(folder, newer), 'utf8')).toBe('{"b":"é"}');
    expect(await backups.read(newer)).toEqual({ status: 'opened', fileName: newer, text: '{"b":"é"}' });
    // No temporary file is left beside the backups.
    expect((await readdir(folder)).sort()).toEqual([older, newer]);
  });

  it('removes a backup that does not read back what was written, and says so', async () => {
    mock.corrupt = true;
    const result = await createBackupService(folder).write(newer, '{"a":1}');
    expect(result).toEqual({ status: 'failed', message: expect.stringContaining('did not read back the same') });
    expect(await readdir(folder)).toEqual([]);
  });

  it('turns a full disk into a sentence', async () => {
    mock.failWith = 'ENOSPC';
    const result = await createBackupService(folder).write(newer, '{}');
    expect(result.status).toBe('failed');
    if (result.status === 'failed') expect(result.message).not.toContain('raw');
  });

  it('lists, reads and removes only its own backup names in its folder', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await writeFile(path.join(root, 'outside.keel-workspace.json'), 'outside');
    const backups = createBackupService(folder);
    await backups.write(newer, '{}');
    expect((await backups.list()).map((f) => f.name)).toEqual([newer]);
    for (const name of ['../outside.keel-workspace.json', 'notes.txt', '/etc/passwd', '..']) {
      expect(await backups.remove(name)).toBe(false);
      expect((await backups.read(name)).status).toBe('failed');
      expect((await backups.write(name, 'x')).status).toBe('failed');
    }
    expect(await readFile(path.join(root, 'outside.keel-workspace.json'), 'utf8')).toBe('outside');
    expect(await readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await backups.remove(newer)).toBe(true);
    expect(await backups.remove(newer)).toBe(false);
    expect(await backups.list()).toEqual([]);
  });

  it('says a missing backup could not be read', async () => {
    const read = await createBackupService(folder).read(newer);
    expect(read.status).toBe('failed');
  });
});
