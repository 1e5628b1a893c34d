import { describe, expect, it } from 'vitest';
import { metric } from '../metrics/factories';
import { criteriaAfterMetricsDeleted, weightsAfterFunctionRemoved } from '../../../../renderer/src/domain/tradeoffs/cascades';
import {
  addCriterion,
  changeMode,
  checkDecision,
  checkQuestion,
  checkWeight,
  decide,
  moveOption,
  removeCriterion,
  removeOption,
  reopen,
  setFacilitatorWeight,
  setFunctionWeight,
  setScore,
  updateCriterion,
} from '../../../../renderer/src/domain/tradeoffs/edits';
import { weightsFromJudgements } from '../../../../renderer/src/domain/tradeoffs/ahp-judgements';
import { recommendedOption, resolveMatrix } from '../../../../renderer/src/domain/tradeoffs/matrix';
import { percentPoints } from '../../../../renderer/src/domain/tradeoffs/scoring';
import { newMatrix, WEIGHT_MAX, type Matrix } from '../../../../renderer/src/domain/tradeoffs/model';

/** Options A and B on Quality (free) and Latency (linked to metric m1); Eng weighs both. */
function sample(): Matrix {
  let n = 0;
  const matrix = newMatrix('p1', 'Which retriever?', 1, () => `x${++n}`);
  matrix.options = [
    { id: 'A', title: 'BM25', description: '' },
    { id: 'B', title: 'Dense', description: '' },
  ];
  matrix.criteria = [
    { id: 'q', name: 'Quality', metricId: '', direction: 'benefit' },
    { id: 'lat', name: 'p95 latency', metricId: 'm1', direction: 'cost' },
  ];
  matrix.scores = [{ optionId: 'A', criterionId: 'q', value: 4, rationale: 'Good', confidence: null, expected: null }];
  matrix.functionWeights = [{ functionId: 'eng', weights: { q: 2, lat: 1 }, judgements: { 'q|lat': 3 } }];
  return matrix;
}

const decision = { optionId: 'A', rationale: 'Cheapest that is good enough', deciders: 'Sam, Ana', date: '2026-11-20' };

describe('texts and values', () => {
  it('asks for a question and weights within their range', () => {
    expect(checkQuestion('  Which\nretriever? ')).toEqual({ ok: true, value: 'Which retriever?' });
    expect(checkQuestion('').ok).toBe(false);
    expect(checkWeight(0).ok).toBe(true);
    expect(checkWeight(-1)).toEqual({ ok: false, message: `Give the weight as a number of points from 0 to ${WEIGHT_MAX}; 0 leaves the criterion out.` });
    expect(checkWeight(Number.NaN).ok).toBe(false);
  });
});

