// When the automatic backup runs: only after something changed since the last backup, and at
// most once per interval, so a long session of typing makes one backup every 15 minutes.
import { BACKUP_INTERVAL_MS } from './rotation';

export interface ScheduleFacts {
  now: number;
  /** The last automatic or manual backup; undefined when there has been none. */
  lastBackupAt: number | undefined;
  /** The last time any window's undo history moved; undefined when nothing changed yet. */
  changedAt: number | undefined;
}

export function backupDue(facts: ScheduleFacts, intervalMs = BACKUP_INTERVAL_MS): boolean {
  if (facts.changedAt === undefined) return false;
  if (facts.lastBackupAt === undefined) return true;
  // A clock set back (a backup "from the future") must not stop backups for good.
  const elapsed = facts.now - facts.lastBackupAt;
  return facts.changedAt > facts.lastBackupAt && (elapsed >= intervalMs || elapsed < 0);
}
