import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, CR_LIMIT, nearestSaaty, RANDOM_INDEX, reciprocalMatrix } from '../../../../renderer/src/domain/tradeoffs/ahp';
import type { Criterion, FunctionWeights, MatrixOption, Score } from '../../../../renderer/src/domain/tradeoffs/model';
import {
  blendWeights,
  normaliseWeights,
  rankOptions,
  recommended,
  matrixFacts,
  utility,
  type MatrixInput,
} from '../../../../renderer/src/domain/tradeoffs/scoring';
import { sensitivity, smallestFlip } from '../../../../renderer/src/domain/tradeoffs/sensitivity';
import { analyseMatrix } from '../../../../renderer/src/domain/tradeoffs/analysis';

const criterion = (id: string, extra: Partial<Criterion> = {}): Criterion => ({ id, name: id, metricId: '', direction: 'benefit', ...extra });
const option = (id: string): MatrixOption => ({ id, title: id, description: '' });
const score = (optionId: string, criterionId: string, value: number | null, expected: number | null = null): Score => ({
  optionId,
  criterionId,
  value,
  rationale: '',
  confidence: null,
  expected,
});

/** A rating matrix from rows of ratings (null = unscored), options P, Q, R ... and criteria C1, C2 ... */
function ratingMatrix(rows: Record<string, (number | null)[]>, extra: Partial<MatrixInput> = {}): MatrixInput {
  const n = Object.values(rows)[0]!.length;
  const criteria = Array.from({ length: n }, (_, j) => criterion(`C${j + 1}`));
  const options = Object.keys(rows).map(option);
  const scores = Object.entries(rows).flatMap(([o, values]) => values.map((v, j) => score(o, `C${j + 1}`, v)));
  return { mode: 'rating', options, criteria, scores, guardrails: new Map(), ...extra };
}

const byId = (results: ReturnType<typeof rankOptions>) => Object.fromEntries(results.map((r) => [r.optionId, r]));

describe('utility', () => {
  it('maps ratings to 0..1, reversed for cost criteria, and effects from −3..+3', () => {
    expect([1, 3, 5].map((v) => utility(v, 'rating', 'benefit'))).toEqual([0, 0.5, 1]);
    expect([1, 3, 5].map((v) => utility(v, 'rating', 'cost'))).toEqual([1, 0.5, 0]);
    expect([-3, 0, 3].map((v) => utility(v, 'effect', 'benefit'))).toEqual([0, 0.5, 1]);
    // An effect already says better or worse: "worsens latency a lot" is −3 whatever the direction.
    expect(utility(-3, 'effect', 'cost')).toBe(0);
  });
});

