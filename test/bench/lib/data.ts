// Deterministic test data shared by the benchmarks.
import type { Program } from '../../../renderer/src/domain/program';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  type Layer,
  type UncertaintyItem,
} from '../../../renderer/src/domain/uncertainty/model';
import { defaultLayers } from '../../../renderer/src/domain/uncertainty/stack';
import { METRIC_LIBRARY } from '../../../renderer/src/domain/metrics/library';
import {
  type Metric,
  type MetricContract,
  type ProgramFunction,
  type Reading,
  type Signoff,
} from '../../../renderer/src/domain/metrics/model';
import { metricRows as appMetricRows, type MetricRow } from '../../../renderer/src/domain/metrics/rows';

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
      metricIds: [],
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

/** The three default functions (Engineering, Product, Leadership), all required, fixed ids. */
export function makeFunctions(programId = BENCH_PROGRAM_ID): ProgramFunction[] {
  return ['Engineering', 'Product', 'Leadership'].map((name, order) => ({
    id: `bench-fn-${order}`,
    programId,
    name,
    required: true,
    order,
  }));
}

const SEGMENTS = ['', 'EU', 'US', 'support bot', 'claims triage', 'pricing assistant', 'internal search', 'mobile'];
const OBJECTIONS = ['The window hides weekly dips.', 'Denominator should exclude test traffic.', 'Target is too ambitious for Q3.'];
const READING_NOTES = ['new prompt', 'index rebuilt', 'holiday week', 'model upgrade', 'vendor outage'];

/** A reading value rounded as people record it in that unit. */
function roundFor(unit: string, value: number): number {
  if (unit === 'ms' || unit === 'users') return Math.round(value);
  if (unit === 'USD') return Math.round(value * 10_000) / 10_000;
  return Math.round(value * 100) / 100;
}

/**
 * `count` metrics with `readingCount` weekly readings each (the last in the week of BENCH_NOW),
 * copied round-robin from METRIC_LIBRARY. Each drifts between its guardrail and its target with
 * noise; one in eight is pushed across its guardrail in its last two weeks, and with the drift
 * about one in six ends breached; others trend away from the target or towards the guardrail (at
 * risk). Owners, sign-offs (agree, object, pending) and versions vary; about one in ten has no
 * owner, one in twenty a custom category.
 */
export function makeMetrics(
  count: number,
  readingCount: number,
  functions: readonly ProgramFunction[] = makeFunctions(),
  seed = 5,
): Metric[] {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const fnByName = new Map(functions.map((f) => [f.name, f]));
  const firstWeek = BENCH_NOW - (readingCount - 1) * 7 * DAY_MS;
  const metrics: Metric[] = [];
  for (let i = 0; i < count; i++) {
    const template = METRIC_LIBRARY[i % METRIC_LIBRARY.length]!;
    const draft = structuredClone(template.draft);
    const segment = pick(SEGMENTS);
    const custom = random() < 0.05;
    const createdAt = firstWeek - DAY_MS - int(30) * DAY_MS + i * 1000;

    // Readings: from a level between guardrail and target, a drift and noise; some breach.
    const guard = draft.guardrail?.value ?? 0;
    const goal = draft.target.value ?? guard;
    const high = draft.direction === 'range' ? (draft.target.high ?? goal) : goal;
    const span = Math.abs(high - guard) || Math.abs(goal) || 1;
    const breach = random() < 0.12;
    let level = guard + (goal - guard) * (0.2 + random() * 1.0);
    const drift = ((random() - 0.5) * span) / readingCount;
    const readings: Reading[] = [];
    for (let w = 0; w < readingCount; w++) {
      level += drift;
      let value = level + (random() - 0.5) * span * 0.1;
      if (breach && w >= readingCount - 2) value = guard - (goal - guard) * (0.1 + random() * 0.3);
      if (draft.unit === '%') value = Math.min(100, Math.max(0, value));
      else value = Math.max(0, value);
      readings.push({
        id: `bench-reading-${i}-${w}`,
        date: utcDay(firstWeek + w * 7 * DAY_MS),
        value: roundFor(draft.unit, value),
        note: random() < 0.05 ? pick(READING_NOTES) : '',
      });
    }

    const version = 1 + (random() < 0.3 ? 1 + int(3) : 0);
    const signoffs: Signoff[] = [];
    for (const fn of functions) {
      const roll = random();
      if (roll < 0.25) continue; // pending
      const state = roll < 0.95 ? 'agree' : 'object';
      signoffs.push({
        functionId: fn.id,
        functionName: fn.name,
        state,
        reason: state === 'object' ? pick(OBJECTIONS) : '',
        by: pick(PEOPLE) || 'Priya',
        at: createdAt + int(60) * DAY_MS,
      });
    }
    const contract = (): MetricContract => ({
      formula: draft.formula,
      numerator: draft.numerator,
      denominator: draft.denominator,
      unit: draft.unit,
      direction: draft.direction,
      baseline: { ...draft.baseline },
      target: { ...draft.target },
      guardrail: draft.guardrail ? { ...draft.guardrail } : null,
      window: draft.window,
    });
    const versions = Array.from({ length: version - 1 }, (_, v) => ({
      ...contract(),
      window: v === 0 ? '7-day rolling' : draft.window,
      version: v + 1,
      signoffs: signoffs.map((s) => ({ ...s, state: 'agree' as const, reason: '' })),
      supersededAt: createdAt + (v + 1) * 14 * DAY_MS,
    }));

    metrics.push({
      ...draft,
      id: `bench-metric-${seed}-${i.toString().padStart(5, '0')}`,
      programId: functions[0]?.programId ?? BENCH_PROGRAM_ID,
      name: segment ? `${draft.name} — ${segment}` : draft.name,
      category: custom ? 'custom' : draft.category,
      customCategory: custom ? 'Compliance' : '',
      ownerFunctionId: random() < 0.1 ? '' : (fnByName.get(template.suggestedOwner)?.id ?? ''),
      ownerPerson: pick(PEOPLE),
      baseline: { value: readings[0]?.value ?? null, date: readings[0]?.date ?? '' },
      version,
      signoffs,
      versions,
      readings,
      createdAt,
      updatedAt: BENCH_NOW - int(14) * DAY_MS,
    });
  }
  return metrics;
}

/** What `MetricsState.rows` computes: the app's own metricRows, with no reading counted stale. */
export function metricRows(metrics: readonly Metric[], functions: readonly ProgramFunction[]): MetricRow[] {
  return appMetricRows(metrics, functions, 0, 0);
}
