import type { Metric, MetricContract, ProgramFunction, Reading, Signoff } from '../metrics/model';
import type { MakeId, SampleClock } from './when';

// The sample's functions and shared metrics: agreed, awaiting sign-off, objected to, and one on
// its second version, with weekly readings, one of which breaks its guardrail.

export interface SampleMetrics {
  functions: ProgramFunction[];
  metrics: Metric[];
  /** The metrics by role, for the records that link to them. */
  resolution: Metric;
  accuracy: Metric;
  latency: Metric;
  cost: Metric;
  escalation: Metric;
}

type FunctionKey = 'engineering' | 'product' | 'leadership' | 'support';

export function sampleMetrics(programId: string, when: SampleClock, makeId: MakeId): SampleMetrics {
  const fn = (name: string, order: number, required = true): ProgramFunction => ({ id: makeId(), programId, name, required, order });
  const functions: Record<FunctionKey, ProgramFunction> = {
    engineering: fn('Engineering', 0),
    product: fn('Product', 1),
    leadership: fn('Leadership', 2),
    // Consulted on every metric, but a metric is agreed without it.
    support: fn('Support operations', 3, false),
  };
  const signer: Record<FunctionKey, string> = { engineering: 'Tomás Rivera', product: 'Priya Shah', leadership: 'Grace Okafor', support: 'Lena Berg' };
  const agree = (key: FunctionKey, days: number, reason = ''): Signoff => ({
    functionId: functions[key].id,
    functionName: functions[key].name,
    state: 'agree',
    reason,
    by: signer[key],
    at: when.at(days, 11),
  });
  const object = (key: FunctionKey, days: number, reason: string): Signoff => ({ ...agree(key, days), state: 'object', reason });

  /** Weekly readings, oldest first, ending `endDays` from now. */
  const weekly = (values: readonly number[], endDays = -2, notes: Record<number, string> = {}): Reading[] =>
    values.map((value, i) => ({ id: makeId(), date: when.day(endDays - 7 * (values.length - 1 - i)), value, note: notes[i] ?? '' }));

  const metric = (
    fields: Pick<Metric, 'name' | 'description' | 'category' | 'decision' | 'dataSource' | 'cadence' | 'ownerPerson'> &
      MetricContract & { owner: FunctionKey; signoffs: Signoff[]; readings: Reading[]; createdDays: number },
  ): Metric => {
    const { owner, createdDays, ...rest } = fields;
    return {
      ...rest,
      id: makeId(),
      programId,
      customCategory: '',
      ownerFunctionId: functions[owner].id,
      version: 1,
      versions: [],
      createdAt: when.at(createdDays, 10),
      updatedAt: when.at(-2, 9),
    };
  };

  const resolution = metric({
    name: 'Resolution rate',
    description: 'Share of conversations the assistant closes without a human agent, where the customer does not come back within 7 days.',
    category: 'business',
    decision: 'Whether to widen the pilot from 20 agents to the whole email team.',
    dataSource: 'Helpdesk ticket export, joined with the assistant log',
    cadence: 'Weekly',
    ownerPerson: 'Priya Shah',
    owner: 'product',
    formula: 'resolved without agent / conversations started',
    numerator: 'Conversations closed by the assistant with no reopen in 7 days',
    denominator: 'Conversations started with the assistant',
    unit: '%',
    direction: 'higher',
    baseline: { value: 18, date: when.day(-56) },
    target: { value: 40, high: null, by: when.day(90) },
    guardrail: { op: 'gte', value: 15 },
    window: 'Rolling 28 days',
    signoffs: [agree('engineering', -40), agree('product', -41), agree('leadership', -39, 'Good enough to decide the roll-out on.')],
    readings: weekly([18, 21, 24, 26, 29, 31, 33], -2, { 3: 'Retrieval over the help centre switched on' }),
    createdDays: -60,
  });
  const accuracy = metric({
    name: 'Answer accuracy',
    description: 'Share of sampled answers that a senior agent grades correct and complete against the policy in force.',
    category: 'quality',
    decision: 'Which model setup to launch with, and when answers may go to customers unreviewed.',
    dataSource: 'Weekly grading of 200 sampled answers',
    cadence: 'Weekly',
    ownerPerson: 'Tomás Rivera',
    owner: 'engineering',
    formula: 'answers graded correct / answers graded',
    numerator: 'Sampled answers graded correct and complete',
    denominator: 'Sampled answers graded',
    unit: '%',
    direction: 'higher',
    baseline: { value: 78, date: when.day(-56) },
    target: { value: 92, high: null, by: when.day(60) },
    guardrail: { op: 'gte', value: 85 },
    window: 'Last 4 weekly samples',
    signoffs: [agree('engineering', -38), agree('product', -38), agree('leadership', -37), agree('support', -36, 'Graders come from our senior team.')],
    readings: weekly([78, 81, 84, 86, 87, 88, 89], -2, { 2: 'New grading rubric' }),
    createdDays: -58,
  });
  const latency = metric({
    name: 'Latency p95',
    description: 'Time from the customer sending a message to the first token of the answer, 95th percentile.',
    category: 'latency',
    decision: 'Whether the chat channel can use the same model setup as email.',
    dataSource: 'Assistant request log',
    cadence: 'Daily, reviewed weekly',
    ownerPerson: 'Tomás Rivera',
    owner: 'engineering',
    formula: 'p95(first token time - message received time)',
    numerator: '',
    denominator: '',
    unit: 's',
    direction: 'lower',
    baseline: { value: 4.2, date: when.day(-50) },
    target: { value: 2.5, high: null, by: when.day(45) },
    guardrail: { op: 'lte', value: 6 },
    window: 'Rolling 7 days',
    signoffs: [agree('engineering', -30), agree('product', -29)],
    readings: weekly([4.2, 3.9, 3.6, 3.8, 4.4, 6.3], -1, { 5: 'Vendor region outage on Tuesday' }),
    createdDays: -50,
  });
  const cost = metric({
    name: 'Cost per conversation',
    description: 'Model, retrieval and hosting spend divided by the conversations handled.',
    category: 'cost',
    decision: 'Which model setup to launch with; the budget for the roll-out.',
    dataSource: 'Cloud bill and vendor invoices, monthly; usage log weekly',
    cadence: 'Weekly estimate, monthly actual',
    ownerPerson: 'Grace Okafor',
    owner: 'leadership',
    formula: 'total assistant spend / conversations handled',
    numerator: 'Model, retrieval and hosting spend',
    denominator: 'Conversations handled by the assistant',
    unit: 'USD',
    direction: 'lower',
    baseline: { value: 0.42, date: when.day(-45) },
    target: { value: 0.2, high: null, by: when.day(120) },
    guardrail: { op: 'lte', value: 0.35 },
    window: 'Calendar month',
    signoffs: [
      agree('engineering', -20),
      agree('leadership', -21),
      object('product', -19, 'Leave agent time saved out of the numerator, or we count the same saving twice in the business case.'),
    ],
    readings: weekly([0.42, 0.38, 0.33, 0.31, 0.29], -3),
    createdDays: -45,
  });
  const escalationContract: MetricContract = {
    formula: 'conversations handed to an agent / conversations started',
    numerator: 'Conversations handed to a human agent',
    denominator: 'Conversations started with the assistant',
    unit: '%',
    direction: 'lower',
    baseline: { value: 70, date: when.day(-56) },
    target: { value: 50, high: null, by: when.day(60) },
    guardrail: { op: 'lte', value: 80 },
    window: 'Rolling 28 days',
  };
  const escalation: Metric = {
    ...metric({
      name: 'Escalation rate',
      description: 'Share of conversations the assistant hands to a human agent, asked for or not.',
      category: 'experience',
      decision: 'How many agents the pilot needs on shift.',
      dataSource: 'Helpdesk hand-off events',
      cadence: 'Weekly',
      ownerPerson: 'Lena Berg',
      owner: 'support',
      ...escalationContract,
      // Version 2 tightened the target once the pilot showed what was possible.
      target: { value: 35, high: null, by: when.day(90) },
      signoffs: [agree('product', -6), agree('support', -6)],
      readings: weekly([70, 66, 61, 58, 55, 52, 48], -2),
      createdDays: -57,
    }),
    version: 2,
    versions: [
      {
        ...escalationContract,
        version: 1,
        signoffs: [agree('engineering', -48), agree('product', -48), agree('leadership', -47)],
        supersededAt: when.at(-7, 15),
      },
    ],
  };
  return {
    functions: Object.values(functions),
    metrics: [resolution, accuracy, latency, cost, escalation],
    resolution,
    accuracy,
    latency,
    cost,
    escalation,
  };
}
