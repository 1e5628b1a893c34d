import { describe, expect, it } from 'vitest';
import { ClientIdSchema } from '../../../electron/room/device-schemas';
import { newClientId } from '../../../renderer/src/participant/client-id';

describe('a client id', () => {
  it('is 16 random bytes as 22 base64url characters, which the protocol accepts', () => {
    const id = newClientId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ClientIdSchema.safeParse(id).success).toBe(true);
  });

  it('encodes the bytes it is given as base64url', () => {
    const bytes = [0xfb, 0xff, 0xbf, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const id = newClientId((b) => b.set(bytes));
    expect(id).toBe(Buffer.from(bytes).toString('base64url'));
    expect(id.startsWith('-_-_')).toBe(true);
  });

  it('differs each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClientId()));
    expect(ids.size).toBe(1000);
  });
});
