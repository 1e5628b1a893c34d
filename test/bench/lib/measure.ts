// Timing helpers for page benchmarks. Figures are only ever compared as ratios to a baseline
// measured in the same page, never against absolute times.
import type { BenchResult } from './types';

/** One timed run: does its own setup, returns the milliseconds of the part being measured. */
export type TimedRun = (rep: number) => Promise<number>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects garbage when Chromium was started with --js-flags=--expose-gc, then yields a frame. */
export async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/**
 * Runs the subject and the baseline alternately (ABBA order, so slow drift hits both alike):
 * `warmup` untimed pairs, then `reps` timed pairs. Reports the median of each.
 */
export async function compare(
  subject: TimedRun,
  baseline: TimedRun,
  { warmup = 2, reps = 7 }: { warmup?: number; reps?: number } = {},
): Promise<BenchResult> {
  const samples = { value: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < warmup + reps; i++) {
    const order: ['value' | 'baseline', TimedRun][] =
      i % 2 === 0
        ? [['value', subject], ['baseline', baseline]]
        : [['baseline', baseline], ['value', subject]];
    for (const [key, run] of order) {
      await settle();
      const ms = await run(i);
      if (i >= warmup) samples[key].push(ms);
    }
  }
  return { value: median(samples.value), baseline: median(samples.baseline), samples };
}

/** The `p`-th percentile (0..100) by nearest rank: p95 of 60 samples is the 57th smallest. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Resolves inside the next animation frame callback, where the browser handles pointer moves. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * For figures held against a fixed budget rather than a measured baseline: `warmup` untimed
 * runs, then `reps` timed ones (each after `settle()`). Returns every timed result.
 */
export async function repeat<T>(run: (rep: number) => Promise<T>, { warmup = 2, reps = 7 }: { warmup?: number; reps?: number } = {}): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < warmup + reps; i++) {
    await settle();
    const result = await run(i);
    if (i >= warmup) results.push(result);
  }
  return results;
}
