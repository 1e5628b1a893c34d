import type { Metric, ProgramFunction } from '../metrics/model';
import { analyseMatrix, type CombinedWeighting, type MatrixAnalysis } from './analysis';
import { metricDirection, type Criterion, type FunctionWeights, type Matrix } from './model';

export { metricDirection };
import { matrixFacts, type MatrixInput } from './scoring';

// Glue between a stored matrix, the program's metrics and functions, and the analysis.

/** What a criterion shows: a linked metric lends its current name, unit and direction. */
export interface ResolvedCriterion extends Criterion {
  unit: string;
  metric: Metric | undefined;
}


export function resolveCriteria(criteria: readonly Criterion[], metricsById: ReadonlyMap<string, Metric>): ResolvedCriterion[] {
  return criteria.map((c) => {
    const metric = c.metricId ? metricsById.get(c.metricId) : undefined;
    return metric
      ? { ...c, name: metric.name, direction: metricDirection(metric), unit: metric.unit, metric }
      : { ...c, unit: '', metric: undefined };
  });
}

export function matrixInput(matrix: Matrix, criteria: readonly ResolvedCriterion[]): MatrixInput {
  const guardrails = new Map(criteria.filter((c) => c.metric).map((c) => [c.metricId, c.metric!.guardrail]));
  return { mode: matrix.mode, options: matrix.options, criteria, scores: matrix.scores, guardrails };
}

/** Each current function's weights, in the functions' order; a function that set none weighs equally. */
export function functionWeightsOf(matrix: Matrix, functions: readonly ProgramFunction[]): FunctionWeights[] {
  const stored = new Map(matrix.functionWeights.map((f) => [f.functionId, f.weights]));
  return functions.map((f) => ({ functionId: f.id, weights: stored.get(f.id) ?? {} }));
}

export function combinedOf(matrix: Matrix): CombinedWeighting {
  return matrix.combined.mode === 'equal' ? { mode: 'equal' } : { mode: 'facilitator', weights: matrix.combined.weights };
}

export interface ResolvedMatrix {
  criteria: ResolvedCriterion[];
  input: MatrixInput;
  analysis: MatrixAnalysis;
}

export function resolveMatrix(matrix: Matrix, metricsById: ReadonlyMap<string, Metric>, functions: readonly ProgramFunction[]): ResolvedMatrix {
  const criteria = resolveCriteria(matrix.criteria, metricsById);
  const input = matrixInput(matrix, criteria);
  return { criteria, input, analysis: analyseMatrix(input, functionWeightsOf(matrix, functions), combinedOf(matrix)) };
}

/**
 * The criteria on which the chosen option is not the best scored: what choosing it trades away.
 * A criterion the chosen option leaves unscored counts as traded away when another option is scored on it.
 * Only options that are not vetoed are compared.
 */
export function tradedAway(input: MatrixInput, chosenId: string): string[] {
  const facts = matrixFacts(input);
  const chosen = input.options.findIndex((o) => o.id === chosenId);
  if (chosen < 0) return [];
  return input.criteria.flatMap((c, j) => {
    const mine = facts.utilities[chosen]![j];
    // Vetoed options were never on the table: being beaten by one trades nothing away.
    const best = Math.max(-1, ...facts.utilities.map((row, i) => (i === chosen || facts.vetoes[i]!.length === 0 ? (row[j] ?? -1) : -1)));
    if (best < 0) return [];
    return mine === null || mine === undefined || mine < best - 1e-9 ? [c.id] : [];
  });
}

/** The option the combined weighting recommends: the winner, unless the leading options tie. */
export function recommendedOption(analysis: Pick<MatrixAnalysis, 'winner' | 'tied'>): string | null {
  return analysis.tied.length ? null : (analysis.winner?.optionId ?? null);
}

/** Cell key used by pending edits: `${optionId}:${criterionId}`. */
export const cellKey = (optionId: string, criterionId: string) => `${optionId}:${criterionId}`;

/**
 * The matrix as the user sees it while typed scores are still being saved: each pending value
 * replaces the stored one (a new cell when there was none). Returns the same object when nothing is pending.
 */
export function withPendingScores(matrix: Matrix, pending: ReadonlyMap<string, number | null>): Matrix {
  if (pending.size === 0) return matrix;
  const left = new Map(pending);
  const scores = matrix.scores.map((s) => {
    const key = cellKey(s.optionId, s.criterionId);
    if (!left.has(key)) return s;
    const value = left.get(key)!;
    left.delete(key);
    return { ...s, value };
  });
  for (const [key, value] of left) {
    if (value === null) continue;
    const [optionId, criterionId] = key.split(':') as [string, string];
    if (matrix.options.some((o) => o.id === optionId) && matrix.criteria.some((c) => c.id === criterionId)) {
      scores.push({ optionId, criterionId, value, rationale: '', confidence: null, expected: null });
    }
  }
  return { ...matrix, scores };
}

/** Pending values the stored matrix now holds: their saves have landed. */
export function landedScores(matrix: Matrix, pending: ReadonlyMap<string, number | null>): string[] {
  // Few cells are ever pending at once: look each one up rather than index the whole matrix.
  return [...pending]
    .filter(([key, value]) => (matrix.scores.find((s) => cellKey(s.optionId, s.criterionId) === key)?.value ?? null) === value)
    .map(([key]) => key);
}
