// Trade-off rules that mutation testing (npm run mutate) showed no test pinned down: unscored
// options, recommending without a complete option, ties, vetoes, which options the sensitivity
// looks at, a weight moved all the way, and AHP's edge cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, reciprocalMatrix, SAATY_SCALE } from '../../../../renderer/src/domain/tradeoffs/ahp';
import { analyseMatrix } from '../../../../renderer/src/domain/tradeoffs/analysis';
import type { Criterion } from '../../../../renderer/src/domain/tradeoffs/model';
import { rankOptions, recommended, type MatrixInput } from '../../../../renderer/src/domain/tradeoffs/scoring';
import { sensitivity, smallestFlip, type CriterionSensitivity } from '../../../../renderer/src/domain/tradeoffs/sensitivity';

/**
 * A 1–5 rating matrix: each option's ratings on criteria C1, C2... (null = unscored), and for
 * options in `expectedOnC1` the value of C1's metric (m1, guardrail: at most 100) expected with it.
 */
function matrix(ratings: Record<string, (number | null)[]>, expectedOnC1: Record<string, number> = {}): MatrixInput {
  const width = Object.values(ratings)[0]?.length ?? 0;
  const criteria: Criterion[] = Array.from({ length: width }, (_, j) => ({
    id: `C${j + 1}`,
    name: `Criterion ${j + 1}`,
    metricId: j === 0 ? 'm1' : '',
    direction: 'benefit',
  }));
  return {
    mode: 'rating',
    options: Object.keys(ratings).map((id) => ({ id, title: id, description: '' })),
    criteria,
    scores: Object.entries(ratings).flatMap(([optionId, row]) =>
      row.map((value, j) => ({
        optionId,
        criterionId: `C${j + 1}`,
        value,
        rationale: '',
        confidence: null,
        expected: j === 0 ? (expectedOnC1[optionId] ?? null) : null,
      })),
    ),
    guardrails: new Map([['m1', { op: 'lte' as const, value: 100 }]]),
  };
}

const EQUAL = { C1: 1, C2: 1 };
const summary = (input: MatrixInput, weights: Record<string, number>) =>
  rankOptions(input, weights).map((r) => ({ id: r.optionId, score: r.score, rank: r.rank, vetoed: r.vetoes.length > 0 }));

describe('scoring', () => {
  it('gives an option with nothing scored no score, after every scored option, each on its own rank', () => {
    expect(summary(matrix({ P: [null, null], Q: [5, 5], R: [null, null] }), EQUAL)).toEqual([
      { id: 'P', score: null, rank: 2, vetoed: false },
      { id: 'Q', score: 1, rank: 1, vetoed: false },
      { id: 'R', score: null, rank: 3, vetoed: false },
    ]);
  });

  it('recommends nothing when nothing is scored', () => {
    expect(recommended(rankOptions(matrix({ P: [null, null], Q: [null, null] }), EQUAL))).toBeUndefined();
  });

  it('recommends the best partly scored option when no option is scored on every criterion', () => {
    // P: C1 only, utility 1. Q: C2 only, utility 0.25.
    expect(recommended(rankOptions(matrix({ P: [5, null], Q: [null, 2] }), EQUAL))?.optionId).toBe('P');
  });

  it('vetoes only an expected value beyond the guardrail: not one on it, not a missing one', () => {
    const input = matrix({ OnLimit: [3, 3], Unknown: [3, 3], Over: [3, 3] }, { OnLimit: 100, Over: 101 });
    expect(summary(input, EQUAL).map((r) => [r.id, r.vetoed])).toEqual([
      ['OnLimit', false],
      ['Unknown', false],
      ['Over', true],
    ]);
  });
});

describe('analyseMatrix', () => {
  it('reports as tied only options that could be recommended and are as complete as the winner', () => {
    const input = matrix({ P: [5, 5], Twin: [5, 5], Partial: [5, null], Vetoed: [5, 5] }, { Vetoed: 500 });
    const a = analyseMatrix(input, [], { mode: 'equal' });
    expect(a.winner?.optionId).toBe('P');
    expect(a.tied).toEqual(['Twin']);
  });

  it('ties partly scored options with a partly scored winner', () => {
    const a = analyseMatrix(matrix({ P: [5, null], Q: [null, 5] }), [], { mode: 'equal' });
    expect([a.winner?.optionId, a.tied]).toEqual(['P', ['Q']]);
  });

  it('looks for the flip point only among options scored everywhere and not vetoed', () => {
    // Vetoed would overtake P above C1 = 2/3 (utilities 1, 0.25 against 0.75, 0.75); it may not.
    const input = matrix({ P: [4, 4], Vetoed: [5, 2], Partial: [5, null] }, { Vetoed: 500 });
    const a = analyseMatrix(input, [], { mode: 'equal' });
    expect(a.winner?.optionId).toBe('P');
    expect(a.sensitivity.map((s) => [s.low, s.high, s.belowLow, s.aboveHigh])).toEqual([
      [0, 1, null, null],
      [0, 1, null, null],
    ]);
    expect(a.flip).toBeUndefined();
  });

  it('does not count a function whose own weights can recommend nothing as disagreeing', () => {
    // Engineering weighs only C2, on which nothing is scored.
    const input = matrix({ P: [5, null], Q: [2, null] });
    const a = analyseMatrix(input, [{ functionId: 'eng', weights: { C1: 0, C2: 1 } }], {
      mode: 'facilitator',
      weights: { C1: 1, C2: 0 },
    });
    expect(a.perFunction).toEqual([expect.objectContaining({ functionId: 'eng', winner: undefined })]);
    expect([a.winner?.optionId, a.disagreeing]).toEqual(['P', []]);
  });
});

