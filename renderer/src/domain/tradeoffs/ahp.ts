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

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Null beyond n = 10, where Saaty gives no random index. */
  cr: number | null;
  /** The judgement furthest from what the weights imply, with the value that would fit them. */
  mostInconsistent: { i: number; j: number; given: number; consistent: number } | null;
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

export function ahp(a: readonly (readonly number[])[]): AhpResult {
  const n = a.length;
  if (n === 0) return { weights: [], lambdaMax: 0, ci: 0, cr: 0, mostInconsistent: null };
  // Power iteration converges fast on positive reciprocal matrices.
  let w = Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 1000; iter++) {
    const next = a.map((row) => row.reduce((sum, v, j) => sum + v * w[j]!, 0));
    const total = next.reduce((s, v) => s + v, 0);
    const normalised = next.map((v) => v / total);
    const change = normalised.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i]!)), 0);
    w = normalised;
    if (change < 1e-13) break;
  }
  const aw = a.map((row) => row.reduce((sum, v, j) => sum + v * w[j]!, 0));
  const lambdaMax = aw.reduce((sum, v, i) => sum + v / w[i]!, 0) / n;
  const ci = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = RANDOM_INDEX[n];
  const cr = n <= 2 ? 0 : ri === undefined ? null : ci / ri;

  let mostInconsistent: AhpResult['mostInconsistent'] = null;
  let worst = 1e-9;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const consistent = w[i]! / w[j]!;
      const deviation = Math.abs(Math.log(a[i]![j]! / consistent));
      if (deviation > worst) {
        worst = deviation;
        mostInconsistent = { i, j, given: a[i]![j]!, consistent };
      }
    }
  }
  return { weights: w, lambdaMax, ci, cr, mostInconsistent };
}
