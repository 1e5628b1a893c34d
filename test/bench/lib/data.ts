// Deterministic test data shared by the benchmarks.
import type { Program } from '../../../renderer/src/domain/program';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  type Layer,
  type UncertaintyItem,
} from '../../../renderer/src/domain/uncertainty/model';
import { defaultLayers } from '../../../renderer/src/domain/uncertainty/stack';

/** A fixed "now" so relative times ("3 days ago", dates) are the same on every run. */
export const BENCH_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const WORDS =
  'pricing support triage assistant model rollout pilot evaluation metric risk budget team customer ' +
  'forecast review drift latency accuracy fallback escalation policy vendor data privacy workshop';

/** A small seeded generator (LCG): the same sequence for the same seed, on every machine. */
export function rng(seed: number): () => number {
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

export const BENCH_PROGRAM_ID = 'bench-program';

/** The default seven-layer stack with fixed ids (`bench-layer-0` to `bench-layer-6`). */
export function makeLayers(programId = BENCH_PROGRAM_ID): Layer[] {
  let n = 0;
  return defaultLayers(programId, () => `bench-layer-${n++}`);
}

const PEOPLE = ['Priya', 'Tom', 'Amara', 'Lena', 'Kenji', 'Sofia', 'Omar', ''];
const FUNCTIONS = ['Product', 'Data', 'Engineering', 'Legal', 'Operations', ''];
const TAGS = ['pilot', 'q3', 'vendor', 'gdpr', 'latency', 'cost', 'ux', 'eval'];
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a UTC time. */
function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * `count` uncertainty items spread over `layers`, all four kinds and the 1..5 range at one
 * decimal. A fifth sit on whole-number spots (as workshops tend to place them), so there are
 * large clusters there; with 5,000 items the one-decimal grid (41 x 41 spots) has many small
 * collisions too. Texts, owners, tags, statuses, review dates and history are varied enough for
 * the filters to have something to match.
 */
export function makeUncertaintyItems(count: number, layers: readonly Layer[], seed = 3): UncertaintyItem[] {
  const random = rng(seed);
  const words = WORDS.split(' ');
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const text = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const score = () => (random() < 0.2 ? 1 + int(5) : Math.round((1 + random() * 4) * 10) / 10);
  const items: UncertaintyItem[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = BENCH_NOW - int(120) * DAY_MS - int(DAY_MS);
    const impact = score();
    const uncertainty = score();
    const status = random() < 0.6 ? 'open' : pick(ITEM_STATUSES);
    const history = Array.from({ length: 1 + int(3) }, (_, h) => ({
      at: createdAt + h * DAY_MS,
      impact: h === 0 ? Math.max(1, impact - 0.5) : impact,
      uncertainty: h === 0 ? Math.min(5, uncertainty + 0.5) : uncertainty,
      status,
    }));
    const title = text(3 + int(5));
    items.push({
      id: `bench-item-${seed}-${i.toString().padStart(6, '0')}`,
      programId: layers[0]?.programId ?? BENCH_PROGRAM_ID,
      layerId: pick(layers).id,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      description: random() < 0.3 ? '' : text(6 + int(25)),
      kind: pick(ITEM_KINDS),
      impact,
      uncertainty,
      ownerPerson: pick(PEOPLE),
      ownerFunction: pick(FUNCTIONS),
      status,
      nextStep: random() < 0.5 ? '' : text(4 + int(8)),
      reviewDate: random() < 0.5 ? '' : utcDay(BENCH_NOW + (int(90) - 45) * DAY_MS),
      tags: Array.from(new Set(Array.from({ length: int(4) }, () => pick(TAGS)))),
      evidence:
        random() < 0.2
          ? [{ id: `bench-ev-${i}`, date: utcDay(createdAt + DAY_MS), learned: text(8), source: 'workshop', effect: 'uncertainty 4 -> 3' }]
          : [],
      history,
      createdAt,
      updatedAt: history[history.length - 1]!.at,
    });
  }
  return items;
}
