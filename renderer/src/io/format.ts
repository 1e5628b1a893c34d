import { z } from 'zod/mini';
import { checkProgramName, checkStaleAfterDays, PROGRAM_DESCRIPTION_MAX, STALE_AFTER_DAYS_MAX } from '../domain/program';
import { checkItemTitle, checkLayerColor, checkLayerName } from '../domain/uncertainty/edits';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  ITEM_OWNER_MAX,
  ITEM_TEXT_MAX,
  TAG_MAX,
  TAGS_MAX,
} from '../domain/uncertainty/model';
import {
  DIRECTIONS,
  FUNCTION_NAME_MAX,
  FUNCTIONS_MAX,
  GUARDRAIL_OPS,
  METRIC_CATEGORIES,
  METRIC_SHORT_MAX,
  METRIC_TEXT_MAX,
  READING_NOTE_MAX,
  READINGS_MAX,
  SIGNOFF_STATES,
} from '../domain/metrics/model';
import {
  CONFIDENCES,
  CRITERIA_MAX,
  MATRIX_TEXT_MAX,
  OPTIONS_MAX,
  SCALES,
  SCORING_MODES,
} from '../domain/tradeoffs/model';
import { JUDGEMENT_MAX, JUDGEMENT_MIN, WEIGHT_MAX } from '../domain/tradeoffs/model';
import { checkFunctionName, checkMetricName } from '../domain/metrics/edits';
import { checkCriterionName, checkDeciders, checkOptionTitle, checkQuestion } from '../domain/tradeoffs/edits';

// The .keel.json file format. Every released version keeps a fixture under test/fixtures/
// that is never edited; a new version adds a migration in migrations.ts.

export const FORMAT_NAME = 'keel';
/**
 * 1: programs. 2: the uncertainty map (layers, items) and the program's staleness rule.
 * 3: shared metrics (functions, metrics with versions, sign-offs and readings).
 * 4: trade-off matrices (options, criteria, scores, weights per function, decisions).
 * 5: the facilitator's weights and judgements kept while the equal blend is in force.
 * 6: the adaptive plan (roadmap items, decision records, scope changes, actions, revisit reviews).
 * 7: planning sessions (agenda and timers, captures, voting rounds, the snapshots sessions keep).
 * 8: room mode: what participants submitted from their own devices, with each session.
 */
export const CURRENT_FORMAT_VERSION = 8;
export const FILE_EXTENSION = '.keel.json';
/** A workspace file: every program of a computer in one file (io/workspace-file.ts). */
export const WORKSPACE_FORMAT_NAME = 'keel-workspace';

import { count, day, id, isoDate, line, readingDay, score, text } from './format-parts';
import { ActionFileSchema, DecisionFileSchema, RevisitReviewFileSchema, RoadmapItemFileSchema, ScopeChangeFileSchema } from './format-plan';
import { CaptureFileSchema, SessionFileSchema, SnapshotFileSchema, SubmissionFileSchema, VoteRoundFileSchema } from './format-sessions';

export const ProgramFileSchema = z.strictObject({
  id,
  name: line(checkProgramName),
  description: text(0, PROGRAM_DESCRIPTION_MAX),
  createdAt: isoDate,
  updatedAt: isoDate,
  staleAfterDays: z.int().check(z.refine((days) => checkStaleAfterDays(days).ok, `Expected a whole number of days from 0 to ${STALE_AFTER_DAYS_MAX}`)),
});

export const LayerFileSchema = z.strictObject({
  id,
  name: line(checkLayerName),
  description: text(0, ITEM_TEXT_MAX),
  color: z.string().check(z.refine((color) => checkLayerColor(color).ok, 'Expected a colour as #rrggbb')),
  order: count(10_000),
});

const EvidenceFileSchema = z.strictObject({
  id,
  date: day,
  learned: text(0, ITEM_TEXT_MAX),
  source: text(0, ITEM_TEXT_MAX),
  effect: text(0, ITEM_TEXT_MAX),
});

const HistoryPointFileSchema = z.strictObject({
  at: isoDate,
  impact: score,
  uncertainty: score,
  status: z.enum(ITEM_STATUSES),
});

