// The time views measure against ("3 minutes ago", stale after 30 days). It ticks while the
// component or state that made it lives, so relative times and staleness stay current in a
// window left open all day without re-rendering anything else.

export class Clock {
  now = $state(Date.now());

  /** Create during component initialisation (or in an effect root): it stops with its owner. */
  constructor(everyMs = 60_000) {
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), everyMs);
      return () => clearInterval(timer);
    });
  }
}
