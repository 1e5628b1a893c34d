// Small trade-off results shared by the chart geometry tests.
import type { FunctionRanking } from '../../../renderer/src/domain/tradeoffs/analysis';
import type { MatrixOption } from '../../../renderer/src/domain/tradeoffs/model';
import type { OptionResult, Veto } from '../../../renderer/src/domain/tradeoffs/scoring';
import type { CriterionSensitivity } from '../../../renderer/src/domain/tradeoffs/sensitivity';

export const LONG_TITLE = 'Fine-tune a small open model on the support transcripts and host it on our own GPUs in the EU region';
export const options: MatrixOption[] = [
  { id: 'rag', title: 'Retrieval-augmented assistant', description: '' },
  { id: 'ft', title: LONG_TITLE, description: '' },
  { id: 'vendor', title: 'Vendor chatbot', description: '' },
  { id: 'rules', title: 'Rules engine', description: '' },
];
const veto: Veto = { criterionId: 'privacy', expected: 3, guardrail: { op: 'lte', value: 0 } };

export const result = (optionId: string, rank: number, score: number | null, extra: Partial<OptionResult> = {}): OptionResult => ({
  optionId,
  score,
  coverage: score === null ? 0 : 1,
  vetoes: [],
  rank,
  ...extra,
});

/** The vendor chatbot scores best but breaks a guardrail, so the assistant is recommended. */
export const results: OptionResult[] = [
  result('rag', 2, 0.72),
  result('ft', 3, 0.55, { coverage: 0.75 }),
  result('vendor', 1, 0.81, { vetoes: [veto] }),
  result('rules', 4, null),
];

export const functions = [
  { id: 'product', name: 'Product' },
  { id: 'legal', name: 'Legal' },
  { id: 'ops', name: 'Operations' },
];

/** Product and Ops put the assistant first; Legal, the fine-tuned model. */
export const perFunction: FunctionRanking[] = [
  { functionId: 'product', results: [result('rag', 1, 0.8), result('ft', 2, 0.5), result('vendor', 3, 0.3)], winner: 'rag' },
  { functionId: 'legal', results: [result('rag', 2, 0.6), result('ft', 1, 0.7), result('vendor', 3, 0.2)], winner: 'ft' },
  { functionId: 'ops', results: [result('rag', 1, 0.8), result('ft', 2, 0.4), result('vendor', 3, 0.1)], winner: 'rag' },
];

export const criteria = [
  { id: 'acc', name: 'Accuracy' },
  { id: 'lat', name: 'Latency p95' },
  { id: 'cost', name: 'Cost per call' },
];

/** Latency is the closest to flipping the winner: 0.36 − 0.30. */
export const sensitivity: CriterionSensitivity[] = [
  { criterionId: 'acc', weight: 0.5, low: 0.2, high: 1, belowLow: 'ft', aboveHigh: null },
  { criterionId: 'lat', weight: 0.3, low: 0.12, high: 0.36, belowLow: 'vendor', aboveHigh: 'ft' },
  { criterionId: 'cost', weight: 0.2, low: 0, high: 1, belowLow: null, aboveHigh: null },
];
