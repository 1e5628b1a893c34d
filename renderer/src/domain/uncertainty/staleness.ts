import { isoDay } from '../dates';
import type { UncertaintyItem } from './model';

const DAY_MS = 86_400_000;

/** Statuses whose items no longer need reviewing. */
const SETTLED = new Set(['validated', 'invalidated', 'closed']);

export type StaleReason = { kind: 'review-overdue'; reviewDate: string } | { kind: 'no-recent-evidence'; days: number };

function dayStart(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1).getTime();
}

/**
 * Why an item is stale, or an empty list: its review date has passed, or nothing has been
 * learned about it (no evidence, counted from its creation) for `staleAfterDays`. Settled
 * items are never stale.
 */
export function staleReasons(item: UncertaintyItem, now: number, staleAfterDays: number): StaleReason[] {
  if (SETTLED.has(item.status)) return [];
  const reasons: StaleReason[] = [];
  const today = isoDay(now);
  if (item.reviewDate && item.reviewDate < today) reasons.push({ kind: 'review-overdue', reviewDate: item.reviewDate });
  const lastEvidence = item.evidence.reduce((latest, e) => (e.date > latest ? e.date : latest), '');
  const since = lastEvidence ? dayStart(lastEvidence) : item.createdAt;
  const days = Math.floor((dayStart(today) - dayStart(isoDay(since))) / DAY_MS);
  if (staleAfterDays > 0 && days >= staleAfterDays) reasons.push({ kind: 'no-recent-evidence', days });
  return reasons;
}

export function isStale(item: UncertaintyItem, now: number, staleAfterDays: number): boolean {
  return staleReasons(item, now, staleAfterDays).length > 0;
}

export function describeStaleReason(reason: StaleReason): string {
  return reason.kind === 'review-overdue'
    ? `Review was due ${reason.reviewDate}`
    : `No evidence for ${reason.days} days`;
}

/** Why an item is stale, as one sentence ("Stale: Review was due 2026-01-31."), or '' when it is not. */
export function staleSentence(reasons: readonly StaleReason[]): string {
  return reasons.length ? `Stale: ${reasons.map(describeStaleReason).join('; ')}.` : '';
}

/** What the stale mark on the map means, under the program's rule (0 days: only the review date counts). */
export function staleMarkMeaning(staleAfterDays: number): string {
  return staleAfterDays > 0 ? `Stale: past its review date, or no evidence for ${staleAfterDays} days` : 'Stale: past its review date';
}
