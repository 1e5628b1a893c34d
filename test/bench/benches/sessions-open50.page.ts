// Opening the plan program with 50 closed sessions (and their 100 snapshots of the whole program)
// against the same program with none: the first answer of every live query the overview reads
// (storage/attention.ts, one per table) and of the sessions list (SessionsRepository.watchSessions),
// from subscribing until all have answered. Snapshots live in their own table and are read only
// when a session looks back, so the two should cost the same.
import type { Observable } from 'dexie';
import { watchTable } from '../../../renderer/src/storage/attention';
import type { KeelDB } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { readProgramState } from '../../../renderer/src/storage/session-snapshots';
import { SessionsRepository } from '../../../renderer/src/storage/sessions-repo';
import { BENCH_PROGRAM_ID } from '../lib/data';
import { compare } from '../lib/measure';
import { closedSessions, deleteDatabase, planDatabase } from '../lib/sessions-data';
import type { Benchmark } from '../lib/types';

const SESSIONS = 50;
const OVERVIEW_TABLES = ['uncertaintyItems', 'metrics', 'functions', 'matrices', 'roadmapItems', 'decisions', 'scopeChanges', 'actions', 'revisitReviews'] as const;

function first<T>(observable: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = observable.subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });
}

async function open(db: KeelDB): Promise<number> {
  const sessions = new SessionsRepository(new Editor(db, new UndoHistory()));
  const start = performance.now();
  const [listed] = await Promise.all([first(sessions.watchSessions(BENCH_PROGRAM_ID)), ...OVERVIEW_TABLES.map((table) => first(watchTable(db, table, BENCH_PROGRAM_ID)))]);
  const ms = performance.now() - start;
  if (listed.length !== (db.name.includes('with') ? SESSIONS : 0)) throw new Error('The sessions list read the wrong sessions');
  return ms;
}

const bench: Benchmark = {
  name: 'sessions.open50',
  unit: 'ms',
  target: 1.2,
  baselineLabel: 'the same program with no session: the same live queries, first answers',
  run: async () => {
    const stamp = Date.now();
    const [withSessions, without] = await Promise.all([planDatabase(`bench-open-with-${stamp}`), planDatabase(`bench-open-none-${stamp}`)]);
    try {
      const { sessions, snapshots } = closedSessions(SESSIONS, await readProgramState(withSessions, BENCH_PROGRAM_ID));
      await withSessions.transaction('rw', withSessions.sessions, withSessions.snapshots, async () => {
        await withSessions.sessions.bulkAdd(sessions);
        await withSessions.snapshots.bulkAdd(snapshots);
      });
      const result = await compare(
        () => open(withSessions),
        () => open(without),
        { warmup: 2, reps: 9 },
      );
      return { ...result, note: `${SESSIONS} closed sessions and ${await withSessions.snapshots.count()} snapshots in the database` };
    } finally {
      withSessions.close();
      without.close();
      await deleteDatabase(`bench-open-with-${stamp}`);
      await deleteDatabase(`bench-open-none-${stamp}`);
    }
  },
};

export default bench;
