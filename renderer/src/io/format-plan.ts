import { z } from 'zod/mini';
import { ACTION_OWNER_MAX, ACTION_SOURCES, ACTION_STATUSES, ACTION_TEXT_MAX } from '../domain/actions/model';
import { checkActionTitle } from '../domain/actions/edits';
import { CONSIDERED_MAX, DECISION_PEOPLE_MAX, DECISION_STATUSES, DECISION_TEXT_MAX } from '../domain/decisions/model';
import { checkDecisionTitle, STATUS_NOTE_MAX } from '../domain/decisions/edits';
import { REVIEW_NOTE_MAX, REVISIT_CAUSES, REVISIT_TARGETS } from '../domain/revisit/model';
import { CONFIDENCE_LEVELS, FORECASTS_MAX, HORIZONS, LINKS_MAX, ROADMAP_OWNER_MAX, ROADMAP_STATUSES, ROADMAP_TEXT_MAX } from '../domain/roadmap/model';
import { checkRoadmapTitle } from '../domain/roadmap/edits';
import { EFFECTS_MAX, SCOPE_DECISIONS, SCOPE_KINDS, SCOPE_PERSON_MAX, SCOPE_REASONS, SCOPE_TEXT_MAX } from '../domain/scope/model';
import { checkScopeTitle } from '../domain/scope/edits';
import { count, day, dayOrEmpty, id, ids, isoDate, line, text } from './format-parts';
import { MatrixBasisFileSchema } from './format-basis';

// The adaptive plan's part of the .keel.json format (version 6): roadmap items, decision records,
// scope changes, actions and the reviews that cleared revisit flags. Links between records are
// checked after the schema (keel-file.ts), so every link points at something in the file.

const confidence = z.union([z.enum(CONFIDENCE_LEVELS), z.int().check(z.gte(0), z.lte(100))]);
const horizon = z.enum(HORIZONS);

const ForecastFileSchema = z.strictObject({
  at: isoDate,
  horizon,
  earliest: dayOrEmpty,
  latest: dayOrEmpty,
  confidence,
});

export const RoadmapItemFileSchema = z.strictObject({
  id,
  title: line(checkRoadmapTitle),
  description: text(0, ROADMAP_TEXT_MAX),
  owner: text(0, ROADMAP_OWNER_MAX),
  horizon,
  order: count(1_000_000),
  earliest: dayOrEmpty,
  latest: dayOrEmpty,
  confidence,
  forecastAt: isoDate,
  status: z.enum(ROADMAP_STATUSES),
  uncertaintyIds: ids(LINKS_MAX),
  metricIds: ids(LINKS_MAX),
  decisionIds: ids(LINKS_MAX),
  history: z.array(ForecastFileSchema).check(z.maxLength(FORECASTS_MAX)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const decisionText = text(0, DECISION_TEXT_MAX);
const people = text(0, DECISION_PEOPLE_MAX);

export const DecisionFileSchema = z.strictObject({
  id,
  number: z.int().check(z.gte(1), z.lte(1_000_000)),
  title: line(checkDecisionTitle),
  status: z.enum(DECISION_STATUSES),
  statusNote: text(0, STATUS_NOTE_MAX),
  date: day,
  deciders: people,
  consulted: people,
  informed: people,
  context: decisionText,
  options: z.array(z.strictObject({ title: text(1, 200), description: decisionText })).check(z.maxLength(CONSIDERED_MAX)),
  outcome: decisionText,
  consequencesGood: decisionText,
  consequencesBad: decisionText,
  supersedes: z.union([z.literal(''), id]),
  supersededBy: z.union([z.literal(''), id]),
  uncertaintyIds: ids(LINKS_MAX),
  metricIds: ids(LINKS_MAX),
  roadmapItemIds: ids(LINKS_MAX),
  matrixId: z.union([z.literal(''), id]),
  basis: z.nullable(MatrixBasisFileSchema),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const ScopeEffectFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('move'), roadmapItemId: id, horizon, earliest: dayOrEmpty, latest: dayOrEmpty }),
  z.strictObject({ kind: z.literal('add'), title: line(checkRoadmapTitle), horizon, earliest: dayOrEmpty, latest: dayOrEmpty, confidence }),
  z.strictObject({ kind: z.literal('drop'), roadmapItemId: id }),
]);

const scopeText = text(0, SCOPE_TEXT_MAX);
const person = text(0, SCOPE_PERSON_MAX);

export const ScopeChangeFileSchema = z.strictObject({
  id,
  title: line(checkScopeTitle),
  description: scopeText,
  requestedBy: person,
  requestedFunction: person,
  requestedOn: day,
  reason: z.enum(SCOPE_REASONS),
  kind: z.enum(SCOPE_KINDS),
  impactRoadmap: scopeText,
  impactCost: scopeText,
  roadmapItemIds: ids(LINKS_MAX),
  metricIds: ids(LINKS_MAX),
  uncertaintyIds: ids(LINKS_MAX),
  effects: z.array(ScopeEffectFileSchema).check(z.maxLength(EFFECTS_MAX)),
  decision: z.enum(SCOPE_DECISIONS),
  rationale: scopeText,
  decidedOn: dayOrEmpty,
  appliedAt: z.nullable(isoDate),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const ActionFileSchema = z.strictObject({
  id,
  title: line(checkActionTitle),
  notes: text(0, ACTION_TEXT_MAX),
  owner: text(0, ACTION_OWNER_MAX),
  due: dayOrEmpty,
  status: z.enum(ACTION_STATUSES),
  source: z.nullable(z.strictObject({ kind: z.enum(ACTION_SOURCES), id })),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const RevisitReviewFileSchema = z.strictObject({
  id,
  targetKind: z.enum(REVISIT_TARGETS),
  targetId: id,
  causeKind: z.enum(REVISIT_CAUSES),
  causeId: id,
  causeSince: text(1, 100),
  note: text(1, REVIEW_NOTE_MAX),
  by: text(0, 200),
  at: isoDate,
});

export type RoadmapItemFileType = z.infer<typeof RoadmapItemFileSchema>;
export type DecisionFileType = z.infer<typeof DecisionFileSchema>;
export type ScopeChangeFileType = z.infer<typeof ScopeChangeFileSchema>;
export type ActionFileType = z.infer<typeof ActionFileSchema>;
export type RevisitReviewFileType = z.infer<typeof RevisitReviewFileSchema>;
