// Trade-off matrices: options scored against criteria (the program's shared metrics or
// free-standing ones), weighted per function, with guardrail vetoes and the decision taken.

export const SCORING_MODES = ['rating', 'effect'] as const;
/** rating: how much of the criterion, 1 (very low) to 5 (very high); effect: -3 (worsens a lot) to +3 (improves a lot) relative to today. */
export type ScoringMode = (typeof SCORING_MODES)[number];

export const SCALES: Record<ScoringMode, { min: number; max: number }> = {
  rating: { min: 1, max: 5 },
  effect: { min: -3, max: 3 },
};

/** benefit: more is better (accuracy); cost: more is worse (effort, latency). */
export type CriterionDirection = 'benefit' | 'cost';

/** A metric's direction as a criterion's: higher is a benefit, lower a cost, a range counts as benefit. */
export function metricDirection(metric: { direction: 'higher' | 'lower' | 'range' }): CriterionDirection {
  return metric.direction === 'lower' ? 'cost' : 'benefit';
}

export interface Criterion {
  id: string;
  name: string;
  /** The shared metric it stands for, or empty for a free-standing criterion. */
  metricId: string;
  direction: CriterionDirection;
}

export interface MatrixOption {
  id: string;
  title: string;
  description: string;
}

export type Confidence = 'low' | 'medium' | 'high';

export interface Score {
  optionId: string;
  criterionId: string;
  /** On the matrix's scale, or null while unscored (never counted as zero). */
  value: number | null;
  rationale: string;
  confidence: Confidence | null;
  /**
   * For a criterion linked to a metric: the metric's expected value under this option, when
   * known. It is what a guardrail veto is judged on.
   */
  expected: number | null;
}

/** Weights of one function, by criterion id; any non-negative numbers (only ratios matter). */
export interface FunctionWeights {
  functionId: string;
  weights: Record<string, number>;
}

/**
 * Pairwise judgements (AHP) made for a set of weights, keyed `${rowCriterionId}|${colCriterionId}`
 * with the row criterion's importance over the column's on Saaty's 1–9 scale (1/9..9). Only
 * one of each pair is stored; the reciprocal is implied.
 */
export type Judgements = Record<string, number>;

/** Whether a judgement's key names two different criteria among `criterionIds`. */
export function judgesTwoOf(key: string, criterionIds: ReadonlySet<string>): boolean {
  const [row, col, ...rest] = key.split('|');
  return rest.length === 0 && !!row && !!col && row !== col && criterionIds.has(row) && criterionIds.has(col);
}

/**
 * What judgements leave out of a pairwise set over `criterionIds`: how many pairs are not
 * compared, and which criteria are compared with none of the others (one added since, say).
 */
export function pairwiseGaps(criterionIds: readonly string[], judgements: Judgements): { missing: number; uncompared: string[] } {
  const judged = (a: string, b: string) => `${a}|${b}` in judgements || `${b}|${a}` in judgements;
  let missing = 0;
  const compared = new Set<string>();
  criterionIds.forEach((a, i) => {
    for (const b of criterionIds.slice(i + 1)) {
      if (!judged(a, b)) missing += 1;
      else compared.add(a).add(b);
    }
  });
  return { missing, uncompared: missing ? criterionIds.filter((id) => !compared.has(id)) : [] };
}

/**
 * One function's weights, and the pairwise judgements last made for them, if any: the weights
 * come from them while they match (a weight typed since keeps them for the dialog to start from).
 */
export interface StoredFunctionWeights extends FunctionWeights {
  judgements: Judgements | null;
}

/** The facilitator's own weights, and the pairwise judgements last made for them, if any (as for a function's). */
export interface FacilitatorWeights {
  weights: Record<string, number>;
  judgements: Judgements | null;
}

/**
 * What drives the main ranking: the equal blend of the functions, or the facilitator's own
 * weights. The mode only chooses which is in force: under the blend the facilitator's weights
 * and judgements are kept (optional there, since matrices stored before they were kept have
 * none), so switching back restores them.
 */
export type StoredCombined =
  | { mode: 'equal'; weights?: Record<string, number>; judgements?: Judgements | null }
  | ({ mode: 'facilitator' } & FacilitatorWeights);

