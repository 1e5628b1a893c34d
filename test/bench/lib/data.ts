// Deterministic test data shared by the benchmarks.
import type { Program } from '../../../renderer/src/domain/program';

/** A fixed "now" so relative times ("3 days ago", dates) are the same on every run. */
export const BENCH_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const WORDS =
  'pricing support triage assistant model rollout pilot evaluation metric risk budget team customer ' +
  'forecast review drift latency accuracy fallback escalation policy vendor data privacy workshop';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` active programs, newest first (the order the home screen shows them). Update times
 * spread from minutes to months ago, so every form of relative time appears; most are dates.
 */
export function makePrograms(count: number, seed = 1): Program[] {
  const random = rng(seed);
  const words = WORDS.split(' ');
  const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  const programs: Program[] = [];
  let updatedAt = BENCH_NOW - 60_000;
  for (let i = 0; i < count; i++) {
    updatedAt -= Math.floor(random() * 6 * 3_600_000);
    const name = pick(2 + Math.floor(random() * 3));
    programs.push({
      id: `bench-${seed}-${i.toString().padStart(6, '0')}`,
      name: name.charAt(0).toUpperCase() + name.slice(1),
      description: random() < 0.15 ? '' : pick(8 + Math.floor(random() * 20)),
      createdAt: updatedAt - 86_400_000,
      updatedAt,
      archivedAt: null,
      deletedAt: null,
      staleAfterDays: 30,
    });
  }
  return programs;
}
