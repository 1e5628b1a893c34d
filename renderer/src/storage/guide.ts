import { liveQuery, type Observable } from 'dexie';
import type { GuideRecords } from '../domain/guide';
import type { KeelDB } from './db';

/**
 * What the first-workshop guide ticks its steps off from, for one program, live (in every
 * window): its uncertainty items, metrics, functions and sessions. `programId` undefined: none.
 */
export function watchGuideRecords(db: KeelDB, programId: string | undefined): Observable<Omit<GuideRecords, 'program'>> {
  return liveQuery(async () => {
    if (programId === undefined) return { uncertaintyItems: [], metrics: [], functions: [], sessions: [] };
    const [uncertaintyItems, metrics, functions, sessions] = await Promise.all([
      db.uncertaintyItems.where({ programId }).primaryKeys(),
      db.metrics.where({ programId }).toArray(),
      db.functions.where({ programId }).toArray(),
      db.sessions.where({ programId }).primaryKeys(),
    ]);
    return { uncertaintyItems: uncertaintyItems.map((id) => ({ id })), metrics, functions, sessions: sessions.map((id) => ({ id })) };
  });
}
