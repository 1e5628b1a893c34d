import { describe, expect, it } from 'vitest';
import { metric } from '../metrics/factories';
import {
  cellKey,
  functionWeightsOf,
  landedScores,
  metricDirection,
  resolveCriteria,
  resolveMatrix,
  tradedAway,
  withPendingScores,
} from '../../../../renderer/src/domain/tradeoffs/matrix';
import { anchorLabel, newMatrix, type Matrix, type Score } from '../../../../renderer/src/domain/tradeoffs/model';
import { gridRows } from '../../../../renderer/src/views/tradeoffs/grid-rows';
import { moveCell, scoreKey, showScore } from '../../../../renderer/src/views/tradeoffs/grid-keys';

const score = (optionId: string, criterionId: string, value: number | null, extra: Partial<Score> = {}): Score => ({
  optionId,
  criterionId,
  value,
  rationale: '',
  confidence: null,
  expected: null,
  ...extra,
});

/** Options A, B, C on criteria q (benefit), lat (linked to a lower-is-better metric), eff (cost). */
function sample(): { matrix: Matrix; latency: ReturnType<typeof metric> } {
  const latency = metric({ name: 'p95 latency', unit: 'ms', direction: 'lower', guardrail: { op: 'lte', value: 800 } });
  let n = 0;
  const matrix = newMatrix('p1', 'Which?', 1, () => `m${++n}`);
  matrix.options = ['A', 'B', 'C'].map((id) => ({ id, title: `Option ${id}`, description: '' }));
  matrix.criteria = [
    { id: 'q', name: 'Quality', metricId: '', direction: 'benefit' },
    { id: 'lat', name: 'old name', metricId: latency.id, direction: 'benefit' },
    { id: 'eff', name: 'Effort', metricId: '', direction: 'cost' },
  ];
  matrix.scores = [
    score('A', 'q', 3),
    score('A', 'lat', 2),
    score('A', 'eff', 2),
    score('B', 'q', 5),
    score('B', 'lat', 4),
    score('B', 'eff', 3),
    score('C', 'q', 5),
    score('C', 'lat', 1, { expected: 950 }),
  ];
  return { matrix, latency };
}

describe('resolving a matrix against the program', () => {
  it('lends a linked criterion the metric’s current name, unit and direction', () => {
    const { matrix, latency } = sample();
    const [q, lat] = resolveCriteria(matrix.criteria, new Map([[latency.id, latency]]));
    expect(q).toMatchObject({ name: 'Quality', unit: '', direction: 'benefit', metric: undefined });
    expect(lat).toMatchObject({ name: 'p95 latency', unit: 'ms', direction: 'cost' });
    expect(metricDirection({ direction: 'range' })).toBe('benefit');
  });

  it('vetoes an option whose expected value breaks the linked guardrail, and ranks by hand-worked scores', () => {
    const { matrix, latency } = sample();
    const { analysis } = resolveMatrix(matrix, new Map([[latency.id, latency]]), []);
    const byId = Object.fromEntries(analysis.results.map((r) => [r.optionId, r]));
    // Utilities: A (0.5, 0.75, 0.75) = 0.667; B (1, 0.25, 0.5) = 0.583; C (1, 1) over 2/3 of the weight = 1.
    expect(byId.A!.score).toBeCloseTo(2 / 3, 10);
    expect(byId.B!.score).toBeCloseTo(0.5833, 4);
    expect(byId.C!.score).toBe(1);
    expect(byId.C!.coverage).toBeCloseTo(2 / 3, 10);
    expect(byId.C!.vetoes).toEqual([{ criterionId: 'lat', expected: 950, guardrail: { op: 'lte', value: 800 } }]);
    // C scores best but is vetoed (and partly scored): A is recommended.
    expect(analysis.winner?.optionId).toBe('A');
  });

  it('gives every current function weights, equal for one that set none', () => {
    const { matrix } = sample();
    matrix.functionWeights = [{ functionId: 'f2', weights: { q: 5 }, judgements: null }];
    const functions = [1, 2].map((i) => ({ id: `f${i}`, programId: 'p1', name: `F${i}`, required: true, order: i }));
    expect(functionWeightsOf(matrix, functions)).toEqual([
      { functionId: 'f1', weights: {} },
      { functionId: 'f2', weights: { q: 5 } },
    ]);
  });

  it('names what a choice trades away: criteria where another option is better or the choice is unscored', () => {
    const { matrix, latency } = sample();
    const { input } = resolveMatrix(matrix, new Map([[latency.id, latency]]), []);
    // C (vetoed) is lowest on latency, but a vetoed option was never on the table.
    expect(tradedAway(input, 'A')).toEqual(['q']);
    expect(tradedAway(input, 'B')).toEqual(['lat', 'eff']);
    // C leaves effort unscored while others scored it.
    expect(tradedAway(input, 'C')).toEqual(['eff']);
    matrix.scores = matrix.scores.map((s) => ({ ...s, expected: null }));
    const unvetoed = resolveMatrix(matrix, new Map([[latency.id, latency]]), []).input;
    expect(tradedAway(unvetoed, 'A')).toEqual(['q', 'lat']);
    expect(tradedAway(input, 'nope')).toEqual([]);
  });
});

