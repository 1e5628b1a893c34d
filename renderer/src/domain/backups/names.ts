// An automatic backup's file name says when it was made, so both the Electron folder and the
// browser's backup database list them by time without opening them.

const PREFIX = 'keel-backup-';
const SUFFIX = '.keel-workspace.json';
const NAME = /^keel-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.keel-workspace\.json$/;

/** "keel-backup-2026-11-29T14-30-05-123Z.keel-workspace.json": letters, digits, "-" and "." only. */
export function backupName(time: number): string {
  return `${PREFIX}${new Date(time).toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
}

/** The time a backup's name records; undefined for a name Keel did not give. */
export function backupTime(name: string): number | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  // A name with a 31st of February would round to another day: not one Keel gave.
  return backupName(time) === name ? time : undefined;
}
