// Which automatic backups to keep: the most recent ones, plus the newest of each of the last
// days, so a mistake noticed a few days late can still be undone from a backup.
import { isoDay } from '../dates';

export const RECENT_BACKUPS_KEPT = 8;
export const DAILY_BACKUPS_DAYS = 7;
/** At most one automatic backup this often, and only when something changed since the last. */
export const BACKUP_INTERVAL_MS = 15 * 60_000;

const DAY_MS = 24 * 60 * 60_000;

export interface RotationPolicy {
  recent: number;
  days: number;
  /** The calendar day a time falls on, as the user counts days (local time by default). */
  dayOf: (time: number) => string;
}

export const DEFAULT_ROTATION: RotationPolicy = { recent: RECENT_BACKUPS_KEPT, days: DAILY_BACKUPS_DAYS, dayOf: isoDay };

/**
 * The backup times to keep, newest first: the `recent` newest, and the newest of each calendar
 * day that began less than `days` days before now (today included). A backup from the future
 * (a clock set back) counts as recent, so it is never the one thrown away unseen.
 */
export function backupsToKeep(times: readonly number[], now: number, policy: RotationPolicy = DEFAULT_ROTATION): number[] {
  const newestFirst = [...new Set(times)].sort((a, b) => b - a);
  const keep = new Set(newestFirst.slice(0, policy.recent));
  const days = new Set(Array.from({ length: policy.days }, (_, i) => policy.dayOf(now - i * DAY_MS)));
  const seenDays = new Set<string>();
  for (const time of newestFirst) {
    const day = policy.dayOf(time);
    if (time > now) keep.add(time);
    else if (days.has(day) && !seenDays.has(day)) keep.add(time);
    seenDays.add(day);
  }
  return newestFirst.filter((time) => keep.has(time));
}
