// How long to wait before trying to reconnect: 0.5 s, doubling to 10 s, with jitter so that
// thirty phones that lost the Wi-Fi together do not all come back in the same instant.

export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 10_000;

/** The wait before attempt `failures` (0 after the first failure); `random` in [0, 1). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures));
  // Between 75 % and 100 % of the base: never longer than the cap, never at once.
  return Math.round(base * (0.75 + 0.25 * random()));
}
