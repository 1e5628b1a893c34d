import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../../renderer/src/participant/backoff';
import { SeqFilter } from '../../../renderer/src/participant/seq';

describe('the reconnect backoff', () => {
  it('starts at half a second and doubles to ten seconds', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, top))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('jitters down by up to a quarter, never above the cap', () => {
    expect(backoffDelay(0, () => 0)).toBe(375);
    expect(backoffDelay(10, () => 0)).toBe(7500);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(i % 8);
      expect(d).toBeGreaterThanOrEqual(375);
      expect(d).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    }
  });
});

describe('messages already seen', () => {
  it('are passed on once, whatever order they come in', () => {
    const seq = new SeqFilter();
    expect([1, 2, 2, 4, 3, 1, 4, 5].map((n) => seq.accept(n))).toEqual([true, true, false, true, true, false, false, true]);
    expect(seq.highest).toBe(5);
  });

  it('stay known for the last few hundred, and older ones are refused', () => {
    const seq = new SeqFilter();
    for (let n = 1; n <= 1000; n++) seq.accept(n);
    expect(seq.accept(1000)).toBe(false);
    expect(seq.accept(3)).toBe(false);
    expect(seq.accept(1001)).toBe(true);
    expect(seq.highest).toBe(1001);
  });
});
