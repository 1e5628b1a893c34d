// The room server's first checks on every request, and its secrets. A page on another site could
// make a participant's browser (or the facilitator's own) send requests to the room's address;
// DNS rebinding could even make them look same-origin. So the Host header must name the room's
// address and port exactly, and an Origin, when the browser sends one, must be the room's own.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './protocol.js';

export interface Refusal {
  status: number;
  /** A plain sentence, sent as the body (never a stack trace). */
  message: string;
}

export interface RequestHeaders {
  host: string | undefined;
  origin: string | undefined;
}

/** The room's own origin, as a browser writes it in an Origin header. */
export function roomOrigin(address: string, port: number): string {
  return `http://${address}:${port}`;
}

/**
 * Whether a request may be read at all. WebSocket upgrades must carry an Origin (every browser
 * sends one, and a socket is never protected by the same-origin policy); plain requests may omit it
 * (a typed address, a same-origin GET).
 */
export function checkRequest(headers: RequestHeaders, address: string, port: number, upgrade: boolean): Refusal | null {
  if (headers.host !== `${address}:${port}`) {
    return { status: 421, message: `This server answers only at ${address}:${port}.` };
  }
  if (headers.origin === undefined) {
    return upgrade ? { status: 403, message: 'A connection must come from the room page.' } : null;
  }
  if (headers.origin !== roomOrigin(address, port)) {
    return { status: 403, message: 'Requests from other sites are refused.' };
  }
  return null;
}

/** A device's token or the room's join token: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The short code typed on the join page: crypto-random, unbiased (randomInt), no look-alike characters. */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed as the code, as the server compares it: spaces and dashes dropped, upper case. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Whether two secrets are equal, in time that does not depend on where they differ. Different
 * lengths are unequal at once: the length of a token is public (the protocol fixes it).
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
