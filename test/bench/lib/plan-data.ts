// The adaptive plan's benchmark program: 5,000 uncertainty items, 500 metrics, 50 matrices, 500
// roadmap items, 1,000 actions and 500 decision records, linked as a real plan is (each roadmap
// item on a few assumptions and metrics, decisions on assumptions and shaping roadmap items and
// matrices, actions from items, metrics and decisions). Seeded: the same program on every run.
import type { Action } from '../../../renderer/src/domain/actions/model';
import type { AttentionInput } from '../../../renderer/src/domain/attention';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import type { RoadmapItem } from '../../../renderer/src/domain/roadmap/model';
import type { ScopeChange } from '../../../renderer/src/domain/scope/model';
import { newMatrix, type Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { BENCH_NOW, BENCH_PROGRAM_ID, makeFunctions, makeLayers, makeMetrics, makeUncertaintyItems, rng } from './data';

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

export const PLAN_SIZES = { uncertaintyItems: 5000, metrics: 500, matrices: 50, roadmapItems: 500, actions: 1000, decisions: 500 } as const;

export function makePlanProgram(seed = 11): AttentionInput {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pickIds = <T extends { id: string }>(list: readonly T[], n: number) => Array.from(new Set(Array.from({ length: n }, () => list[int(list.length)]!.id)));
  const programId = BENCH_PROGRAM_ID;
  const functions = makeFunctions();
  const uncertaintyItems = makeUncertaintyItems(PLAN_SIZES.uncertaintyItems, makeLayers());
  const metrics = makeMetrics(PLAN_SIZES.metrics, 20, functions);
  const assumptions = uncertaintyItems.filter((i) => i.kind === 'assumption');

  const matrices: Matrix[] = Array.from({ length: PLAN_SIZES.matrices }, (_, i) => {
    const m = newMatrix(programId, `Which option for decision ${i}?`, BENCH_NOW - i * DAY_MS, () => `bench-matrix-${i}`);
    m.options = [0, 1, 2].map((o) => ({ id: `o${o}`, title: `Option ${o}`, description: '' }));
    m.criteria = pickIds(metrics, 3).map((metricId, c) => ({ id: `c${c}`, name: `Criterion ${c}`, metricId, direction: 'benefit' as const }));
    if (i % 2 === 0)
      m.decision = { optionId: 'o0', rationale: '', deciders: 'Team', date: day(BENCH_NOW - i * DAY_MS), tradedAway: [], recommendedId: 'o0', recordedAt: BENCH_NOW, reopened: null };
    return m;
  });

  const roadmapItems: RoadmapItem[] = Array.from({ length: PLAN_SIZES.roadmapItems }, (_, i) => {
    const earliest = BENCH_NOW + int(120) * DAY_MS;
    const latest = earliest + (7 + int(60)) * DAY_MS;
    const slipped = random() < 0.3;
    return {
      id: `bench-roadmap-${i}`,
      programId,
      title: `Roadmap item ${i}: ship the ${['retriever', 'reranker', 'guardrail', 'dashboard', 'pilot'][i % 5]}`,
      description: '',
      owner: ['Priya', 'Tom', ''][i % 3]!,
      horizon: (['now', 'next', 'later'] as const)[i % 3]!,
      order: i,
      earliest: day(earliest),
      latest: day(latest),
      confidence: random() < 0.2 ? 'low' : random() < 0.5 ? 'medium' : Math.round(40 + random() * 60),
      forecastAt: BENCH_NOW - DAY_MS,
      status: (['proposed', 'planned', 'in-progress', 'done', 'dropped'] as const)[int(5)]!,
      uncertaintyIds: pickIds(assumptions, 1 + int(3)),
      metricIds: pickIds(metrics, int(3)),
      decisionIds: [],
      history: slipped ? [{ at: BENCH_NOW - 40 * DAY_MS, horizon: 'now', earliest: day(earliest - 14 * DAY_MS), latest: day(latest - 21 * DAY_MS), confidence: 'high' }] : [],
      createdAt: BENCH_NOW - 60 * DAY_MS + i,
      updatedAt: BENCH_NOW - DAY_MS,
    };
  });

  const decisions: DecisionRecord[] = Array.from({ length: PLAN_SIZES.decisions }, (_, i) => ({
    id: `bench-decision-${i}`,
    programId,
    number: i + 1,
    title: `Decision ${i + 1}: how to handle ${['latency', 'cost', 'privacy', 'escalation'][i % 4]}`,
    status: random() < 0.6 ? 'accepted' : (['draft', 'proposed', 'rejected', 'deprecated', 'superseded'] as const)[int(5)]!,
    statusNote: '',
    date: day(BENCH_NOW - int(90) * DAY_MS),
    deciders: 'Team',
    consulted: '',
    informed: '',
    context: '',
    options: [],
    outcome: '',
    consequencesGood: '',
    consequencesBad: '',
    supersedes: '',
    supersededBy: '',
    uncertaintyIds: pickIds(assumptions, int(3)),
    metricIds: pickIds(metrics, int(2)),
    roadmapItemIds: pickIds(roadmapItems, int(3)),
    matrixId: i < PLAN_SIZES.matrices && i % 2 === 0 ? matrices[i]!.id : '',
    basis: null,
    createdAt: BENCH_NOW - 90 * DAY_MS + i,
    updatedAt: BENCH_NOW - DAY_MS,
  }));
  // Roadmap items come from decisions too, so flags travel through them.
  for (const item of roadmapItems) if (random() < 0.4) item.decisionIds = pickIds(decisions, 1);

  const sources = [...assumptions.map((a) => ({ kind: 'uncertainty' as const, id: a.id })), ...metrics.map((m) => ({ kind: 'metric' as const, id: m.id })), ...decisions.map((d) => ({ kind: 'decision' as const, id: d.id }))];
  const actions: Action[] = Array.from({ length: PLAN_SIZES.actions }, (_, i) => ({
    id: `bench-action-${i}`,
    programId,
    title: `Action ${i}: follow up on ${['the pilot', 'the vendor', 'the evaluation', 'the budget'][i % 4]}`,
    notes: '',
    owner: ['Priya', 'Tom', 'Amara', ''][i % 4]!,
    due: random() < 0.2 ? '' : day(BENCH_NOW + (int(60) - 30) * DAY_MS),
    status: (['open', 'in-progress', 'done', 'cancelled'] as const)[int(4)]!,
    source: random() < 0.2 ? null : sources[int(sources.length)]!,
    createdAt: BENCH_NOW - 30 * DAY_MS + i,
    updatedAt: BENCH_NOW - DAY_MS,
  }));

  const scopeChanges: ScopeChange[] = Array.from({ length: 50 }, (_, i) => ({
    id: `bench-scope-${i}`,
    programId,
    title: `Scope change ${i}`,
    description: '',
    requestedBy: 'Lena',
    requestedFunction: 'Product',
    requestedOn: day(BENCH_NOW - i * DAY_MS),
    reason: 'users',
    kind: 'expand',
    impactRoadmap: '',
    impactCost: '',
    roadmapItemIds: [],
    metricIds: [],
    uncertaintyIds: [],
    effects: [],
    decision: i % 3 === 0 ? 'pending' : 'accepted',
    rationale: '',
    decidedOn: '',
    appliedAt: null,
    createdAt: BENCH_NOW - 50 * DAY_MS + i,
    updatedAt: BENCH_NOW - DAY_MS,
  }));

  return { uncertaintyItems, metrics, functions, matrices, roadmapItems, decisions, actions, scopeChanges };
}
