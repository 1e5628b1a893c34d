import { liveQuery, type Observable } from 'dexie';
import type { ProgramState } from '../domain/sessions/snapshot';
import type { KeelDB } from './db';
import { readKeptSnapshot, readProgramState } from './session-snapshots';

/**
 * What looking back reads: the program's state at a moment, live. A moment is a kept snapshot
 * (read by its id, one at a time and only here: never when a program opens) or now (the state
 * now follows every edit, in any window).
 */
export class SessionReviewRepository {
  constructor(private readonly db: KeelDB) {}

  /**
   * The state kept as snapshot `snapshotId`, or the state now when it is null; undefined when no
   * snapshot has that id (never kept, or '' for none).
   */
  watchState(programId: string, snapshotId: string | null): Observable<ProgramState | undefined> {
    if (snapshotId === null) return liveQuery(() => readProgramState(this.db, programId));
    return liveQuery(async () => (snapshotId ? (await readKeptSnapshot(this.db, snapshotId))?.state : undefined));
  }

  /**
   * When snapshot `snapshotId` was kept and where its items were, for the map's trails (`kept`
   * undefined when there is no such snapshot); the id comes back with it, so a reader can tell
   * the answer it waits for from the one before.
   */
  watchPositions(snapshotId: string): Observable<{ snapshotId: string; kept: { at: number; items: ProgramState['uncertainty'] } | undefined }> {
    return liveQuery(async () => {
      const snapshot = snapshotId ? await readKeptSnapshot(this.db, snapshotId) : undefined;
      return { snapshotId, kept: snapshot && { at: snapshot.at, items: snapshot.state.uncertainty } };
    });
  }
}
