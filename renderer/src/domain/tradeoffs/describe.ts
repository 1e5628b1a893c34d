import { disagreeingFunctions, type FunctionRanking, type MatrixAnalysis } from './analysis';
import { matchesComparisons } from './ahp-judgements';
import { pairwiseGaps, type Judgements, type MatrixOption } from './model';
import { andList, byRank, coverageText, isPartial, namesOf, optionTitles, percent, score100 } from './labels';
import type { OptionResult } from './scoring';
import { smallestFlip, type CriterionSensitivity, type FlipPoint } from './sensitivity';
import { plural } from '../words';

// Plain sentences for the trade-off results: what the charts show, said in words. They are
// the charts' accessible names and their tooltips, so a reader never depends on the picture.

/** "A", "A or B", "A, B or C". */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * How far one criterion's weight can move, alone, before the winner changes:
 * "Weight of Latency p95 can move from 12% to 48% (now 30%) before Option B overtakes Option A."
 */
export function describeSensitivity(
  s: CriterionSensitivity,
  criterionName: string,
  optionTitle: (id: string) => string,
  winnerTitle: string,
): string {
  const subject = `Weight of ${criterionName}`;
  const { belowLow: below, aboveHigh: above } = s;
  if (!below && !above) return `${subject} can take any value from 0% to 100% without changing the winner.`;
  const now = percent(s.weight);
  const low = percent(s.low);
  const high = percent(s.high);
  const takers = [...new Set([below, above].filter((id): id is string => id !== null))].map(optionTitle);
  // A band narrower than a percentage point would read "from 30% to 30%".
  if (low === high) return `${subject} is at a tipping point (now ${now}): a small change lets ${orList(takers)} overtake ${winnerTitle}.`;
  const who = below && above && below !== above ? `${optionTitle(below)} (below ${low}) or ${optionTitle(above)} (above ${high})` : takers[0]!;
  return `${subject} can move from ${low} to ${high} (now ${now}) before ${who} overtakes ${winnerTitle}.`;
}

/**
 * The smallest single weight change that flips the winner:
 * "The smallest single change that flips the winner: Latency p95 from 30% to 48% makes Option B the winner."
 */
export function describeFlip(flip: FlipPoint | undefined, criterionName: (id: string) => string, optionTitle: (id: string) => string): string {
  if (!flip) return 'No single weight change flips the winner.';
  return `The smallest single change that flips the winner: ${criterionName(flip.criterionId)} from ${percent(flip.from)} to ${percent(flip.to)} makes ${optionTitle(flip.optionId)} the winner.`;
}

/** When the leading options tie, sensitivity has nothing to measure. */
export const SENSITIVITY_TIED = 'The leading options tie, so any change of weight decides between them.';
/** When no option scored everywhere can be recommended. */
export const SENSITIVITY_NEEDS_SCORES =
  'Sensitivity needs a recommended option scored on every criterion. Score every cell of the leading options to see how robust the choice is.';

/** The sensitivity in one sentence, as the results panel leads with it: the smallest flip, or why there is none to tell. */
export function sensitivitySentence(
  analysis: Pick<MatrixAnalysis, 'winner' | 'tied' | 'sensitivity' | 'flip'>,
  criterionName: (id: string) => string,
  optionTitle: (id: string) => string,
): string {
  if (analysis.tied.length) return SENSITIVITY_TIED;
  if (analysis.winner && analysis.sensitivity.length) return describeFlip(analysis.flip, criterionName, optionTitle);
  return SENSITIVITY_NEEDS_SCORES;
}

/** Where weights kept with pairwise judgements come from, and that in words. */
export type WeightsSource = { state: 'pairwise' | 'by-hand-since' | 'incomplete'; text: string };

/**
 * What weights kept with pairwise judgements now come from: the comparisons only while every
 * pair of the current criteria is compared and the weights are what they give. Once a criterion
 * is added (it starts at the average weight) this asks to complete the set; once a weight is
 * typed by hand, it says so (the comparisons stay for the dialog). Null without judgements.
 */
export function weightsSource(
  criteria: readonly { id: string; name: string }[],
  judgements: Judgements | null,
  weights: Readonly<Record<string, number>>,
): WeightsSource | null {
  if (!judgements) return null;
  const ids = criteria.map((c) => c.id);
  const { missing, uncompared } = pairwiseGaps(ids, judgements);
  if (missing === 0) {
    return matchesComparisons(ids, weights, judgements)
      ? { state: 'pairwise', text: 'from pairwise comparisons' }
      : { state: 'by-hand-since', text: 'set by hand; Pairwise… starts from the earlier comparisons' };
  }
  const what = uncompared.length ? andList(uncompared.map(namesOf(criteria))) : plural(missing, 'pair');
  return { state: 'incomplete', text: `${what} not compared yet: complete the pairwise comparisons` };
}

