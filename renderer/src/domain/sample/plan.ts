import type { Action } from '../actions/model';
import { missingMatrixRecords } from '../decisions/from-matrix';
import { newDecision } from '../decisions/edits';
import type { DecisionRecord } from '../decisions/model';
import type { Forecast, ForecastConfidence, Horizon, RoadmapItem, RoadmapStatus } from '../roadmap/model';
import type { ScopeChange } from '../scope/model';
import { decide } from '../tradeoffs/edits';
import { resolveMatrix } from '../tradeoffs/matrix';
import type { Criterion, Matrix, MatrixOption, Score } from '../tradeoffs/model';
import type { SampleMap } from './map';
import type { SampleMetrics } from './metrics';
import type { MakeId, SampleClock } from './when';

// The sample's adaptive plan: a decided trade-off matrix (one option vetoed by a guardrail, the
// decision recorded in the log by the app's own rules), decision records (one superseded), the
// roadmap on Now / Next / Later (one item slipped by an applied scope change), scope changes
// and actions from each kind of source.

export interface SamplePlan {
  matrices: Matrix[];
  decisions: DecisionRecord[];
  roadmapItems: RoadmapItem[];
  scopeChanges: ScopeChange[];
  actions: Action[];
}

interface Place {
  programId: string;
  when: SampleClock;
  makeId: MakeId;
}

/** "Which model setup do we launch with?": three options against three shared metrics and effort. */
function modelMatrix({ programId, when, makeId }: Place, m: SampleMetrics): Matrix {
  const option = (title: string, description: string): MatrixOption => ({ id: makeId(), title, description });
  const large = option('Large hosted model for every answer', 'The vendor’s largest model answers every message.');
  const small = option('Small fine-tuned model, self-hosted', 'A small open model tuned on our resolved tickets, on our own GPUs.');
  const hybrid = option('Hybrid: small model routes, large model answers hard cases', 'The small model answers common intents and hands the rest to the large one.');
  const criterion = (name: string, metricId: string, direction: Criterion['direction']): Criterion => ({ id: makeId(), name, metricId, direction });
  const accuracy = criterion(m.accuracy.name, m.accuracy.id, 'benefit');
  const latency = criterion(m.latency.name, m.latency.id, 'cost');
  const cost = criterion(m.cost.name, m.cost.id, 'cost');
  const effort = criterion('Effort to ship', '', 'cost');
  const score = (o: MatrixOption, c: Criterion, value: number, rationale: string, expected: number | null = null, confidence: Score['confidence'] = 'medium'): Score => ({
    optionId: o.id,
    criterionId: c.id,
    value,
    rationale,
    confidence,
    expected,
  });
  const created = when.at(-24, 10);
  const matrix: Matrix = {
    id: makeId(),
    programId,
    question: 'Which model setup do we launch with?',
    context: 'The pilot needs a setup we can afford at full volume and that answers refund questions correctly. Scored at the kick-off with the evaluation set’s first results.',
    mode: 'rating',
    options: [large, small, hybrid],
    criteria: [accuracy, latency, cost, effort],
    scores: [
      score(large, accuracy, 5, 'Best on the evaluation set: 93% graded correct.', 93, 'high'),
      score(large, latency, 3, 'About 3 s at p95 from the vendor’s nearest region.', 3.1),
      score(large, cost, 5, 'At full volume the vendor’s price list gives $0.46 a conversation.', 0.46, 'high'),
      score(large, effort, 1, 'An API call and the prompts we already have.', null, 'high'),
      score(small, accuracy, 3, 'Tuned on resolved tickets it reached 86%, weaker on rare intents.', 86, 'low'),
      score(small, latency, 1, 'Runs close to the helpdesk: 1.4 s at p95.', 1.4),
      score(small, cost, 2, 'GPU hosting spread over the volume: about $0.14.', 0.14),
      score(small, effort, 5, 'Training, hosting and on-call for a model we run ourselves.', null, 'medium'),
      score(hybrid, accuracy, 4, 'Routing keeps the hard cases on the large model: 91% in the trial.', 91),
      score(hybrid, latency, 2, 'Common intents answer fast; hard cases wait for the large model.', 2.3),
      score(hybrid, cost, 3, 'About a third of conversations reach the large model: $0.24.', 0.24),
      score(hybrid, effort, 3, 'A router and two models to watch, but no training of our own.', null, 'medium'),
    ],
    functionWeights: [
      { functionId: m.functions[0]!.id, weights: { [accuracy.id]: 3, [latency.id]: 3, [cost.id]: 2, [effort.id]: 4 }, judgements: null },
      { functionId: m.functions[1]!.id, weights: { [accuracy.id]: 5, [latency.id]: 3, [cost.id]: 1, [effort.id]: 2 }, judgements: null },
      { functionId: m.functions[2]!.id, weights: { [accuracy.id]: 3, [latency.id]: 1, [cost.id]: 5, [effort.id]: 2 }, judgements: null },
    ],
    combined: { mode: 'equal' },
    decision: null,
    pastDecisions: [],
    createdAt: created,
    updatedAt: created,
  };
  // Decided as the app decides: what it trades away and what the weighting recommended come from the matrix.
  const resolved = resolveMatrix(matrix, new Map(m.metrics.map((x) => [x.id, x])), m.functions);
  const decided = decide(
    matrix,
    {
      optionId: hybrid.id,
      rationale: 'Close to the large model on accuracy at half its cost, and the large model breaks the cost guardrail at full volume.',
      deciders: 'Grace Okafor, Priya Shah, Tomás Rivera',
      date: when.day(-21),
    },
    resolved,
    when.at(-21, 11),
  );
  if (!decided.ok) throw new Error(`The sample's matrix decision is refused: ${decided.message}`);
  return { ...matrix, ...decided.value, updatedAt: when.at(-21, 11) };
}

