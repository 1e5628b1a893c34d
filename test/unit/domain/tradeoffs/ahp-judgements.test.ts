import { describe, expect, it } from 'vitest';
import { CR_LIMIT, SAATY_SCALE } from '../../../../renderer/src/domain/tradeoffs/ahp';
import {
  completeJudgements,
  describeJudgement,
  formatRatio,
  formatSaaty,
  judgementOf,
  judgementsFromMatrix,
  matrixFromJudgements,
  positionOf,
  roundedPercents,
  SCALE_POSITIONS,
  valueAtPosition,
  weightsFromJudgements,
} from '../../../../renderer/src/domain/tradeoffs/ahp-judgements';

const ids = ['a', 'b', 'c'];

describe('judgements <-> matrix', () => {
  it('round-trips judgements through the matrix', () => {
    const judgements = { 'a|b': 3, 'a|c': 1 / 5, 'b|c': 7 };
    const matrix = matrixFromJudgements(ids, judgements);
    expect(matrix).toEqual([
      [1, 3, 1 / 5],
      [1 / 3, 1, 7],
      [5, 1 / 7, 1],
    ]);
    expect(judgementsFromMatrix(ids, matrix)).toEqual(judgements);
  });

  it('reads a judgement stored with the key the other way round as its reciprocal', () => {
    const judgements = { 'b|a': 3, 'c|a': 1 / 5, 'b|c': 2 };
    expect(judgementOf(judgements, 'a', 'b')).toBeCloseTo(1 / 3, 12);
    expect(judgementOf(judgements, 'a', 'c')).toBe(5);
    expect(completeJudgements(ids, judgements)).toEqual({ 'a|b': expect.closeTo(1 / 3, 12), 'a|c': 5, 'b|c': 2 });
  });

  it('fills missing pairs with Equal, ignores criteria no longer present and snaps off-scale values', () => {
    const judgements = { 'a|b': 3.4, 'a|gone': 9, 'b|c': -2, 'c|a': Number.NaN };
    expect(completeJudgements(ids, judgements)).toEqual({ 'a|b': 3, 'a|c': 1, 'b|c': 1 });
    expect(completeJudgements(ids, null)).toEqual({ 'a|b': 1, 'a|c': 1, 'b|c': 1 });
  });
});

describe('weightsFromJudgements', () => {
  it('matches the textbook 3 x 3 example: A vs B 3, A vs C 5, B vs C 3', () => {
    const { weights, result } = weightsFromJudgements(ids, { 'a|b': 3, 'a|c': 5, 'b|c': 3 });
    expect(weights.a).toBeCloseTo(0.637, 3);
    expect(weights.b).toBeCloseTo(0.258, 3);
    expect(weights.c).toBeCloseTo(0.105, 3);
    expect(weights.a! + weights.b! + weights.c!).toBeCloseTo(1, 12);
    expect(result.cr!).toBeCloseTo(0.033, 3);
    expect(result.cr!).toBeLessThan(CR_LIMIT);
  });

  it('gives the same weights whichever way the keys are stored', () => {
    const reversed = weightsFromJudgements(ids, { 'b|a': 1 / 3, 'c|a': 1 / 5, 'c|b': 1 / 3 }).weights;
    expect(reversed.a).toBeCloseTo(0.637, 3);
    expect(reversed.c).toBeCloseTo(0.105, 3);
  });

  it('derives weights beyond 10 criteria, without a consistency ratio', () => {
    const many = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const { weights, result } = weightsFromJudgements(many, { 'k0|k1': 5 });
    expect(result.cr).toBeNull();
    expect(Object.values(weights).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(weights.k0).toBeGreaterThan(weights.k2!);
  });
});

describe('roundedPercents', () => {
  it('rounds to whole percentages that add up to 100', () => {
    expect(roundedPercents([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(roundedPercents([0.637, 0.258, 0.105])).toEqual([64, 26, 10]);
    const many = roundedPercents(Array<number>(7).fill(1 / 7));
    expect(many.reduce((s, v) => s + v, 0)).toBe(100);
  });

  it('gives zeros when there is nothing to share', () => {
    expect(roundedPercents([])).toEqual([]);
    expect(roundedPercents([0, 0])).toEqual([0, 0]);
  });
});

describe('the scale', () => {
  it('runs left to right from the row criterion at 9 through Equal to the column criterion at 9', () => {
    expect(SCALE_POSITIONS).toBe(17);
    expect(valueAtPosition(0)).toBe(9);
    expect(valueAtPosition(8)).toBe(1);
    expect(valueAtPosition(16)).toBeCloseTo(1 / 9, 12);
    SAATY_SCALE.forEach((v) => expect(valueAtPosition(positionOf(v))).toBe(v));
  });

  it('writes and describes judgements in Saaty’s words', () => {
    expect(formatSaaty(5)).toBe('5');
    expect(formatSaaty(0.34)).toBe('1/3');
    expect(describeJudgement(1, 'Latency', 'Cost')).toBe('Equal (1)');
    expect(describeJudgement(5, 'Latency', 'Cost')).toBe('Latency strongly more important (5)');
    expect(describeJudgement(1 / 9, 'Latency', 'Cost')).toBe('Cost extremely more important (9)');
    expect(describeJudgement(1 / 4, 'Latency', 'Cost')).toBe('Cost moderately to strongly more important (4)');
  });

  it('shows a consistency ratio to two decimals, three where the limit would blur', () => {
    expect(formatRatio(0.0331)).toBe('0.03');
    expect(formatRatio(0.1)).toBe('0.10');
    expect(formatRatio(0.1038)).toBe('0.104');
    expect(formatRatio(0.0971)).toBe('0.097');
    expect(formatRatio(0.24)).toBe('0.24');
  });
});
