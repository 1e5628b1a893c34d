// Calendar days as Keel stores them: YYYY-MM-DD strings, compared as text, read as UTC midnight.

/** The stored form of a day. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** UTC midnight of a YYYY-MM-DD day, or null when it is empty or not a real date (2026-02-30). */
export function parseDay(text: string): number | null {
  if (!DAY_PATTERN.test(text)) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March; such a date is a typo, not a day.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? time : null;
}

export function isDay(text: string): boolean {
  return parseDay(text) !== null;
}

/** The day of `time` as YYYY-MM-DD in local time (today, for a date field's default). */
export function isoDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
