import { plural } from '../words';
import { SCOPE_KINDS, type ScopeChange, type ScopeKind } from './model';

// How much scope changed over time, by kind: accepted changes counted per month (the month they
// were decided, or asked when no decision day was kept), every month between the first and the
// last shown, so a quiet month reads as a gap rather than disappearing.

export interface MonthOfChanges {
  /** YYYY-MM. */
  month: string;
  counts: Record<ScopeKind, number>;
  total: number;
}

const noCounts = (): Record<ScopeKind, number> => ({ expand: 0, reduce: 0, pivot: 0, reprioritise: 0 });

/** The month a change counts in: when it was decided, else when it was asked. */
export function monthOf(change: Pick<ScopeChange, 'decidedOn' | 'requestedOn'>): string {
  return (change.decidedOn || change.requestedOn).slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Accepted changes per month and kind, oldest month first, with the empty months between. */
export function changesByMonth(changes: readonly ScopeChange[]): MonthOfChanges[] {
  const byMonth = new Map<string, Record<ScopeKind, number>>();
  for (const change of changes) {
    if (change.decision !== 'accepted') continue;
    const month = monthOf(change);
    const counts = byMonth.get(month) ?? noCounts();
    counts[change.kind] += 1;
    byMonth.set(month, counts);
  }
  const months = [...byMonth.keys()].sort();
  if (months.length === 0) return [];
  const out: MonthOfChanges[] = [];
  for (let month = months[0]!; month <= months.at(-1)!; month = nextMonth(month)) {
    const counts = byMonth.get(month) ?? noCounts();
    out.push({ month, counts, total: SCOPE_KINDS.reduce((sum, kind) => sum + counts[kind], 0) });
  }
  return out;
}

/** "7 changes in 3 months: 3 expand, 2 reduce, 1 pivot, 1 reprioritise" (kinds with none left out). */
export function describeChanges(months: readonly MonthOfChanges[]): string {
  const total = months.reduce((sum, m) => sum + m.total, 0);
  if (total === 0) return 'No accepted scope changes yet.';
  const kinds = SCOPE_KINDS.map((kind) => [kind, months.reduce((sum, m) => sum + m.counts[kind], 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return `${plural(total, 'change')} in ${plural(months.length, 'month')}: ${kinds.join(', ')}`;
}

// Built once: constructing a formatter costs far more than formatting with it.
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A month (YYYY-MM) in the user's language: "Mar 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(Date.UTC(y, m - 1, 1));
}
