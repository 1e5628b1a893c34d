// A library of common shared success metrics for AI programs. A team copies a template into its
// program and edits it: the definitions are precise starting points, the targets illustrative.

import { emptyMetricDraft, type MetricDraft } from './model';

export interface MetricTemplate {
  /** Stable kebab-case id of the template. */
  key: string;
  /** The metric as copied; ownerFunctionId and ownerPerson are empty, baseline unset. */
  draft: MetricDraft;
  /** Matched by name to the program's functions when the template is copied. */
  suggestedOwner: 'Engineering' | 'Product' | 'Leadership';
}

export const METRIC_LIBRARY: readonly MetricTemplate[] = [
  // Quality and accuracy
  {
    key: 'task-success-rate',
    suggestedOwner: 'Product',
    draft: {
      ...emptyMetricDraft('Task success rate', 'quality'),
      description:
        'Share of evaluated tasks the assistant completes correctly and fully, as judged against a rubric. The headline measure of whether the system does its job.',
      decision: 'Whether the assistant can be rolled out to all users of the workflow.',
      formula: 'Tasks graded successful ÷ tasks graded × 100, over the window.',
      numerator: 'Tasks graded successful (correct, complete, no human rework needed)',
      denominator: 'Tasks graded, from the evaluation set or a sample of production tasks',
      unit: '%',
      direction: 'higher',
      dataSource: 'Evaluation set and sampled production tasks, graded weekly against a rubric',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 85, high: null, by: '' },
      guardrail: { op: 'gte', value: 75 },
    },
  },
  {
    key: 'groundedness',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Groundedness', 'quality'),
      description:
        'Share of answers whose every factual claim is supported by the sources retrieved for that answer. Measures whether the assistant sticks to its evidence.',
      decision: 'Whether answers can be shown without a human checking the cited sources first.',
      formula: 'Answers with every claim supported by retrieved sources ÷ answers graded × 100, over the window.',
      numerator: 'Answers in which every factual claim is supported by a retrieved source',
      denominator: 'Answers graded (sampled production answers or evaluation set)',
      unit: '%',
      direction: 'higher',
      dataSource: 'Sampled answers graded by reviewers or a calibrated LLM judge, weekly',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 95, high: null, by: '' },
      guardrail: { op: 'gte', value: 90 },
    },
  },
  {
    key: 'hallucination-rate',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Hallucination rate', 'quality'),
      description:
        'Share of answers containing at least one claim that is fabricated or contradicts the ground truth. Counts each answer once, however many errors it has.',
      decision: 'Whether the assistant is accurate enough to answer users without review.',
      formula: 'Answers with at least one fabricated or false claim ÷ answers graded × 100, over the window.',
      numerator: 'Answers with at least one fabricated or false claim',
      denominator: 'Answers graded against reference answers or sources',
      unit: '%',
      direction: 'lower',
      dataSource: 'Evaluation set with reference answers, graded weekly',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 2, high: null, by: '' },
      guardrail: { op: 'lte', value: 5 },
    },
  },
  {
    key: 'retrieval-recall-at-k',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Retrieval recall@5', 'quality'),
      description:
        'Share of the passages labelled relevant that appear in the top 5 retrieved results. Shows whether the answer model is given the evidence it needs; change k to match the context actually passed to the model.',
      decision: 'Whether to invest in retrieval (chunking, embeddings, re-ranking) rather than in the answer model.',
      formula: 'Relevant passages in the top 5 results ÷ relevant passages labelled × 100, summed over evaluation queries.',
      numerator: 'Labelled relevant passages found in the top 5 results, summed over queries',
      denominator: 'Labelled relevant passages, summed over the same queries',
      unit: '%',
      direction: 'higher',
      dataSource: 'Labelled retrieval evaluation set, run on every index or retriever change',
      window: 'Latest evaluation run',
      cadence: 'Per release',
      target: { value: 90, high: null, by: '' },
      guardrail: { op: 'gte', value: 80 },
    },
  },

  // Reliability
  {
    key: 'availability',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Availability (uptime)', 'reliability'),
      description:
        'Share of minutes in which the AI feature answered a synthetic probe correctly and in time. Planned maintenance announced in advance is excluded.',
      decision: 'Whether the feature can be relied on in a workflow that has no manual fallback.',
      formula: 'Good minutes ÷ eligible minutes × 100, over the window.',
      numerator: 'Minutes in which the synthetic probe succeeded within 10 s',
      denominator: 'Minutes in the window, excluding announced maintenance',
      unit: '%',
      direction: 'higher',
      dataSource: 'Synthetic probe every minute, recorded by uptime monitoring',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 99.9, high: null, by: '' },
      guardrail: { op: 'gte', value: 99.5 },
    },
  },
  {
    key: 'error-rate',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Error rate', 'reliability'),
      description:
        'Share of requests that fail: a 5xx response, a timeout, or a model or tool call that errors before an answer is returned. Client errors (4xx) are not counted.',
      decision: 'Whether to pause feature work and spend the next iteration on reliability.',
      formula: 'Failed requests ÷ valid requests × 100, over the window.',
      numerator: 'Requests ending in a 5xx response, a timeout or an unhandled model or tool error',
      denominator: 'Valid requests received, excluding health checks and 4xx client errors',
      unit: '%',
      direction: 'lower',
      dataSource: 'API gateway and application logs',
      window: '28-day rolling',
      cadence: 'Daily',
      target: { value: 0.5, high: null, by: '' },
      guardrail: { op: 'lte', value: 2 },
    },
  },

  // Latency
  {
    key: 'p95-latency',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('p95 latency (end to end)', 'latency'),
      description:
        'The time within which 95% of requests are fully answered, from the request reaching the service to the last token of the answer being sent. Includes retrieval, tool calls and retries.',
      decision: 'Whether the assistant is fast enough to use during a live conversation with a customer.',
      formula: '95th percentile of (answer completed − request received) in ms, over successful requests in the window.',
      unit: 'ms',
      direction: 'lower',
      dataSource: 'Request traces from application monitoring',
      window: '7-day rolling',
      cadence: 'Daily',
      target: { value: 4000, high: null, by: '' },
      guardrail: { op: 'lte', value: 8000 },
    },
  },
  {
    key: 'time-to-first-token-p95',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Time to first token p95', 'latency'),
      description:
        'The time within which 95% of streamed answers show their first token to the user. Governs how responsive the assistant feels.',
      decision: 'Whether to stream answers as they are generated or change model and hosting to feel responsive.',
      formula: '95th percentile of (first token sent − request received) in ms, over streamed requests in the window.',
      unit: 'ms',
      direction: 'lower',
      dataSource: 'Request traces from application monitoring',
      window: '7-day rolling',
      cadence: 'Daily',
      target: { value: 1000, high: null, by: '' },
      guardrail: { op: 'lte', value: 2000 },
    },
  },

  // Cost efficiency
  {
    key: 'cost-per-1000-requests',
    suggestedOwner: 'Engineering',
    draft: {
      ...emptyMetricDraft('Cost per 1,000 requests', 'cost'),
      description:
        'What serving 1,000 requests costs, including model tokens, embeddings, vector search and hosting. Tracks the unit cost of running the system.',
      decision: 'Which model and hosting option to use, and whether the budget covers expected volume.',
      formula: 'Total serving spend in USD ÷ requests served × 1,000, over the window.',
      numerator: 'Serving spend in USD: model tokens, embeddings, vector search and hosting',
      denominator: 'Requests served',
      unit: 'USD',
      direction: 'lower',
      dataSource: 'Provider invoices and usage exports, joined with request counts',
      window: 'Calendar month',
      cadence: 'Monthly',
      target: { value: 5, high: null, by: '' },
      guardrail: { op: 'lte', value: 10 },
    },
  },
  {
    key: 'cost-per-successful-task',
    suggestedOwner: 'Leadership',
    draft: {
      ...emptyMetricDraft('Cost per successful task', 'cost'),
      description:
        'What it costs to complete one task successfully, counting the spend on failed and retried attempts. Compare it with the cost of doing the task by hand.',
      decision: 'Whether the AI workflow is cheaper than the current process at the quality required.',
      formula: 'Total serving spend in USD ÷ tasks completed successfully, over the window.',
      numerator: 'Serving spend in USD, including failed and retried attempts',
      denominator: 'Tasks completed successfully (as defined by Task success rate)',
      unit: 'USD',
      direction: 'lower',
      dataSource: 'Provider invoices and usage exports, joined with task outcomes',
      window: 'Calendar month',
      cadence: 'Monthly',
      target: { value: 0.05, high: null, by: '' },
      guardrail: { op: 'lte', value: 0.1 },
    },
  },

  // Controllability and safety
  {
    key: 'escalation-rate',
    suggestedOwner: 'Product',
    draft: {
      ...emptyMetricDraft('Escalation rate to a human', 'safety'),
      description:
        'Share of conversations handed to a human, by the assistant or at the user’s request. Too high means little is automated; too low may mean cases that need a person are not being handed over.',
      decision: 'Whether hand-off rules and staffing of the human queue need to change.',
      formula: 'Conversations escalated to a human ÷ conversations × 100, over the window.',
      numerator: 'Conversations handed to a human, by the assistant or at the user’s request',
      denominator: 'Conversations started with the assistant',
      unit: '%',
      direction: 'range',
      dataSource: 'Conversation logs and the support ticketing system',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 10, high: 25, by: '' },
      guardrail: { op: 'lte', value: 40 },
    },
  },
  {
    key: 'unsafe-output-rate',
    suggestedOwner: 'Leadership',
    draft: {
      ...emptyMetricDraft('Unsafe output rate', 'safety'),
      description:
        'Share of answers that violate the content policy: harmful, discriminatory or disallowed advice, or leaked personal or confidential data. Includes outputs caught by filters before reaching users.',
      decision: 'Whether the assistant may launch, or must be paused, under the organisation’s risk policy.',
      formula: 'Answers flagged as policy-violating and confirmed on review ÷ answers reviewed × 100, over the window.',
      numerator: 'Answers confirmed on review as violating the content policy',
      denominator: 'Answers reviewed (filter-flagged answers plus a random sample)',
      unit: '%',
      direction: 'lower',
      dataSource: 'Safety filter logs, red-team set and weekly human review of a sample',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 0.1, high: null, by: '' },
      guardrail: { op: 'lte', value: 0.5 },
    },
  },

  // User experience
  {
    key: 'user-satisfaction-csat',
    suggestedOwner: 'Product',
    draft: {
      ...emptyMetricDraft('User satisfaction (CSAT)', 'experience'),
      description:
        'Share of survey responses rating the AI-assisted interaction 4 or 5 on a 5-point scale. The standard customer satisfaction measure.',
      decision: 'Whether users are better served with the assistant than without it.',
      formula: 'Responses rated 4 or 5 ÷ survey responses × 100, over the window.',
      numerator: 'Survey responses rated 4 or 5 out of 5',
      denominator: 'Survey responses received for AI-assisted interactions',
      unit: '%',
      direction: 'higher',
      dataSource: 'Post-interaction survey',
      window: '28-day rolling',
      cadence: 'Weekly',
      target: { value: 80, high: null, by: '' },
      guardrail: { op: 'gte', value: 70 },
    },
  },
  {
    key: 'thumbs-up-share',
    suggestedOwner: 'Product',
    draft: {
      ...emptyMetricDraft('Thumbs-up share', 'experience'),
      description:
        'Share of in-product ratings of answers that are thumbs up. A lightweight, continuous signal of answer quality as users see it.',
      decision: 'Which answer types or prompts to improve first.',
      formula: 'Thumbs-up ratings ÷ (thumbs-up + thumbs-down ratings) × 100, over the window.',
      numerator: 'Thumbs-up ratings on answers',
      denominator: 'Thumbs-up plus thumbs-down ratings on answers',
      unit: '%',
      direction: 'higher',
      dataSource: 'In-product feedback events',
      window: '7-day rolling',
      cadence: 'Weekly',
      target: { value: 85, high: null, by: '' },
      guardrail: { op: 'gte', value: 75 },
    },
  },

  // Business impact
  {
    key: 'weekly-active-users',
    suggestedOwner: 'Product',
    draft: {
      ...emptyMetricDraft('Weekly active users', 'business'),
      description:
        'Number of distinct users who made at least one meaningful use of the AI feature in the last 7 days. Opening the feature without using it does not count.',
      decision: 'Whether adoption justifies continued investment and wider rollout.',
      formula: 'Count of distinct users with at least one qualifying interaction with the AI feature in the 7 days ending on the reading date.',
      unit: 'users',
      direction: 'higher',
      dataSource: 'Product analytics events',
      window: '7-day rolling',
      cadence: 'Weekly',
      target: { value: 500, high: null, by: '' },
      guardrail: { op: 'gte', value: 300 },
    },
  },
  {
    key: 'task-deflection-rate',
    suggestedOwner: 'Leadership',
    draft: {
      ...emptyMetricDraft('Task deflection rate', 'business'),
      description:
        'Share of requests resolved by the assistant with no human involvement and no repeat contact within 7 days. The volume of work taken off the team.',
      decision: 'Whether the expected staffing and cost savings of the program are being realised.',
      formula: 'Requests resolved without a human and without repeat contact within 7 days ÷ requests handled by the assistant × 100, over the window.',
      numerator: 'Requests resolved without a human and without repeat contact within 7 days',
      denominator: 'Requests handled by the assistant',
      unit: '%',
      direction: 'higher',
      dataSource: 'Conversation logs joined with the support ticketing system',
      window: '28-day rolling',
      cadence: 'Monthly',
      target: { value: 30, high: null, by: '' },
      guardrail: { op: 'gte', value: 20 },
    },
  },
];
