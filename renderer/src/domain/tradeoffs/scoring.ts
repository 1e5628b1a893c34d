import { ownValue } from '../ids';
import { breaches } from '../metrics/guardrail';
import type { Guardrail } from '../metrics/model';
import { SCALES, type Criterion, type CriterionDirection, type FunctionWeights, type MatrixOption, type Score, type ScoringMode } from './model';

// Weighted scoring. Every score is mapped to 0..1 on its own scale (rating 1 -> 0 and 5 -> 1,
// reversed for a cost criterion; effect -3 -> 0 and +3 -> 1, already oriented to better or
// worse), so an option's utility never depends on which other options are in the matrix.
// An option's score is the weighted mean over its scored cells; unscored cells are left out
// and reported as missing coverage, never counted as zero.

export const NORMALISATION_TEXT: Record<ScoringMode, string> = {
  rating: 'Ratings are mapped to 0–1 (1 → 0, 5 → 1; reversed for cost criteria); an option scores the weighted mean of its rated cells.',
  effect: 'Effects are mapped to 0–1 (−3 → 0, 0 → 0.5, +3 → 1); an option scores the weighted mean of its scored cells.',
};

export function utility(value: number, mode: ScoringMode, direction: CriterionDirection): number {
  const { min, max } = SCALES[mode];
  const u = (Math.min(max, Math.max(min, value)) - min) / (max - min);
  // A rating says how much of the criterion there is; effects already say better or worse.
  return mode === 'rating' && direction === 'cost' ? 1 - u : u;
}

/** Weights scaled to sum to 1 over the criteria; negative or missing count as 0; all zero means equal. */
export function normaliseWeights(weights: Readonly<Record<string, number>>, criteria: readonly Pick<Criterion, 'id'>[]): Record<string, number> {
  const raw = criteria.map((c) => {
    const weight = ownValue(weights, c.id);
    return weight !== undefined && Number.isFinite(weight) ? Math.max(0, weight) : 0;
  });
  const sum = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(criteria.map((c, i) => [c.id, sum > 0 ? raw[i]! / sum : 1 / criteria.length]));
}

/** Weights that sum to 1 as percentage points to a tenth (0.3333 → 33.3): how weights are shown and stored as points. */
export function percentPoints(weights: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, Math.round(w * 1000) / 10]));
}

/** The equal blend of every function's normalised weights. */
export function blendWeights(functionWeights: readonly FunctionWeights[], criteria: readonly Pick<Criterion, 'id'>[]): Record<string, number> {
  if (functionWeights.length === 0) return normaliseWeights({}, criteria);
  const each = functionWeights.map((f) => normaliseWeights(f.weights, criteria));
  return Object.fromEntries(criteria.map((c) => [c.id, each.reduce((a, w) => a + w[c.id]!, 0) / each.length]));
}

export interface Veto {
  criterionId: string;
  expected: number;
  guardrail: Guardrail;
}

export interface OptionResult {
  optionId: string;
  /** Weighted mean utility over scored cells, 0..1; null when nothing weighted is scored. */
  score: number | null;
  /** Share of the weight whose cells are scored, 0..1. */
  coverage: number;
  vetoes: Veto[];
  /** 1 for the best, shared by options that tie; options without a score come last. */
  rank: number;
}

export interface MatrixInput {
  mode: ScoringMode;
  options: readonly MatrixOption[];
  criteria: readonly Criterion[];
  scores: readonly Score[];
  /** The guardrail of each linked metric, by metric id. */
  guardrails: ReadonlyMap<string, Guardrail | null>;
}

/** Looks up cells quickly: `${optionId}:${criterionId}`. */
export function scoreIndex(scores: readonly Score[]): Map<string, Score> {
  return new Map(scores.map((s) => [`${s.optionId}:${s.criterionId}`, s]));
}

/** What does not depend on weights, computed once per matrix change and shared by every ranking. */
export interface MatrixFacts {
  /** Utility per option and criterion, in their orders; null where unscored. */
  utilities: (number | null)[][];
  /** Guardrail vetoes per option, in the options' order. */
  vetoes: Veto[][];
}

export function matrixFacts(input: MatrixInput): MatrixFacts {
  const index = scoreIndex(input.scores);
  const utilities = input.options.map((o) =>
    input.criteria.map((c) => {
      const value = index.get(`${o.id}:${c.id}`)?.value;
      return value === null || value === undefined ? null : utility(value, input.mode, c.direction);
    }),
  );
  // An option is vetoed when its expected value for a linked metric would break that metric's guardrail.
  const vetoes = input.options.map((o) => {
    const found: Veto[] = [];
    for (const c of input.criteria) {
      if (!c.metricId) continue;
      const guardrail = input.guardrails.get(c.metricId) ?? null;
      const expected = index.get(`${o.id}:${c.id}`)?.expected;
      if (guardrail && expected !== null && expected !== undefined && breaches(expected, guardrail)) {
        found.push({ criterionId: c.id, expected, guardrail });
      }
    }
    return found;
  });
  return { utilities, vetoes };
}

/** Rounding noise is not a difference in score: options this close tie, and keep their order. */
export const EPSILON = 1e-9;

/** Scores and ranks every option under one set of weights. */
export function rankOptions(input: MatrixInput, weights: Readonly<Record<string, number>>, facts = matrixFacts(input)): OptionResult[] {
  const w = normaliseWeights(weights, input.criteria);
  const cw = input.criteria.map((c) => w[c.id]!);
  const results = input.options.map((option, i): OptionResult => {
    const row = facts.utilities[i]!;
    let weighted = 0;
    let covered = 0;
    for (let j = 0; j < cw.length; j++) {
      const u = row[j];
      if (u === null || u === undefined) continue;
      weighted += cw[j]! * u;
      covered += cw[j]!;
    }
    return { optionId: option.id, score: covered > 0 ? weighted / covered : null, coverage: covered, vetoes: facts.vetoes[i]!, rank: 0 };
  });
  const order = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const difference = (b.r.score ?? -1) - (a.r.score ?? -1);
      return Math.abs(difference) > EPSILON ? difference : a.i - b.i;
    })
    .map(({ r }) => r);
  // Options that tie share a rank (1, 1, 3): the order among them is only the list's order.
  order.forEach((r, i) => {
    const before = order[i - 1];
    r.rank = before && r.score !== null && before.score !== null && Math.abs(before.score - r.score) <= EPSILON ? before.rank : i + 1;
  });
  return results;
}

/**
 * The option to recommend: the best-scored option that is not vetoed, preferring options
 * scored on every weighted criterion. Undefined when no option can be recommended.
 */
export function recommended(results: readonly OptionResult[]): OptionResult | undefined {
  const eligible = results.filter((r) => r.vetoes.length === 0 && r.score !== null);
  const complete = eligible.filter((r) => r.coverage >= 1 - EPSILON);
  const pool = complete.length > 0 ? complete : eligible;
  return [...pool].sort((a, b) => a.rank - b.rank)[0];
}
