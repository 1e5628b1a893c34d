import { describeGuardrail, describeTarget, formatValue, rangeEnds, type Metric, type Reading } from './model';
import { plural } from '../words';
import { parseDay } from '../dates';
import { breaches } from './guardrail';

export { breaches };

// A metric's computed status from its readings, guardrail and target.

export const METRIC_STATUSES = ['breached', 'at-risk', 'on-track', 'no-data'] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];

export const STATUS_LABELS: Record<MetricStatus, string> = {
  breached: 'Guardrail breached',
  'at-risk': 'At risk',
  'on-track': 'On track',
  'no-data': 'No data',
};

export interface StatusResult {
  status: MetricStatus;
  /** One plain sentence saying why. */
  reason: string;
  latest: Reading | undefined;
  /** Change per day over the recent readings, or null when there is no trend yet. */
  trendPerDay: number | null;
}

/**
 * The trend is read from this many most recent readings: few enough that a recovery after a
 * dip counts as a recovery, enough that one reading alone is not a trend.
 */
export const TREND_READINGS = 3;
/** The trend is projected at least this far ahead. */
const MIN_HORIZON_DAYS = 7;
/** A projected change smaller than this share of the values' size is treated as flat (noise). */
const FLAT_SHARE = 0.001;
const DAY_MS = 86_400_000;

export type StatusInput = Pick<Metric, 'readings' | 'guardrail' | 'target' | 'direction' | 'unit'>;

/** Whole days from a YYYY-MM-DD date to a moment, counted in UTC days (0 on the same day, and for a date that is not a day). */
export function daysSince(date: string, now: number): number {
  const day = dayNumber(date);
  return day === null ? 0 : Math.max(0, Math.floor(now / DAY_MS - day));
}

/** A metric whose latest reading is older than the program's staleness rule (0 turns it off). */
export function isReadingStale(latest: Reading | undefined, now: number, staleAfterDays: number): boolean {
  return latest !== undefined && staleAfterDays > 0 && daysSince(latest.date, now) > staleAfterDays;
}

/** Days since 1970 of a stored day, by the one date rule (domain/dates.ts); null when it is not a real day. */
function dayNumber(date: string): number | null {
  const time = parseDay(date);
  return time === null ? null : time / DAY_MS;
}

interface Trend {
  perDay: number;
  /** How far ahead the trend is projected, in days: as long as the span it was measured over. */
  horizonDays: number;
}

/**
 * Least-squares slope of the most recent readings dated on real days; null with fewer than two
 * distinct days, or when the values are too far apart for the slope to be a number.
 */
export function recentTrend(readings: readonly Reading[]): Trend | null {
  const dated = readings.flatMap((r) => {
    const day = dayNumber(r.date);
    return day === null ? [] : [{ x: day, value: r.value }];
  });
  const recent = dated.slice(-TREND_READINGS);
  if (recent.length < 2) return null;
  const xs = recent.map((r) => r.x);
  const n = recent.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = recent.reduce((a, r) => a + r.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - meanX) ** 2;
    sxy += (xs[i]! - meanX) * (recent[i]!.value - meanY);
  }
  if (sxx === 0) return null;
  const span = xs[n - 1]! - xs[0]!;
  const perDay = sxy / sxx;
  if (!Number.isFinite(perDay)) return null;
  const horizonDays = Math.max(span, MIN_HORIZON_DAYS);
  const size = Math.max(...recent.map((r) => Math.abs(r.value)));
  if (Math.abs(perDay * horizonDays) <= FLAT_SHARE * size) return { perDay: 0, horizonDays };
  return { perDay, horizonDays };
}

function perWeek(perDay: number, unit: string): string {
  return `${perDay > 0 ? 'rising' : 'falling'} by ${formatValue(Math.abs(perDay * 7), unit)} a week`;
}

/** Where the target stands relative to a value: below it, above it, or meeting it. */
function targetGap(input: StatusInput, value: number): 'below' | 'above' | 'met' | 'none' {
  const { target, direction } = input;
  if (target.value === null) return 'none';
  if (direction === 'higher') return value >= target.value ? 'met' : 'below';
  if (direction === 'lower') return value <= target.value ? 'met' : 'above';
  if (target.high === null) return 'none';
  const [low, high] = rangeEnds(target.value, target.high);
  if (value < low) return 'below';
  if (value > high) return 'above';
  return 'met';
}

/**
 * Status from the latest reading and the recent trend:
 * - breached: the latest reading crosses the guardrail;
 * - at risk: continuing the recent trend for as long again would cross the guardrail, or the
 *   trend moves away from a target not yet met (or out of a target range);
 * - on track: otherwise; no data: no readings.
 * Readings are stored in date order.
 */
export function metricStatus(input: StatusInput): StatusResult {
  const { readings, guardrail, unit } = input;
  const latest = readings[readings.length - 1];
  if (!latest) return { status: 'no-data', reason: 'No readings yet.', latest, trendPerDay: null };

  if (breaches(latest.value, guardrail)) {
    return {
      status: 'breached',
      reason: `The latest reading, ${formatValue(latest.value, unit)} on ${latest.date}, breaks the guardrail (${describeGuardrail(guardrail, unit).toLowerCase()}).`,
      latest,
      trendPerDay: recentTrend(readings)?.perDay ?? null,
    };
  }

  const trend = recentTrend(readings);
  const result = (status: MetricStatus, reason: string): StatusResult => ({ status, reason, latest, trendPerDay: trend?.perDay ?? null });

  if (trend && trend.perDay !== 0) {
    const projected = latest.value + trend.perDay * trend.horizonDays;
    if (guardrail && breaches(projected, guardrail)) {
      const days = Math.max(1, Math.ceil(Math.abs((guardrail.value - latest.value) / trend.perDay)));
      return result(
        'at-risk',
        `Heading for the guardrail: ${perWeek(trend.perDay, unit)}, it would cross ${formatValue(guardrail.value, unit)} about ${plural(days, 'day')} after the last reading (${latest.date}).`,
      );
    }
    const gap = targetGap(input, latest.value);
    const awayFromTarget = (gap === 'below' && trend.perDay < 0) || (gap === 'above' && trend.perDay > 0);
    if (awayFromTarget) {
      return result('at-risk', `Moving away from the target (${describeTarget(input)}): ${perWeek(trend.perDay, unit)}.`);
    }
    if (gap === 'met' && input.direction === 'range' && targetGap(input, projected) !== 'met') {
      return result('at-risk', `Heading out of the target range (${describeTarget(input)}): ${perWeek(trend.perDay, unit)}.`);
    }
  }

  const gap = targetGap(input, latest.value);
  if (gap === 'met') return result('on-track', `Meets the target (${describeTarget(input)}).`);
  if (gap === 'none') return result('on-track', guardrail ? 'Within the guardrail; no target set.' : 'No target or guardrail set.');
  const direction = trend && trend.perDay !== 0 ? 'moving towards it' : trend ? 'holding steady' : 'no trend yet';
  return result('on-track', `Not at the target yet (${describeTarget(input)}), ${direction}.`);
}
