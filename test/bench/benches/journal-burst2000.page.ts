// A burst of 2,000 map moves (arrow presses) over 20 items, from the first move to every one of
// them stored: each move is journaled at once and the CoalescedWriter stores each item's newest
// place (Editor + Dexie, strict durability, undo steps merged as the map merges nudges), until
// the journal is empty and the database holds the last place of every item. Baseline: the same
// writes with raw IndexedDB, one strict read-write transaction each, in the same order (each
// item's first place, then its last: the two saves the writer needs when a burst arrives while
// the first is under way), each also stamping the program as changed as every edit does, so the
// ratio is the cost of the journal, the writer and the Editor.
// The note gives the number of saves made and the time per move.
import type { UncertaintyItem } from '../../../renderer/src/domain/uncertainty/model';
import { KeelDB } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { CoalescedWriter } from '../../../renderer/src/state/coalesced-writer';
import { pendingCount } from '../../../renderer/src/state/pending-edits';
import { BENCH_PROGRAM_ID, makeLayers, makePrograms, makeUncertaintyItems } from '../lib/data';
import { compare } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const MOVES = 2000;
const ITEMS = 20;
type Place = { impact: number; uncertainty: number };

const placeOf = (move: number): Place => ({ impact: 1 + (move % 41) / 10, uncertainty: 1 + ((move * 7) % 41) / 10 });

async function fresh(rep: number, kind: string): Promise<{ db: KeelDB; items: UncertaintyItem[] }> {
  const db = new KeelDB(`bench-burst-${kind}-${rep}-${Date.now()}`);
  await db.openChecked();
  const layers = makeLayers();
  const items = makeUncertaintyItems(ITEMS, layers);
  await db.programs.add({ ...makePrograms(1)[0]!, id: BENCH_PROGRAM_ID });
  await db.layers.bulkAdd(layers);
  await db.uncertaintyItems.bulkAdd(items);
  return { db, items };
}

async function done(db: KeelDB): Promise<void> {
  db.close();
  await db.delete();
}

let saves = 0;

async function burst(rep: number): Promise<number> {
  const { db, items } = await fresh(rep, 'writer');
  try {
    const repo = new UncertaintyRepository(new Editor(db));
    const writer = new CoalescedWriter<Place>('item-position', async (id, to) => {
      saves++;
      await repo.moveItem(id, to.impact, to.uncertainty, `nudge:${id}`);
      return true;
    });
    saves = 0;
    const start = performance.now();
    const stored: Promise<boolean>[] = [];
    for (let move = 0; move < MOVES; move++) {
      const item = items[move % ITEMS]!;
      stored.push(writer.put(item.id, placeOf(move), { impact: item.impact, uncertainty: item.uncertainty }, undefined));
    }
    if (!(await Promise.all(stored)).every(Boolean)) throw new Error('A save failed');
    const ms = performance.now() - start;
    if (pendingCount() !== 0) throw new Error(`${pendingCount()} edits still pending`);
    for (let i = 0; i < ITEMS; i++) {
      const last = placeOf(MOVES - ITEMS + i);
      const row = await db.uncertaintyItems.get(items[i]!.id);
      if (row?.impact !== last.impact || row.uncertainty !== last.uncertainty) throw new Error(`Item ${i} is not at its last place`);
    }
    return ms;
  } finally {
    await done(db);
  }
}

async function raw(rep: number): Promise<number> {
  const { db, items } = await fresh(rep, 'raw');
  const idb = db.backendDB();
  const program = (await db.programs.get(BENCH_PROGRAM_ID))!;
  try {
    const writes = [...items.map((item, i) => ({ ...item, ...placeOf(i) })), ...items.map((item, i) => ({ ...item, ...placeOf(MOVES - ITEMS + i) }))];
    const start = performance.now();
    for (const row of writes) {
      const tx = idb.transaction(['uncertaintyItems', 'programs'], 'readwrite', { durability: 'strict' });
      tx.objectStore('uncertaintyItems').put(row);
      tx.objectStore('programs').put({ ...program, updatedAt: Date.now() });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    return performance.now() - start;
  } finally {
    await done(db);
  }
}

const bench: Benchmark = {
  name: 'journal.burst2000',
  unit: 'ms',
  target: 4,
  baselineLabel: "raw IndexedDB puts of each item's first and last place with the program's change stamp, one strict transaction each",
  run: async () => {
    const result = await compare(burst, raw, { warmup: 1, reps: 5 });
    return {
      ...result,
      note: `${saves} saves for ${MOVES} moves over ${ITEMS} items, all stored ${result.value.toFixed(0)} ms after the first move (${((result.value / MOVES) * 1000).toFixed(0)} µs per move); the journal held every move from the moment it was made`,
    };
  },
};
export default bench;
