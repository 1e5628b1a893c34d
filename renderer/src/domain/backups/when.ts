// When a backup was made, as a person looks for it: "Today 14:30", "Yesterday 09:05", then the date.
import { isoDay } from '../dates';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });

const DAY_MS = 24 * 60 * 60_000;

export function backupWhen(time: number, now: number): string {
  const clock = timeFormat.format(time);
  const day = isoDay(time);
  if (day === isoDay(now)) return `Today ${clock}`;
  // Noon yesterday is yesterday's date whatever the clocks did overnight.
  if (day === isoDay(new Date(now).setHours(12, 0, 0, 0) - DAY_MS)) return `Yesterday ${clock}`;
  return `${dateFormat.format(time)} ${clock}`;
}
