import type { ProgramState } from '../../../../renderer/src/domain/sessions/snapshot';

// ProgramState rows with sensible defaults, for the diff's and the summary's tests.

type Rows<K extends keyof ProgramState> = ProgramState[K][number];

export const stateRow = {
  uncertainty: (o: Partial<Rows<'uncertainty'>> & { id: string }): Rows<'uncertainty'> => ({
    title: `Item ${o.id}`,
    layerId: 'l1',
    kind: 'assumption',
    impact: 2,
    uncertainty: 4,
    status: 'open',
    evidence: 0,
    lastEvidence: '',
    ...o,
  }),
  metric: (o: Partial<Rows<'metrics'>> & { id: string }): Rows<'metrics'> => ({
    name: `Metric ${o.id}`,
    version: 1,
    agreed: [],
    breached: false,
    latestDate: '',
    latestValue: null,
    ...o,
  }),
  matrix: (o: Partial<Rows<'matrices'>> & { id: string }): Rows<'matrices'> => ({ question: `Question ${o.id}`, decided: '', reopened: 0, ...o }),
  roadmap: (o: Partial<Rows<'roadmap'>> & { id: string }): Rows<'roadmap'> => ({
    title: `Roadmap ${o.id}`,
    horizon: 'next',
    earliest: '2026-03-01',
    latest: '2026-03-31',
    confidence: 'medium',
    status: 'planned',
    ...o,
  }),
  decision: (o: Partial<Rows<'decisions'>> & { id: string }): Rows<'decisions'> => ({ number: 1, title: `Decision ${o.id}`, status: 'proposed', ...o }),
  scope: (o: Partial<Rows<'scope'>> & { id: string }): Rows<'scope'> => ({ title: `Scope ${o.id}`, decision: 'pending', ...o }),
  action: (o: Partial<Rows<'actions'>> & { id: string }): Rows<'actions'> => ({ title: `Action ${o.id}`, status: 'open', owner: '', due: '', ...o }),
};

export function emptyState(overrides: Partial<ProgramState> = {}): ProgramState {
  return {
    layers: [{ id: 'l1', name: 'Data' }],
    functions: [
      { id: 'f-eng', name: 'Engineering' },
      { id: 'f-prod', name: 'Product' },
    ],
    uncertainty: [],
    metrics: [],
    matrices: [],
    roadmap: [],
    decisions: [],
    scope: [],
    actions: [],
    ...overrides,
  };
}

/** A program of `size` records per area (uncertainty ten times as many), for speed checks. */
export function largeState(counts: { uncertainty: number; metrics: number; matrices: number; roadmap: number }): ProgramState {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return emptyState({
    uncertainty: range(counts.uncertainty).map((i) =>
      stateRow.uncertainty({ id: `u${i}`, impact: 1 + (i % 5), uncertainty: 1 + ((i * 7) % 5), evidence: i % 3, lastEvidence: i % 3 ? `Lesson ${i}` : '' }),
    ),
    metrics: range(counts.metrics).map((i) => stateRow.metric({ id: `m${i}`, agreed: i % 2 ? ['f-eng'] : [], latestValue: i, latestDate: '2026-01-05' })),
    matrices: range(counts.matrices).map((i) => stateRow.matrix({ id: `x${i}`, decided: i % 2 ? 'Option A' : '' })),
    roadmap: range(counts.roadmap).map((i) => stateRow.roadmap({ id: `r${i}`, horizon: (['now', 'next', 'later'] as const)[i % 3] })),
    decisions: range(counts.roadmap).map((i) => stateRow.decision({ id: `d${i}`, number: i + 1 })),
    scope: range(counts.metrics).map((i) => stateRow.scope({ id: `s${i}` })),
    actions: range(counts.roadmap).map((i) => stateRow.action({ id: `a${i}`, owner: `Owner ${i % 7}`, due: '2026-02-01' })),
  });
}
