// Trade-off matrices: options scored against criteria (the program's shared metrics or
// free-standing ones), weighted per function, with guardrail vetoes and the decision taken.

export const SCORING_MODES = ['rating', 'effect'] as const;
/** rating: 1 (poor) to 5 (excellent) on the criterion; effect: -3 (worsens a lot) to +3 (improves a lot) relative to today. */
export type ScoringMode = (typeof SCORING_MODES)[number];

export const SCALES: Record<ScoringMode, { min: number; max: number }> = {
  rating: { min: 1, max: 5 },
  effect: { min: -3, max: 3 },
};

/** benefit: more is better (accuracy); cost: more is worse (effort, latency). */
export type CriterionDirection = 'benefit' | 'cost';

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
