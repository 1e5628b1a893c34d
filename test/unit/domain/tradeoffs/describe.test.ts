import { describe, expect, it } from 'vitest';
import { analyseMatrix } from '../../../../renderer/src/domain/tradeoffs/analysis';
import {
  describeFlip,
  describeSensitivity,
  functionComparisonSummary,
  rankingSummary,
  sensitivitySentence,
  sensitivitySummary,
  SENSITIVITY_NEEDS_SCORES,
  SENSITIVITY_TIED,
} from '../../../../renderer/src/domain/tradeoffs/describe';
import { coverageText, namesOf, optionTitles, percent, score100 } from '../../../../renderer/src/domain/tradeoffs/labels';
import type { Criterion, MatrixOption } from '../../../../renderer/src/domain/tradeoffs/model';
import type { MatrixInput, OptionResult, Veto } from '../../../../renderer/src/domain/tradeoffs/scoring';
import type { CriterionSensitivity } from '../../../../renderer/src/domain/tradeoffs/sensitivity';

const options: MatrixOption[] = [
  { id: 'a', title: 'Option A', description: '' },
  { id: 'b', title: 'Option B', description: '' },
  { id: 'c', title: 'Option C', description: '' },
  { id: 'd', title: '  ', description: '' },
];
const title = optionTitles(options);
const sens = (extra: Partial<CriterionSensitivity>): CriterionSensitivity => ({
  criterionId: 'lat',
  weight: 0.3,
  low: 0,
  high: 1,
  belowLow: null,
  aboveHigh: null,
  ...extra,
});
const veto: Veto = { criterionId: 'lat', expected: 900, guardrail: { op: 'lte', value: 800 } };
const result = (optionId: string, rank: number, score: number | null, extra: Partial<OptionResult> = {}): OptionResult => ({
  optionId,
  score,
  coverage: score === null ? 0 : 1,
  vetoes: [],
  rank,
  ...extra,
});

