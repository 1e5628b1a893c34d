import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFileWithinLimit } from '../../../electron/read-text-file.js';
import { readChosenFile } from '../../../renderer/src/platform/files';

// The browser (a File from the picker) and Electron (a path from the main-process dialog) must
// turn the same bytes into the same text, or refuse them both.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keel-decoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEXT = '{"name":"Évaluation 評価 🚀"}';
const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
};

const cases: [string, Buffer, string | 'not-text'][] = [
  ['UTF-8', Buffer.from(TEXT), TEXT],
  ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), TEXT],
  ['UTF-16 LE with a BOM', utf16(TEXT, false, true), TEXT],
  ['UTF-16 BE with a BOM', utf16(TEXT, true, true), TEXT],
  ['UTF-16 LE without a BOM', utf16(TEXT, false, false), TEXT],
  ['UTF-16 BE without a BOM', utf16(TEXT, true, false), TEXT],
  ['bytes that are not UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'not-text'],
  ['UTF-16 cut in the middle of a character', utf16(TEXT, false, true).subarray(0, 9), 'not-text'],
  ['an empty file', Buffer.alloc(0), ''],
];

async function inElectron(bytes: Buffer): Promise<string> {
  const file = path.join(dir, 'case.keel.json');
  await writeFile(file, bytes);
  const read = await readTextFileWithinLimit(file, 1_000_000);
  return read.kind === 'text' ? read.text : read.kind;
}

async function inBrowser(bytes: Buffer): Promise<string> {
  const read = await readChosenFile(new File([new Uint8Array(bytes)], 'case.keel.json'));
  if (read.status === 'opened') return read.text;
  if (read.status === 'failed' && /not a text file/.test(read.message)) return 'not-text';
  return JSON.stringify(read);
}

describe('one decoding rule for chosen files', () => {
  it.each(cases)('%s reads the same in the browser and in Electron', async (_name, bytes, expected) => {
    expect(await inElectron(bytes)).toBe(expected);
    expect(await inBrowser(bytes)).toBe(expected);
  });

  it('says the same sentence for a file that is not text in both', async () => {
    const bytes = new Uint8Array([0xc3, 0x28]);
    const read = await readChosenFile(new File([bytes], 'photo.keel.json'));
    expect(read).toEqual({ status: 'failed', message: '"photo.keel.json" is not a text file; choose a .keel.json file exported from Keel.' });
  });
});