describe('typed scores shown before their save lands', () => {
  it('replace stored values, add new cells, and leave once stored', () => {
    const { matrix } = sample();
    const pending = new Map([
      [cellKey('A', 'q'), 5],
      [cellKey('C', 'eff'), 1],
      [cellKey('B', 'eff'), null],
      [cellKey('gone', 'q'), 4],
    ]);
    const shown = withPendingScores(matrix, pending);
    const value = (o: string, c: string) => shown.scores.find((s) => s.optionId === o && s.criterionId === c)?.value;
    expect(value('A', 'q')).toBe(5);
    expect(value('C', 'eff')).toBe(1);
    expect(value('B', 'eff')).toBeNull();
    expect(shown.scores.some((s) => s.optionId === 'gone')).toBe(false);
    expect(matrix.scores.find((s) => s.optionId === 'A' && s.criterionId === 'q')?.value).toBe(3);
    expect(withPendingScores(matrix, new Map())).toBe(matrix);

    expect(landedScores(matrix, pending)).toEqual([]);
    expect(landedScores(shown, pending).sort()).toEqual([cellKey('A', 'q'), cellKey('B', 'eff'), cellKey('C', 'eff')].sort());
  });
});

describe('grid keys', () => {
  it('move like a spreadsheet and stop at the edges', () => {
    const at = { row: 2, col: 3 };
    expect(moveCell(at, 'ArrowUp', 10, 5)).toEqual({ row: 1, col: 3 });
    expect(moveCell(at, 'ArrowRight', 10, 5)).toEqual({ row: 2, col: 4 });
    expect(moveCell({ row: 2, col: 4 }, 'ArrowRight', 10, 5)).toEqual({ row: 2, col: 4 });
    expect(moveCell(at, 'Home', 10, 5)).toEqual({ row: 2, col: 0 });
    expect(moveCell(at, 'End', 10, 5, true)).toEqual({ row: 9, col: 4 });
    expect(moveCell(at, 'PageDown', 10, 5)).toEqual({ row: 9, col: 3 });
    expect(moveCell(at, 'x', 10, 5)).toBeUndefined();
  });

  it('score within the scale, with a sign typed first for a worsening effect', () => {
    expect(scoreKey('4', 'rating', false)).toEqual({ kind: 'set', value: 4 });
    expect(scoreKey('0', 'rating', false)).toMatchObject({ kind: 'invalid' });
    expect(scoreKey('6', 'rating', false)).toMatchObject({ kind: 'invalid' });
    expect(scoreKey('-', 'rating', false)).toBeUndefined();
    expect(scoreKey('-', 'effect', false)).toEqual({ kind: 'sign', negative: true });
    expect(scoreKey('2', 'effect', true)).toEqual({ kind: 'set', value: -2 });
    expect(scoreKey('0', 'effect', true)).toEqual({ kind: 'set', value: 0 });
    expect(scoreKey('4', 'effect', false)).toMatchObject({ kind: 'invalid' });
    expect(scoreKey('Delete', 'effect', false)).toEqual({ kind: 'clear' });
    expect(showScore('effect', 2)).toBe('+2');
    expect(showScore('effect', -2)).toBe('−2');
    expect(anchorLabel('effect', -3)).toBe('−3 · Worsens a lot');
    expect(anchorLabel('rating', 4)).toBe('4 · High');
  });
});

describe('grid rows', () => {
  it('describe every cell, and keep the objects of rows that did not change', () => {
    const { matrix, latency } = sample();
    const { criteria, analysis } = resolveMatrix(matrix, new Map([[latency.id, latency]]), []);
    const first = gridRows(matrix, criteria, analysis.results, true);
    expect(first[2]!.cells[2]).toMatchObject({ empty: true, label: 'Option C, Effort: not scored', style: '' });
    expect(first[0]!.cells[1]).toMatchObject({ text: '2', label: 'Option A, p95 latency: 2 · Low', style: '--heat: 75%' });
    expect(first[2]).toMatchObject({ score: '100', vetoed: true });

    const edited = { ...matrix, scores: matrix.scores.map((s) => (s.optionId === 'B' && s.criterionId === 'q' ? { ...s, value: 1 } : s)) };
    const again = resolveMatrix(edited, new Map([[latency.id, latency]]), []);
    const previous = new Map(first.map((r) => [r.id, r]));
    const second = gridRows(edited, again.criteria, again.analysis.results, true, previous);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.cells[0]!.text).toBe('1');
    expect(second[1]!.cells[1]).toBe(first[1]!.cells[1]);
    // Rows A and C kept score and rank: the same objects, so Svelte leaves their DOM alone.
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    // Turning the heatmap off changes every scored cell.
    expect(gridRows(edited, again.criteria, again.analysis.results, false, previous)[0]!.cells[0]!.style).toBe('');
  });
});

describe('ties', () => {
  it('are called ties: shared rank, and the analysis names the options tied with the winner', () => {
    const { matrix } = sample();
    // Without the metric, lat is a plain benefit: A (0.5, 0.25, 0.75) and B (1, 0.25, 0.25) both average 0.5.
    matrix.scores = [
      score('A', 'q', 3),
      score('A', 'lat', 2),
      score('A', 'eff', 2),
      score('B', 'q', 5),
      score('B', 'lat', 2),
      score('B', 'eff', 4),
    ];
    const { analysis } = resolveMatrix(matrix, new Map(), []);
    expect(analysis.results.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(analysis.winner?.optionId).toBe('A');
    expect(analysis.tied).toEqual(['B']);
  });
});
