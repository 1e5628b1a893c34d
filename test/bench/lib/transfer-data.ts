// The program both transfer benchmarks use: the seven default layers and 10,000 uncertainty
// items (lib/data.ts), stored in a fresh KeelDB as Keel stores them.
import type { Program } from '../../../renderer/src/domain/program';
import { KeelDB } from '../../../renderer/src/storage/db';
import { BENCH_NOW, BENCH_PROGRAM_ID, makeLayers, makeUncertaintyItems } from './data';

export const TRANSFER_ITEMS = 10_000;

export function transferProgram(): Program {
  return { id: BENCH_PROGRAM_ID, name: 'Transfer bench', description: '', createdAt: BENCH_NOW, updatedAt: BENCH_NOW, archivedAt: null, deletedAt: null, staleAfterDays: 30 };
}

/** A fresh database holding the program, its layers and items (written raw; not timed). */
export async function storedTransferProgram(name: string): Promise<KeelDB> {
  const db = new KeelDB(name);
  await db.openChecked();
  const layers = makeLayers();
  await db.transaction('rw', db.programs, db.layers, db.uncertaintyItems, async () => {
    await db.programs.put(transferProgram());
    await db.layers.bulkPut(layers);
    await db.uncertaintyItems.bulkPut(makeUncertaintyItems(TRANSFER_ITEMS, layers));
  });
  return db;
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('Transaction aborted'));
  });
}

export async function deleteDatabase(name: string): Promise<void> {
  const req = indexedDB.deleteDatabase(name);
  await new Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}
