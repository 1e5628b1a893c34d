// Keeping a session's snapshot of the plan program (5,000 uncertainty items, 500 metrics, 50
// matrices, 500 roadmap items, 1,000 actions, 500 decisions): readProgramState (one indexed read
// per table) + programState + storing the row in one undoable edit (keepSnapshot, as starting
// and ending a session do), against raw IndexedDB getAll of the same tables by programId + a put
// of the same row. The note gives the row's size.
import { newSession } from '../../../renderer/src/domain/sessions/edits';
import type { SessionSnapshot } from '../../../renderer/src/domain/sessions/snapshot';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { keepSnapshot } from '../../../renderer/src/storage/session-snapshots';
import { BENCH_NOW, BENCH_PROGRAM_ID } from '../lib/data';
import { compare } from '../lib/measure';
import { deleteDatabase, planDatabase, STATE_TABLES } from '../lib/sessions-data';
import type { Benchmark } from '../lib/types';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const bench: Benchmark = {
  name: 'sessions.snapshot',
  unit: 'ms',
  target: 2,
  baselineLabel: 'raw IndexedDB: getAll of the same nine tables by their programId index, then a put of the same snapshot row, in one readwrite transaction',
  run: async () => {
    const name = `bench-snapshot-${Date.now()}`;
    const db = await planDatabase(name);
    try {
      const editor = new Editor(db, new UndoHistory());
      const session = newSession(BENCH_PROGRAM_ID, { title: 'Bench session' }, BENCH_NOW);
      let kept: SessionSnapshot | undefined;
      const result = await compare(
        async () => {
          const start = performance.now();
          kept = await editor.edit('Keep snapshot', (tx) => keepSnapshot(tx, db, session, 'end', BENCH_NOW));
          const ms = performance.now() - start;
          await db.snapshots.clear();
          return ms;
        },
        async () => {
          const raw = db.backendDB();
          const start = performance.now();
          const tx = raw.transaction([...STATE_TABLES, 'snapshots'], 'readwrite', { durability: 'strict' });
          const read = await Promise.all(STATE_TABLES.map((table) => request(tx.objectStore(table).index('programId').getAll(BENCH_PROGRAM_ID))));
          if (read[2]!.length !== 5000) throw new Error('The raw read missed items');
          await request(tx.objectStore('snapshots').put({ ...kept!, id: 'raw' }));
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          const ms = performance.now() - start;
          await db.snapshots.clear();
          return ms;
        },
        { warmup: 1, reps: 5 },
      );
      if (!kept || kept.state.uncertainty.length !== 5000 || kept.state.roadmap.length !== 500) throw new Error('The snapshot did not keep the whole program');
      return { ...result, note: `one snapshot row: ${(JSON.stringify(kept).length / 1024).toFixed(0)} KiB of JSON (sessions.snapshotSize)` };
    } finally {
      db.close();
      await deleteDatabase(name);
    }
  },
};

export default bench;