describe('weights', () => {
  it('normalise to sum 1; all zero means equal; negatives count as zero', () => {
    const cs = [criterion('a'), criterion('b'), criterion('c')];
    expect(normaliseWeights({ a: 2, b: 1, c: 1 }, cs)).toEqual({ a: 0.5, b: 0.25, c: 0.25 });
    expect(normaliseWeights({}, cs)).toEqual({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    expect(normaliseWeights({ a: -5, b: 1 }, cs)).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('blend every function equally after normalising each', () => {
    const cs = [criterion('a'), criterion('b')];
    const blended = blendWeights(
      [
        { functionId: 'eng', weights: { a: 3, b: 1 } },
        { functionId: 'prod', weights: { a: 0, b: 10 } },
      ],
      cs,
    );
    expect(blended.a).toBeCloseTo(0.375);
    expect(blended.b).toBeCloseTo(0.625);
  });
});

describe('weighted scoring (hand-worked)', () => {
  // Weights 0.5, 0.3, 0.2. P rates 5,1,3 (utilities 1, 0, 0.5); Q rates 2,5,5 (0.25, 1, 1).
  // P = 0.5·1 + 0.3·0 + 0.2·0.5 = 0.6; Q = 0.5·0.25 + 0.3·1 + 0.2·1 = 0.625.
  const input = ratingMatrix({ P: [5, 1, 3], Q: [2, 5, 5] });
  const weights = { C1: 0.5, C2: 0.3, C3: 0.2 };

  it('scores and ranks', () => {
    const results = byId(rankOptions(input, weights));
    expect(results.P!.score).toBeCloseTo(0.6);
    expect(results.Q!.score).toBeCloseTo(0.625);
    expect([results.Q!.rank, results.P!.rank]).toEqual([1, 2]);
    expect(recommended(rankOptions(input, weights))?.optionId).toBe('Q');
  });

  it('ranks per function: each function’s weights give its own winner', () => {
    const eng = { C1: 1, C2: 0, C3: 0 };
    const prod = { C1: 0, C2: 1, C3: 1 };
    expect(recommended(rankOptions(input, eng))?.optionId).toBe('P');
    expect(recommended(rankOptions(input, prod))?.optionId).toBe('Q');
  });

  it('leaves unscored cells out instead of counting them as zero, and reports coverage', () => {
    const partial = ratingMatrix({ P: [5, null, 3], Q: [2, 5, 5] });
    const results = byId(rankOptions(partial, weights));
    // P over its scored weight (0.7): (0.5·1 + 0.2·0.5) / 0.7.
    expect(results.P!.score).toBeCloseTo(0.6 / 0.7);
    expect(results.P!.coverage).toBeCloseTo(0.7);
    // P scores higher on what is known, but a complete option is preferred for the recommendation.
    expect(results.P!.rank).toBe(1);
    expect(recommended(rankOptions(partial, weights))?.optionId).toBe('Q');
  });

  it('never recommends an option vetoed by a guardrail, whatever its score', () => {
    const latency = criterion('C1', { metricId: 'p95', direction: 'cost' });
    const vetoed: MatrixInput = {
      mode: 'effect',
      options: [option('Bigger model'), option('Cache')],
      criteria: [latency, criterion('C2')],
      scores: [
        score('Bigger model', 'C1', -1, 9000),
        score('Bigger model', 'C2', 3),
        score('Cache', 'C1', 2, 1500),
        score('Cache', 'C2', -1),
      ],
      guardrails: new Map([['p95', { op: 'lte', value: 8000 }]]),
    };
    const results = rankOptions(vetoed, { C1: 1, C2: 1 });
    const big = results.find((r) => r.optionId === 'Bigger model')!;
    expect(big.rank).toBe(1);
    expect(big.vetoes).toEqual([{ criterionId: 'C1', expected: 9000, guardrail: { op: 'lte', value: 8000 } }]);
    expect(recommended(results)?.optionId).toBe('Cache');
  });
});

describe('analyseMatrix', () => {
  const input = ratingMatrix({ P: [5, 1, 3], Q: [2, 5, 5] });
  const functions = [
    { functionId: 'eng', weights: { C1: 1, C2: 0, C3: 0 } },
    { functionId: 'prod', weights: { C1: 0, C2: 1, C3: 1 } },
  ];

  it('blends the functions equally, ranks per function and names the functions whose winner differs', () => {
    const a = analyseMatrix(input, functions, { mode: 'equal' });
    // Blend: C1 0.5, C2 0.25, C3 0.25. P = 0.5 + 0 + 0.125 = 0.625; Q = 0.125 + 0.25 + 0.25 = 0.625: a tie, P listed first.
    expect(a.weights).toEqual({ C1: 0.5, C2: 0.25, C3: 0.25 });
    expect(a.perFunction.map((f) => [f.functionId, f.winner])).toEqual([
      ['eng', 'P'],
      ['prod', 'Q'],
    ]);
    expect(a.winner?.optionId).toBe('P');
    expect(a.disagreeing).toEqual(['prod']);
  });

  it('uses the facilitator’s weights when set, with sensitivity and the flip point', () => {
    const a = analyseMatrix(input, functions, { mode: 'facilitator', weights: { C1: 5, C2: 3, C3: 2 } });
    expect(a.winner?.optionId).toBe('Q');
    expect(a.disagreeing).toEqual(['eng']);
    expect(a.sensitivity).toHaveLength(3);
    expect(a.flip).toMatchObject({ criterionId: 'C1', optionId: 'P' });
  });

  it('does not call functions that have not weighed (no weights, or all 0) a disagreement', () => {
    // Equal weights pick Q; the facilitator weighs only C1, which picks P.
    const unset: FunctionWeights[] = [
      { functionId: 'eng', weights: {} },
      { functionId: 'prod', weights: { C1: 0, C2: 0, C3: 0 } },
    ];
    const a = analyseMatrix(input, unset, { mode: 'facilitator', weights: { C1: 1 } });
    expect(a.winner?.optionId).toBe('P');
    expect(a.perFunction.map((f) => f.winner)).toEqual(['Q', 'Q']);
    expect(a.disagreeing).toEqual([]);
    expect(a.unweighed).toEqual(['eng', 'prod']);
    // One that has weighed and picks otherwise still disagrees.
    const b = analyseMatrix(input, [unset[0]!, functions[1]!], { mode: 'facilitator', weights: { C1: 1 } });
    expect(b.disagreeing).toEqual(['prod']);
    expect(b.unweighed).toEqual(['eng']);
  });
});

describe('sensitivity (hand-worked)', () => {
  const input = ratingMatrix({ P: [5, 1, 3], Q: [2, 5, 5] });
  const weights = { C1: 0.5, C2: 0.3, C3: 0.2 };
  const table = matrixFacts(input).utilities;
  const contenders = input.options.map((o, i) => ({ optionId: o.id, utilities: table[i] as number[] }));
  const results = sensitivity(input.criteria, weights, contenders, 'Q');

  it('gives the interval of each weight within which the winner stays the winner', () => {
    // C1 at t: P = 0.2 + 0.8t, Q = 1 − 0.75t; Q ahead while t ≤ 16/31.
    expect(results[0]).toMatchObject({ criterionId: 'C1', weight: 0.5, low: 0, belowLow: null, aboveHigh: 'P' });
    expect(results[0]!.high).toBeCloseTo(16 / 31);
    // C2 at t: P = (6/7)(1 − t), Q = 0.325/0.7 + (1 − 0.325/0.7)t; Q ahead while t ≥ 11/39.
    expect(results[1]!.low).toBeCloseTo(11 / 39);
    expect(results[1]).toMatchObject({ high: 1, belowLow: 'P', aboveHigh: null });
    // C3 at t: P = 0.625 − 0.125t, Q = 0.53125 + 0.46875t; Q ahead while t ≥ 3/19.
    expect(results[2]!.low).toBeCloseTo(3 / 19);
  });

  it('finds the smallest single weight change that flips the winner', () => {
    const flip = smallestFlip(results)!;
    expect(flip.criterionId).toBe('C1');
    expect(flip.optionId).toBe('P');
    expect(flip.from).toBeCloseTo(0.5);
    expect(flip.to).toBeCloseTo(16 / 31);
    // At the flip point the two options tie.
    const w = { C1: 16 / 31, C2: 0.3 * (15 / 31 / 0.5), C3: 0.2 * (15 / 31 / 0.5) };
    const tied = byId(rankOptions(input, w));
    expect(tied.P!.score).toBeCloseTo(tied.Q!.score!);
  });

  it('reports no flip when the winner dominates on every criterion', () => {
    const dominant = ratingMatrix({ P: [5, 5], Q: [1, 2] });
    const t = matrixFacts(dominant).utilities;
    const res = sensitivity(dominant.criteria, { C1: 1, C2: 1 }, [
      { optionId: 'P', utilities: t[0] as number[] },
      { optionId: 'Q', utilities: t[1] as number[] },
    ], 'P');
    expect(res.map((r) => [r.low, r.high])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(smallestFlip(res)).toBeUndefined();
  });
});

describe('AHP', () => {
  it('uses Saaty’s random index', () => {
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((n) => RANDOM_INDEX[n])).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('matches the textbook 3 x 3 example: weights 0.637, 0.258, 0.105; λmax 3.039; CR 0.033', () => {
    const result = ahp([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(result.weights[0]).toBeCloseTo(0.637, 3);
    expect(result.weights[1]).toBeCloseTo(0.258, 3);
    expect(result.weights[2]).toBeCloseTo(0.105, 3);
    expect(result.lambdaMax).toBeCloseTo(3.039, 3);
    expect(result.cr!).toBeCloseTo(0.033, 3);
    expect(result.cr!).toBeLessThan(CR_LIMIT);
  });

  it('recovers the weights of a perfectly consistent matrix, with CR 0', () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    const result = ahp(reciprocalMatrix(4, (i, j) => w[i]! / w[j]!));
    result.weights.forEach((v, i) => expect(v).toBeCloseTo(w[i]!, 9));
    expect(result.cr!).toBeCloseTo(0, 9);
  });

  it('points at the judgement that breaks consistency when CR > 0.10', () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    // Criterion 0 was judged 4 times LESS important than criterion 3, against every other judgement.
    const result = ahp(reciprocalMatrix(4, (i, j) => (i === 0 && j === 3 ? 1 / 4 : w[i]! / w[j]!)));
    expect(result.cr!).toBeGreaterThan(CR_LIMIT);
    expect(result.mostInconsistent).toMatchObject([{ i: 0, j: 3, given: 1 / 4 }]);
    // The other judgements imply criterion 0 matters far more than the 1/4 given: 4 times criterion 3.
    expect(result.mostInconsistent[0]!.implied).toBeCloseTo(4, 9);
  });

  it('has no random index beyond 10 criteria, and n ≤ 2 is always consistent', () => {
    expect(ahp(reciprocalMatrix(11, () => 2)).cr).toBeNull();
    expect(ahp([[1, 7], [1 / 7, 1]]).cr).toBe(0);
    expect(nearestSaaty(3.4)).toBe(3);
    expect(nearestSaaty(0.3)).toBeCloseTo(1 / 3);
  });
});

describe('properties', () => {
  const ratings = (n: number) => fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n });
  const matrixArb = fc.integer({ min: 1, max: 6 }).chain((nc) =>
    fc.record({
      rows: fc.array(ratings(nc), { minLength: 1, maxLength: 8 }),
      weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: nc, maxLength: nc }),
    }),
  );
  const build = (rows: number[][]) => ratingMatrix(Object.fromEntries(rows.map((r, i) => [`O${i}`, r])));
  const weightMap = (ws: number[]) => Object.fromEntries(ws.map((w, j) => [`C${j + 1}`, w]));

  it('an exact tie shares the first rank however the weights are scaled', () => {
    // 0.5·100 + 0.25·45 + 1·98 = 1·100 + 0.25·45 + 0.5·96: equal, though floating point may differ in the last bit.
    const input = build([
      [3, 2, 1, 1, 5],
      [5, 2, 1, 3, 1],
    ]);
    for (const k of [1, 0.01, 7, 1000]) {
      expect(rankOptions(input, weightMap([100, 45, 0, 96, 98].map((w) => w * k))).map((r) => r.rank)).toEqual([1, 1]);
    }
  });

  it('scaling all weights leaves the ranking unchanged', () => {
    fc.assert(
      fc.property(matrixArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ rows, weights }, k) => {
        const input = build(rows);
        const a = rankOptions(input, weightMap(weights)).map((r) => r.rank);
        const b = rankOptions(input, weightMap(weights.map((w) => w * k))).map((r) => r.rank);
        expect(b).toEqual(a);
      }),
    );
  });

  it('adding an option dominated on every criterion does not change the winner', () => {
    fc.assert(
      fc.property(matrixArb, ({ rows, weights }) => {
        const input = build(rows);
        const before = recommended(rankOptions(input, weightMap(weights)))?.optionId;
        // No better than the worst existing rating on any criterion.
        const worst = rows[0]!.map((_, j) => Math.min(...rows.map((r) => r[j]!)));
        const after = recommended(rankOptions(build([...rows, worst.map((v) => Math.max(1, v - 1))]), weightMap(weights)))?.optionId;
        expect(after).toBe(before);
      }),
    );
  });

  it('permuting options permutes the ranking: every option keeps its score', () => {
    fc.assert(
      fc.property(
        matrixArb.chain((m) => fc.tuple(fc.constant(m), fc.shuffledSubarray(m.rows.map((_, i) => i), { minLength: m.rows.length }))),
        ([{ rows, weights }, order]) => {
          const input = build(rows);
          const shuffled: MatrixInput = { ...input, options: order.map((i) => input.options[i]!) };
          const a = byId(rankOptions(input, weightMap(weights)));
          const b = byId(rankOptions(shuffled, weightMap(weights)));
          for (const id of Object.keys(a)) expect(b[id]!.score).toBe(a[id]!.score);
        },
      ),
    );
  });

  it('sensitivity intervals are exact: inside, the winner leads; just outside, the named option overtakes', () => {
    fc.assert(
      fc.property(
        matrixArb.filter((m) => m.rows.length >= 2 && m.rows[0]!.length >= 2),
        ({ rows, weights }) => {
          const input = build(rows);
          const w = weightMap(weights);
          const winner = recommended(rankOptions(input, w))!.optionId;
          const table = matrixFacts(input).utilities;
          const contenders = input.options.map((o, i) => ({ optionId: o.id, utilities: table[i] as number[] }));
          const norm = normaliseWeights(w, input.criteria);
          const scoreAt = (k: number, t: number, optionId: string) => {
            const rest = 1 - norm[`C${k + 1}`]!;
            const moved = Object.fromEntries(
              input.criteria.map((c, j) => [c.id, j === k ? t : rest > 1e-12 ? (norm[c.id]! * (1 - t)) / rest : (1 - t) / (input.criteria.length - 1)]),
            );
            return byId(rankOptions(input, moved))[optionId]!.score!;
          };
          sensitivity(input.criteria, w, contenders, winner).forEach((r, k) => {
            const mid = (r.low + r.high) / 2;
            for (const c of contenders) expect(scoreAt(k, mid, winner)).toBeGreaterThanOrEqual(scoreAt(k, mid, c.optionId) - 1e-9);
            if (r.belowLow && r.low > 0.01) expect(scoreAt(k, r.low - 0.005, r.belowLow)).toBeGreaterThan(scoreAt(k, r.low - 0.005, winner));
            if (r.aboveHigh && r.high < 0.99) expect(scoreAt(k, r.high + 0.005, r.aboveHigh)).toBeGreaterThan(scoreAt(k, r.high + 0.005, winner));
          });
        },
      ),
    );
  });
});
