import { z } from 'zod/mini';
import { ACTION_STATUSES } from '../domain/actions/model';
import { DECISION_STATUSES } from '../domain/decisions/model';
import { CONFIDENCE_LEVELS, HORIZONS, ROADMAP_STATUSES } from '../domain/roadmap/model';
import { SCOPE_DECISIONS } from '../domain/scope/model';
import { checkBlockTitle, checkSessionTitle } from '../domain/sessions/edits';
import {
  BLOCK_METHODS,
  BLOCK_MINUTES_MAX,
  BLOCK_OUTCOMES,
  BLOCKS_MAX,
  CANDIDATES_MAX,
  CAPTURE_KINDS,
  DOTS_MAX,
  FACILITATOR_VOTER,
  PARTICIPANTS_MAX,
  SESSION_MINUTES_MAX,
  SESSION_PERSON_MAX,
  SESSION_STATUSES,
  SESSION_TEXT_MAX,
  SESSION_TITLE_MAX,
  VOTE_MODES,
  VOTE_REVEALS,
  VOTE_TARGETS,
} from '../domain/sessions/model';
import { ITEM_KINDS, ITEM_STATUSES } from '../domain/uncertainty/model';
import { SUBMISSION_KINDS } from '../../../electron/room/protocol';
import { count, dayOrEmpty, id, isoDate, line, score, text } from './format-parts';

// Planning sessions' part of the .keel.json format (version 7): sessions with their agenda and
// timers (as stored moments, so a running session re-imports running), what was captured, voting
// rounds, and the snapshots sessions keep; from version 8, what participants submitted from
// their devices in room mode. Links are checked after the schema (session-file.ts).

const moment = z.nullable(isoDate);
const optionalId = z.union([z.literal(''), id]);
const person = text(0, SESSION_PERSON_MAX);
const sessionText = text(0, SESSION_TEXT_MAX);

const BlockFileSchema = z.strictObject({
  id,
  title: line(checkBlockTitle),
  plannedMinutes: z.int().check(z.gte(1), z.lte(BLOCK_MINUTES_MAX)),
  method: z.enum(BLOCK_METHODS),
  matrixId: optionalId,
  outputs: sessionText,
  notes: sessionText,
  startedAt: moment,
  pausedAt: moment,
  pausedMs: count(Number.MAX_SAFE_INTEGER),
  extraMinutes: count(BLOCK_MINUTES_MAX),
  endedAt: moment,
  outcome: z.nullable(z.enum(BLOCK_OUTCOMES)),
  carriedFrom: z.nullable(z.strictObject({ sessionId: id, blockId: id })),
});

