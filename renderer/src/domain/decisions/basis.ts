import { ownValue } from '../ids';
import { describeGuardrail, formatValue } from '../metrics/model';
import type { MatrixAnalysis } from '../tradeoffs/analysis';
import { describeFlip, describeSensitivity } from '../tradeoffs/describe';
import { namesOf, optionTitles } from '../tradeoffs/labels';
import type { ResolvedCriterion } from '../tradeoffs/matrix';
import { normaliseWeights, type Veto } from '../tradeoffs/scoring';
import type { Confidence, CriterionDirection, Decision, Matrix, ScoringMode } from '../tradeoffs/model';

// What a trade-off matrix's decision was made on, frozen at the moment of deciding so the record
// stays readable in full after the matrix is reopened and changed. Options and criteria are
// named by their place in the basis's own lists (never by id): the copy stands alone, whatever
// happens to the matrix, and a program copied or imported keeps it as it is.

export interface BasisOption {
  title: string;
  description: string;
}

export interface BasisCriterion {
  name: string;
  direction: CriterionDirection;
  /** The shared metric it stood for ('' when free-standing), its unit and guardrail in words. */
  metric: string;
  unit: string;
  guardrail: string;
}

export interface BasisScore {
  option: number;
  criterion: number;
  value: number | null;
  rationale: string;
  confidence: Confidence | null;
  expected: number | null;
}

/** One function's weights (0..1, in the criteria's order) and the option its own weights ranked first. */
export interface BasisFunction {
  name: string;
  weights: number[];
  /** False when the function had weighed nothing: it counted every criterion equally. */
  weighed: boolean;
  winner: number | null;
}

export interface BasisResult {
  option: number;
  /** 0..1, or null when nothing weighted was scored. */
  score: number | null;
  coverage: number;
  rank: number;
}

export interface BasisVeto {
  option: number;
  criterion: number;
  reason: string;
}

export interface BasisSensitivity {
  criterion: number;
  weight: number;
  low: number;
  high: number;
  sentence: string;
}

export interface MatrixBasis {
  question: string;
  context: string;
  mode: ScoringMode;
  options: BasisOption[];
  criteria: BasisCriterion[];
  scores: BasisScore[];
  functions: BasisFunction[];
  /** The weights that drove the ranking, and how they were combined. */
  combined: { how: 'equal' | 'facilitator'; weights: number[] };
  /** In the options' order; `rank` says the order of the ranking. */
  ranking: BasisResult[];
  vetoes: BasisVeto[];
  /** Options tied with the leader, when no option could be recommended for it. */
  tied: number[];
  /** The smallest flip as the matrix said it, and each criterion's band; empty when it could not be analysed. */
  flip: string;
  sensitivity: BasisSensitivity[];
  chosen: number;
  recommended: number | null;
  rationale: string;
  deciders: string;
  date: string;
  tradedAway: number[];
}

/** Why a guardrail vetoes an option: "Cost per resolved ticket expected $0.71 breaks its guardrail (must stay ≤ $0.60)." */
export function vetoReason(criterionName: string, veto: Pick<Veto, 'expected' | 'guardrail'>, unit: string): string {
  return `${criterionName} expected ${formatValue(veto.expected, unit)} breaks its guardrail (${describeGuardrail(veto.guardrail, unit).toLowerCase()}).`;
}

/** A share 0..1 as stored: sums of shares can pass 1 by a rounding error. */
const share = (x: number) => Math.min(1, Math.max(0, x));


