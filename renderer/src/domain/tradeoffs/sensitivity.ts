import type { Criterion } from './model';
import { normaliseWeights } from './scoring';

// One-at-a-time weight sensitivity. When one criterion's weight moves to t (0..1), the other
// weights keep their proportions and share 1 − t. Every option's score is then linear in t:
//   S_i(t) = t·u_ik + (1 − t)·R_i,  R_i = Σ_{j≠k} w_j·u_ij / (1 − w_k)
// so the winner stays the winner on an interval of t, found exactly from the crossing points.
// Only options scored on every criterion and not vetoed take part (see scoring.ts).

export interface Contender {
  optionId: string;
  /** Utility per criterion, in the criteria's order; all scored. */
  utilities: readonly number[];
}

export interface CriterionSensitivity {
  criterionId: string;
  /** The criterion's current (normalised) weight. */
  weight: number;
  /** The winner stays the winner while the weight is within [low, high]. */
  low: number;
  high: number;
  /** Who takes over just below `low` (when low > 0) and just above `high` (when high < 1). */
  belowLow: string | null;
  aboveHigh: string | null;
}

export interface FlipPoint {
  criterionId: string;
  from: number;
  to: number;
  /** The option that becomes the winner there. */
  optionId: string;
}

const EPS = 1e-12;

/** The score of each contender as a line a + b·t in the weight t of criterion k. */
function lines(contenders: readonly Contender[], weights: readonly number[], k: number): { at0: number; at1: number }[] {
  const rest = 1 - weights[k]!;
  return contenders.map((c) => {
    let r = 0;
    if (rest > EPS) {
      c.utilities.forEach((u, j) => {
        if (j !== k) r += weights[j]! * u;
      });
      r /= rest;
    } else {
      // All weight on k now: the others count equally once k gives some weight back.
      const others = c.utilities.filter((_, j) => j !== k);
      r = others.length ? others.reduce((a, b) => a + b, 0) / others.length : 0;
    }
    return { at0: r, at1: c.utilities[k]! };
  });
}

export function sensitivity(
  criteria: readonly Pick<Criterion, 'id'>[],
  weightsById: Readonly<Record<string, number>>,
  contenders: readonly Contender[],
  winnerId: string,
): CriterionSensitivity[] {
  const normalised = normaliseWeights(weightsById, criteria);
  const weights = criteria.map((c) => normalised[c.id]!);
  const w = contenders.findIndex((c) => c.optionId === winnerId);
  if (w < 0) return [];
  return criteria.map((criterion, k) => {
    const scoreLines = lines(contenders, weights, k);
    const winner = scoreLines[w]!;
    let low = 0;
    let high = 1;
    let belowLow: string | null = null;
    let aboveHigh: string | null = null;
    scoreLines.forEach((line, i) => {
      if (i === w) return;
      // D(t) = winner − other = a + b·t must stay ≥ 0.
      const a = winner.at0 - line.at0;
      const b = winner.at1 - line.at1 - a;
      if (Math.abs(b) < EPS) return;
      const t = -a / b;
      if (b > 0 && t > low) {
        low = Math.min(1, t);
        belowLow = contenders[i]!.optionId;
      } else if (b < 0 && t < high) {
        high = Math.max(0, t);
        aboveHigh = contenders[i]!.optionId;
      }
    });
    return {
      criterionId: criterion.id,
      weight: weights[k]!,
      low,
      high,
      belowLow: low > EPS ? belowLow : null,
      aboveHigh: high < 1 - EPS ? aboveHigh : null,
    };
  });
}

/** The smallest change of a single weight that makes another option the winner, if any. */
export function smallestFlip(results: readonly CriterionSensitivity[]): FlipPoint | undefined {
  let best: FlipPoint | undefined;
  for (const r of results) {
    if (r.belowLow && (!best || r.weight - r.low < Math.abs(best.to - best.from))) {
      best = { criterionId: r.criterionId, from: r.weight, to: r.low, optionId: r.belowLow };
    }
    if (r.aboveHigh && (!best || r.high - r.weight < Math.abs(best.to - best.from))) {
      best = { criterionId: r.criterionId, from: r.weight, to: r.high, optionId: r.aboveHigh };
    }
  }
  return best;
}