export const SessionFileSchema = z.strictObject({
  id,
  title: line(checkSessionTitle),
  date: dayOrEmpty,
  plannedMinutes: z.int().check(z.gte(1), z.lte(SESSION_MINUTES_MAX)),
  place: person,
  facilitator: person,
  participants: z.array(z.strictObject({ id, name: text(1, SESSION_PERSON_MAX), function: person })).check(z.maxLength(PARTICIPANTS_MAX)),
  goals: sessionText,
  blocks: z.array(BlockFileSchema).check(z.maxLength(BLOCKS_MAX)),
  status: z.enum(SESSION_STATUSES),
  currentBlockId: optionalId,
  startedAt: moment,
  endedAt: moment,
  startSnapshotId: optionalId,
  endSnapshotId: optionalId,
  template: text(0, 100),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const CaptureFileSchema = z.strictObject({
  id,
  sessionId: id,
  blockId: optionalId,
  kind: z.enum(CAPTURE_KINDS),
  recordId: optionalId,
  text: text(1, SESSION_TEXT_MAX),
  done: z.boolean(),
  at: isoDate,
});

/** Limits as room mode's protocol sets them (electron/room/protocol.ts), with room to spare for a name typed on the laptop. */
const SUBMITTED_TEXT_MAX = 1000;
const SUBMITTED_NAME_MAX = 200;

export const SubmissionFileSchema = z.strictObject({
  id,
  sessionId: id,
  blockId: optionalId,
  participantId: id,
  author: text(1, SUBMITTED_NAME_MAX),
  function: text(0, SUBMITTED_NAME_MAX),
  kind: z.enum(SUBMISSION_KINDS),
  text: text(1, SUBMITTED_TEXT_MAX),
  clientId: text(1, 64),
  status: z.enum(['pending', 'accepted', 'declined']),
  captureId: optionalId,
  at: isoDate,
  decidedAt: moment,
});

const dots = z.array(z.strictObject({ candidateId: id, dots: count(DOTS_MAX) })).check(z.maxLength(CANDIDATES_MAX));
const voter = z.union([z.literal(FACILITATOR_VOTER), id]);

export const VoteRoundFileSchema = z.strictObject({
  id,
  sessionId: id,
  blockId: optionalId,
  title: text(1, SESSION_TITLE_MAX),
  target: z.enum(VOTE_TARGETS),
  matrixId: optionalId,
  candidates: z.array(z.strictObject({ id, label: text(0, SESSION_TITLE_MAX) })).check(z.maxLength(CANDIDATES_MAX)),
  mode: z.enum(VOTE_MODES),
  dotsPerVoter: z.int().check(z.gte(1), z.lte(DOTS_MAX)),
  maxPerCandidate: z.int().check(z.gte(1), z.lte(DOTS_MAX)),
  secret: z.boolean(),
  reveal: z.enum(VOTE_REVEALS),
  voterIds: z.array(voter).check(z.maxLength(PARTICIPANTS_MAX + 1)),
  voted: z.array(voter).check(z.maxLength(PARTICIPANTS_MAX + 1)),
  ballots: z.array(z.strictObject({ voterId: z.union([z.literal(''), voter]), dots })).check(z.maxLength(PARTICIPANTS_MAX + 1)),
  tallies: dots,
  revealedAt: moment,
  applied: z.nullable(z.strictObject({ at: isoDate, how: text(1, 500) })),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const stateTitle = text(0, 1000);
/** A table of the program as a snapshot keeps it: as long as the program's own tables may be. */
const rows = <T extends z.core.SomeType>(row: T) => z.array(row).check(z.maxLength(200_000));
const ProgramStateFileSchema = z.strictObject({
  layers: rows(z.strictObject({ id, name: stateTitle })),
  functions: rows(z.strictObject({ id, name: stateTitle })),
  uncertainty: rows(
    z.strictObject({
      id,
      title: stateTitle,
      layerId: id,
      kind: z.enum(ITEM_KINDS),
      impact: score,
      uncertainty: score,
      status: z.enum(ITEM_STATUSES),
      evidence: count(100_000),
      lastEvidence: text(0, SESSION_TEXT_MAX),
    }),
  ),
  metrics: rows(
    z.strictObject({
      id,
      name: stateTitle,
      version: z.int().check(z.gte(1), z.lte(1_000_000)),
      agreed: z.array(id).check(z.maxLength(1000)),
      breached: z.boolean(),
      latestDate: dayOrEmpty,
      latestValue: z.nullable(z.number()),
    }),
  ),
  matrices: rows(z.strictObject({ id, question: stateTitle, decided: stateTitle, reopened: count(100_000) })),
  roadmap: rows(
    z.strictObject({
      id,
      title: stateTitle,
      horizon: z.enum(HORIZONS),
      earliest: dayOrEmpty,
      latest: dayOrEmpty,
      confidence: z.union([z.enum(CONFIDENCE_LEVELS), z.int().check(z.gte(0), z.lte(100))]),
      status: z.enum(ROADMAP_STATUSES),
    }),
  ),
  decisions: rows(z.strictObject({ id, number: z.int().check(z.gte(1), z.lte(1_000_000)), title: stateTitle, status: z.enum(DECISION_STATUSES) })),
  scope: rows(z.strictObject({ id, title: stateTitle, decision: z.enum(SCOPE_DECISIONS) })),
  actions: rows(z.strictObject({ id, title: stateTitle, status: z.enum(ACTION_STATUSES), owner: stateTitle, due: dayOrEmpty })),
});

export const SnapshotFileSchema = z.strictObject({
  id,
  sessionId: id,
  moment: z.enum(['start', 'end']),
  at: isoDate,
  state: ProgramStateFileSchema,
});

export type SessionFileType = z.infer<typeof SessionFileSchema>;
export type CaptureFileType = z.infer<typeof CaptureFileSchema>;
export type SubmissionFileType = z.infer<typeof SubmissionFileSchema>;
export type VoteRoundFileType = z.infer<typeof VoteRoundFileSchema>;
export type SnapshotFileType = z.infer<typeof SnapshotFileSchema>;