describe('numbers', () => {
  it('rounds shares to whole percentages and scores to 0–100', () => {
    expect(percent(0.123)).toBe('12%');
    expect(percent(0.125)).toBe('13%');
    expect(percent(0)).toBe('0%');
    expect(percent(-0.001)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(score100(0.784)).toBe('78');
    expect(score100(1)).toBe('100');
  });

  it('never says a partly scored option is 100% or 0% scored', () => {
    expect(coverageText(0.8)).toBe('80% scored');
    expect(coverageText(0.998)).toBe('99% scored');
    expect(coverageText(0.002)).toBe('1% scored');
  });

  it('names an option or criterion without a title', () => {
    expect(title('d')).toBe('Untitled option');
    expect(title('missing')).toBe('Untitled option');
    expect(namesOf([{ id: 'x', name: '' }])('x')).toBe('Untitled criterion');
  });
});

describe('describeSensitivity', () => {
  it('says how far the weight can move and who overtakes, as in the brief', () => {
    const s = sens({ low: 0.12, high: 0.48, belowLow: 'b', aboveHigh: 'b' });
    expect(describeSensitivity(s, 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 can move from 12% to 48% (now 30%) before Option B overtakes Option A.',
    );
  });

  it('names both challengers when different options take over below and above', () => {
    const s = sens({ low: 0.12, high: 0.48, belowLow: 'c', aboveHigh: 'b' });
    expect(describeSensitivity(s, 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 can move from 12% to 48% (now 30%) before Option C (below 12%) or Option B (above 48%) overtakes Option A.',
    );
  });

  it('starts at 0% or ends at 100% when only one side flips', () => {
    expect(describeSensitivity(sens({ high: 0.48, aboveHigh: 'b' }), 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 can move from 0% to 48% (now 30%) before Option B overtakes Option A.',
    );
    expect(describeSensitivity(sens({ low: 0.2, belowLow: 'c' }), 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 can move from 20% to 100% (now 30%) before Option C overtakes Option A.',
    );
  });

  it('says the whole range keeps the winner when nobody takes over', () => {
    expect(describeSensitivity(sens({}), 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 can take any value from 0% to 100% without changing the winner.',
    );
  });

  it('calls a band narrower than a percentage point a tipping point, not "from 30% to 30%"', () => {
    const s = sens({ low: 0.299, high: 0.301, belowLow: 'c', aboveHigh: 'b' });
    expect(describeSensitivity(s, 'Latency p95', title, 'Option A')).toBe(
      'Weight of Latency p95 is at a tipping point (now 30%): a small change lets Option C or Option B overtake Option A.',
    );
  });
});

describe('describeFlip', () => {
  const criterion = namesOf([{ id: 'lat', name: 'Latency p95' }]);
  it('names the criterion, the move and the new winner', () => {
    expect(describeFlip({ criterionId: 'lat', from: 0.3, to: 0.48, optionId: 'b' }, criterion, title)).toBe(
      'The smallest single change that flips the winner: Latency p95 from 30% to 48% makes Option B the winner.',
    );
  });
  it('says so when no single change flips the winner', () => {
    expect(describeFlip(undefined, criterion, title)).toBe('No single weight change flips the winner.');
  });
});

describe('a hand-worked matrix, end to end', () => {
  // Ratings (benefit, so utility = (r − 1) / 4) with weights 0.5 / 0.3 / 0.2:
  //   A: 5, 1, 3 → 1, 0, 0.5 → 0.5 + 0 + 0.1 = 0.6
  //   B: 1, 5, 5 → 0, 1, 1   → 0 + 0.3 + 0.2 = 0.5
  // Accuracy at t (others keep 3:2): A = t + 0.2(1 − t), B = 1 − t → equal at t = 4/9 ≈ 44%.
  // Latency at t (others 5:2): A = (1 − t)·6/7, B = t + (1 − t)·2/7 → equal at t = 4/11 ≈ 36%.
  // Cost at t (others 5:3): A = t/2 + 0.625(1 − t), B = t + 0.375(1 − t) → equal at t = 1/3.
  // Smallest move: Accuracy 50% → 44% (0.056) beats Latency 30% → 36% (0.064).
  const criteria: Criterion[] = [
    { id: 'acc', name: 'Accuracy', metricId: '', direction: 'benefit' },
    { id: 'lat', name: 'Latency p95', metricId: '', direction: 'benefit' },
    { id: 'cost', name: 'Cost per call', metricId: '', direction: 'benefit' },
  ];
  const ratings: Record<string, number[]> = { a: [5, 1, 3], b: [1, 5, 5] };
  const input: MatrixInput = {
    mode: 'rating',
    options: options.slice(0, 2),
    criteria,
    scores: Object.entries(ratings).flatMap(([o, values]) =>
      values.map((value, j) => ({ optionId: o, criterionId: criteria[j]!.id, value, rationale: '', confidence: null, expected: null })),
    ),
    guardrails: new Map(),
  };
  const analysis = analyseMatrix(input, [], { mode: 'facilitator', weights: { acc: 5, lat: 3, cost: 2 } });

  it('describes every criterion and the smallest flip', () => {
    expect(analysis.winner?.optionId).toBe('a');
    const name = namesOf(criteria);
    expect(analysis.sensitivity.map((s) => describeSensitivity(s, name(s.criterionId), title, 'Option A'))).toEqual([
      'Weight of Accuracy can move from 44% to 100% (now 50%) before Option B overtakes Option A.',
      'Weight of Latency p95 can move from 0% to 36% (now 30%) before Option B overtakes Option A.',
      'Weight of Cost per call can move from 0% to 33% (now 20%) before Option B overtakes Option A.',
    ]);
    expect(describeFlip(analysis.flip, name, title)).toBe(
      'The smallest single change that flips the winner: Accuracy from 50% to 44% makes Option B the winner.',
    );
  });

  it('says the sensitivity in one sentence: the flip, a tie, or what is missing', () => {
    const name = namesOf(criteria);
    expect(sensitivitySentence(analysis, name, title)).toBe(describeFlip(analysis.flip, name, title));
    expect(sensitivitySentence({ ...analysis, tied: ['b'] }, name, title)).toBe(SENSITIVITY_TIED);
    expect(sensitivitySentence({ ...analysis, winner: undefined, sensitivity: [] }, name, title)).toBe(SENSITIVITY_NEEDS_SCORES);
  });

  it('summarises the sensitivity chart with the flip first', () => {
    const summary = sensitivitySummary(analysis.sensitivity, criteria, options, 'a');
    expect(summary).toMatch(/^How far each criterion's weight can move, on its own, before Option A stops being the winner\. The smallest single change/);
    expect(summary).toContain('Weight of Cost per call can move from 0% to 33% (now 20%)');
    expect(sensitivitySummary([], criteria, options, 'a')).toBe('Weight sensitivity: nothing to show.');
  });

  it('summarises the ranking in rank order', () => {
    expect(rankingSummary(analysis.results, options, 'a')).toBe(
      'Weighted ranking of 2 options, scores out of 100. Recommended: Option A. 1. Option A: 60; 2. Option B: 50.',
    );
  });
});

describe('rankingSummary', () => {
  it('notes vetoes, partial coverage and unscored options', () => {
    const results = [
      result('a', 2, 0.7, { coverage: 0.8 }),
      result('b', 1, 0.9, { vetoes: [veto] }),
      result('c', 4, null),
      result('d', 3, 0.4),
    ];
    expect(rankingSummary(results, options, 'a')).toBe(
      'Weighted ranking of 4 options, scores out of 100. Recommended: Option A. 1. Option B: 90 (vetoed); 2. Option A: 70 (80% scored); 3. Untitled option: 40. Not scored: Option C.',
    );
  });

  it('does not call a vetoed option recommended, and says when there are no options', () => {
    expect(rankingSummary([result('b', 1, 0.9, { vetoes: [veto] })], options, 'b')).toBe(
      'Weighted ranking of 1 option, scores out of 100. No option can be recommended yet. 1. Option B: 90 (vetoed).',
    );
    expect(rankingSummary([], options, undefined)).toBe('Weighted ranking: no options yet.');
  });
});

describe('functionComparisonSummary', () => {
  const functions = [
    { id: 'product', name: 'Product' },
    { id: 'legal', name: 'Legal' },
    { id: 'ops', name: 'Ops' },
  ];
  const ranking = (functionId: string, winner: string | undefined) => ({ functionId, results: [], winner });

  it("lists each function's top pick and who differs from the recommendation", () => {
    const perFunction = [ranking('product', 'a'), ranking('legal', 'b'), ranking('ops', undefined)];
    expect(functionComparisonSummary(options.slice(0, 3), functions, perFunction, 'a')).toBe(
      "Scores out of 100 of 3 options under each function's weights and the combined weights. Recommended with the combined weights: Option A. Top pick by function: Product, Option A; Legal, Option B; Ops, none. Legal picks a different option from the recommendation.",
    );
  });

  it('says which functions have not weighed, and does not count their pick as differing', () => {
    const perFunction = [ranking('product', 'a'), ranking('legal', 'b')];
    expect(functionComparisonSummary(options.slice(0, 2), functions.slice(0, 2), perFunction, 'a', ['legal'])).toBe(
      "Scores out of 100 of 2 options under each function's weights and the combined weights. Recommended with the combined weights: Option A. Top pick by function: Product, Option A; Legal, Option B (not weighed yet: every criterion equal).",
    );
  });

  it('says when every function agrees', () => {
    const perFunction = [ranking('product', 'a'), ranking('legal', 'a')];
    expect(functionComparisonSummary(options.slice(0, 2), functions.slice(0, 2), perFunction, 'a')).toContain(
      "Every function's top pick is the recommended option.",
    );
    expect(functionComparisonSummary(options.slice(0, 2), functions.slice(0, 2), perFunction, undefined)).toContain(
      'No option can be recommended with the combined weights. Top pick by function: Product, Option A; Legal, Option A. Product and Legal pick a different option from the recommendation.',
    );
  });
});
