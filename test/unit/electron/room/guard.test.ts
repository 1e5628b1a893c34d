import { describe, expect, it } from 'vitest';
import { checkRequest, newRoomCode, newSecret, normalizeCode, roomOrigin, secretsEqual } from '../../../../electron/room/guard.js';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../../../electron/room/protocol.js';

const at = (host: string | undefined, origin?: string, upgrade = false) => checkRequest({ host, origin }, '192.168.1.20', 51234, upgrade);

describe('checkRequest', () => {
  it('lets through the exact Host, with or without the room origin', () => {
    expect(at('192.168.1.20:51234')).toBeNull();
    expect(at('192.168.1.20:51234', 'http://192.168.1.20:51234')).toBeNull();
    expect(at('192.168.1.20:51234', 'http://192.168.1.20:51234', true)).toBeNull();
  });

  it.each([undefined, '', 'evil.example:51234', 'evil.example', '192.168.1.20', '192.168.1.20:51235', 'localhost:51234', '192.168.1.20:51234.evil.example', ' 192.168.1.20:51234'])(
    'refuses Host %j with 421 (DNS rebinding)',
    (host) => {
      const refusal = at(host);
      expect(refusal?.status).toBe(421);
      expect(refusal?.message).toContain('192.168.1.20:51234');
    },
  );

  it.each(['http://evil.example', 'https://192.168.1.20:51234', 'http://192.168.1.20:51235', 'http://192.168.1.20', 'null', 'http://192.168.1.20:51234/'])(
    'refuses Origin %j with 403',
    (origin) => {
      expect(at('192.168.1.20:51234', origin)?.status).toBe(403);
      expect(at('192.168.1.20:51234', origin, true)?.status).toBe(403);
    },
  );

  it('requires an Origin on a WebSocket upgrade', () => {
    expect(at('192.168.1.20:51234', undefined, true)?.status).toBe(403);
  });

  it('checks Host before Origin', () => {
    expect(at('evil.example', 'http://evil.example')?.status).toBe(421);
  });

  it('writes the origin as a browser does', () => {
    expect(roomOrigin('10.0.0.2', 8080)).toBe('http://10.0.0.2:8080');
  });
});

describe('secrets', () => {
  it('makes 32-byte base64url tokens that the protocol accepts, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, newSecret));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('makes room codes from the alphabet only, of the fixed length, spread over it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newRoomCode();
      expect(code).toHaveLength(ROOM_CODE_LENGTH);
      for (const c of code) {
        expect(ROOM_CODE_ALPHABET).toContain(c);
        seen.add(c);
      }
    }
    expect(seen.size).toBe(ROOM_CODE_ALPHABET.length);
  });

  it('reads a typed code without spaces, dashes or case', () => {
    expect(normalizeCode(' abc-d 2f ')).toBe('ABCD2F');
  });

  it('compares secrets exactly, whatever their lengths', () => {
    const token = newSecret();
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(secretsEqual(token, token.slice(1))).toBe(false);
    expect(secretsEqual('', token)).toBe(false);
    expect(secretsEqual('é', 'e')).toBe(false);
  });
});