/** The facilitator's weights as entered, whichever weighting is in force; null when none were ever set. */
export function facilitatorWeightsOf(combined: StoredCombined): FacilitatorWeights | null {
  return combined.weights ? { weights: combined.weights, judgements: combined.judgements ?? null } : null;
}

/** What the team decided, and what it gave up for it. */
export interface Decision {
  optionId: string;
  rationale: string;
  /** Who decided, as typed (names or roles). */
  deciders: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Criteria on which the chosen option is not the best, at the time of deciding. */
  tradedAway: string[];
  /** The option the weighted ranking recommended when the decision was recorded, if any. */
  recommendedId: string | null;
  recordedAt: number;
  /** Set when the matrix was reopened after this decision; null while it stands. */
  reopened: { at: number; reason: string } | null;
}

/** A trade-off matrix, stored as one row: a question, options, criteria, scores, weights and the decision. */
export interface Matrix {
  id: string;
  programId: string;
  question: string;
  context: string;
  mode: ScoringMode;
  options: MatrixOption[];
  criteria: Criterion[];
  /** Only cells that carry something (a value, rationale, confidence or expected value). */
  scores: Score[];
  /** One entry per function that has set weights; a function without an entry weighs equally. */
  functionWeights: StoredFunctionWeights[];
  combined: StoredCombined;
  /** The standing decision; while set, the matrix is locked. */
  decision: Decision | null;
  /** Earlier decisions, reopened on purpose, oldest first. */
  pastDecisions: Decision[];
  createdAt: number;
  updatedAt: number;
}

export const MATRIX_QUESTION_MAX = 300;
export const MATRIX_TEXT_MAX = 5000;
export const OPTION_TITLE_MAX = 200;
export const CRITERION_NAME_MAX = 200;
export const OPTIONS_MAX = 100;
export const CRITERIA_MAX = 60;

/** Weights only matter as ratios; the cap keeps a typo or a hand-edited file from holding absurd ones. */
export const WEIGHT_MAX = 1000;
/** Pairwise judgements stay on Saaty's scale, 1/9 to 9. */
export const JUDGEMENT_MIN = 1 / 9;
export const JUDGEMENT_MAX = 9;
/** Who decided is one line of names or roles. */
export const DECIDERS_MAX = MATRIX_QUESTION_MAX;

export const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * Labelled anchors of each scale, from its minimum up. A rating says how much of the criterion
 * an option brings (very high latency, very low effort); the criterion's direction says whether
 * more is better. An effect says better or worse directly.
 */
export const SCALE_ANCHORS: Record<ScoringMode, readonly string[]> = {
  rating: ['Very low', 'Low', 'Medium', 'High', 'Very high'],
  effect: ['Worsens a lot', 'Worsens', 'Worsens a little', 'No change', 'Improves a little', 'Improves', 'Improves a lot'],
};

export const MODE_LABELS: Record<ScoringMode, string> = {
  rating: 'Rating 1–5',
  effect: 'Effect vs today −3…+3',
};

/** A score as written: effects carry their sign ("+2", "−2"), ratings do not. */
export function formatScore(mode: ScoringMode, value: number): string {
  return mode === 'effect' && value > 0 ? `+${value}` : String(value).replace('-', '−');
}

/** The label of a value on the matrix's scale ("4 · High", "−2 · Worsens"). */
export function anchorLabel(mode: ScoringMode, value: number): string {
  const { min } = SCALES[mode];
  const anchor = SCALE_ANCHORS[mode][Math.round(value) - min] ?? '';
  const shown = formatScore(mode, value);
  return anchor ? `${shown} · ${anchor}` : shown;
}

export function newMatrix(programId: string, question: string, now: number, id: () => string): Matrix {
  return {
    id: id(),
    programId,
    question,
    context: '',
    mode: 'rating',
    options: [],
    criteria: [],
    scores: [],
    functionWeights: [],
    combined: { mode: 'equal' },
    decision: null,
    pastDecisions: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** An empty cell: used when a rationale or confidence is set before a value. */
export function emptyScore(optionId: string, criterionId: string): Score {
  return { optionId, criterionId, value: null, rationale: '', confidence: null, expected: null };
}

/** Whether a cell carries nothing worth keeping. */
export function isBlankScore(s: Score): boolean {
  return s.value === null && s.rationale === '' && s.confidence === null && s.expected === null;
}
