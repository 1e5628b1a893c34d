import type { Action } from '../domain/actions/model';
import type { DecisionRecord } from '../domain/decisions/model';
import type { RevisitReview } from '../domain/revisit/model';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { ScopeChange } from '../domain/scope/model';
import type { OwnedRow, ProgramSnapshot } from '../domain/snapshot';
import { oldestFirst } from '../domain/order';
import type { KeelFileType } from './format';

// The adaptive plan's tables to and from the file: times as ISO text in the file, numbers in the app.

const iso = (time: number) => new Date(time).toISOString();
const rows = <T>(snapshot: ProgramSnapshot, table: string) => (snapshot.owned[table] ?? []) as unknown as T[];
const owned = <T>(list: T[]) => list as unknown as OwnedRow[];

type PlanData = Pick<KeelFileType['data'], 'roadmapItems' | 'decisions' | 'scopeChanges' | 'actions' | 'revisitReviews'>;

export function planToFile(snapshot: ProgramSnapshot): PlanData {
  const roadmapItems = rows<RoadmapItem>(snapshot, 'roadmapItems')
    .slice()
    .sort((a, b) => a.horizon.localeCompare(b.horizon) || a.order - b.order);
  const decisions = rows<DecisionRecord>(snapshot, 'decisions')
    .slice()
    .sort((a, b) => a.number - b.number);
  return {
    roadmapItems: roadmapItems.map(({ programId: _p, ...item }) => ({
      ...item,
      forecastAt: iso(item.forecastAt),
      history: item.history.map((f) => ({ ...f, at: iso(f.at) })),
      createdAt: iso(item.createdAt),
      updatedAt: iso(item.updatedAt),
    })),
    decisions: decisions.map(({ programId: _p, ...record }) => ({ ...record, createdAt: iso(record.createdAt), updatedAt: iso(record.updatedAt) })),
    scopeChanges: oldestFirst(rows<ScopeChange>(snapshot, 'scopeChanges')).map(({ programId: _p, ...change }) => ({
      ...change,
      appliedAt: change.appliedAt === null ? null : iso(change.appliedAt),
      createdAt: iso(change.createdAt),
      updatedAt: iso(change.updatedAt),
    })),
    actions: oldestFirst(rows<Action>(snapshot, 'actions')).map(({ programId: _p, ...action }) => ({
      ...action,
      createdAt: iso(action.createdAt),
      updatedAt: iso(action.updatedAt),
    })),
    revisitReviews: rows<RevisitReview>(snapshot, 'revisitReviews')
      .slice()
      .sort((a, b) => a.at - b.at)
      .map(({ programId: _p, ...review }) => ({ ...review, at: iso(review.at) })),
  };
}

export function planFromFile(data: PlanData, programId: string): Record<string, OwnedRow[]> {
  const roadmapItems: RoadmapItem[] = data.roadmapItems.map((item) => ({
    ...item,
    programId,
    uncertaintyIds: [...item.uncertaintyIds],
    metricIds: [...item.metricIds],
    decisionIds: [...item.decisionIds],
    forecastAt: Date.parse(item.forecastAt),
    history: item.history.map((f) => ({ ...f, at: Date.parse(f.at) })),
    createdAt: Date.parse(item.createdAt),
    updatedAt: Date.parse(item.updatedAt),
  }));
  const decisions: DecisionRecord[] = data.decisions.map((record) => ({
    ...structuredClone(record),
    programId,
    createdAt: Date.parse(record.createdAt),
    updatedAt: Date.parse(record.updatedAt),
  }));
  const scopeChanges: ScopeChange[] = data.scopeChanges.map((change) => ({
    ...structuredClone(change),
    programId,
    appliedAt: change.appliedAt === null ? null : Date.parse(change.appliedAt),
    createdAt: Date.parse(change.createdAt),
    updatedAt: Date.parse(change.updatedAt),
  }));
  const actions: Action[] = data.actions.map((action) => ({
    ...action,
    programId,
    source: action.source ? { ...action.source } : null,
    createdAt: Date.parse(action.createdAt),
    updatedAt: Date.parse(action.updatedAt),
  }));
  const revisitReviews: RevisitReview[] = data.revisitReviews.map((review) => ({ ...review, programId, at: Date.parse(review.at) }));
  return {
    roadmapItems: owned(roadmapItems),
    decisions: owned(decisions),
    scopeChanges: owned(scopeChanges),
    actions: owned(actions),
    revisitReviews: owned(revisitReviews),
  };
}

