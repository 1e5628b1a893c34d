import type { UncertaintyItem } from '../../../../renderer/src/domain/uncertainty/model';

let n = 0;
export function makeItem(overrides: Partial<UncertaintyItem> = {}): UncertaintyItem {
  n++;
  return {
    id: `item-${n}`,
    programId: 'p1',
    layerId: 'layer-data',
    title: `Item ${n}`,
    description: '',
    kind: 'assumption',
    impact: 3,
    uncertainty: 3,
    ownerPerson: '',
    ownerFunction: '',
    status: 'open',
    nextStep: '',
    reviewDate: '',
    tags: [],
    metricIds: [],
    evidence: [],
    history: [],
    createdAt: new Date(2026, 10, 1).getTime(),
    updatedAt: new Date(2026, 10, 1).getTime(),
    ...overrides,
  };
}
