import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract';
import { readTextFileWithinLimit } from '../../../electron/read-text-file.js';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { parseAnyKeelFile, serializeWorkspace } from '../../../renderer/src/io/workspace-file';
import { readChosenFile } from '../../../renderer/src/platform/files';
import { importSnapshot, importSnapshots, snapshotForExport, snapshotsForBackup } from '../../../renderer/src/storage/transfer';
import { freshStore } from '../factories';

// The corpus of hostile files (test/fixtures/hostile/manifest.json): each goes through the real
// reading path (the browser's file reader, then the .keel.json reader); an accepted one is also
// imported into storage, exported and read again by the app's own importer.

// A workspace case's counts are summed over its programs, and it names how many it holds.
type Case = { why: string; file?: string; generate?: string; programs?: number } & (
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
  'workspace-nesting-100000-in-a-program': () =>
    new TextEncoder().encode(`{"format":"keel-workspace","formatVersion":1,"programs":[{"format":"keel","formatVersion":7,"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`),
  'workspace-enormous-name': () => workspaceWith((file) => (file.programs[1].program.name = 'x'.repeat(2_000_000))),
  'workspace-over-the-size-limit': () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    bytes.set(new TextEncoder().encode('{"format":"keel-workspace","formatVersion":1,"programs":[]}'));
    return bytes;
  },
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped file, edited as JSON
function workspaceWith(edit: (file: any) => void): Uint8Array {
  const file = JSON.parse(readFileSync(new URL('hostile/workspace-base.keel-workspace.json', fixtures), 'utf8'));
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
  // The home screen's Import (and a dropped file) takes either kind of Keel file.
  const parsed = parseAnyKeelFile(opened.text);
  return parsed.ok ? { imported: true, text: opened.text } : { imported: false, sentence: describeImportError(parsed.error, fileName) };
}

/** Imports a workspace file's programs into a fresh store and exports them again as one workspace. */
async function importAndExportWorkspace(text: string): Promise<string> {
  const parsed = parseAnyKeelFile(text);
  if (!parsed.ok) throw new Error(describeImportError(parsed.error));
  const store = await freshStore();
  try {
    await importSnapshots(store.editor, parsed.snapshots, 'Import');
    return serializeWorkspace(await snapshotsForBackup(store.editor), '0.1.0', new Date(0));
  } finally {
    store.db.close();
  }
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
    if (c.programs !== undefined) {
      const again = parseAnyKeelFile(await importAndExportWorkspace(outcome.text));
      if (!again.ok) throw new Error(`re-export refused: ${describeImportError(again.error)}`);
      expect(again.kind).toBe('workspace');
      expect(again.snapshots).toHaveLength(c.programs);
      const counts: Record<string, number> = {};
      for (const snapshot of again.snapshots) for (const [table, rows] of Object.entries(snapshot.owned)) counts[table] = (counts[table] ?? 0) + rows.length;
      expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual(c.counts);
      return;
    }
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

describe('a refused file changes nothing stored', () => {
  /** Every row of every table, in key order: what "byte for byte" compares. */
  async function dump(db: Awaited<ReturnType<typeof freshStore>>['db']): Promise<string> {
    const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
    return JSON.stringify(tables);
  }

  it('leaves the stored data byte-for-byte unchanged and the undo history as it was, for every refused case', async () => {
    const store = await freshStore();
    try {
      const seed = parseKeelFile(readFileSync(new URL('format-v7/support-assistant-workshop.keel.json', fixtures), 'utf8'));
      if (!seed.ok) throw new Error('fixture');
      await importSnapshot(store.editor, seed.snapshot);
      const before = await dump(store.db);
      const undo = store.editor.history.nextUndo;
      for (const c of manifest.cases.filter((k) => k.expect === 'refused')) {
        // The import as the app runs it: read, parse, and store only what was accepted.
        const outcome = await read(bytesOf(c), 'case.json');
        if (outcome.imported) {
          const parsed = parseAnyKeelFile(outcome.text);
          if (parsed.ok) await importSnapshots(store.editor, parsed.snapshots, 'Import');
        }
        expect(await dump(store.db), name(c)).toBe(before);
        expect(store.editor.history.nextUndo, name(c)).toBe(undo);
      }
    } finally {
      store.db.close();
    }
  });

  it('stores none of a workspace when storage fails part-way through it', async () => {
    const store = await freshStore();
    try {
      const parsed = parseAnyKeelFile(readFileSync(new URL('hostile/workspace-base.keel-workspace.json', fixtures), 'utf8'));
      if (!parsed.ok) throw new Error('fixture');
      await store.programs.create({ name: 'Already here' });
      const before = await dump(store.db);
      // The disk fills while the second program's items go in.
      const items = store.db.table('uncertaintyItems');
      const bulkAdd = items.bulkAdd.bind(items);
      let calls = 0;
      items.bulkAdd = ((rows: never) => (++calls === 2 ? Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })) : bulkAdd(rows))) as never;
      await expect(importSnapshots(store.editor, parsed.snapshots, 'Import 2 programs')).rejects.toThrow();
      expect(calls).toBe(2);
      expect(await dump(store.db)).toBe(before);
      expect(store.editor.history.nextUndo?.label).not.toBe('Import 2 programs');
    } finally {
      store.db.close();
    }
  });
});