/** The ranking chart in words: the recommendation, then every option in rank order. */
export function rankingSummary(results: readonly OptionResult[], options: readonly MatrixOption[], winnerId: string | undefined): string {
  if (results.length === 0) return 'Weighted ranking: no options yet.';
  const title = optionTitles(options);
  const ordered = byRank(results);
  const parts = [`Weighted ranking of ${plural(results.length, 'option')}, scores out of 100.`];
  const winner = winnerId === undefined ? undefined : results.find((r) => r.optionId === winnerId && r.score !== null && r.vetoes.length === 0);
  parts.push(winner ? `Recommended: ${title(winner.optionId)}.` : 'No option can be recommended yet.');
  const scored = ordered.filter((r) => r.score !== null);
  if (scored.length) {
    const items = scored.map((r) => {
      const notes = [r.vetoes.length ? 'vetoed' : '', isPartial(r) ? coverageText(r.coverage) : ''].filter(Boolean);
      return `${r.rank}. ${title(r.optionId)}: ${score100(r.score!)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    });
    parts.push(`${items.join('; ')}.`);
  }
  const unscored = ordered.filter((r) => r.score === null);
  if (unscored.length) parts.push(`Not scored: ${andList(unscored.map((r) => title(r.optionId)))}.`);
  return parts.join(' ');
}

/**
 * The function comparison in words: the recommendation, each function's top pick, and where they
 * differ. A function in `unweighed` set no weights: its pick is said to count every criterion
 * equally and is no difference to resolve.
 */
export function functionComparisonSummary(
  options: readonly MatrixOption[],
  functions: readonly { id: string; name: string }[],
  perFunction: readonly FunctionRanking[],
  combinedWinnerId: string | undefined,
  unweighed: readonly string[] = [],
): string {
  const title = optionTitles(options);
  const name = namesOf(functions, 'Unnamed function');
  const rankings = new Map(perFunction.map((f) => [f.functionId, f]));
  const shown = functions.filter((f) => rankings.has(f.id));
  const parts = [`Scores out of 100 of ${plural(options.length, 'option')} under each function's weights and the combined weights.`];
  parts.push(
    combinedWinnerId === undefined ? 'No option can be recommended with the combined weights.' : `Recommended with the combined weights: ${title(combinedWinnerId)}.`,
  );
  if (shown.length) {
    const picks = shown.map((f) => {
      const winner = rankings.get(f.id)!.winner;
      const note = unweighed.includes(f.id) ? ' (not weighed yet: every criterion equal)' : '';
      return `${name(f.id)}, ${winner === undefined ? 'none' : title(winner)}${note}`;
    });
    parts.push(`Top pick by function: ${picks.join('; ')}.`);
    const disagreeing = new Set(disagreeingFunctions(perFunction, unweighed, combinedWinnerId));
    const differing = shown.filter((f) => disagreeing.has(f.id));
    if (differing.length) {
      const verb = differing.length === 1 ? 'picks' : 'pick';
      parts.push(`${andList(differing.map((f) => name(f.id)))} ${verb} a different option from the recommendation.`);
    } else if (combinedWinnerId !== undefined && shown.every((f) => rankings.get(f.id)!.winner === combinedWinnerId)) {
      parts.push("Every function's top pick is the recommended option.");
    }
  }
  return parts.join(' ');
}

/** The sensitivity chart in words: the smallest flip first, then every criterion. */
export function sensitivitySummary(
  sensitivity: readonly CriterionSensitivity[],
  criteria: readonly { id: string; name: string }[],
  options: readonly MatrixOption[],
  winnerId: string,
): string {
  if (sensitivity.length === 0) return 'Weight sensitivity: nothing to show.';
  const title = optionTitles(options);
  const name = namesOf(criteria);
  const winner = title(winnerId);
  return [
    `How far each criterion's weight can move, on its own, before ${winner} stops being the winner.`,
    describeFlip(smallestFlip(sensitivity), name, title),
    ...sensitivity.map((s) => describeSensitivity(s, name(s.criterionId), title, winner)),
  ].join(' ');
}
