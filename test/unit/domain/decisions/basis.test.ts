import { describe, expect, it } from 'vitest';
import { basisIndexProblem, buildMatrixBasis, vetoReason } from '../../../../renderer/src/domain/decisions/basis';
import { resolveMatrix } from '../../../../renderer/src/domain/tradeoffs/matrix';
import { MatrixBasisFileSchema } from '../../../../renderer/src/io/format-basis';
import { decidedMatrix, functions, latency } from './fixtures';

function basisOf() {
  const matrix = decidedMatrix();
  const resolved = resolveMatrix(matrix, new Map([[latency.id, latency]]), functions);
  return buildMatrixBasis(matrix, resolved, functions, matrix.decision!);
}

describe('the basis of a matrix decision', () => {
  it('freezes the question, options, criteria with their metric and guardrail, and every score', () => {
    const basis = basisOf();
    expect(basis.question).toBe('Which retriever ships?');
    expect(basis.options.map((o) => o.title)).toEqual(['A', 'B', 'C']);
    expect(basis.criteria).toEqual([
      { name: 'Quality', direction: 'benefit', metric: '', unit: '', guardrail: '' },
      // A linked criterion takes the metric's current name, as the matrix showed it.
      { name: 'p95 latency', direction: 'cost', metric: 'p95 latency', unit: 'ms', guardrail: 'Must stay ≤ 800 ms' },
    ]);
    expect(basis.scores).toHaveLength(6);
    expect(basis.scores[0]).toEqual({ option: 0, criterion: 0, value: 5, rationale: 'Best recall', confidence: 'high', expected: null });
    expect(basis.scores[5]).toMatchObject({ option: 2, criterion: 1, value: 1, rationale: 'Cross-encoder', expected: 1200 });
  });

  it('keeps each function’s weights and winner, and the equal blend', () => {
    const basis = basisOf();
    expect(basis.functions.map((f) => f.name)).toEqual(['Engineering', 'Product']);
    expect(basis.functions[0]!.weights[0]).toBeCloseTo(0.8);
    expect(basis.functions[0]!.weights[1]).toBeCloseTo(0.2);
    expect(basis.functions[1]!.weights).toEqual([0.5, 0.5]);
    // Engineering's own weights pick A, Product's pick B (0.625 against 0.5).
    expect(basis.functions.map((f) => f.winner)).toEqual([0, 1]);
    expect(basis.combined.how).toBe('equal');
    expect(basis.combined.weights[0]).toBeCloseTo(0.65);
    expect(basis.combined.weights[1]).toBeCloseTo(0.35);
  });

  it('keeps the ranking with scores and coverage, the veto with its reason, and the sensitivity', () => {
    const basis = basisOf();
    expect(basis.ranking.map((r) => r.rank)).toEqual([2, 3, 1]);
    expect(basis.ranking[0]!.score).toBeCloseTo(0.65);
    expect(basis.ranking[1]!.score).toBeCloseTo(0.5125);
    expect(basis.ranking[2]!.score).toBeCloseTo(1);
    expect(basis.ranking.every((r) => r.coverage === 1)).toBe(true);
    expect(basis.vetoes).toEqual([{ option: 2, criterion: 1, reason: 'p95 latency expected 1,200 ms breaks its guardrail (must stay ≤ 800 ms).' }]);
    // Quality's weight can fall to 4/7 before B overtakes A.
    expect(basis.sensitivity[0]!.low).toBeCloseTo(4 / 7);
    expect(basis.sensitivity[0]!.high).toBe(1);
    expect(basis.sensitivity[0]!.sentence).toBe('Weight of Quality can move from 57% to 100% (now 65%) before B overtakes A.');
    expect(basis.flip).toMatch(/^The smallest single change that flips the winner: .* makes B the winner\.$/);
    expect(basis).toMatchObject({ chosen: 0, recommended: 0, rationale: 'Quality first', deciders: 'Priya, Sam', date: '2026-12-01', tradedAway: [1] });
  });

  it('is read back from a file by its schema, which refuses places it does not list', () => {
    const basis = basisOf();
    expect(MatrixBasisFileSchema.safeParse(structuredClone(basis)).success).toBe(true);
    expect(basisIndexProblem(basis)).toBeUndefined();
    expect(basisIndexProblem({ ...basis, chosen: 3 })).toBe('The basis names an option it does not list.');
    expect(basisIndexProblem({ ...basis, tradedAway: [2] })).toBe('The basis names a criterion it does not list.');
    expect(basisIndexProblem({ ...basis, combined: { how: 'equal', weights: [1] } })).toBe('The basis has weights that do not match its criteria.');
    expect(MatrixBasisFileSchema.safeParse({ ...basis, chosen: 3 }).success).toBe(false);
    expect(MatrixBasisFileSchema.safeParse({ ...basis, extra: 1 }).success).toBe(false);
  });
});

describe('vetoReason', () => {
  it('says which expected value breaks which guardrail, in the metric’s unit', () => {
    expect(vetoReason('Cost per ticket', { expected: 0.71, guardrail: { op: 'lte', value: 0.6 } }, '$')).toMatch(/^Cost per ticket expected .*0\.71 breaks its guardrail \(must stay ≤ .*0\.6/);
  });
});
