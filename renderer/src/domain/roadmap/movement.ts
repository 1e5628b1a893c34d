import { parseDay } from '../dates';
import { formatDay } from '../time';
import { plural } from '../words';
import { HORIZON_LABELS, type ConfidenceLevel, type Forecast, type ForecastConfidence, type Horizon, type RoadmapItem } from './model';

// How an item's forecast moved: how far its latest date slipped (or came in) and how its
// confidence changed since a given forecast, in numbers for the overview and in a sentence for
// the item ("slipped 3 weeks, confidence fell from high to medium since Oct 2").

const DAY_MS = 86_400_000;

/** A confidence on one 0-100 scale, to compare a level with a percentage. */
export function confidencePercent(confidence: ForecastConfidence): number {
  if (typeof confidence === 'number') return confidence;
  return ({ low: 25, medium: 50, high: 80 } satisfies Record<ConfidenceLevel, number>)[confidence];
}

export function confidenceWords(confidence: ForecastConfidence): string {
  return typeof confidence === 'number' ? `${confidence}%` : confidence;
}

/** Whether a confidence counts as low: the level, or under 40%. */
export function isLowConfidence(confidence: ForecastConfidence): boolean {
  return confidencePercent(confidence) < 40;
}

export interface Movement {
  /** The forecast compared against. */
  since: Forecast;
  /** Days the latest date moved later (negative: earlier); null when either forecast had no range. */
  slippedDays: number | null;
  confidenceFrom: ForecastConfidence;
  confidenceTo: ForecastConfidence;
  horizonFrom: Horizon;
  horizonTo: Horizon;
}

/**
 * The item's movement since its first forecast (or the first made at or after `from`); null
 * when it has never changed.
 */
export function forecastMovement(item: RoadmapItem, from?: number): Movement | null {
  const since = from === undefined ? item.history[0] : item.history.find((f) => f.at >= from);
  return since ? movementBetween(since, item) : null;
}

/** How a forecast moved from `since` to `now` (a later forecast, or the item as it is). */
export function movementBetween(since: Forecast, now: Pick<Forecast, 'horizon' | 'latest' | 'confidence'>): Movement {
  const before = parseDay(since.latest);
  const after = parseDay(now.latest);
  return {
    since,
    slippedDays: before === null || after === null ? null : Math.round((after - before) / DAY_MS),
    confidenceFrom: since.confidence,
    confidenceTo: now.confidence,
    horizonFrom: since.horizon,
    horizonTo: now.horizon,
  };
}

function span(days: number): string {
  const n = Math.abs(days);
  return n >= 14 && n % 7 === 0 ? plural(n / 7, 'week') : plural(n, 'day');
}

/** The movement in a sentence: "slipped 3 weeks, confidence fell from high to medium since Oct 2". */
export function describeMovement(movement: Movement): string {
  const parts = movementParts(movement);
  if (parts.length === 0) parts.push(movement.slippedDays === 0 ? 'kept its latest date and confidence' : 'forecast changed');
  return `${parts.join(', ')} since ${formatDay(movement.since.at)}`;
}

/** What moved, a phrase each: "moved from Now to Next", "slipped 3 weeks", "confidence fell from high to medium"; none when nothing did. */
export function movementParts(movement: Movement): string[] {
  const parts: string[] = [];
  const { slippedDays } = movement;
  if (movement.horizonFrom !== movement.horizonTo) parts.push(`moved from ${HORIZON_LABELS[movement.horizonFrom]} to ${HORIZON_LABELS[movement.horizonTo]}`);
  if (slippedDays !== null && slippedDays > 0) parts.push(`slipped ${span(slippedDays)}`);
  if (slippedDays !== null && slippedDays < 0) parts.push(`came in ${span(slippedDays)}`);
  const from = confidencePercent(movement.confidenceFrom);
  const to = confidencePercent(movement.confidenceTo);
  const words = `from ${confidenceWords(movement.confidenceFrom)} to ${confidenceWords(movement.confidenceTo)}`;
  if (to < from) parts.push(`confidence fell ${words}`);
  if (to > from) parts.push(`confidence rose ${words}`);
  return parts;
}

/** Forecasts replaced within this long were drafts of one estimate (a range set, then its confidence). */
export const SETTLE_MS = 60 * 60 * 1000;

/**
 * The movement worth showing on an item: since its first settled forecast with a range (giving
 * an item its first range is planning, not a slip; a forecast replaced within an hour was a draft
 * of the next one); for an item never dated, since its first settled forecast.
 */
export function itemMovement(item: RoadmapItem): Movement | null {
  const replacedAt = (i: number) => item.history[i + 1]?.at ?? item.forecastAt;
  const settled = item.history.filter((f, i) => replacedAt(i) - f.at >= SETTLE_MS);
  const baseline = settled.find((f) => f.earliest !== '') ?? (item.earliest === '' ? settled[0] : undefined);
  return baseline ? forecastMovement(item, baseline.at) : null;
}

/** Whether the forecast moved at all: its horizon, its latest date or its confidence changed. */
export function hasMoved(movement: Movement): boolean {
  return (
    movement.horizonFrom !== movement.horizonTo ||
    (movement.slippedDays !== null && movement.slippedDays !== 0) ||
    confidencePercent(movement.confidenceFrom) !== confidencePercent(movement.confidenceTo)
  );
}

/** Whether the movement is a setback (its latest date later, or its confidence lower), to be told apart from good news. */
export function isSetback(movement: Movement): boolean {
  return (movement.slippedDays ?? 0) > 0 || confidencePercent(movement.confidenceTo) < confidencePercent(movement.confidenceFrom);
}

/** The item's earlier ranges worth drawing as ghosts: each one once, and not the range it has now. */
export function earlierRanges(item: Pick<RoadmapItem, 'history' | 'earliest' | 'latest'>): Forecast[] {
  const seen = new Set([`${item.earliest}|${item.latest}`]);
  return item.history.filter((f) => {
    const key = `${f.earliest}|${f.latest}`;
    if (f.earliest === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
