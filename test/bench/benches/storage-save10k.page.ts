// Saving 10,000 programs through the repository layer (Editor + Dexie, one undoable edit)
// against a raw IndexedDB put of the same records in one transaction.
import { KeelDB } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import type { Program } from '../../../renderer/src/domain/program';
import { makePrograms } from '../lib/data';
import { compare } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const COUNT = 10_000;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function deleteDatabase(name: string): Promise<void> {
  const req = indexedDB.deleteDatabase(name);
  await new Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // onblocked only means a closing connection still finishes a transaction; success follows.
  });
}

async function viaRepository(programs: readonly Program[], rep: number): Promise<number> {
  const name = `bench-repo-${rep}-${Date.now()}`;
  const db = new KeelDB(name);
  await db.openChecked();
  try {
    const repo = new ProgramRepository(new Editor(db, new UndoHistory()));
    const start = performance.now();
    await repo.createMany(programs);
    const ms = performance.now() - start;
    if ((await db.programs.count()) !== programs.length) throw new Error('Repository saved the wrong number of rows');
    return ms;
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

async function viaRawIndexedDB(programs: readonly Program[], rep: number): Promise<number> {
  const name = `bench-raw-${rep}-${Date.now()}`;
  const open = indexedDB.open(name, 1);
  // The same schema as KeelDB's programs table (primary key and updatedAt index), so the
  // ratio measures the repository layer, not the cost of maintaining an index.
  open.onupgradeneeded = () => open.result.createObjectStore('programs', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
  const db = await request(open);
  try {
    const start = performance.now();
    // Same durability as KeelDB (chromeTransactionDurability: 'strict'), so only the layer differs.
    const tx = db.transaction('programs', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('programs');
    for (const program of programs) store.put(program);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('Transaction aborted'));
    });
    const ms = performance.now() - start;
    const count = await request(db.transaction('programs').objectStore('programs').count());
    if (count !== programs.length) throw new Error('Raw put saved the wrong number of rows');
    return ms;
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

const bench: Benchmark = {
  name: 'storage.save10k',
  unit: 'ms',
  target: 1.3,
  baselineLabel:
    'raw indexedDB put of the same 10k records in one readwrite transaction, durability "strict" ' +
    '(as KeelDB), store keyPath "id" with an updatedAt index (as KeelDB)',
  async run() {
    const programs = makePrograms(COUNT);
    return compare(
      (rep) => viaRepository(programs, rep),
      (rep) => viaRawIndexedDB(programs, rep),
      { warmup: 1, reps: 5 },
    );
  },
};

export default bench;