function decisionRecords({ programId, when, makeId }: Place, map: SampleMap, m: SampleMetrics): DecisionRecord[] {
  const record = (number: number, title: string, days: number, fields: Partial<DecisionRecord>): DecisionRecord => ({
    ...newDecision({ id: makeId(), programId, number, title, date: when.day(days), now: when.at(days, 16) }),
    ...fields,
  });
  const emailOnly = record(1, 'Pilot on email before chat', -35, {
    status: 'accepted',
    deciders: 'Priya Shah, Grace Okafor',
    consulted: 'Lena Berg (support operations)',
    informed: 'Support team leads',
    context: 'Chat customers expect an answer in seconds; email gives the assistant time and agents a chance to review.',
    options: [
      { title: 'Email only', description: 'Agents review suggested replies before sending.' },
      { title: 'Email and chat together', description: 'Twice the learning, twice the risk.' },
    ],
    outcome: 'Email only, with agents sending or editing every suggested reply.',
    consequencesGood: 'A mistake reaches an agent before it reaches a customer.',
    consequencesBad: 'Chat customers see no change this quarter.',
    uncertaintyIds: [map.agentsTrust.id],
    metricIds: [m.resolution.id],
  });
  const thenChat = record(2, 'Pilot on email, then chat once latency p95 is under 3 s', -10, {
    status: 'accepted',
    deciders: 'Priya Shah, Grace Okafor, Tomás Rivera',
    consulted: 'Lena Berg (support operations)',
    informed: 'Support team leads, helpdesk team',
    context: 'Leadership asked for chat in the pilot (scope change). Latency is the bar chat must clear.',
    options: [
      { title: 'Email only, as decided', description: '' },
      { title: 'Add chat once latency p95 is under 3 s', description: 'The same model setup, switched on per channel.' },
    ],
    outcome: 'Add chat to the pilot as soon as latency p95 stays under 3 s for two weeks.',
    consequencesGood: 'Chat customers join the pilot this quarter.',
    consequencesBad: 'The suggested-replies pilot starts three weeks later.',
    supersedes: emailOnly.id,
    uncertaintyIds: [map.agentsTrust.id, map.vendorQuota.id],
    metricIds: [m.latency.id, m.resolution.id],
  });
  emailOnly.status = 'superseded';
  emailOnly.supersededBy = thenChat.id;
  const refundReview = record(3, 'An agent reviews every answer about refunds', -1, {
    status: 'proposed',
    deciders: 'Priya Shah',
    context: 'Refund terms are where a wrong answer costs most; the policy guard is not ready.',
    options: [
      { title: 'Review every refund answer', description: 'Slower replies on about 8% of conversations.' },
      { title: 'Rely on the policy guard', description: 'Not yet tested on enough questions.' },
    ],
    outcome: 'Proposed: every answer that mentions a refund goes to an agent until the guard passes red-teaming.',
    uncertaintyIds: [map.refunds.id],
    metricIds: [m.accuracy.id, m.escalation.id],
  });
  return [emailOnly, thenChat, refundReview];
}

