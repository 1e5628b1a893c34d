// Schemas for what the facilitator's window asks of room hosting: starting a room and the host's
// commands. The same schemas check Electron's IPC arguments (ipc-schemas.ts) and the browser
// fallback's HTTP bodies (web-host.ts): the renderer is untrusted input either way, and what a
// command carries goes on to participants' devices.
import { z } from 'zod';
import { ClientIdSchema } from './device-schemas.js';
import {
  ROOM_DEVICES_MAX,
  SUBMISSION_KINDS,
  type ParticipantView,
  type RoomCommand,
  type RoomStartRequest,
} from './protocol.js';

/** A session's title, as the session rules allow it (domain/sessions/model.ts SESSION_TITLE_MAX). */
export const ROOM_SESSION_TITLE_MAX = 200;
// Bounds at or above the session rules' own (domain/sessions/model.ts: texts 5,000 characters,
// a person's name 200, 500 candidates): a view the host built from a valid session always passes;
// these only stop what no session could hold.
/** Longer texts a view carries (a block's outputs, an item, a candidate, an acknowledgment's message). */
const VIEW_TEXT_MAX = 10_000;
/** A participant's name as the session has it. */
const VIEW_NAME_MAX = 200;
/** A participant's own submissions a view lists; the candidates and results of a round. */
const VIEW_MINE_MAX = 2000;
const VIEW_CANDIDATES_MAX = 500;

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const Text = (max: number) => z.string().max(max);
const OneLineText = (max: number) => Text(max).refine((s) => !CONTROL_CHARACTERS.test(s), 'no control characters');
const RoomIdSchema = OneLineText(100).min(1);

/** The addresses a room may listen on: one IPv4 address, never "every interface". */
export const RoomAddressSchema = z.ipv4('an IPv4 address').refine((address) => address !== '0.0.0.0', 'a single address, not 0.0.0.0');

export const RoomStartRequestSchema = z.strictObject({
  address: RoomAddressSchema,
  sessionTitle: OneLineText(ROOM_SESSION_TITLE_MAX),
});

const ParticipantTimerSchema = z.strictObject({
  state: z.enum(['not-started', 'running', 'paused', 'ended']),
  remainingMs: z.number().finite(),
  plannedMinutes: z.number().finite().min(0),
});

const ParticipantBlockSchema = z.strictObject({
  id: RoomIdSchema,
  title: OneLineText(ROOM_SESSION_TITLE_MAX),
  methodLabel: OneLineText(ROOM_SESSION_TITLE_MAX),
  outputs: Text(VIEW_TEXT_MAX),
  timer: ParticipantTimerSchema,
  accepts: z.array(z.enum(SUBMISSION_KINDS)).max(SUBMISSION_KINDS.length),
});

const ParticipantRoundSchema = z.strictObject({
  id: RoomIdSchema,
  title: OneLineText(ROOM_SESSION_TITLE_MAX),
  dotsPerVoter: z.number().int().min(0),
  maxPerCandidate: z.number().int().min(0),
  secret: z.boolean(),
  candidates: z.array(z.strictObject({ id: RoomIdSchema, label: Text(VIEW_TEXT_MAX) })).max(VIEW_CANDIDATES_MAX),
  canVote: z.boolean(),
  voted: z.boolean(),
  votedCount: z.number().int().min(0),
  voterCount: z.number().int().min(0),
  results: z
    .array(z.strictObject({ candidateId: RoomIdSchema, label: Text(VIEW_TEXT_MAX), dots: z.number().int().min(0) }))
    .max(VIEW_CANDIDATES_MAX)
    .optional(),
});

const ParticipantSubmissionSchema = z.strictObject({
  id: RoomIdSchema,
  kind: z.enum(SUBMISSION_KINDS),
  text: Text(VIEW_TEXT_MAX),
  status: z.enum(['pending', 'accepted', 'declined']),
});

export const ParticipantViewSchema = z.strictObject({
  sessionTitle: OneLineText(ROOM_SESSION_TITLE_MAX),
  name: OneLineText(VIEW_NAME_MAX),
  status: z.enum(['waiting', 'admitted']),
  block: ParticipantBlockSchema.nullable(),
  round: ParticipantRoundSchema.nullable(),
  mine: z.array(ParticipantSubmissionSchema).max(VIEW_MINE_MAX),
});

/** The host's commands; a publish names at most as many devices as a room may hold. */
export const RoomCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('admit'), deviceId: RoomIdSchema, participantId: RoomIdSchema }),
  z.strictObject({ type: z.literal('remove'), deviceId: RoomIdSchema }),
  z.strictObject({ type: z.literal('joining'), open: z.boolean() }),
  z.strictObject({
    type: z.literal('ack'),
    deviceId: RoomIdSchema,
    id: ClientIdSchema,
    status: z.enum(['recorded', 'refused']),
    message: Text(VIEW_TEXT_MAX).optional(),
  }),
  z.strictObject({
    type: z.literal('publish'),
    views: z
      .record(RoomIdSchema, ParticipantViewSchema)
      .refine((views) => Object.keys(views).length <= ROOM_DEVICES_MAX, `at most ${ROOM_DEVICES_MAX} views at once`),
  }),
]);

/** The browser fallback sends the commands queued while a request was on its way in one request, in order. */
export const ROOM_COMMAND_BATCH_MAX = 1000;
export const RoomCommandsSchema = z.union([RoomCommandSchema, z.array(RoomCommandSchema).min(1).max(ROOM_COMMAND_BATCH_MAX)]);

// Compile-time guarantee that the schemas and the protocol describe the same data.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchProtocol: [
  Equal<z.infer<typeof RoomStartRequestSchema>, RoomStartRequest>,
  Equal<z.infer<typeof ParticipantViewSchema>, ParticipantView>,
  Equal<z.infer<typeof RoomCommandSchema>, RoomCommand>,
] = [true, true, true];
void schemasMatchProtocol;
