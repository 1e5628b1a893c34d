// Rate limits, over a clock given by the caller (so tests move time by hand). A token bucket per
// device bounds what one phone can make the host do; a window of failed joins per remote address
// stops anyone from guessing the six-character room code.

/** A bucket of `burst` tokens, refilled at `perSecond`; each message takes one. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes a token if there is one; false: over the limit (nothing taken). */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** At most `limit` failures per key in any `windowMs`; a key over it is refused until its oldest failure ages out. */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Whether the key may try now. */
  allows(key: string, now: number): boolean {
    return this.recent(key, now).length < this.limit;
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }
}

/** Failed joins (a wrong code or join token) one address may make in a minute. */
export const JOIN_FAILURES_PER_MINUTE = 10;
