import type { SubmissionKind } from '../../../electron/room/protocol';

// The few values of the room's protocol (electron/room/protocol.ts) that the participant page
// needs at run time, copied: importing them would bring zod into the page, which must stay tiny.
// test/unit/participant/room-constants.test.ts checks that each copy equals the protocol's.

export const ROOM_PATHS = {
  join: '/api/join',
  socket: '/api/socket',
  send: '/api/send',
  poll: '/api/poll',
} as const;

export const ROOM_TOKEN_HEADER = 'x-keel-device';
export const ROOM_TEXT_MAX = 1000;
export const ROOM_NAME_MAX = 80;
export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
  uncertainty: 'Uncertainty',
  idea: 'Idea',
  concern: 'Concern',
  parking: 'Parking-lot topic',
};
