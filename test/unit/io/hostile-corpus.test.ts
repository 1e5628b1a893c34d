import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract';
import { readTextFileWithinLimit } from '../../../electron/read-text-file.js';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { readChosenFile } from '../../../renderer/src/platform/files';
import { importSnapshot, snapshotForExport } from '../../../renderer/src/storage/transfer';
import { freshStore } from '../factories';

// The corpus of hostile files (test/fixtures/hostile/manifest.json): each goes through the real
// reading path (the browser's file reader, then the .keel.json reader); an accepted one is also
// imported into storage, exported and read again by the app's own importer.

type Case = { why: string; file?: string; generate?: string } & (
  | { expect: 'imported'; counts: Record<string, number>; kept?: Record<string, unknown> }
  | { expect: 'refused'; says: string }
);

const fixtures = new URL('../../fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('hostile/manifest.json', fixtures), 'utf8')) as { cases: Case[] };
const baseText = () => readFileSync(new URL('hostile/base.keel.json', fixtures), 'utf8');

/** The cases too big or too deep to keep as files. */
const GENERATED: Record<string, () => Uint8Array> = {
  'nesting-100000-arrays': () => keelWith(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  'nesting-100000-objects': () => keelWith(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
  'enormous-description': () => edited((file) => (file.program.description = 'x'.repeat(2_000_000))),
  'enormous-tag-list': () => edited((file) => (file.data.uncertaintyItems[0].tags = Array.from({ length: 5000 }, (_, i) => `t${i}`))),
  'over-the-size-limit': () => new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20),
  'items-1000': () =>
    edited((file) => {
      const [item] = file.data.uncertaintyItems;
      file.data.uncertaintyItems = Array.from({ length: 1000 }, (_, i) => ({ ...item, id: `item-${i}`, title: `Item ${i}` }));
    }),
};

function keelWith(data: string): Uint8Array {
  return new TextEncoder().encode(`{"format":"keel","formatVersion":4,"data":${data}}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped file, edited as JSON
function edited(edit: (file: any) => void): Uint8Array {
  const file = JSON.parse(baseText());
  edit(file);
  return new TextEncoder().encode(JSON.stringify(file));
}

function bytesOf(c: Case): Uint8Array {
  if (c.file) return new Uint8Array(readFileSync(new URL(c.file, fixtures)));
  const make = c.generate ? GENERATED[c.generate] : undefined;
  if (!make) throw new Error(`No generator for ${c.generate}`);
  return make();
}

type Outcome = { imported: false; sentence: string } | { imported: true; text: string };

/** What the user would get: read as the browser reads a chosen file, then parsed as Keel reads it. */
async function read(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  const opened = await readChosenFile(new File([bytes as BlobPart], fileName));
  if (opened.status === 'failed') return { imported: false, sentence: opened.message };
  if (opened.status === 'too-large') return { imported: false, sentence: describeImportError({ kind: 'too-large', sizeBytes: opened.sizeBytes, limitBytes: opened.limitBytes }, fileName) };
  if (opened.status !== 'opened') throw new Error(`unexpected ${opened.status}`);
  const parsed = parseKeelFile(opened.text);
  return parsed.ok ? { imported: true, text: opened.text } : { imported: false, sentence: describeImportError(parsed.error, fileName) };
}

/** Imports the text into a fresh store and exports the imported program again. */
async function importAndExport(text: string): Promise<string> {
  const parsed = parseKeelFile(text);
  if (!parsed.ok) throw new Error(describeImportError(parsed.error));
  const store = await freshStore();
  try {
    const program = await importSnapshot(store.editor, parsed.snapshot);
    expect(program.id).not.toBe(parsed.snapshot.program.id);
    const snapshot = await snapshotForExport(store.editor, program.id);
    return serializeProgram(snapshot!, '0.1.0', new Date(0));
  } finally {
    store.db.close();
  }
}

function at(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined), value);
}

const name = (c: Case) => c.file ?? `generated: ${c.generate}`;

describe('hostile files (test/fixtures/hostile/manifest.json)', () => {
  it('lists every stored hostile file once', async () => {
    const { readdirSync } = await import('node:fs');
    const listed = manifest.cases.flatMap((c) => (c.file?.startsWith('hostile/') ? [c.file.slice('hostile/'.length)] : []));
    const stored = readdirSync(new URL('hostile/', fixtures)).filter((f) => f !== 'manifest.json' && f !== 'README.md');
    expect([...listed].sort()).toEqual(stored.sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(manifest.cases.map((c) => [name(c), c] as const))('%s', async (fileName, c) => {
    const outcome = await read(bytesOf(c), path.basename(fileName));
    if (c.expect === 'refused') {
      expect(outcome.imported, c.why).toBe(false);
      if (!outcome.imported) expect(outcome.sentence).toContain(c.says);
      return;
    }
    if (!outcome.imported) throw new Error(`${c.why}: refused with "${outcome.sentence}"`);
    const exported = await importAndExport(outcome.text);
    // The app's own importer takes back what it exported.
    const again = parseKeelFile(exported);
    if (!again.ok) throw new Error(`re-export refused: ${describeImportError(again.error)}`);
    const data = JSON.parse(exported);
    // Tables the manifest does not name (areas newer than the case) must come out empty.
    const counts = Object.fromEntries(Object.entries(data.data).map(([table, rows]) => [table, (rows as unknown[]).length]));
    expect(counts).toEqual({ ...Object.fromEntries(Object.keys(counts).map((table) => [table, 0])), ...c.counts });
    for (const [field, value] of Object.entries(c.kept ?? {})) expect(at(data, field), field).toEqual(value);
  });
});

describe('stored hostile files read the same in Electron', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keel-hostile-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same text, or the same refusal, as the browser for every stored file', async () => {
    for (const c of manifest.cases.filter((k) => k.file)) {
      const bytes = bytesOf(c);
      const file = path.join(dir, 'case.keel.json');
      await writeFile(file, bytes);
      const electron = await readTextFileWithinLimit(file, MAX_IMPORT_BYTES);
      const browser = await readChosenFile(new File([bytes as BlobPart], 'case.keel.json'));
      expect(electron.kind === 'text' ? electron.text : electron.kind, c.file).toEqual(browser.status === 'opened' ? browser.text : 'not-text');
    }
  });
});