describe('analyseMatrix when the combined weighting recommends nothing', () => {
  it('counts every function that has a winner as disagreeing', () => {
    // The facilitator weighs only C1, on which nothing is scored; engineering weighs C2.
    const input = matrix({ P: [null, 5], Q: [null, 2] });
    const a = analyseMatrix(input, [{ functionId: 'eng', weights: { C1: 0, C2: 1 } }], {
      mode: 'facilitator',
      weights: { C1: 1, C2: 0 },
    });
    expect([a.winner, a.perFunction[0]?.winner, a.disagreeing]).toEqual([undefined, 'P', ['eng']]);
  });
});

describe('sensitivity', () => {
  const criteria = [{ id: 'C1' }, { id: 'C2' }];
  const contenders = [
    { optionId: 'A', utilities: [1, 0] },
    { optionId: 'B', utilities: [0.5, 1] },
  ];

  it('moves a weight that holds everything: the others share what it gives back equally', () => {
    // All weight on C1: A = t, B = 0.5t + (1 − t), so A leads while t ≥ 2/3. On C2 (weight t,
    // C1 1 − t): A = 1 − t, B = 0.5(1 − t) + t, so A leads while t ≤ 1/3.
    const [c1, c2] = sensitivity(criteria, { C1: 1, C2: 0 }, contenders, 'A');
    expect(c1).toMatchObject({ weight: 1, high: 1, belowLow: 'B', aboveHigh: null });
    expect(c1?.low).toBeCloseTo(2 / 3, 12);
    expect(c2).toMatchObject({ weight: 0, low: 0, belowLow: null, aboveHigh: 'B' });
    expect(c2?.high).toBeCloseTo(1 / 3, 12);
  });

  it('shares what a weight holding everything gives back equally among all the others', () => {
    // All weight on C1: A = t, B = 0.5t + (1 − t)·(1 + 0.5)/2, so A leads while t ≥ 0.6.
    const three = [
      { optionId: 'A', utilities: [1, 0, 0] },
      { optionId: 'B', utilities: [0.5, 1, 0.5] },
    ];
    const [c1] = sensitivity([{ id: 'C1' }, { id: 'C2' }, { id: 'C3' }], { C1: 1, C2: 0, C3: 0 }, three, 'A');
    expect(c1?.belowLow).toBe('B');
    expect(c1?.low).toBeCloseTo(0.6, 12);
  });

  it('has nothing to say about a winner that is not among the contenders', () => {
    expect(sensitivity(criteria, { C1: 1, C2: 1 }, contenders, 'Z')).toEqual([]);
  });
});

describe('smallestFlip', () => {
  const up = (criterionId: string, weight: number, high: number, optionId: string): CriterionSensitivity => ({
    criterionId,
    weight,
    low: 0,
    high,
    belowLow: null,
    aboveHigh: optionId,
  });
  const down = (criterionId: string, weight: number, low: number, optionId: string): CriterionSensitivity => ({
    criterionId,
    weight,
    low,
    high: 1,
    belowLow: optionId,
    aboveHigh: null,
  });

  it('picks the smallest move, down as well as up', () => {
    expect(smallestFlip([up('C1', 0.25, 0.5, 'Q'), down('C2', 0.5, 0.375, 'R')])).toEqual({
      criterionId: 'C2',
      from: 0.5,
      to: 0.375,
      optionId: 'R',
    });
  });

  it('keeps the first criterion when two moves are equally small', () => {
    expect(smallestFlip([up('C1', 0.5, 0.75, 'Q'), down('C2', 0.5, 0.25, 'R')])?.criterionId).toBe('C1');
  });
});

describe('AHP edge cases', () => {
  it('has nothing to weigh without criteria', () => {
    expect(ahp([])).toEqual({ weights: [], lambdaMax: 0, ci: 0, cr: 0, mostInconsistent: [] });
  });

  it('gives one criterion all the weight, consistently', () => {
    expect(ahp([[1]])).toMatchObject({ weights: [1], ci: 0, cr: 0, mostInconsistent: [] });
  });

  it('names every judgement furthest from what the other answers imply, with that implied value', () => {
    const judgements = fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(judgements, (values) => {
        const pairs = [
          [0, 1],
          [0, 2],
          [0, 3],
          [1, 2],
          [1, 3],
          [2, 3],
        ];
        const a = reciprocalMatrix(4, (i, j) => values[pairs.findIndex(([p, q]) => p === i && q === j)]!);
        const { mostInconsistent } = ahp(a);
        // What the other answers imply about i over j: the geometric mean of the paths through the two others.
        const implied = ([i, j]: number[]) => {
          const others = [0, 1, 2, 3].filter((k) => k !== i && k !== j);
          return Math.sqrt(others.reduce((product, k) => product * a[i!]![k]! * a[k]![j!]!, 1));
        };
        const deviation = (pair: number[]) => Math.abs(Math.log(a[pair[0]!]![pair[1]!]! / implied(pair)));
        const worst = Math.max(...pairs.map(deviation));
        if (worst <= 1e-9) return mostInconsistent.length === 0;
        const expected = pairs.filter((pair) => deviation(pair) >= worst - 1e-9).map(([i, j]) => `${i}-${j}`);
        return (
          JSON.stringify(mostInconsistent.map(({ i, j }) => `${i}-${j}`)) === JSON.stringify(expected) &&
          mostInconsistent.every(({ i, j, given, implied: value }) => given === a[i]![j] && Math.abs(value - implied([i, j])) < 1e-9)
        );
      }),
    );
  });
});