interface RoadmapSpec {
  title: string;
  description: string;
  owner: string;
  horizon: Horizon;
  range: [earliest: number, latest: number];
  confidence: ForecastConfidence;
  status: RoadmapStatus;
  uncertaintyIds?: string[];
  metricIds?: string[];
  decisionIds?: string[];
  /** An earlier forecast, when it has moved since. */
  before?: { days: number; range: [number, number]; confidence: ForecastConfidence };
}

function roadmapItems({ programId, when, makeId }: Place, specs: RoadmapSpec[]): RoadmapItem[] {
  const orderIn = new Map<Horizon, number>();
  return specs.map((spec) => {
    const order = orderIn.get(spec.horizon) ?? 0;
    orderIn.set(spec.horizon, order + 1);
    const created = when.at(-30, 9);
    const history: Forecast[] = spec.before
      ? [{ at: created, horizon: spec.horizon, earliest: when.day(spec.before.range[0]), latest: when.day(spec.before.range[1]), confidence: spec.before.confidence }]
      : [];
    const forecastAt = spec.before ? when.at(spec.before.days, 15) : created;
    return {
      id: makeId(),
      programId,
      title: spec.title,
      description: spec.description,
      owner: spec.owner,
      horizon: spec.horizon,
      order,
      earliest: when.day(spec.range[0]),
      latest: when.day(spec.range[1]),
      confidence: spec.confidence,
      forecastAt,
      status: spec.status,
      uncertaintyIds: spec.uncertaintyIds ?? [],
      metricIds: spec.metricIds ?? [],
      decisionIds: spec.decisionIds ?? [],
      history,
      createdAt: created,
      updatedAt: forecastAt,
    };
  });
}

