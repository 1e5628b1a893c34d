// Exporting a program of 10,000 uncertainty items to .keel.json as ProgramsState.export does
// without the save dialog (snapshotForExport + serializeProgram), against raw IndexedDB reads of
// the same rows plus JSON.stringify of them.
import { PROGRAM_OWNED_TABLES } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { snapshotForExport } from '../../../renderer/src/storage/transfer';
import { serializeProgram } from '../../../renderer/src/io/keel-file';
import { BENCH_NOW, BENCH_PROGRAM_ID } from '../lib/data';
import { compare } from '../lib/measure';
import { deleteDatabase, request, storedTransferProgram, TRANSFER_ITEMS } from '../lib/transfer-data';
import type { Benchmark } from '../lib/types';

const bench: Benchmark = {
  name: 'transfer.export10k',
  unit: 'ms',
  target: 2,
  baselineLabel: 'raw IndexedDB: the program by key and every owned table by its programId index (getAll), one read transaction, then JSON.stringify(rows, null, 2) of what was read',
  async run() {
    const name = `bench-export-${Date.now()}`;
    const db = await storedTransferProgram(name);
    const editor = new Editor(db, new UndoHistory());
    let size = 0;
    try {
      const result = await compare(
        async () => {
          const start = performance.now();
          const snapshot = await snapshotForExport(editor, BENCH_PROGRAM_ID);
          const text = serializeProgram(snapshot!, 'bench', new Date(BENCH_NOW));
          const ms = performance.now() - start;
          size = text.length;
          if (!text.includes(`"uncertaintyItems"`)) throw new Error('export missed the items');
          return ms;
        },
        async () => {
          const start = performance.now();
          const raw = db.backendDB();
          const tx = raw.transaction(['programs', ...PROGRAM_OWNED_TABLES], 'readonly');
          const program = await request(tx.objectStore('programs').get(BENCH_PROGRAM_ID));
          const owned: Record<string, unknown[]> = {};
          for (const table of PROGRAM_OWNED_TABLES) owned[table] = await request(tx.objectStore(table).index('programId').getAll(BENCH_PROGRAM_ID));
          const text = JSON.stringify({ program, owned }, null, 2);
          const ms = performance.now() - start;
          if (owned.uncertaintyItems!.length !== TRANSFER_ITEMS || !text) throw new Error('raw read missed the items');
          return ms;
        },
        { warmup: 2, reps: 7 },
      );
      return { ...result, note: `file ${(size / 1024 / 1024).toFixed(1)} MB of text for ${TRANSFER_ITEMS} items` };
    } finally {
      db.close();
      await deleteDatabase(name);
    }
  },
};

export default bench;
