import { describe, expect, it } from 'vitest';
import { FailureWindow, TokenBucket } from '../../../../electron/room/rate-limit.js';
import { ROOM_RATE_BURST, ROOM_RATE_PER_SECOND } from '../../../../electron/room/protocol.js';

describe('TokenBucket', () => {
  it('allows the burst at once, then refuses until it refills', () => {
    const bucket = new TokenBucket(ROOM_RATE_BURST, ROOM_RATE_PER_SECOND, 0);
    for (let i = 0; i < ROOM_RATE_BURST; i++) expect(bucket.take(0)).toBe(true);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(1000 / ROOM_RATE_PER_SECOND - 1)).toBe(false);
    expect(bucket.take(1000 / ROOM_RATE_PER_SECOND)).toBe(true);
    expect(bucket.take(1000 / ROOM_RATE_PER_SECOND)).toBe(false);
  });

  it('refills at the rate but never above the burst', () => {
    const bucket = new TokenBucket(20, 5, 0);
    for (let i = 0; i < 20; i++) bucket.take(0);
    // One second later: five more.
    let taken = 0;
    while (bucket.take(1000)) taken++;
    expect(taken).toBe(5);
    // An hour idle: only the burst.
    taken = 0;
    while (bucket.take(3_601_000)) taken++;
    expect(taken).toBe(20);
  });

  it('a refused message costs nothing, and a clock going back adds nothing', () => {
    const bucket = new TokenBucket(1, 1, 10_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(10_500)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
  });
});

describe('FailureWindow', () => {
  it('refuses a key after the limit within the window, per key, until failures age out', () => {
    const window = new FailureWindow(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(window.allows('10.0.0.5', i * 1000)).toBe(true);
      window.fail('10.0.0.5', i * 1000);
    }
    expect(window.allows('10.0.0.5', 3000)).toBe(false);
    expect(window.allows('10.0.0.6', 3000)).toBe(true);
    expect(window.allows('10.0.0.5', 59_999)).toBe(false);
    expect(window.allows('10.0.0.5', 60_000)).toBe(true);
  });
});
