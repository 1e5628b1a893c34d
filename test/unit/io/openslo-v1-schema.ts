import { z } from 'zod';

// OpenSLO v1's SLO and SLI, transcribed from the spec's README, the spec's own text:
// https://github.com/OpenSLO/OpenSLO/blob/main/README.md (sections "SLI", "SLO", "Objectives").
// The repository's JSON schema has drifted from the README (which fields are required, and
// their shapes), so the README is what this follows. Shipped with the tests: no network.

/** RFC 1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. */
export const Rfc1123Name = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'not an RFC 1123 label');

/** The README's duration shorthand: a whole number and one of m, h, d, w, M, Q, Y. */
const DurationShorthand = z.string().regex(/^[1-9]\d*[mhdwMQY]$/, 'not a duration shorthand');

const Metadata = z.strictObject({
  name: Rfc1123Name,
  displayName: z.string().optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  // Annotations are string to string, as in Kubernetes.
  annotations: z.record(z.string(), z.string()).optional(),
});

const Description = z.string().max(1050).optional();

const MetricSource = z.strictObject({
  metricSourceRef: z.string().optional(),
  type: z.string().optional(),
  spec: z.record(z.string(), z.unknown()),
});
const MetricSourceHolder = z.strictObject({ metricSource: MetricSource });

const RatioMetric = z
  .strictObject({
    counter: z.boolean(),
    good: MetricSourceHolder.optional(),
    bad: MetricSourceHolder.optional(),
    total: MetricSourceHolder.optional(),
    rawType: z.enum(['success', 'failure']).optional(),
    raw: MetricSourceHolder.optional(),
  })
  .refine((r) => (r.raw ? !r.good && !r.bad && !r.total && !!r.rawType : !!r.total && (!!r.good !== !!r.bad)), {
    message: 'a ratio needs good or bad over total, or raw with rawType',
  });

export const SliSpec = z
  .strictObject({ description: Description, thresholdMetric: MetricSourceHolder.optional(), ratioMetric: RatioMetric.optional() })
  .refine((s) => !!s.thresholdMetric !== !!s.ratioMetric, { message: 'exactly one of thresholdMetric and ratioMetric' });

export const SliDocument = z.strictObject({ apiVersion: z.literal('openslo/v1'), kind: z.literal('SLI'), metadata: Metadata, spec: SliSpec });

const TimeWindow = z.union([
  z.strictObject({ duration: DurationShorthand, isRolling: z.literal(true) }),
  z.strictObject({
    duration: DurationShorthand,
    isRolling: z.literal(false).optional(),
    // A date and time in 24-hour form without a zone, and an IANA zone name.
    calendar: z.strictObject({ startTime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), timeZone: z.string().min(1) }),
  }),
]);

const Objective = z
  .strictObject({
    displayName: z.string().optional(),
    op: z.enum(['lte', 'gte', 'lt', 'gt']).optional(),
    value: z.number().optional(),
    target: z.number().min(0).lt(1).optional(),
    targetPercent: z.number().min(0).lt(100).optional(),
    timeSliceTarget: z.number().gt(0).max(1).optional(),
    timeSliceWindow: z.union([z.number(), DurationShorthand]).optional(),
    indicator: z.unknown().optional(),
    indicatorRef: z.string().optional(),
    compositeWeight: z.number().gt(0).optional(),
  })
  .refine((o) => (o.target === undefined) !== (o.targetPercent === undefined), { message: 'exactly one of target and targetPercent' })
  .refine((o) => (o.op === undefined) === (o.value === undefined), { message: 'op and value go together' });

export const SloSpec = z
  .strictObject({
    description: Description,
    service: z.string().min(1),
    indicator: SliDocument.pick({ metadata: true, spec: true }).optional(),
    indicatorRef: z.string().optional(),
    timeWindow: z.array(TimeWindow).length(1),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
    objectives: z.array(Objective).min(1),
    alertPolicies: z.array(z.unknown()).optional(),
  })
  .refine((s) => !!s.indicator !== !!s.indicatorRef, { message: 'exactly one of indicator and indicatorRef' })
  .refine((s) => s.budgetingMethod === 'Occurrences' || s.objectives.every((o) => o.timeSliceTarget !== undefined && o.timeSliceWindow !== undefined), {
    message: 'Timeslices objectives need timeSliceTarget and timeSliceWindow',
  });

export const SloDocument = z.strictObject({ apiVersion: z.literal('openslo/v1'), kind: z.literal('SLO'), metadata: Metadata, spec: SloSpec });

export const OpenSloDocument = z.discriminatedUnion('kind', [SliDocument, SloDocument]);
export type OpenSloDocumentType = z.infer<typeof OpenSloDocument>;