/** What the matrix showed when it was decided, with `analysis` from analyseMatrix (resolveMatrix) over the stored matrix. */
export function buildMatrixBasis(
  matrix: Matrix,
  resolved: { criteria: readonly ResolvedCriterion[]; analysis: MatrixAnalysis },
  functions: readonly { id: string; name: string }[],
  decision: Decision,
): MatrixBasis {
  const { criteria, analysis } = resolved;
  const optionAt = new Map(matrix.options.map((o, i) => [o.id, i]));
  const criterionAt = new Map(criteria.map((c, i) => [c.id, i]));
  const place = (at: Map<string, number>, id: string | null | undefined) => (id == null ? null : (at.get(id) ?? null));
  const weightsOf = (weights: Readonly<Record<string, number>>) => criteria.map((c) => share(ownValue(weights, c.id) ?? 0));
  const title = optionTitles(matrix.options);
  const criterionName = namesOf(criteria);
  const functionName = namesOf(functions, 'A removed function');
  const stored = new Map(matrix.functionWeights.map((f) => [f.functionId, f.weights]));
  const winnerTitle = analysis.winner ? title(analysis.winner.optionId) : '';
  return {
    question: matrix.question,
    context: matrix.context,
    mode: matrix.mode,
    options: matrix.options.map((o) => ({ title: o.title, description: o.description })),
    criteria: criteria.map((c) => ({
      name: c.name,
      direction: c.direction,
      metric: c.metric?.name ?? '',
      unit: c.unit,
      guardrail: c.metric?.guardrail ? describeGuardrail(c.metric.guardrail, c.unit) : '',
    })),
    scores: matrix.scores.flatMap((s) => {
      const option = optionAt.get(s.optionId);
      const criterion = criterionAt.get(s.criterionId);
      if (option === undefined || criterion === undefined) return [];
      return [{ option, criterion, value: s.value, rationale: s.rationale, confidence: s.confidence, expected: s.expected }];
    }),
    functions: analysis.perFunction.map((f) => ({
      name: functionName(f.functionId),
      weights: weightsOf(normaliseWeights(stored.get(f.functionId) ?? {}, criteria)),
      weighed: !analysis.unweighed.includes(f.functionId),
      winner: place(optionAt, f.winner),
    })),
    combined: { how: matrix.combined.mode, weights: weightsOf(analysis.weights) },
    ranking: analysis.results.map((r, i) => ({ option: i, score: r.score === null ? null : share(r.score), coverage: share(r.coverage), rank: r.rank })),
    vetoes: analysis.results.flatMap((r, i) =>
      r.vetoes.map((v) => {
        const c = criteria[criterionAt.get(v.criterionId)!]!;
        return {
          option: i,
          criterion: criterionAt.get(v.criterionId)!,
          reason: vetoReason(criterionName(v.criterionId), v, c.unit),
        };
      }),
    ),
    tied: analysis.tied.flatMap((id) => place(optionAt, id) ?? []),
    flip: analysis.sensitivity.length ? describeFlip(analysis.flip, criterionName, title) : '',
    sensitivity: analysis.sensitivity.map((s) => ({
      criterion: criterionAt.get(s.criterionId)!,
      weight: share(s.weight),
      low: share(s.low),
      high: share(s.high),
      sentence: describeSensitivity(s, criterionName(s.criterionId), title, winnerTitle),
    })),
    chosen: optionAt.get(decision.optionId) ?? 0,
    recommended: place(optionAt, decision.recommendedId),
    rationale: decision.rationale,
    deciders: decision.deciders,
    date: decision.date,
    tradedAway: decision.tradedAway.flatMap((id) => place(criterionAt, id) ?? []),
  };
}

/**
 * What is wrong with the places a basis names (read from a file): every option and criterion it
 * points at must be in its own lists, and each list of weights must have one per criterion.
 */
export function basisIndexProblem(basis: MatrixBasis): string | undefined {
  const options = basis.options.length;
  const criteria = basis.criteria.length;
  const optionsOk = [basis.chosen, basis.recommended ?? 0, ...basis.tied, ...basis.ranking.map((r) => r.option), ...basis.functions.map((f) => f.winner ?? 0)];
  const scored = [...basis.scores, ...basis.vetoes];
  if (optionsOk.some((o) => o >= options) || scored.some((s) => s.option >= options)) return 'The basis names an option it does not list.';
  const criteriaOk = [...basis.tradedAway, ...basis.sensitivity.map((s) => s.criterion), ...scored.map((s) => s.criterion)];
  if (criteriaOk.some((c) => c >= criteria)) return 'The basis names a criterion it does not list.';
  if ([basis.combined.weights, ...basis.functions.map((f) => f.weights)].some((w) => w.length !== criteria)) {
    return 'The basis has weights that do not match its criteria.';
  }
  return undefined;
}
