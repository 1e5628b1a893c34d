// Sessions' benchmark data: the plan program (lib/plan-data.ts: 5,000 uncertainty items, 500
// metrics, 50 matrices, 500 roadmap items, 1,000 actions, 500 decisions, 50 scope changes) stored
// in a fresh KeelDB, and closed sessions with their start and end snapshots.
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import type { ProgramState, SessionSnapshot } from '../../../renderer/src/domain/sessions/snapshot';
import { endSession, startBlock } from '../../../renderer/src/domain/sessions/timer';
import { KeelDB } from '../../../renderer/src/storage/db';
import { BENCH_NOW, BENCH_PROGRAM_ID, makeLayers, makePrograms } from './data';
import { makePlanProgram } from './plan-data';

const DAY_MS = 86_400_000;

/** The tables a snapshot reads (storage/session-snapshots.ts), and the overview too. */
export const STATE_TABLES = ['layers', 'functions', 'uncertaintyItems', 'metrics', 'matrices', 'roadmapItems', 'decisions', 'scopeChanges', 'actions'] as const;

export async function deleteDatabase(name: string): Promise<void> {
  const req = indexedDB.deleteDatabase(name);
  await new Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

/** A fresh KeelDB holding the plan program. */
export async function planDatabase(name: string): Promise<KeelDB> {
  const db = new KeelDB(name);
  await db.openChecked();
  const plan = makePlanProgram();
  const program = { ...makePrograms(1)[0]!, id: BENCH_PROGRAM_ID, name: 'Bench plan' };
  await db.transaction('rw', db.tables, async () => {
    await db.programs.add(program);
    await db.layers.bulkAdd(makeLayers());
    await db.functions.bulkAdd(plan.functions);
    await db.uncertaintyItems.bulkAdd(plan.uncertaintyItems);
    await db.metrics.bulkAdd(plan.metrics);
    await db.matrices.bulkAdd(plan.matrices);
    await db.roadmapItems.bulkAdd(plan.roadmapItems);
    await db.decisions.bulkAdd(plan.decisions);
    await db.scopeChanges.bulkAdd(plan.scopeChanges);
    await db.actions.bulkAdd(plan.actions);
  });
  return db;
}

/** `count` closed sessions of the bench program, a week apart, each with its two snapshots of `state`. */
export function closedSessions(count: number, state: ProgramState): { sessions: Session[]; snapshots: SessionSnapshot[] } {
  const sessions: Session[] = [];
  const snapshots: SessionSnapshot[] = [];
  for (let i = 0; i < count; i++) {
    const startedAt = BENCH_NOW - (count - i) * 7 * DAY_MS;
    let session = newSession(
      BENCH_PROGRAM_ID,
      { title: `Session ${i + 1}`, blocks: [newBlock({ title: 'Review', plannedMinutes: 60, method: 'uncertainty' }), newBlock({ title: 'Retro', plannedMinutes: 15, method: 'retro' })] },
      startedAt - DAY_MS,
    );
    session = endSession(startBlock(session, session.blocks[0]!.id, startedAt), startedAt + 75 * 60_000);
    const kept = (moment: SessionSnapshot['moment'], at: number): SessionSnapshot => ({ id: `bench-snapshot-${i}-${moment}`, programId: BENCH_PROGRAM_ID, sessionId: session.id, moment, at, state });
    const start = kept('start', startedAt);
    const end = kept('end', session.endedAt!);
    snapshots.push(start, end);
    sessions.push({ ...session, startSnapshotId: start.id, endSnapshotId: end.id });
  }
  return { sessions, snapshots };
}
