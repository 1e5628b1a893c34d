import { defaultLayers } from '../uncertainty/stack';
import type { EvidenceEntry, ItemKind, ItemStatus, Layer, UncertaintyItem } from '../uncertainty/model';
import type { SampleMetrics } from './metrics';
import type { MakeId, SampleClock } from './when';

// The sample's uncertainty map: the default stack of layers and items of every kind in most of
// them, with owners, next steps, evidence and review dates (two of them overdue).

export interface SampleMap {
  layers: Layer[];
  items: UncertaintyItem[];
  /** Items by role, for the records that link to them. */
  helpCentre: UncertaintyItem;
  refunds: UncertaintyItem;
  agentsTrust: UncertaintyItem;
  vendorQuota: UncertaintyItem;
  injection: UncertaintyItem;
}

interface ItemSpec {
  layer: number;
  title: string;
  description: string;
  kind: ItemKind;
  impact: number;
  uncertainty: number;
  owner: [person: string, fn: string];
  status: ItemStatus;
  nextStep: string;
  /** Days from now; negative is overdue. */
  review: number;
  tags: string[];
  metrics: (keyof Omit<SampleMetrics, 'functions' | 'metrics'>)[];
  evidence?: (Omit<EvidenceEntry, 'id' | 'date'> & { days: number })[];
  /** Where it was first placed, when it has moved since. */
  movedFrom?: [impact: number, uncertainty: number];
  createdDays: number;
}

