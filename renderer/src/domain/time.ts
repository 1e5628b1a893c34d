import { parseDay } from './dates';
import { plural } from './words';

/** "just now", "5 minutes ago", "3 days ago", then a plain date. */
export function relativeTime(then: number, now: number = Date.now()): string {
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return formatDate(then);
}

// Formatters are built once: constructing one costs far more than formatting with it, and a
// list of 1,000 rows formats 1,000 dates.
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(time: number): string {
  return dateFormat.format(time);
}

export function formatDateTime(time: number): string {
  return dateTimeFormat.format(time);
}

// Days (YYYY-MM-DD, read as UTC midnight) in the user's language: "Mar 4", "Mar 4, 2026".
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** A day at UTC midnight, as in a chart's axis or summary. */
export function formatDay(time: number | Date, withYear = false): string {
  return (withYear ? dayYearFormat : dayFormat).format(time);
}

/**
 * A stored day (YYYY-MM-DD) in a sentence, in the user's language: "Nov 20, 2026". Tables of
 * readings and evidence keep the stored form, which sorts and matches what a CSV holds.
 */
export function dayInWords(day: string): string {
  const time = parseDay(day);
  return time === null ? day : formatDay(time, true);
}
