// In the browser there is no folder for automatic backups outside the browser's own storage, so
// Keel reminds the user, politely and rarely, to download a workspace file.

/** After how many days without a downloaded backup the reminder shows (and after a "Not now"). */
export const DOWNLOAD_REMINDER_DAYS = 7;

const DAY_MS = 24 * 60 * 60_000;

export interface ReminderFacts {
  now: number;
  /** When a workspace file was last downloaded on this computer; undefined when never. */
  lastDownloadAt: number | undefined;
  /** When the reminder was last put off with "Not now"; undefined when never. */
  dismissedAt: number | undefined;
  /** When the oldest program still kept (not in the trash) was made; undefined with none. */
  oldestProgramAt: number | undefined;
}

/**
 * Whether to remind: only with programs to lose, only once the newest copy outside the browser
 * (or, with none, the oldest program) is more than the set days old, and not again for as long
 * after "Not now".
 */
export function shouldRemindToDownload(facts: ReminderFacts, days = DOWNLOAD_REMINDER_DAYS): boolean {
  if (facts.oldestProgramAt === undefined) return false;
  const since = facts.lastDownloadAt ?? facts.oldestProgramAt;
  const limit = days * DAY_MS;
  if (facts.now - since < limit) return false;
  return facts.dismissedAt === undefined || facts.now - facts.dismissedAt >= limit;
}
