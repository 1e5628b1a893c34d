import { newDecision } from '../../../../renderer/src/domain/decisions/edits';
import type { Action } from '../../../../renderer/src/domain/actions/model';
import type { DecisionRecord } from '../../../../renderer/src/domain/decisions/model';
import type { PlanRecords } from '../../../../renderer/src/domain/revisit/flags';
import type { RoadmapItem } from '../../../../renderer/src/domain/roadmap/model';
import { newMatrix, type Decision, type Matrix } from '../../../../renderer/src/domain/tradeoffs/model';

// Plan records for tests: the fields that matter given, the rest filled in plainly.

let n = 0;
const T = Date.UTC(2026, 9, 1);

export function roadmapItem(overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  n++;
  return {
    id: `r${n}`,
    programId: 'p1',
    title: `Roadmap ${n}`,
    description: '',
    owner: '',
    horizon: 'now',
    order: 0,
    earliest: '',
    latest: '',
    confidence: 'medium',
    forecastAt: T,
    status: 'planned',
    uncertaintyIds: [],
    metricIds: [],
    decisionIds: [],
    history: [],
    createdAt: T + n,
    updatedAt: T + n,
    ...overrides,
  };
}

export function decision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  n++;
  // The log's own new record, accepted: the fields a record has are written once, in the domain.
  const made = newDecision({ id: `d${n}`, programId: 'p1', number: n, title: `Decision ${n}`, date: '2026-10-01', now: T + n });
  return { ...made, status: 'accepted', ...overrides };
}

export function action(overrides: Partial<Action> = {}): Action {
  n++;
  return {
    id: `a${n}`,
    programId: 'p1',
    title: `Action ${n}`,
    notes: '',
    owner: '',
    due: '',
    status: 'open',
    source: null,
    createdAt: T + n,
    updatedAt: T + n,
    ...overrides,
  };
}

export const DECIDED: Decision = {
  optionId: 'o1',
  rationale: '',
  deciders: '',
  date: '2026-10-01',
  tradedAway: [],
  recommendedId: null,
  recordedAt: T,
  reopened: null,
};

export function matrix(overrides: Partial<Matrix> = {}): Matrix {
  n++;
  return { ...newMatrix('p1', `Question ${n}?`, T + n, () => `x${n}`), ...overrides };
}

export function records(overrides: Partial<PlanRecords> = {}): PlanRecords {
  return { uncertaintyItems: [], metrics: [], roadmapItems: [], decisions: [], matrices: [], actions: [], ...overrides };
}
