// Weights from pairwise comparisons (AHP, Saaty's 1-9 scale): the principal eigenvector of the
// reciprocal comparison matrix, with the consistency ratio CR = CI / RI, CI = (λmax − n)/(n − 1).

/** Saaty's random index for n = 1..10 (n = 1 and 2 are always consistent). */
export const RANDOM_INDEX: Readonly<Record<number, number>> = {
  1: 0,
  2: 0,
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
  10: 1.49,
};

/** Judgements above this ratio should be revisited. */
export const CR_LIMIT = 0.1;

/** The values of Saaty's scale: 1/9 ... 1/2, 1, 2 ... 9. */
export const SAATY_SCALE: readonly number[] = [...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v), 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A judgement of i over j set against what the other judgements imply about the same pair. */
export interface Inconsistency {
  i: number;
  j: number;
  given: number;
  /** The geometric mean of the indirect paths i → k → j: the value the other answers imply (may lie off the scale). */
  implied: number;
}

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Null beyond n = 10, where Saaty gives no random index. */
  cr: number | null;
  /**
   * The judgements furthest from what the others imply, in pair order: several when they are
   * equally far (every judgement of a three-way cycle is). Empty when every judgement fits.
   */
  mostInconsistent: Inconsistency[];
}

/** A change of one judgement that brings the consistency ratio under the limit. */
export interface Suggestion {
  i: number;
  j: number;
  from: number;
  to: number;
  /** The consistency ratio with the change made. */
  cr: number;
}

/** Builds the reciprocal matrix from judgements a[i][j] for i < j (how much more i matters than j). */
export function reciprocalMatrix(n: number, judgement: (i: number, j: number) => number): number[][] {
  const a = Array.from({ length: n }, () => Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = judgement(i, j);
      a[i]![j] = v;
      a[j]![i] = 1 / v;
    }
  }
  return a;
}

/** The Saaty-scale value nearest (in ratio) to a number. */
export function nearestSaaty(value: number): number {
  return SAATY_SCALE.reduce((best, v) => (Math.abs(Math.log(v / value)) < Math.abs(Math.log(best / value)) ? v : best), 1);
}

/** What the other judgements imply about i over j: the geometric mean of a[i][k]·a[k][j] over every other k. */
function impliedByOthers(a: readonly (readonly number[])[], i: number, j: number): number {
  const others = a.map((_, k) => k).filter((k) => k !== i && k !== j);
  if (others.length === 0) return a[i]![j]!;
  const logSum = others.reduce((sum, k) => sum + Math.log(a[i]![k]! * a[k]![j]!), 0);
  return Math.exp(logSum / others.length);
}

/** Ratios this close (in log) count as the same distance, so a tie is reported as one. */
const SAME = 1e-9;

function mostInconsistentOf(a: readonly (readonly number[])[]): Inconsistency[] {
  const all: (Inconsistency & { distance: number })[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const given = a[i]![j]!;
      const implied = impliedByOthers(a, i, j);
      all.push({ i, j, given, implied, distance: Math.abs(Math.log(given / implied)) });
    }
  }
  const worst = Math.max(...all.map((x) => x.distance));
  return all.filter((x) => x.distance > SAME && x.distance >= worst - SAME).map(({ i, j, given, implied }) => ({ i, j, given, implied }));
}

/** The matrix with the judgement of i over j (and its reciprocal) set to `value`. */
export function withJudgement(a: readonly (readonly number[])[], i: number, j: number, value: number): number[][] {
  const b = a.map((row) => [...row]);
  b[i]![j] = value;
  b[j]![i] = 1 / value;
  return b;
}

/** Where a value sits on Saaty's scale, 0 (1/9) to 16 (9): the distance users move a judgement. */
function scaleIndex(value: number): number {
  return SAATY_SCALE.indexOf(nearestSaaty(value));
}

/**
 * The single change of one judgement, to a point of Saaty's scale, that brings CR under the
 * limit while moving the judgement the fewest points of the scale; among equal moves, the one
 * that fits the others worst, then the lowest CR. Null when CR is already under the limit, has no
 * random index, or no single change is enough (then several judgements need revisiting).
 */
export function suggestChange(a: readonly (readonly number[])[]): Suggestion | null {
  const base = principal(a);
  if (base.cr === null || base.cr < CR_LIMIT) return null;
  // What each judgement is and how badly it fits the others: the same whatever the move tried.
  const pairs = a.flatMap((_, i) =>
    a.slice(i + 1).map((__, d) => {
      const j = i + 1 + d;
      const from = a[i]![j]!;
      return { i, j, from, at: scaleIndex(from), distance: Math.abs(Math.log(from / impliedByOthers(a, i, j))) };
    }),
  );
  // Smallest moves first: the first move that works for some pair is the answer's size.
  for (let moved = 1; moved < SAATY_SCALE.length; moved++) {
    let best: (Suggestion & { distance: number }) | null = null;
    for (const { i, j, from, at, distance } of pairs) {
      for (const to of [SAATY_SCALE[at - moved], SAATY_SCALE[at + moved]]) {
        if (to === undefined) continue;
        // Starting from the current weights, the changed matrix converges in a few steps.
        const cr = principal(withJudgement(a, i, j, to), base.weights, 1e-10).cr!;
        if (cr >= CR_LIMIT) continue;
        const better = !best || distance > best.distance + SAME || (Math.abs(distance - best.distance) <= SAME && cr < best.cr - SAME);
        if (better) best = { i, j, from, to, cr, distance };
      }
    }
    if (best) return { i: best.i, j: best.j, from: best.from, to: best.to, cr: best.cr };
  }
  return null;
}

/** The principal eigenvector (weights summing to 1) by power iteration, which converges fast on positive reciprocal matrices. */
function principal(a: readonly (readonly number[])[], start?: readonly number[], tolerance = 1e-13): Pick<AhpResult, 'weights' | 'lambdaMax' | 'ci' | 'cr'> {
  const n = a.length;
  let w = start ? [...start] : Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 1000; iter++) {
    const next = a.map((row) => row.reduce((sum, v, j) => sum + v * w[j]!, 0));
    const total = next.reduce((s, v) => s + v, 0);
    const normalised = next.map((v) => v / total);
    const change = normalised.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i]!)), 0);
    w = normalised;
    if (change < tolerance) break;
  }
  const aw = a.map((row) => row.reduce((sum, v, j) => sum + v * w[j]!, 0));
  const lambdaMax = aw.reduce((sum, v, i) => sum + v / w[i]!, 0) / n;
  const ci = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = RANDOM_INDEX[n];
  const cr = n <= 2 ? 0 : ri === undefined ? null : ci / ri;
  return { weights: w, lambdaMax, ci, cr };
}

export function ahp(a: readonly (readonly number[])[]): AhpResult {
  if (a.length === 0) return { weights: [], lambdaMax: 0, ci: 0, cr: 0, mostInconsistent: [] };
  return { ...principal(a), mostInconsistent: mostInconsistentOf(a) };
}