/** Every link of the plan must point at a record of the right kind in the file. */
export function brokenPlanReferences(file: KeelFileType): string[] {
  const d = file.data;
  const idsOf = (list: readonly { id: string }[]) => new Set(list.map((r) => r.id));
  const known = {
    uncertainty: idsOf(d.uncertaintyItems),
    metric: idsOf(d.metrics),
    matrix: idsOf(d.matrices),
    roadmapItem: idsOf(d.roadmapItems),
    decision: idsOf(d.decisions),
    scope: idsOf(d.scopeChanges),
    action: idsOf(d.actions),
  };
  type Kind = keyof typeof known;
  const problems: string[] = [];
  const names: Record<Kind, string> = {
    uncertainty: 'uncertainty item',
    metric: 'metric',
    matrix: 'matrix',
    roadmapItem: 'roadmap item',
    decision: 'decision record',
    scope: 'scope change',
    action: 'action',
  };
  const check = (at: string, kind: Kind, id: string) => {
    if (id && !known[kind].has(id)) problems.push(`${at}: no ${names[kind]} ${id} in the file`);
  };
  const checkAll = (at: string, kind: Kind, list: readonly string[]) => list.forEach((id, j) => check(`${at}.${j}`, kind, id));

  d.roadmapItems.forEach((item, i) => {
    const at = `data.roadmapItems.${i}`;
    checkAll(`${at}.uncertaintyIds`, 'uncertainty', item.uncertaintyIds);
    checkAll(`${at}.metricIds`, 'metric', item.metricIds);
    checkAll(`${at}.decisionIds`, 'decision', item.decisionIds);
    if ((item.earliest === '') !== (item.latest === '')) problems.push(`${at}: a range needs both its earliest and its latest date, or neither`);
    else if (item.earliest > item.latest) problems.push(`${at}: the earliest date ${item.earliest} is after the latest ${item.latest}`);
  });
  const numbers = new Set<number>();
  d.decisions.forEach((record, i) => {
    const at = `data.decisions.${i}`;
    if (numbers.has(record.number)) problems.push(`${at}.number: decision number ${record.number} is used twice`);
    numbers.add(record.number);
    checkAll(`${at}.uncertaintyIds`, 'uncertainty', record.uncertaintyIds);
    checkAll(`${at}.metricIds`, 'metric', record.metricIds);
    checkAll(`${at}.roadmapItemIds`, 'roadmapItem', record.roadmapItemIds);
    check(`${at}.matrixId`, 'matrix', record.matrixId);
    check(`${at}.supersedes`, 'decision', record.supersedes);
    check(`${at}.supersededBy`, 'decision', record.supersededBy);
    if (record.supersedes === record.id || record.supersededBy === record.id) problems.push(`${at}: a record cannot supersede itself`);
  });
  d.scopeChanges.forEach((change, i) => {
    const at = `data.scopeChanges.${i}`;
    checkAll(`${at}.roadmapItemIds`, 'roadmapItem', change.roadmapItemIds);
    checkAll(`${at}.metricIds`, 'metric', change.metricIds);
    checkAll(`${at}.uncertaintyIds`, 'uncertainty', change.uncertaintyIds);
    change.effects.forEach((effect, j) => {
      if (effect.kind !== 'add') check(`${at}.effects.${j}.roadmapItemId`, 'roadmapItem', effect.roadmapItemId);
    });
  });
  d.actions.forEach((action, i) => {
    if (action.source) check(`data.actions.${i}.source.id`, action.source.kind, action.source.id);
  });
  const targetKinds: Record<(typeof d.revisitReviews)[number]['targetKind'], Kind> = {
    roadmapItem: 'roadmapItem',
    decision: 'decision',
    matrix: 'matrix',
    action: 'action',
  };
  d.revisitReviews.forEach((review, i) => {
    check(`data.revisitReviews.${i}.targetId`, targetKinds[review.targetKind], review.targetId);
    check(`data.revisitReviews.${i}.causeId`, review.causeKind, review.causeId);
  });
  return problems;
}