describe('options, criteria and scores', () => {
  it('clears every value when the scale changes, keeping rationales', () => {
    const changed = changeMode(sample(), 'effect');
    expect(changed.ok && changed.value.scores).toEqual([{ optionId: 'A', criterionId: 'q', value: null, rationale: 'Good', confidence: null, expected: null }]);
  });

  it('removes an option with its cells, but keeps one an earlier decision chose', () => {
    const removed = removeOption(sample(), 'A');
    expect(removed.ok && [removed.value.options?.map((o) => o.id), removed.value.scores]).toEqual([['B'], []]);
    const decided = { ...sample(), pastDecisions: [{ ...decision, tradedAway: [], recommendedId: null, recordedAt: 2, reopened: { at: 3, reason: 'New data' } }] };
    expect(removeOption(decided, 'A').ok).toBe(false);
  });

  it('moves an option a place, and stays put at the ends', () => {
    expect(moveOption(sample(), 'B', -1)).toMatchObject({ ok: true, value: { options: [{ id: 'B' }, { id: 'A' }] } });
    expect(moveOption(sample(), 'A', -1)).toMatchObject({ ok: true, value: { options: [{ id: 'A' }, { id: 'B' }] } });
  });

  it('refuses a second criterion of the same name, and renaming a linked one', () => {
    const shown = new Map([
      ['q', 'Quality'],
      ['lat', 'p95 latency'],
    ]);
    expect(addCriterion(sample(), { id: 'c3', name: 'quality', metricId: '', direction: 'benefit' }, shown)).toEqual({
      ok: false,
      message: 'There is already a criterion called "quality".',
    });
    expect(updateCriterion(sample(), 'lat', { name: 'Latency' }, shown, new Set(['lat'])).ok).toBe(false);
    expect(updateCriterion(sample(), 'q', { name: 'Answer quality' }, shown, new Set(['lat']))).toMatchObject({ ok: true });
  });

  it("removes a criterion with its cells, weights and the judgements that compare it", () => {
    const removed = removeCriterion(sample(), 'q');
    if (!removed.ok) throw new Error(removed.message);
    expect(removed.value.scores).toEqual([]);
    expect(removed.value.functionWeights).toEqual([{ functionId: 'eng', weights: { lat: 1 }, judgements: {} }]);
  });

  it('after a criterion is removed, weights kept with a complete set of comparisons are what those comparisons give', () => {
    // Three criteria judged inconsistently (q over lat 3, lat over c 3, c over q 2): removing c leaves q over lat 3, 75% to 25%.
    const matrix = { ...sample(), criteria: [...sample().criteria, { id: 'c', name: 'Cost', metricId: '', direction: 'cost' as const }] };
    const judgements = { 'q|lat': 3, 'lat|c': 3, 'c|q': 2 };
    // Stored as the pairwise dialog applies them: the comparisons' weights in percentage points.
    const applied = percentPoints(weightsFromJudgements(['q', 'lat', 'c'], judgements).weights);
    expect(applied.q).not.toBeCloseTo(3 * applied.lat!, 0);
    matrix.functionWeights = [{ functionId: 'eng', weights: applied, judgements }];
    matrix.combined = { mode: 'equal', weights: applied, judgements };
    const removed = removeCriterion(matrix, 'c');
    if (!removed.ok) throw new Error(removed.message);
    expect(removed.value.functionWeights).toEqual([{ functionId: 'eng', weights: { q: 75, lat: 25 }, judgements: { 'q|lat': 3 } }]);
    expect(removed.value.combined).toEqual({ mode: 'equal', weights: { q: 75, lat: 25 }, judgements: { 'q|lat': 3 } });
  });

  it('drops a cell left with nothing in it, and refuses a value off the scale', () => {
    const cleared = setScore(sample(), 'A', 'q', { value: null, rationale: '' });
    expect(cleared.ok && cleared.value.scores).toEqual([]);
    expect(setScore(sample(), 'A', 'q', { value: 9 }).ok).toBe(false);
  });
});

describe('weights', () => {
  it('sets one weight, starting a function that set none from 1 on every criterion', () => {
    const set = setFunctionWeight(sample(), 'pm', 'q', 4);
    expect(set.ok && set.value.functionWeights?.find((f) => f.functionId === 'pm')).toEqual({ functionId: 'pm', weights: { q: 4, lat: 1 }, judgements: null });
  });

  it('keeps the comparisons when a weight is typed by hand', () => {
    const set = setFunctionWeight(sample(), 'eng', 'q', 5);
    expect(set.ok && set.value.functionWeights).toEqual([{ functionId: 'eng', weights: { q: 5, lat: 1 }, judgements: { 'q|lat': 3 } }]);
    const matrix = { ...sample(), combined: { mode: 'facilitator' as const, weights: { q: 75, lat: 25 }, judgements: { 'q|lat': 3 } } };
    const facilitator = setFacilitatorWeight(matrix, 'lat', 50, []);
    expect(facilitator.ok && facilitator.value.combined).toEqual({ mode: 'facilitator', weights: { q: 75, lat: 50 }, judgements: { 'q|lat': 3 } });
  });

  it('after a criterion is removed, weights typed by hand stay as typed', () => {
    const matrix = { ...sample(), criteria: [...sample().criteria, { id: 'c', name: 'Cost', metricId: '', direction: 'cost' as const }] };
    matrix.functionWeights = [{ functionId: 'eng', weights: { q: 10, lat: 30, c: 60 }, judgements: { 'q|lat': 3, 'lat|c': 3, 'c|q': 2 } }];
    const removed = removeCriterion(matrix, 'c');
    expect(removed.ok && removed.value.functionWeights).toEqual([{ functionId: 'eng', weights: { q: 10, lat: 30 }, judgements: { 'q|lat': 3 } }]);
  });

  it("switches to the facilitator's weights from the blend's percentage points", () => {
    const set = setFacilitatorWeight(sample(), 'lat', 50, []);
    expect(set.ok && set.value.combined).toEqual({ mode: 'facilitator', weights: { q: 50, lat: 50 }, judgements: null });
  });
});

