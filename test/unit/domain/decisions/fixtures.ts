import type { Metric, ProgramFunction } from '../../../../renderer/src/domain/metrics/model';
import { newMatrix, type Matrix } from '../../../../renderer/src/domain/tradeoffs/model';

// A small decided matrix whose numbers are worked out by hand (see decision-basis.test.ts):
// Quality (benefit) and p95 latency (cost, a shared metric with a guardrail of at most 800 ms).
// Engineering weighs 4:1, Product 1:1, so the equal blend is 65% / 35%.
//   A: Quality 5 (1.0), latency 5 (0.0)  -> 0.65
//   B: Quality 2 (0.25), latency 1 (1.0) -> 0.25 * 0.65 + 0.35 = 0.5125
//   C: Quality 5, latency 1, expected 1200 ms -> vetoed by the latency guardrail

export const latency = {
  id: 'metric-latency',
  programId: 'p',
  name: 'p95 latency',
  unit: 'ms',
  direction: 'lower',
  guardrail: { op: 'lte', value: 800 },
} as unknown as Metric;

export const functions: ProgramFunction[] = [
  { id: 'f-eng', programId: 'p', name: 'Engineering', required: true, order: 0 },
  { id: 'f-product', programId: 'p', name: 'Product', required: true, order: 1 },
];

export function decidedMatrix(): Matrix {
  const matrix = newMatrix('p', 'Which retriever ships?', 1_800_000_000_000, () => 'm1');
  return {
    ...matrix,
    context: 'Holiday peak',
    options: [
      { id: 'a', title: 'A', description: 'Dense' },
      { id: 'b', title: 'B', description: 'Hybrid' },
      { id: 'c', title: 'C', description: 'Re-ranker' },
    ],
    criteria: [
      { id: 'q', name: 'Quality', metricId: '', direction: 'benefit' },
      { id: 'l', name: 'Latency (old name)', metricId: latency.id, direction: 'cost' },
    ],
    scores: [
      { optionId: 'a', criterionId: 'q', value: 5, rationale: 'Best recall', confidence: 'high', expected: null },
      { optionId: 'a', criterionId: 'l', value: 5, rationale: '', confidence: null, expected: 700 },
      { optionId: 'b', criterionId: 'q', value: 2, rationale: '', confidence: 'low', expected: null },
      { optionId: 'b', criterionId: 'l', value: 1, rationale: '', confidence: null, expected: 300 },
      { optionId: 'c', criterionId: 'q', value: 5, rationale: '', confidence: null, expected: null },
      { optionId: 'c', criterionId: 'l', value: 1, rationale: 'Cross-encoder', confidence: null, expected: 1200 },
    ],
    functionWeights: [
      { functionId: 'f-eng', weights: { q: 4, l: 1 }, judgements: null },
      { functionId: 'f-product', weights: { q: 1, l: 1 }, judgements: null },
    ],
    decision: {
      optionId: 'a',
      rationale: 'Quality first',
      deciders: 'Priya, Sam',
      date: '2026-12-01',
      tradedAway: ['l'],
      recommendedId: 'a',
      recordedAt: 1_800_000_100_000,
      reopened: null,
    },
  };
}