export function sampleMap(programId: string, metrics: SampleMetrics, when: SampleClock, makeId: MakeId): SampleMap {
  const layers = defaultLayers(programId, makeId);
  const item = (spec: ItemSpec): UncertaintyItem => {
    const created = when.at(spec.createdDays, 10);
    const [firstImpact, firstUncertainty] = spec.movedFrom ?? [spec.impact, spec.uncertainty];
    const history = [{ at: created, impact: firstImpact, uncertainty: firstUncertainty, status: 'open' as ItemStatus }];
    if (spec.movedFrom || spec.status !== 'open') history.push({ at: when.at(-9, 14), impact: spec.impact, uncertainty: spec.uncertainty, status: spec.status });
    const evidence = (spec.evidence ?? []).map((e) => ({
      id: makeId(),
      date: when.day(e.days),
      learned: e.learned,
      source: e.source,
      effect: e.effect,
    }));
    return {
      id: makeId(),
      programId,
      layerId: layers[spec.layer]!.id,
      title: spec.title,
      description: spec.description,
      kind: spec.kind,
      impact: spec.impact,
      uncertainty: spec.uncertainty,
      ownerPerson: spec.owner[0],
      ownerFunction: spec.owner[1],
      status: spec.status,
      nextStep: spec.nextStep,
      reviewDate: when.day(spec.review),
      tags: spec.tags,
      metricIds: spec.metrics.map((key) => metrics[key].id),
      evidence,
      history,
      createdAt: created,
      updatedAt: history[history.length - 1]!.at,
    };
  };
  const [scope, data, model, users, cost, security, organisation] = [0, 1, 2, 3, 4, 5, 6];

  const helpCentre = item({
    layer: data,
    title: 'The help centre covers the top 50 intents',
    description: 'The assistant answers from help-centre articles. We assume they cover what customers write in about most.',
    kind: 'assumption',
    impact: 4.5,
    uncertainty: 2.2,
    owner: ['Priya Shah', 'Product'],
    status: 'validated',
    nextStep: 'Write the six missing articles the gap analysis found.',
    review: 21,
    tags: ['retrieval', 'content', 'test first'],
    metrics: ['resolution', 'accuracy'],
    evidence: [
      { learned: 'Tagged 1,000 tickets: 44 of the top 50 intents have an article; 6 are missing or out of date.', source: 'Ticket sample, support ops', effect: 'uncertainty 4 -> 2.2', days: -12 },
    ],
    movedFrom: [4.5, 4],
    createdDays: -60,
  });
  const refunds = item({
    layer: model,
    title: 'The assistant invents refund terms',
    description: 'Asked about refunds, the model may state a policy we do not have. One wrong promise can cost more than the pilot saves.',
    kind: 'risk',
    impact: 5,
    uncertainty: 3.6,
    owner: ['Tomás Rivera', 'Engineering'],
    status: 'testing',
    nextStep: 'Red-team 200 refund questions against the policy guard and grade every answer.',
    review: -6,
    tags: ['hallucination', 'policy', 'test first'],
    metrics: ['accuracy'],
    evidence: [
      { learned: 'In 120 refund questions, 7 answers stated a refund window that does not exist.', source: 'Offline evaluation set', effect: 'impact 4 -> 5', days: -30 },
    ],
    movedFrom: [4, 4],
    createdDays: -58,
  });
  const agentsTrust = item({
    layer: users,
    title: 'Agents trust suggested replies enough to use them',
    description: 'The pilot only saves time if agents send suggestions with light edits instead of rewriting them.',
    kind: 'assumption',
    impact: 4,
    uncertainty: 4.2,
    owner: ['Lena Berg', 'Support operations'],
    status: 'open',
    nextStep: 'Shadow five agents for a shift each and count suggestions sent, edited and discarded.',
    review: -3,
    tags: ['adoption', 'pilot', 'test first'],
    metrics: ['resolution', 'escalation'],
    createdDays: -55,
  });
  const vendorQuota = item({
    layer: cost,
    title: 'The model vendor raises our rate limit before the roll-out',
    description: 'The roll-out needs four times today’s requests per minute; the vendor has not confirmed the quota.',
    kind: 'dependency',
    impact: 4,
    uncertainty: 3.4,
    owner: ['Grace Okafor', 'Leadership'],
    status: 'open',
    nextStep: 'Get the new quota in writing from the account manager.',
    review: 10,
    tags: ['vendor', 'capacity'],
    metrics: ['latency', 'cost'],
    createdDays: -40,
  });
  const injection = item({
    layer: security,
    title: 'Prompt injection through pasted order emails',
    description: 'Customers paste whole emails; text in them could steer the assistant to reveal other customers’ orders.',
    kind: 'risk',
    impact: 4.6,
    uncertainty: 2.4,
    owner: ['Tomás Rivera', 'Engineering'],
    status: 'mitigated',
    nextStep: 'Keep the injection test suite in the release checklist.',
    review: 30,
    tags: ['security'],
    metrics: [],
    evidence: [
      { learned: 'Order lookups now need the signed-in customer’s id; 40 injection prompts from the test suite all failed.', source: 'Security review', effect: 'uncertainty 4 -> 2.4', days: -15 },
    ],
    movedFrom: [4.6, 4],
    createdDays: -50,
  });
  const others: ItemSpec[] = [
    {
      layer: scope,
      title: 'Which channels the first release covers',
      description: 'Email only, or chat too? Chat needs answers in under three seconds.',
      kind: 'unknown',
      impact: 3.5,
      uncertainty: 4.5,
      owner: ['Priya Shah', 'Product'],
      status: 'open',
      nextStep: 'Decide at the re-planning review, with the latency readings in hand.',
      review: 7,
      tags: ['scope'],
      metrics: ['latency'],
      createdDays: -35,
    },
    {
      layer: data,
      title: 'Conversation logs may be used to improve the assistant',
      description: 'Our terms of service may not allow using customers’ messages to tune prompts or models.',
      kind: 'unknown',
      impact: 3.8,
      uncertainty: 4.6,
      owner: ['Grace Okafor', 'Leadership'],
      status: 'open',
      nextStep: 'Ask legal for a written answer on the terms of service.',
      review: 14,
      tags: ['privacy', 'legal'],
      metrics: [],
      createdDays: -28,
    },
    {
      layer: model,
      title: 'Tone slips on angry messages',
      description: 'Replies to angry customers read as cheerful or defensive.',
      kind: 'risk',
      impact: 2.4,
      uncertainty: 3,
      owner: ['Lena Berg', 'Support operations'],
      status: 'accepted',
      nextStep: 'Agents review every reply the sentiment model marks as angry.',
      review: 45,
      tags: ['tone'],
      metrics: ['escalation'],
      createdDays: -45,
    },
    {
      layer: users,
      title: 'Customers accept an answer from an assistant',
      description: 'Some customers ask for a person straight away whatever the answer says.',
      kind: 'assumption',
      impact: 3.2,
      uncertainty: 2.5,
      owner: ['Priya Shah', 'Product'],
      status: 'open',
      nextStep: 'Read the 50 latest escalations asked for in the first message.',
      review: 20,
      tags: ['adoption'],
      metrics: ['escalation'],
      createdDays: -52,
    },
    {
      layer: organisation,
      title: 'The helpdesk team ships the integration this quarter',
      description: 'The suggestion panel in the helpdesk is built by another team with its own roadmap.',
      kind: 'dependency',
      impact: 3.6,
      uncertainty: 3.2,
      owner: ['Grace Okafor', 'Leadership'],
      status: 'open',
      nextStep: 'Agree a date with the helpdesk team’s lead.',
      review: 5,
      tags: ['delivery'],
      metrics: [],
      createdDays: -48,
    },
    {
      layer: cost,
      title: 'Long conversations cost more than the estimate',
      description: 'Conversations past ten turns carry the whole history in every request.',
      kind: 'risk',
      impact: 2.2,
      uncertainty: 2,
      owner: ['Tomás Rivera', 'Engineering'],
      status: 'open',
      nextStep: 'Summarise the history past six turns.',
      review: 30,
      tags: ['cost'],
      metrics: ['cost'],
      createdDays: -30,
    },
  ];
  const items = [helpCentre, refunds, agentsTrust, vendorQuota, injection, ...others.map(item)];
  return { layers, items, helpCentre, refunds, agentsTrust, vendorQuota, injection };
}
