// "Since last session" on the plan program: diffStates of two snapshots' states (5,000
// uncertainty items, 500 metrics, 50 matrices, 500 roadmap items, 1,000 actions, 500 decisions,
// 50 scope changes), the second with a tenth of every area changed (items moved and given
// evidence, metrics signed, roadmap items slipped, actions done), ms per diff. The note gives the
// changes found and a raw pass that only indexes both sides by id (the floor of any diff by id).
import { diffStates } from '../../../renderer/src/domain/sessions/diff';
import type { ProgramState } from '../../../renderer/src/domain/sessions/snapshot';
import { readProgramState } from '../../../renderer/src/storage/session-snapshots';
import { BENCH_PROGRAM_ID } from '../lib/data';
import { median, repeat } from '../lib/measure';
import { deleteDatabase, planDatabase } from '../lib/sessions-data';
import type { Benchmark } from '../lib/types';

const TARGET_MS = 100;

/** The state after a session: a tenth of each area changed. */
function changed(state: ProgramState): ProgramState {
  const tenth = <T>(rows: T[], change: (row: T) => T) => rows.map((row, i) => (i % 10 === 0 ? change(row) : row));
  return {
    ...state,
    uncertainty: tenth(state.uncertainty, (u) => ({ ...u, impact: u.impact >= 3 ? 1.5 : 4.5, evidence: u.evidence + 1, lastEvidence: 'Pilot showed it' })),
    metrics: tenth(state.metrics, (m) => ({ ...m, agreed: state.functions.map((f) => f.id), breached: !m.breached })),
    roadmap: tenth(state.roadmap, (r) => ({ ...r, latest: r.latest ? '2027-06-30' : r.latest, confidence: 'low' })),
    actions: tenth(state.actions, (a) => ({ ...a, status: 'done' })),
  };
}

function indexOnly(a: ProgramState, b: ProgramState): number {
  let n = 0;
  for (const key of ['uncertainty', 'metrics', 'matrices', 'roadmap', 'decisions', 'scope', 'actions'] as const) {
    const before = new Map((a[key] as { id: string }[]).map((r) => [r.id, r]));
    for (const row of b[key] as { id: string }[]) if (before.get(row.id) !== row) n++;
  }
  return n;
}

const bench: Benchmark = {
  name: 'sessions.diff',
  unit: 'ms',
  target: 1,
  baselineLabel: `the issue's target, ${TARGET_MS} ms, for the diff of two snapshots of the plan program`,
  run: async () => {
    const name = `bench-diff-${Date.now()}`;
    const db = await planDatabase(name);
    let before: ProgramState;
    try {
      before = await readProgramState(db, BENCH_PROGRAM_ID);
    } finally {
      db.close();
      await deleteDatabase(name);
    }
    const after = changed(before);
    let found = 0;
    const samples = await repeat(
      async () => {
        const start = performance.now();
        found = diffStates(before, after).length;
        return performance.now() - start;
      },
      { warmup: 3, reps: 11 },
    );
    const raw = await repeat(
      async () => {
        const start = performance.now();
        indexOnly(before, after);
        return performance.now() - start;
      },
      { warmup: 3, reps: 11 },
    );
    return {
      value: median(samples),
      baseline: TARGET_MS,
      samples: { value: samples, baseline: samples.map(() => TARGET_MS) },
      note: `${found} changed records found; indexing both sides by id alone: ${median(raw).toFixed(1)} ms`,
    };
  },
};

export default bench;