export const ItemFileSchema = z.strictObject({
  id,
  layerId: id,
  title: line(checkItemTitle),
  description: text(0, ITEM_TEXT_MAX),
  kind: z.enum(ITEM_KINDS),
  impact: score,
  uncertainty: score,
  ownerPerson: text(0, ITEM_OWNER_MAX),
  ownerFunction: text(0, ITEM_OWNER_MAX),
  status: z.enum(ITEM_STATUSES),
  nextStep: text(0, ITEM_TEXT_MAX),
  reviewDate: z.union([z.literal(''), day]),
  tags: z.array(text(1, TAG_MAX)).check(z.maxLength(TAGS_MAX)),
  metricIds: z.array(id).check(z.maxLength(1000)),
  evidence: z.array(EvidenceFileSchema).check(z.maxLength(10_000)),
  history: z.array(HistoryPointFileSchema).check(z.maxLength(100_000)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const FunctionFileSchema = z.strictObject({
  id,
  name: line(checkFunctionName),
  required: z.boolean(),
  order: count(10_000),
});

// zod 4 numbers are finite already (JSON has no Infinity or NaN either).
const finite = z.number();
const short = text(0, METRIC_SHORT_MAX);
const long = text(0, METRIC_TEXT_MAX);

const contractShape = {
  formula: long,
  numerator: short,
  denominator: short,
  unit: short,
  direction: z.enum(DIRECTIONS),
  baseline: z.strictObject({ value: z.nullable(finite), date: z.union([z.literal(''), day]) }),
  target: z.strictObject({ value: z.nullable(finite), high: z.nullable(finite), by: z.union([z.literal(''), day]) }),
  guardrail: z.nullable(z.strictObject({ op: z.enum(GUARDRAIL_OPS), value: finite })),
  window: short,
};

const SignoffFileSchema = z.strictObject({
  functionId: id,
  functionName: text(0, FUNCTION_NAME_MAX),
  state: z.enum(SIGNOFF_STATES),
  reason: long,
  by: short,
  at: isoDate,
});

const VersionFileSchema = z.strictObject({
  ...contractShape,
  version: z.int().check(z.gte(1), z.lte(1_000_000)),
  signoffs: z.array(SignoffFileSchema).check(z.maxLength(1000)),
  supersededAt: isoDate,
});

const ReadingFileSchema = z.strictObject({ id, date: readingDay, value: finite, note: text(0, READING_NOTE_MAX) });

export const MetricFileSchema = z.strictObject({
  id,
  name: line(checkMetricName),
  description: long,
  category: z.enum(METRIC_CATEGORIES),
  customCategory: short,
  decision: long,
  ...contractShape,
  dataSource: short,
  cadence: short,
  ownerPerson: short,
  ownerFunctionId: z.union([z.literal(''), id]),
  version: z.int().check(z.gte(1), z.lte(1_000_000)),
  signoffs: z.array(SignoffFileSchema).check(z.maxLength(1000)),
  versions: z.array(VersionFileSchema).check(z.maxLength(10_000)),
  readings: z.array(ReadingFileSchema).check(z.maxLength(READINGS_MAX)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const matrixText = text(0, MATRIX_TEXT_MAX);
const weights = z.record(id, z.number().check(z.gte(0), z.lte(WEIGHT_MAX)));
// Keyed `${rowCriterionId}|${colCriterionId}`; which criteria they are is checked with the references.
const judgements = z.record(text(3, 201), z.number().check(z.gte(JUDGEMENT_MIN), z.lte(JUDGEMENT_MAX)));
const scaleMin = Math.min(...SCORING_MODES.map((m) => SCALES[m].min));
const scaleMax = Math.max(...SCORING_MODES.map((m) => SCALES[m].max));

const decisionShape = {
  optionId: id,
  rationale: text(1, MATRIX_TEXT_MAX),
  deciders: line(checkDeciders),
  date: day,
  tradedAway: z.array(id).check(z.maxLength(CRITERIA_MAX)),
  recommendedId: z.nullable(id),
  recordedAt: isoDate,
};

export const MatrixFileSchema = z.strictObject({
  id,
  question: line(checkQuestion),
  context: matrixText,
  mode: z.enum(SCORING_MODES),
  options: z
    .array(z.strictObject({ id, title: line(checkOptionTitle), description: matrixText }))
    .check(z.maxLength(OPTIONS_MAX)),
  criteria: z
    .array(
      z.strictObject({
        id,
        name: line(checkCriterionName),
        metricId: z.union([z.literal(''), id]),
        direction: z.enum(['benefit', 'cost']),
      }),
    )
    .check(z.maxLength(CRITERIA_MAX)),
  // Whether a value fits this matrix's own scale is checked with the references.
  scores: z
    .array(
      z.strictObject({
        optionId: id,
        criterionId: id,
        value: z.nullable(z.int().check(z.gte(scaleMin), z.lte(scaleMax))),
        rationale: matrixText,
        confidence: z.nullable(z.enum(CONFIDENCES as readonly ['low', 'medium', 'high'])),
        expected: z.nullable(finite),
      }),
    )
    .check(z.maxLength(OPTIONS_MAX * CRITERIA_MAX)),
  functionWeights: z
    .array(z.strictObject({ functionId: id, weights, judgements: z.nullable(judgements) }))
    .check(z.maxLength(FUNCTIONS_MAX)),
  combined: z.discriminatedUnion('mode', [
    // Under the blend the facilitator's weights are kept, when any were set.
    z.strictObject({ mode: z.literal('equal'), weights: z.optional(weights), judgements: z.optional(z.nullable(judgements)) }),
    z.strictObject({ mode: z.literal('facilitator'), weights, judgements: z.nullable(judgements) }),
  ]),
  // A standing decision is never reopened; an earlier one always was.
  decision: z.nullable(z.strictObject({ ...decisionShape, reopened: z.null() })),
  pastDecisions: z
    .array(z.strictObject({ ...decisionShape, reopened: z.strictObject({ at: isoDate, reason: text(1, MATRIX_TEXT_MAX) }) }))
    .check(z.maxLength(1000)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const DataFileSchema = z.strictObject({
  layers: z.array(LayerFileSchema).check(z.maxLength(200)),
  uncertaintyItems: z.array(ItemFileSchema).check(z.maxLength(200_000)),
  functions: z.array(FunctionFileSchema).check(z.maxLength(FUNCTIONS_MAX)),
  metrics: z.array(MetricFileSchema).check(z.maxLength(10_000)),
  matrices: z.array(MatrixFileSchema).check(z.maxLength(10_000)),
  roadmapItems: z.array(RoadmapItemFileSchema).check(z.maxLength(100_000)),
  decisions: z.array(DecisionFileSchema).check(z.maxLength(100_000)),
  scopeChanges: z.array(ScopeChangeFileSchema).check(z.maxLength(100_000)),
  actions: z.array(ActionFileSchema).check(z.maxLength(200_000)),
  revisitReviews: z.array(RevisitReviewFileSchema).check(z.maxLength(200_000)),
  sessions: z.array(SessionFileSchema).check(z.maxLength(10_000)),
  captures: z.array(CaptureFileSchema).check(z.maxLength(200_000)),
  votes: z.array(VoteRoundFileSchema).check(z.maxLength(100_000)),
  snapshots: z.array(SnapshotFileSchema).check(z.maxLength(20_000)),
  submissions: z.array(SubmissionFileSchema).check(z.maxLength(200_000)),
});

export const KeelFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  appVersion: text(1, 50),
  exportedAt: isoDate,
  program: ProgramFileSchema,
  data: DataFileSchema,
});
export type KeelFileType = z.infer<typeof KeelFileSchema>;
export type LayerFileType = z.infer<typeof LayerFileSchema>;
export type ItemFileType = z.infer<typeof ItemFileSchema>;
export type MetricFileType = z.infer<typeof MetricFileSchema>;
export type MatrixFileType = z.infer<typeof MatrixFileSchema>;
