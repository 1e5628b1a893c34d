// The records the app-level benchmarks (startup.cold100, memory.largest) put in the built app's
// own IndexedDB: built in Node (through Vite's module runner, from the same generators as the
// page benchmarks) and written by `app-page.mjs` with raw IndexedDB puts.
import type { ProgramState } from '../../../renderer/src/domain/sessions/snapshot';
import type { OwnedRow } from '../../../renderer/src/domain/snapshot';
import { programState } from '../../../renderer/src/domain/sessions/snapshot';
import { BENCH_PROGRAM_ID, makeLayers, makePrograms, makeUncertaintyItems } from './data';
import { makePlanProgram } from './plan-data';
import { closedSessions } from './sessions-data';

/** Rows per table; snapshot rows leave `state` out (the page adds `snapshotState` to each). */
export interface SeedRows {
  tables: Record<string, readonly object[]>;
  snapshotState?: ProgramState;
}

/** Closed sessions of the largest program, as `sessions.open50` has them. */
export const LARGEST_SESSIONS = 50;

/**
 * The largest benchmark program: the plan program of `plan-data.ts` (5,000 uncertainty items,
 * 500 metrics, 50 matrices, 500 roadmap items, 1,000 actions, 500 decisions, 50 scope changes)
 * with 50 closed sessions and their 100 snapshots, as `sessions.open50` stores it.
 */
export function largestProgram(name = 'Bench plan'): SeedRows {
  const plan = makePlanProgram();
  const program = { ...makePrograms(1)[0]!, id: BENCH_PROGRAM_ID, name };
  const layers = makeLayers();
  const owned: Record<string, readonly object[]> = { layers, ...plan };
  const state = programState({ program, owned: owned as Record<string, OwnedRow[]> });
  const { sessions, snapshots } = closedSessions(LARGEST_SESSIONS, state);
  return {
    tables: {
      programs: [program],
      ...owned,
      sessions,
      snapshots: snapshots.map(({ state: _state, ...row }) => row),
    },
    snapshotState: state,
  };
}

/** Programs with 2,000 uncertainty items each, besides the largest one. */
const MEDIUM_PROGRAMS = 2;
const MEDIUM_ITEMS = 2000;

/**
 * `count` programs as a long-used computer has them: the largest program above, two with 2,000
 * uncertainty items on the seven default layers, the rest with a name and a description only
 * (`makePrograms`: updated from minutes to months ago). All active, so the home list shows all.
 */
export function manyPrograms(count: number): SeedRows {
  const largest = largestProgram();
  const programs = [...(largest.tables.programs as { id: string }[]), ...makePrograms(count - 1, 7)];
  const layers: object[] = [...largest.tables.layers!];
  const uncertaintyItems: object[] = [...largest.tables.uncertaintyItems!];
  for (let i = 0; i < MEDIUM_PROGRAMS; i++) {
    const programId = programs[1 + i * 10]!.id;
    // makeLayers gives fixed ids; each program needs its own.
    const own = makeLayers(programId).map((layer) => ({ ...layer, id: `${programId}-${layer.id}` }));
    layers.push(...own);
    uncertaintyItems.push(...makeUncertaintyItems(MEDIUM_ITEMS, own, 100 + i));
  }
  return { tables: { ...largest.tables, programs, layers, uncertaintyItems }, snapshotState: largest.snapshotState };
}
