// How much a session's snapshot of the plan program stores: the JSON length of one snapshot row
// (what IndexedDB and the .keel.json file hold), against a full copy of the same program's rows
// (the nine tables a snapshot draws on, as export writes them): a snapshot keeps only what "since
// last session" compares, so fifty sessions do not hold a hundred copies of the program.
import { newSession } from '../../../renderer/src/domain/sessions/edits';
import { readProgramState } from '../../../renderer/src/storage/session-snapshots';
import { BENCH_NOW, BENCH_PROGRAM_ID } from '../lib/data';
import { deleteDatabase, planDatabase, STATE_TABLES } from '../lib/sessions-data';
import type { Benchmark } from '../lib/types';

const kib = (value: unknown) => JSON.stringify(value).length / 1024;

const bench: Benchmark = {
  name: 'sessions.snapshotSize',
  unit: 'KiB',
  target: 0.25,
  baselineLabel: 'the JSON of every row of the same nine tables: a full copy of the program',
  run: async () => {
    const name = `bench-snapshot-size-${Date.now()}`;
    const db = await planDatabase(name);
    try {
      const session = newSession(BENCH_PROGRAM_ID, { title: 'Bench session' }, BENCH_NOW);
      const state = await readProgramState(db, BENCH_PROGRAM_ID);
      const row = { id: crypto.randomUUID(), programId: BENCH_PROGRAM_ID, sessionId: session.id, moment: 'end', at: BENCH_NOW, state };
      const copy = await Promise.all(STATE_TABLES.map((table) => db.table(table).where({ programId: BENCH_PROGRAM_ID }).toArray()));
      const parts = Object.entries(state)
        .map(([area, rows]) => `${area} ${kib(rows).toFixed(0)}`)
        .join(', ');
      return { value: kib(row), baseline: kib(copy), note: `snapshot by area (KiB): ${parts}` };
    } finally {
      db.close();
      await deleteDatabase(name);
    }
  },
};

export default bench;
