import { ownValue } from '../ids';
import type { FunctionWeights } from './model';
import { blendWeights, EPSILON, matrixFacts, normaliseWeights, rankOptions, recommended, type MatrixInput, type OptionResult } from './scoring';
import { sensitivity, smallestFlip, type CriterionSensitivity, type FlipPoint } from './sensitivity';

// Everything a matrix shows, recomputed in one pass whenever a score or weight changes.

export type CombinedWeighting = { mode: 'equal' } | { mode: 'facilitator'; weights: Readonly<Record<string, number>> };

export interface FunctionRanking {
  functionId: string;
  results: OptionResult[];
  winner: string | undefined;
}

export interface MatrixAnalysis {
  weights: Record<string, number>;
  results: OptionResult[];
  winner: OptionResult | undefined;
  /** Options that could be recommended and score exactly what the winner scores: a tie the team must break. */
  tied: string[];
  perFunction: FunctionRanking[];
  /** Functions whose own weights pick a different winner: the misalignment to resolve. */
  disagreeing: string[];
  /** Functions that have not weighed the criteria (none set, or all 0): they count every criterion equally, which says nothing about them. */
  unweighed: string[];
  sensitivity: CriterionSensitivity[];
  flip: FlipPoint | undefined;
}

export function analyseMatrix(input: MatrixInput, functionWeights: readonly FunctionWeights[], combined: CombinedWeighting): MatrixAnalysis {
  const facts = matrixFacts(input);
  const weights =
    combined.mode === 'equal' ? blendWeights(functionWeights, input.criteria) : normaliseWeights(combined.weights, input.criteria);
  const results = rankOptions(input, weights, facts);
  const winner = recommended(results);
  const complete = (r: OptionResult) => r.coverage >= 1 - EPSILON;
  const tied = winner
    ? results
        .filter((r) => r.optionId !== winner.optionId && r.vetoes.length === 0 && r.score !== null)
        .filter((r) => Math.abs(r.score! - winner.score!) <= EPSILON && (!complete(winner) || complete(r)))
        .map((r) => r.optionId)
    : [];
  const perFunction = functionWeights.map((f): FunctionRanking => {
    const own = rankOptions(input, f.weights, facts);
    return { functionId: f.functionId, results: own, winner: recommended(own)?.optionId };
  });
  const weighed = (f: FunctionWeights) => input.criteria.some((c) => (ownValue(f.weights, c.id) ?? 0) > 0);
  const unweighed = functionWeights.filter((f) => !weighed(f)).map((f) => f.functionId);
  const disagreeing = disagreeingFunctions(perFunction, unweighed, winner?.optionId);

  // Sensitivity among the options that could win: scored everywhere and not vetoed.
  const contenders = input.options.flatMap((o, i) => {
    const row = facts.utilities[i]!;
    const result = results[i]!;
    return row.every((u) => u !== null) && result.vetoes.length === 0 ? [{ optionId: o.id, utilities: row as number[] }] : [];
  });
  const canAnalyse = winner !== undefined && contenders.some((c) => c.optionId === winner.optionId);
  const sens = canAnalyse ? sensitivity(input.criteria, weights, contenders, winner.optionId) : [];
  return { weights, results, winner, tied, perFunction, disagreeing, unweighed, sensitivity: sens, flip: smallestFlip(sens) };
}

/**
 * The functions whose own top pick differs from the recommendation. A function that weighed
 * nothing counts every criterion equally: its pick is no difference to resolve.
 */
export function disagreeingFunctions(perFunction: readonly FunctionRanking[], unweighed: readonly string[], winnerId: string | undefined): string[] {
  return perFunction.filter((f) => !unweighed.includes(f.functionId) && f.winner !== undefined && f.winner !== winnerId).map((f) => f.functionId);
}
