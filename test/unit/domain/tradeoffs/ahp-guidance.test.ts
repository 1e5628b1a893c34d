import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, CR_LIMIT, reciprocalMatrix, SAATY_SCALE, suggestChange, withJudgement } from '../../../../renderer/src/domain/tradeoffs/ahp';
import { describeImplied } from '../../../../renderer/src/domain/tradeoffs/ahp-judgements';

// The workshop's set: A over B 5, B over C 5, C over A 3 (so A vs C is 1/3).
const CYCLE = reciprocalMatrix(3, (i, j) => (i === 0 && j === 1 ? 5 : i === 1 && j === 2 ? 5 : 1 / 3));

/** Reciprocal matrices of n criteria with every judgement a point of Saaty's scale. */
const judgementSets = fc.integer({ min: 3, max: 6 }).chain((n) =>
  fc
    .array(fc.constantFrom(...SAATY_SCALE), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
    .map((values) => {
      let k = 0;
      return reciprocalMatrix(n, () => values[k++]!);
    }),
);

describe('guidance on an inconsistent pairwise set', () => {
  it('says what the other answers imply, and that all three judgements of a cycle are equally inconsistent', () => {
    const result = ahp(CYCLE);
    expect(result.cr!).toBeGreaterThan(CR_LIMIT);
    const worst = result.mostInconsistent;
    expect(worst.map(({ i, j }) => [i, j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    // A vs B: through C, A is 1/3 of C and C is 1/5 of B, so B is about 15 times A.
    expect(worst[0]!.implied).toBeCloseTo(1 / 15, 9);
    expect(worst[1]!.implied).toBeCloseTo(25, 9);
    expect(worst[2]!.implied).toBeCloseTo(1 / 15, 9);
    expect(describeImplied(worst[0]!.implied, 'A', 'B')).toBe('B about 15 times as important as A');
  });

  it('suggests one change that really brings the cycle under 0.10', () => {
    const suggestion = suggestChange(CYCLE)!;
    expect(suggestion).not.toBeNull();
    expect(suggestion.cr).toBeLessThan(CR_LIMIT);
    expect(ahp(withJudgement(CYCLE, suggestion.i, suggestion.j, suggestion.to)).cr!).toBeCloseTo(suggestion.cr, 12);
    // The smallest change that does: B strongly to very strongly over A, rather than A 5 times B.
    expect(suggestion).toMatchObject({ i: 0, j: 1, from: 5 });
    expect(suggestion.to).toBeCloseTo(1 / 6, 12);
  });

  it('applying a suggestion always gives CR < 0.10; with none, no single change on the scale does', () => {
    fc.assert(
      fc.property(judgementSets, (a) => {
        const cr = ahp(a).cr!;
        const suggestion = suggestChange(a);
        if (cr < CR_LIMIT) {
          expect(suggestion).toBeNull();
        } else if (suggestion) {
          expect(SAATY_SCALE).toContain(suggestion.to);
          expect(suggestion.to).not.toBe(a[suggestion.i]![suggestion.j]);
          expect(ahp(withJudgement(a, suggestion.i, suggestion.j, suggestion.to)).cr!).toBeLessThan(CR_LIMIT);
        } else {
        for (let i = 0; i < a.length; i++) {
          for (let j = i + 1; j < a.length; j++) {
            for (const v of SAATY_SCALE) expect(ahp(withJudgement(a, i, j, v)).cr!).toBeGreaterThanOrEqual(CR_LIMIT);
          }
        }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds nothing inconsistent in a consistent set: every judgement is what the others imply', () => {
    const w = [0.5, 0.25, 0.15, 0.1];
    const result = ahp(reciprocalMatrix(4, (i, j) => w[i]! / w[j]!));
    expect(result.mostInconsistent).toEqual([]);
    expect(describeImplied(1.04, 'A', 'B')).toBe('A and B about equally important');
    expect(describeImplied(1.5, 'A', 'B')).toBe('A about 1.5 times as important as B');
  });
});
