import type { RoadmapItem } from '../../../../renderer/src/domain/roadmap/model';
import type { ScopeChange } from '../../../../renderer/src/domain/scope/model';

export function makeItem(overrides: Partial<RoadmapItem> & { id: string }): RoadmapItem {
  return {
    programId: 'p1',
    title: `Item ${overrides.id}`,
    description: '',
    owner: '',
    horizon: 'now',
    order: 0,
    earliest: '2026-01-01',
    latest: '2026-02-01',
    confidence: 'high',
    forecastAt: 1_000,
    status: 'planned',
    uncertaintyIds: [],
    metricIds: [],
    decisionIds: [],
    history: [],
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

export function makeChange(overrides: Partial<ScopeChange> = {}): ScopeChange {
  return {
    id: 'c1',
    programId: 'p1',
    title: 'Add voice support',
    description: '',
    requestedBy: '',
    requestedFunction: '',
    requestedOn: '2026-03-02',
    reason: 'users',
    kind: 'expand',
    impactRoadmap: '',
    impactCost: '',
    roadmapItemIds: [],
    metricIds: [],
    uncertaintyIds: [],
    effects: [],
    decision: 'pending',
    rationale: '',
    decidedOn: '',
    appliedAt: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}