export function samplePlan(place: Place, map: SampleMap, m: SampleMetrics): SamplePlan {
  const { programId, when, makeId } = place;
  const matrix = modelMatrix(place, m);
  const logged = decisionRecords(place, map, m);
  const [matrixRecord] = missingMatrixRecords(programId, [matrix], m.metrics, m.functions, logged, makeId);
  const decisions = [...logged, matrixRecord!];
  const [, thenChat, refundReview] = logged;
  const roadmap = roadmapItems(place, [
    {
      title: 'Retrieval over the help centre',
      description: 'Answers cite the help-centre article they come from.',
      owner: 'Tomás Rivera',
      horizon: 'now',
      range: [-7, 14],
      confidence: 'high',
      status: 'in-progress',
      uncertaintyIds: [map.helpCentre.id],
      metricIds: [m.resolution.id, m.accuracy.id],
      decisionIds: [matrixRecord!.id],
    },
    {
      title: 'Evaluation set of 500 graded tickets',
      description: 'Real tickets with the answer a senior agent would give, graded every week.',
      owner: 'Lena Berg',
      horizon: 'now',
      range: [-3, 10],
      confidence: 'medium',
      status: 'in-progress',
      uncertaintyIds: [map.refunds.id],
      metricIds: [m.accuracy.id],
    },
    {
      title: 'Refund-policy guard',
      description: 'Checks every refund statement against the policy before it is shown.',
      owner: 'Tomás Rivera',
      horizon: 'now',
      range: [3, 30],
      confidence: 'low',
      status: 'planned',
      uncertaintyIds: [map.refunds.id],
      metricIds: [m.accuracy.id],
      decisionIds: [refundReview!.id],
    },
    {
      title: 'Suggested replies pilot with 20 agents',
      description: 'Agents on the email queue get a suggested reply for every ticket.',
      owner: 'Priya Shah',
      horizon: 'next',
      range: [28, 63],
      confidence: 'medium',
      status: 'planned',
      uncertaintyIds: [map.agentsTrust.id],
      metricIds: [m.resolution.id, m.escalation.id],
      decisionIds: [thenChat!.id],
      before: { days: -10, range: [7, 42], confidence: 'high' },
    },
    {
      title: 'Chat channel answers',
      description: 'The same setup answers chat, once latency allows.',
      owner: 'Priya Shah',
      horizon: 'next',
      range: [49, 91],
      confidence: 'low',
      status: 'proposed',
      uncertaintyIds: [map.vendorQuota.id],
      metricIds: [m.latency.id],
      decisionIds: [thenChat!.id],
    },
    {
      title: 'Customer-facing answers without review',
      description: 'Common intents answered straight to customers.',
      owner: 'Grace Okafor',
      horizon: 'later',
      range: [100, 190],
      confidence: 30,
      status: 'proposed',
      metricIds: [m.accuracy.id, m.resolution.id],
    },
    {
      title: 'Spanish and German support',
      description: 'The two next-largest customer languages.',
      owner: 'Priya Shah',
      horizon: 'later',
      range: [150, 270],
      confidence: 'low',
      status: 'proposed',
    },
  ]);
  const pilot = roadmap[3]!;
  const chat = roadmap[4]!;
  const scopeBase = { programId, effects: [], appliedAt: null, roadmapItemIds: [], metricIds: [], uncertaintyIds: [], rationale: '', decidedOn: '' };
  const addChat: ScopeChange = {
    ...scopeBase,
    id: makeId(),
    title: 'Add chat to the pilot after email',
    description: 'Leadership wants chat customers in the pilot this quarter.',
    requestedBy: 'Grace Okafor',
    requestedFunction: 'Leadership',
    requestedOn: when.day(-14),
    reason: 'stakeholder',
    kind: 'expand',
    impactRoadmap: 'The suggested-replies pilot moves three weeks later while the team makes chat fast enough.',
    impactCost: 'About two engineer-weeks on latency; chat adds roughly 30% more conversations.',
    roadmapItemIds: [pilot.id, chat.id],
    metricIds: [m.latency.id, m.cost.id],
    uncertaintyIds: [map.vendorQuota.id],
    effects: [{ kind: 'move', roadmapItemId: pilot.id, horizon: 'next', earliest: pilot.earliest, latest: pilot.latest }],
    decision: 'accepted',
    rationale: 'Chat is where customers wait longest today; three weeks is worth it.',
    decidedOn: when.day(-10),
    appliedAt: when.at(-10, 15),
    createdAt: when.at(-14, 10),
    updatedAt: when.at(-10, 15),
  };
  const dropVoice: ScopeChange = {
    ...scopeBase,
    id: makeId(),
    title: 'Leave voice support out of this year’s plan',
    description: 'Transcription quality on phone lines is too low to answer from.',
    requestedBy: 'Tomás Rivera',
    requestedFunction: 'Engineering',
    requestedOn: when.day(-2),
    reason: 'data',
    kind: 'reduce',
    impactRoadmap: 'Nothing on the roadmap yet; it was an idea for Later.',
    impactCost: 'Saves the transcription vendor’s contract.',
    decision: 'pending',
    createdAt: when.at(-2, 11),
    updatedAt: when.at(-2, 11),
  };
  const action = (title: string, owner: string, due: number | '', status: Action['status'], source: Action['source'], notes = ''): Action => ({
    id: makeId(),
    programId,
    title,
    notes,
    owner,
    due: due === '' ? '' : when.day(due),
    status,
    source,
    createdAt: when.at(-20, 12),
    updatedAt: when.at(-5, 12),
  });
  const actions = [
    action('Red-team 200 refund questions against the policy guard', 'Tomás Rivera', -4, 'in-progress', { kind: 'uncertainty', id: map.refunds.id }),
    action('Shadow five agents for a shift each', 'Lena Berg', 5, 'open', { kind: 'uncertainty', id: map.agentsTrust.id }),
    action('Confirm the chat latency budget with the vendor', 'Tomás Rivera', 12, 'open', { kind: 'scope', id: addChat.id }),
    action('Tell the chat team the latency bar for switching on', 'Priya Shah', -8, 'done', { kind: 'decision', id: thenChat!.id }),
    action('Publish the resolution-rate dashboard', 'Priya Shah', -15, 'done', { kind: 'metric', id: m.resolution.id }),
    action('Ask legal whether conversation logs may be used', 'Grace Okafor', 9, 'open', null, 'Bring the terms of service and the pilot’s consent text.'),
  ];
  return { matrices: [matrix], decisions, roadmapItems: roadmap, scopeChanges: [addChat, dropVoice], actions };
}
