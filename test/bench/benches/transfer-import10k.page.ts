// Importing the .keel.json of a program of 10,000 uncertainty items as ProgramsState.importText
// does (parseKeelFile: size, JSON, migration, strict validation, references; then importSnapshot:
// fresh ids, one undoable edit), against JSON.parse plus a raw bulk put of the same rows.
import { KeelDB } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { importSnapshot, snapshotForExport } from '../../../renderer/src/storage/transfer';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { BENCH_NOW, BENCH_PROGRAM_ID } from '../lib/data';
import { compare } from '../lib/measure';
import { deleteDatabase, storedTransferProgram, TRANSFER_ITEMS, transactionDone } from '../lib/transfer-data';
import type { Benchmark } from '../lib/types';

async function exportedText(): Promise<string> {
  const name = `bench-import-source-${Date.now()}`;
  const db = await storedTransferProgram(name);
  try {
    const snapshot = await snapshotForExport(new Editor(db, new UndoHistory()), BENCH_PROGRAM_ID);
    return serializeProgram(snapshot!, 'bench', new Date(BENCH_NOW));
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

/** A fresh KeelDB (same stores and indexes on both sides), deleted after the run. */
async function withFreshDb(rep: number, side: string, run: (db: KeelDB) => Promise<number>): Promise<number> {
  const name = `bench-import-${side}-${rep}-${Date.now()}`;
  const db = new KeelDB(name);
  await db.openChecked();
  try {
    return await run(db);
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

const bench: Benchmark = {
  name: 'transfer.import10k',
  unit: 'ms',
  target: 3,
  baselineLabel:
    'JSON.parse of the same file, then a raw IndexedDB put of its program, layers and items (programId added) in one strict readwrite transaction on a fresh KeelDB (the same stores and indexes)',
  async run() {
    const text = await exportedText();
    let parseMs = 0;
    const result = await compare(
      (rep) =>
        withFreshDb(rep, 'keel', async (db) => {
          const editor = new Editor(db, new UndoHistory());
          const start = performance.now();
          const parsed = parseKeelFile(text);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
          parseMs = performance.now() - start;
          await importSnapshot(editor, parsed.snapshot);
          const ms = performance.now() - start;
          if ((await db.uncertaintyItems.count()) !== TRANSFER_ITEMS) throw new Error('import stored the wrong number of items');
          return ms;
        }),
      (rep) =>
        withFreshDb(rep, 'raw', async (db) => {
          const start = performance.now();
          const file = JSON.parse(text);
          const programId = file.program.id as string;
          const tx = db.backendDB().transaction(['programs', 'layers', 'uncertaintyItems'], 'readwrite', { durability: 'strict' });
          tx.objectStore('programs').put({ ...file.program, archivedAt: null, deletedAt: null });
          for (const layer of file.data.layers) tx.objectStore('layers').put({ ...layer, programId });
          const items = tx.objectStore('uncertaintyItems');
          for (const item of file.data.uncertaintyItems) items.put({ ...item, programId });
          await transactionDone(tx);
          const ms = performance.now() - start;
          if ((await db.uncertaintyItems.count()) !== TRANSFER_ITEMS) throw new Error('raw put stored the wrong number of items');
          return ms;
        }),
      { warmup: 1, reps: 5 },
    );
    return { ...result, note: `file ${(text.length / 1024 / 1024).toFixed(1)} MB; parseKeelFile alone ${parseMs.toFixed(0)} ms (last run)` };
  },
};

export default bench;
