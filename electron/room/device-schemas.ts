// The schemas of what a device sends, checked by the room server before anything else reads it.
// Only the server loads this module (see protocol.ts: the types come from here, the values stay out
// of the renderer and the participant page).
import { z } from 'zod';
import { ROOM_NAME_MAX, ROOM_TEXT_MAX, SUBMISSION_KINDS } from './protocol.js';

/** A client-made id (random, 8 to 64 of [A-Za-z0-9_-]): a resent message with the same id is recorded once. */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id');
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'a token');
const IdSchema = z.string().min(1).max(100);
const OneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

// ---- Device -> server ----

/** POST /api/join: the room code typed (or the join token from the QR code), a name and a function. */
export const JoinRequestSchema = z
  .object({
    code: z.string().max(20).optional(),
    joinToken: TokenSchema.optional(),
    name: OneLine(ROOM_NAME_MAX),
    function: OneLine(ROOM_NAME_MAX),
  })
  .strict()
  .refine((j) => j.code !== undefined || j.joinToken !== undefined, 'a room code or a join token');

/** The first frame on a socket: the device's own token. */
export const HelloMessageSchema = z.object({ type: z.literal('hello'), token: TokenSchema }).strict();

export const SubmitMessageSchema = z
  .object({
    type: z.literal('submit'),
    id: ClientIdSchema,
    /** The block it was written for (the host refuses it when that block is no longer current). */
    blockId: IdSchema,
    kind: z.enum(SUBMISSION_KINDS),
    text: OneLine(ROOM_TEXT_MAX),
  })
  .strict();

export const BallotMessageSchema = z
  .object({
    type: z.literal('ballot'),
    id: ClientIdSchema,
    roundId: IdSchema,
    dots: z.array(z.object({ candidateId: IdSchema, dots: z.number().int().min(0).max(100) }).strict()).max(500),
  })
  .strict();

/** Keeps a connection alive and asks for the current view again. */
export const PingMessageSchema = z.object({ type: z.literal('ping') }).strict();

/** Everything a joined device may send (socket frames after the hello; POST /api/send bodies). */
export const DeviceMessageSchema = z.discriminatedUnion('type', [SubmitMessageSchema, BallotMessageSchema, PingMessageSchema]);
