// The small words and numbers the trade-off views, charts and summaries share: scores out of
// 100, percentages, how much is scored, names with their fallbacks. Apart from describe.ts so the
// overview, which every window loads, can use them without the sentence builders.

import { andList, noun } from '../words';

// Lists in words are the program's one rule (domain/words.ts); the trade-off views import it from here too.
export { andList };
import type { MatrixOption } from './model';
import type { OptionResult } from './scoring';

/** A share 0..1 as a whole percentage: 0.123 → "12%". */
export function percent(x: number): string {
  return `${score100(x)}%`;
}

/** A utility 0..1 as the 0–100 score users see: 0.784 → "78". */
export function score100(score: number): string {
  const n = Math.round(score * 100);
  return String(n === 0 ? 0 : n);
}

/** Whether an option is scored on less than all of the weight. */
export function isPartial(result: Pick<OptionResult, 'score' | 'coverage'>): boolean {
  return result.score !== null && result.coverage < 1 - 1e-9;
}

/**
 * "80% scored". A partly scored option never reads "100%" nor "0%": rounding would hide
 * that something is missing, or that something is there.
 */
export function coverageText(coverage: number): string {
  return `${Math.min(99, Math.max(1, Math.round(coverage * 100)))}% scored`;
}

const UNTITLED_OPTION = 'Untitled option';
const UNTITLED_CRITERION = 'Untitled criterion';

/** Looks up an option's title by id; empty titles and unknown ids read "Untitled option". */
export function optionTitles(options: readonly Pick<MatrixOption, 'id' | 'title'>[]): (id: string) => string {
  const byId = new Map(options.map((o) => [o.id, o.title.trim()]));
  return (id) => byId.get(id) || UNTITLED_OPTION;
}

/** Looks up a criterion's or a function's name by id, with a fallback for empty names. */
export function namesOf(items: readonly { id: string; name: string }[], fallback = UNTITLED_CRITERION): (id: string) => string {
  const byId = new Map(items.map((c) => [c.id, c.name.trim()]));
  return (id) => byId.get(id) || fallback;
}

/** "vetoed by the p95 latency guardrail", "vetoed by the p95 latency and Cost guardrails". */
export function vetoedBy(criterionNames: readonly string[]): string {
  return `vetoed by the ${andList(criterionNames)} ${noun(criterionNames.length, 'guardrail')}`;
}

/** An option as a list to choose from shows it: "B (recommended)", "C (vetoed by the p95 latency guardrail)". */
export function choiceLabel(title: string, recommended: boolean, vetoedByCriteria: readonly string[]): string {
  const notes = [recommended ? 'recommended' : '', vetoedByCriteria.length ? vetoedBy(vetoedByCriteria) : ''].filter(Boolean);
  return notes.length ? `${title} (${notes.join(', ')})` : title;
}

/** Results best first; options without a score keep their place at the end. */
export function byRank<T extends Pick<OptionResult, 'rank'>>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => a.rank - b.rank);
}
