import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileService, goneMessage, readOpenedFile, type FileDialogs } from '../../../electron/files.js';
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract.js';

// The real atomicWrite, except where a test makes the disk "full".
const atomicWriteMock = vi.hoisted(() => ({ failWith: undefined as string | undefined }));
vi.mock('../../../electron/atomic-write.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/atomic-write.js')>();
  return {
    ...original,
    atomicWrite: async (filePath: string, data: string | Uint8Array) => {
      if (atomicWriteMock.failWith) throw Object.assign(new Error('raw'), { code: atomicWriteMock.failWith });
      return original.atomicWrite(filePath, data);
    },
  };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keel-files-'));
  atomicWriteMock.failWith = undefined;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Dialogs that answer with the given paths and record the options they were shown with. */
function fakeDialogs(answer: { save?: string; open?: string[] }) {
  const saveOptions: SaveDialogOptions[] = [];
  const openOptions: OpenDialogOptions[] = [];
  const dialogs: FileDialogs = {
    showSaveDialog: async (options) => {
      saveOptions.push(options);
      return answer.save === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer.save };
    },
    showOpenDialog: async (options) => {
      openOptions.push(options);
      return answer.open === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: answer.open };
    },
  };
  return { dialogs, saveOptions, openOptions };
}

describe('saveFile', () => {
  it('writes the data where the user chose', async () => {
    const target = path.join(dir, 'Chosen name.keel.json');
    const { dialogs } = fakeDialogs({ save: target });
    const result = await createFileService(dir).saveFile(
      { kind: 'keel-json', suggestedName: 'Support bot', data: '{"format":"keel"}' },
      dialogs,
    );
    expect(result).toEqual({ status: 'saved', fileName: 'Chosen name.keel.json' });
    expect(await readFile(target, 'utf8')).toBe('{"format":"keel"}');
  });

  it('offers a sanitised default name with the right extension and filter', async () => {
    const { dialogs, saveOptions } = fakeDialogs({});
    await createFileService(dir).saveFile({ kind: 'csv', suggestedName: 'Metrics: Q3?', data: 'a' }, dialogs);
    expect(saveOptions[0]?.defaultPath).toBe(path.join(dir, 'Metrics Q3.csv'));
    expect(saveOptions[0]?.filters?.[0]).toEqual({ name: 'CSV spreadsheet', extensions: ['csv'] });
    expect(saveOptions[0]?.properties).toContain('showOverwriteConfirmation');
  });

  it('writes nothing when the user cancels', async () => {
    const { dialogs } = fakeDialogs({});
    const result = await createFileService(dir).saveFile({ kind: 'markdown', suggestedName: 'x', data: '# x' }, dialogs);
    expect(result).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes bytes for binary kinds', async () => {
    const target = path.join(dir, 'chart.png');
    const { dialogs } = fakeDialogs({ save: target });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await createFileService(dir).saveFile({ kind: 'png', suggestedName: 'chart', data: bytes }, dialogs);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('turns a full disk into a plain sentence and keeps the old file', async () => {
    const target = path.join(dir, 'plan.keel.json');
    await writeFile(target, 'old');
    atomicWriteMock.failWith = 'ENOSPC';
    const { dialogs } = fakeDialogs({ save: target });
    const result = await createFileService(dir).saveFile({ kind: 'keel-json', suggestedName: 'plan', data: 'new' }, dialogs);
    expect(result).toEqual({ status: 'failed', message: 'The disk is full; free some space and save again.' });
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('reports a folder that vanished', async () => {
    const { dialogs } = fakeDialogs({ save: path.join(dir, 'gone', 'x.csv') });
    const result = await createFileService(dir).saveFile({ kind: 'csv', suggestedName: 'x', data: 'a' }, dialogs);
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/folder no longer exists/) });
  });

  it('opens the next dialog in the folder last used', async () => {
    const sub = path.join(dir, 'exports');
    const service = createFileService(dir);
    const first = fakeDialogs({ save: path.join(sub, 'a.csv') });
    await service.saveFile({ kind: 'csv', suggestedName: 'a', data: 'a' }, first.dialogs); // fails: no folder; still remembered
    const second = fakeDialogs({});
    await service.openFile({ kind: 'keel-json' }, second.dialogs);
    expect(second.openOptions[0]?.defaultPath).toBe(sub);
  });
});

describe('openFile', () => {
  it('returns the text and the file name', async () => {
    const file = path.join(dir, 'Support bot.keel.json');
    await writeFile(file, '{"format":"keel"}');
    const { dialogs, openOptions } = fakeDialogs({ open: [file] });
    const result = await createFileService(dir).openFile({ kind: 'keel-json' }, dialogs);
    expect(result).toEqual({ status: 'opened', fileName: 'Support bot.keel.json', text: '{"format":"keel"}' });
    expect(openOptions[0]?.filters?.[0]).toEqual({ name: 'Keel file', extensions: ['json'] });
    expect(openOptions[0]?.properties).toEqual(['openFile']);
  });

  it('returns cancelled when the user cancels', async () => {
    const { dialogs } = fakeDialogs({});
    await expect(createFileService(dir).openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({ status: 'cancelled' });
  });

  it('returns cancelled when the dialog is cancelled even with a path in hand', async () => {
    const file = path.join(dir, 'plan.keel.json');
    await writeFile(file, '{}');
    const dialogs: FileDialogs = {
      showSaveDialog: async () => ({ canceled: true, filePath: file }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [file] }),
    };
    const files = createFileService(dir);
    await expect(files.openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({ status: 'cancelled' });
    await expect(files.saveFile({ kind: 'csv', suggestedName: 'a', data: 'new' }, dialogs)).resolves.toEqual({
      status: 'cancelled',
    });
    expect(await readFile(file, 'utf8')).toBe('{}');
  });

  it('says a chosen folder is not a file', async () => {
    const folder = path.join(dir, 'plans.keel.json');
    await mkdir(folder);
    const { dialogs } = fakeDialogs({ open: [folder] });
    await expect(createFileService(dir).openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({
      status: 'failed',
      message: '"plans.keel.json" is not a file; choose a .keel.json file.',
    });
  });

  it('refuses a file over MAX_IMPORT_BYTES as too-large', async () => {
    const file = path.join(dir, 'huge.keel.json');
    const handle = await open(file, 'w');
    await handle.truncate(MAX_IMPORT_BYTES + 1); // sparse: costs no disk space
    await handle.close();
    const { dialogs } = fakeDialogs({ open: [file] });
    await expect(createFileService(dir).openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({
      status: 'too-large',
      fileName: 'huge.keel.json',
      sizeBytes: MAX_IMPORT_BYTES + 1,
      limitBytes: MAX_IMPORT_BYTES,
    });
  });

  it('explains a missing file in a plain sentence', async () => {
    const { dialogs } = fakeDialogs({ open: [path.join(dir, 'moved.keel.json')] });
    await expect(createFileService(dir).openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({
      status: 'failed',
      message: '"moved.keel.json" is no longer there: it was moved, renamed or deleted. Nothing was imported.',
    });
  });

  it('tells onOpened the path of a file it read, and nothing for a cancel or a failure', async () => {
    const file = path.join(dir, 'plan.keel.json');
    await writeFile(file, '{}');
    const opened: string[] = [];
    const service = createFileService(dir, MAX_IMPORT_BYTES, (filePath) => opened.push(filePath));
    await service.openFile({ kind: 'keel-json' }, fakeDialogs({ open: [file] }).dialogs);
    await service.openFile({ kind: 'keel-json' }, fakeDialogs({}).dialogs);
    await service.openFile({ kind: 'keel-json' }, fakeDialogs({ open: [path.join(dir, 'gone.keel.json')] }).dialogs);
    expect(opened).toEqual([file]);
  });

  it('explains a binary file', async () => {
    const file = path.join(dir, 'photo.keel.json');
    await writeFile(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const { dialogs } = fakeDialogs({ open: [file] });
    await expect(createFileService(dir).openFile({ kind: 'keel-json' }, dialogs)).resolves.toEqual({
      status: 'failed',
      message: '"photo.keel.json" is not a text file; choose a .keel.json file exported from Keel.',
    });
  });

  it('turns a failing dialog into a failed result, not a rejection', async () => {
    const dialogs: FileDialogs = {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => {
        throw new Error('portal crashed');
      },
    };
    const result = await createFileService(dir).openFile({ kind: 'keel-json' }, dialogs);
    expect(result.status).toBe('failed');
  });
});

describe('readOpenedFile', () => {
  it('reads a file as text and says a missing one is gone', async () => {
    const file = path.join(dir, 'plan.keel.json');
    await writeFile(file, 'text');
    await expect(readOpenedFile(file)).resolves.toEqual({ opened: { status: 'opened', fileName: 'plan.keel.json', text: 'text' }, gone: false });
    const missing = await readOpenedFile(path.join(dir, 'moved.keel.json'));
    expect(missing.gone).toBe(true);
    expect(missing.opened).toEqual({ status: 'failed', message: goneMessage('moved.keel.json') });
  });

  it('a folder is not gone: it is refused in a sentence', async () => {
    const folder = path.join(dir, 'folder.keel.json');
    await mkdir(folder);
    await expect(readOpenedFile(folder)).resolves.toMatchObject({ gone: false, opened: { status: 'failed' } });
  });
});
