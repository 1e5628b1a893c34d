// What the server makes of a message from a device, before the host sees anything: the rate limit,
// JSON, the protocol's schema, and whether the device may act yet. Refusals are plain sentences
// (a zod issue's wording, never a stack trace); the device's connection stays open.
import type { ZodType } from 'zod';
import type { Device } from './devices.js';
import { DeviceMessageSchema, HelloMessageSchema, JoinRequestSchema } from './device-schemas.js';
import type { HelloMessage, Intention, JoinRequest } from './protocol.js';

export const MESSAGE_REFUSALS = {
  tooMany: 'Too many messages at once. Wait a moment, then send again.',
  notJson: 'The message could not be read.',
  waiting: 'Wait until the facilitator lets you in.',
  tooLarge: 'The message is too large.',
} as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** JSON text checked against a schema; the first problem in words when it does not fit. */
export function parseWith<T>(schema: ZodType<T>, text: string): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: MESSAGE_REFUSALS.notJson };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `The message was not understood (${where}${issue?.message ?? 'unknown shape'}).` };
}

export const parseJoinRequest = (text: string): Parsed<JoinRequest> => parseWith(JoinRequestSchema, text);
export const parseHello = (text: string): Parsed<HelloMessage> => parseWith(HelloMessageSchema, text);

export type DeviceMessageOutcome =
  | { kind: 'intention'; intention: Intention }
  | { kind: 'ping' }
  /** `status`: the HTTP status the polling fallback answers with (a socket gets an error frame). */
  | { kind: 'refused'; status: 400 | 403 | 429; message: string };

/** What to do with one message (a socket frame or a POST /api/send body) from a known device. */
export function readDeviceMessage(device: Device, text: string, now: number): DeviceMessageOutcome {
  // Counted before it is read: unreadable messages must not be free.
  if (!device.bucket.take(now)) return { kind: 'refused', status: 429, message: MESSAGE_REFUSALS.tooMany };
  const parsed = parseWith(DeviceMessageSchema, text);
  if (!parsed.ok) return { kind: 'refused', status: 400, message: parsed.message };
  const message = parsed.value;
  if (message.type === 'ping') return { kind: 'ping' };
  if (device.status !== 'admitted') return { kind: 'refused', status: 403, message: MESSAGE_REFUSALS.waiting };
  return { kind: 'intention', intention: message };
}