describe('decisions', () => {
  it('needs an option, a reason, who decided and a real date', () => {
    expect(checkDecision({ ...decision, optionId: '' })).toEqual({ ok: false, message: 'Choose the option decided on.' });
    expect(checkDecision({ ...decision, rationale: ' ' })).toEqual({ ok: false, message: 'Say why: the rationale is what others will read later.' });
    expect(checkDecision({ ...decision, deciders: '' }).ok).toBe(false);
    expect(checkDecision({ ...decision, date: '2026-02-30' }).ok).toBe(false);
  });

  it('locks with a decision, and reopening keeps it among the earlier ones with the reason', () => {
    // B beats A on latency (A is unscored there) and wins overall.
    const before = sample();
    before.scores.push({ optionId: 'B', criterionId: 'q', value: 5, rationale: '', confidence: null, expected: null });
    before.scores.push({ optionId: 'B', criterionId: 'lat', value: 4, rationale: '', confidence: null, expected: null });
    const resolved = resolveMatrix(before, new Map(), []);
    const decided = decide(before, decision, resolved, 10);
    if (!decided.ok) throw new Error(decided.message);
    const matrix = { ...before, ...decided.value };
    expect(matrix.decision).toMatchObject({ optionId: 'A', tradedAway: ['q', 'lat'], recommendedId: 'B', recordedAt: 10, reopened: null });
    expect(decide(matrix, decision, resolved, 11)).toEqual({ ok: false, message: 'This matrix is already decided. Reopen it to decide again.' });
    const reopened = reopen(matrix, ' Latency budget changed ', 12);
    expect(reopened.ok && reopened.value).toMatchObject({ decision: null, pastDecisions: [{ optionId: 'A', reopened: { at: 12, reason: 'Latency budget changed' } }] });
    expect(reopen(sample(), 'Why', 12).ok).toBe(false);
  });
});

describe('the recommendation', () => {
  it('is the winner, unless the leading options tie', () => {
    const winner = { optionId: 'A', score: 0.8, coverage: 1, rank: 1, vetoes: [] };
    expect(recommendedOption({ winner, tied: [] } as never)).toBe('A');
    expect(recommendedOption({ winner, tied: ['B'] } as never)).toBeNull();
    expect(recommendedOption({ winner: undefined, tied: [] } as never)).toBeNull();
  });
});

describe('what other areas do to matrices', () => {
  it('turns criteria of deleted metrics into free-standing ones under the metric name and direction', () => {
    const deleted = new Map([['m1', metric({ id: 'm1', name: 'p95 latency (ms)', direction: 'higher' })]]);
    expect(criteriaAfterMetricsDeleted(sample(), deleted)?.[1]).toEqual({ id: 'lat', name: 'p95 latency (ms)', metricId: '', direction: 'benefit' });
    expect(criteriaAfterMetricsDeleted(sample(), new Map())).toBeUndefined();
  });

  it("drops a removed function's weights, and leaves a matrix it never weighed alone", () => {
    expect(weightsAfterFunctionRemoved(sample(), 'eng')).toEqual([]);
    expect(weightsAfterFunctionRemoved(sample(), 'pm')).toBeUndefined();
  });
});
