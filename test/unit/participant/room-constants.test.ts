import { describe, expect, it } from 'vitest';
import * as protocol from '../../../electron/room/protocol';
import * as copies from '../../../renderer/src/participant/room-constants';

// The participant page copies a few protocol values (importing them would bring zod into it).
describe('the participant page’s copies of the protocol’s values', () => {
  it('are the protocol’s own', () => {
    for (const key of ['join', 'socket', 'send', 'poll'] as const) expect(copies.ROOM_PATHS[key]).toBe(protocol.ROOM_PATHS[key]);
    expect(copies.ROOM_TOKEN_HEADER).toBe(protocol.ROOM_TOKEN_HEADER);
    expect(copies.ROOM_TEXT_MAX).toBe(protocol.ROOM_TEXT_MAX);
    expect(copies.ROOM_NAME_MAX).toBe(protocol.ROOM_NAME_MAX);
    expect(copies.ROOM_CODE_LENGTH).toBe(protocol.ROOM_CODE_LENGTH);
    expect(copies.ROOM_CODE_ALPHABET).toBe(protocol.ROOM_CODE_ALPHABET);
    expect(copies.SUBMISSION_KIND_LABELS).toEqual(protocol.SUBMISSION_KIND_LABELS);
  });
});
