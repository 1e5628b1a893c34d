import type { KeelDB } from '../storage/db';
import { classifyStorageError, storageProblem, type StorageProblem } from '../storage/errors';

/** Whether this window can use its database; a blocking problem replaces the app with a message. */
export class StorageHealth {
  ready = $state(false);
  /** A problem that stops the whole window (newer database, blocked upgrade, closed). */
  blocking = $state<StorageProblem | undefined>(undefined);

  /** Opens the database, then runs `afterOpen` (e.g. writing typing parked at the last close). */
  async open(db: KeelDB, afterOpen?: () => Promise<unknown>): Promise<void> {
    db.on('blocked', () => {
      this.blocking = storageProblem('blocked-upgrade');
    });
    db.on('versionchange', (event) => {
      // Another window is upgrading (stop writing with this older code, keep data intact) or
      // deleting the database (a new version of null): either way this window stops, and says which.
      db.close();
      this.blocking = storageProblem(event.newVersion === null ? 'deleted' : 'closed');
      return false;
    });
    try {
      await db.openChecked();
      await afterOpen?.();
      this.blocking = undefined;
      this.ready = true;
    } catch (error) {
      this.blocking = openProblem(classifyStorageError(error));
    }
  }
}

/** A failure to open is not a failed save: anything not known more precisely says storage cannot be opened. */
function openProblem(problem: StorageProblem): StorageProblem {
  return problem.kind === 'unknown' || problem.kind === 'quota' || problem.kind === 'closed' ? storageProblem('cannot-open', problem.detail) : problem;
}
