// Geometry of a metric's chart: domains, scales, ticks, bands, labels and the spoken summary.
// Pure: no DOM, no Svelte. MetricChart.svelte only renders what this returns.

// Times map to x with a linear scale over their UTC milliseconds and d3-time's ticks: a time scale
// would pull d3's time formats into the chunk every chart shares (labels are formatDay's anyway).
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { utcTicks } from 'd3-time';
import { line, symbol, symbolDiamond } from 'd3-shape';
import { parseDay } from '../domain/dates';
import { formatValue, OP_SYMBOLS, type Guardrail, type Metric, type Reading } from '../domain/metrics/model';
import { breaches } from '../domain/metrics/status';
import { formatDay } from '../domain/time';
import type { ImageLegendRow } from './frame';
import { CHAR_PX, textWidth } from './text';
import { plural } from '../domain/words';

export type ChartMetric = Pick<Metric, 'name' | 'unit' | 'direction' | 'baseline' | 'target' | 'guardrail' | 'readings'>;

export const DEFAULT_CHART_HEIGHT = 240;

const DAY_MS = 86_400_000;
/** A single date is shown with this many days either side, so its dot is not on the edge. */
export const SINGLE_DATE_PAD_DAYS = 3;
/** Share of the value span added above and below, so marks never sit on the frame. */
export const Y_PAD = 0.08;
/** Pixels kept free inside the plot at both ends of the time axis, for the first and last dot. */
const X_INSET = 10;
/** Vertical room one reference label needs. */
const LABEL_GAP = 13;
/** Distance of a reference label from the plot's side. */
const LABEL_INSET = 6;
/** Units longer than this go in an axis title instead of on every tick. */
const UNIT_IN_TICKS_MAX = 4;

/** The readings that can be drawn (a real date and a finite value), in date order. */
export function drawableReadings(readings: readonly Reading[]): (Reading & { time: number })[] {
  const out: (Reading & { time: number })[] = [];
  for (const r of readings) {
    const time = parseDay(r.date);
    if (time !== null && Number.isFinite(r.value)) out.push({ ...r, time });
  }
  // Stored in date order already; sorting again keeps the line from zig-zagging if not.
  return out.sort((a, b) => a.time - b.time);
}

/** The target as drawn: a range metric with both ends is a band, anything else with a value a line. */
export function targetShape(metric: Pick<ChartMetric, 'direction' | 'target'>): { low: number; high: number } | { value: number } | null {
  const { value, high } = metric.target;
  if (metric.direction === 'range' && value !== null && high !== null) {
    return { low: Math.min(value, high), high: Math.max(value, high) };
  }
  if (value !== null) return { value };
  if (metric.direction === 'range' && high !== null) return { value: high };
  return null;
}

/** Time domain in UTC ms: readings, the baseline date and the target's date; null when there are none. */
export function xDomain(metric: Pick<ChartMetric, 'readings' | 'baseline' | 'target'>): [number, number] | null {
  const times = drawableReadings(metric.readings).map((r) => r.time);
  for (const text of [metric.baseline.date, metric.target.by]) {
    const time = parseDay(text);
    if (time !== null) times.push(time);
  }
  if (!times.length) return null;
  const min = Math.min(...times);
  const max = Math.max(...times);
  if (min === max) return [min - SINGLE_DATE_PAD_DAYS * DAY_MS, max + SINGLE_DATE_PAD_DAYS * DAY_MS];
  return [min, max];
}

/**
 * Value domain before `.nice()`: readings, baseline, target (both ends of a range) and guardrail,
 * padded by 8% of the span. Values that are all ≥ 0 are not padded below zero, so counts and
 * percentages do not get a negative axis.
 */
export function yDomain(metric: Pick<ChartMetric, 'readings' | 'baseline' | 'target' | 'guardrail' | 'direction'>): [number, number] {
  const values = drawableReadings(metric.readings).map((r) => r.value);
  if (metric.baseline.value !== null) values.push(metric.baseline.value);
  const target = targetShape(metric);
  if (target && 'value' in target) values.push(target.value);
  if (target && 'low' in target) values.push(target.low, target.high);
  if (metric.guardrail) values.push(metric.guardrail.value);
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return [0, 1];
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    // One value: give it room either side, proportional to its size.
    const half = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= half;
    max += half;
  }
  const pad = (max - min) * Y_PAD;
  const low = min >= 0 ? Math.max(0, min - pad) : min - pad;
  return [low, max + pad];
}

export interface Band {
  y: number;
  height: number;
}

export interface GuardrailBand extends Band {
  /** Which side of the guardrail's line is shaded: the side where readings breach it. */
  side: 'below' | 'above';
  /** The guardrail value's line. */
  lineY: number;
}

/**
 * The guardrail's breached side as a rectangle in plot pixels: for ≥ and > everything below the
 * value, for ≤ and < everything above it.
 */
export function guardrailBand(guardrail: Guardrail, y: (value: number) => number, innerHeight: number): GuardrailBand {
  const at = Math.min(innerHeight, Math.max(0, y(guardrail.value)));
  return guardrail.op === 'gte' || guardrail.op === 'gt'
    ? { y: at, height: innerHeight - at, side: 'below', lineY: at }
    : { y: 0, height: at, side: 'above', lineY: at };
}

export interface RefLabel {
  key: 'guardrail' | 'target' | 'baseline';
  text: string;
  /** Text baseline, in plot pixels. */
  y: number;
}

export interface PlacedLabel extends RefLabel {
  x: number;
  anchor: 'start' | 'end';
}

/**
 * Puts each label at the right end of its line, or at the left end when the readings run
 * through the right end's spot and not the left's, so the data does not hide the label.
 */
export function placeLabels(labels: readonly RefLabel[], points: readonly { x: number; y: number }[], innerWidth: number): PlacedLabel[] {
  const hits = (label: RefLabel, side: 'start' | 'end') => {
    const w = textWidth(label.text);
    const x0 = side === 'end' ? innerWidth - LABEL_INSET - w : LABEL_INSET;
    const box = { x0: x0 - 4, x1: x0 + w + 4, y0: label.y - 12, y1: label.y + 4 };
    const inside = (x: number, y: number) => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
    // The line between readings counts too: sampled every few pixels, which is plenty for a box this size.
    for (let i = 0; i < points.length; i++) {
      const a = points[i]!;
      if (inside(a.x, a.y)) return true;
      const b = points[i + 1];
      if (!b) continue;
      const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3);
      for (let k = 1; k < steps; k++) if (inside(a.x + ((b.x - a.x) * k) / steps, a.y + ((b.y - a.y) * k) / steps)) return true;
    }
    return false;
  };
  return labels.map((label) => {
    const anchor = hits(label, 'end') && !hits(label, 'start') ? 'start' : 'end';
    return { ...label, anchor, x: anchor === 'end' ? innerWidth - LABEL_INSET : LABEL_INSET };
  });
}

/**
 * Moves labels apart vertically so none overlaps another, keeping them inside the plot.
 * Labels are placed near their lines first; this only nudges them when lines are close.
 */
export function spreadLabels(labels: readonly RefLabel[], innerHeight: number, gap = LABEL_GAP): RefLabel[] {
  const out = [...labels].sort((a, b) => a.y - b.y).map((l) => ({ ...l }));
  const top = gap - 2;
  const bottom = innerHeight - 3;
  for (let i = 0; i < out.length; i++) {
    const min = i === 0 ? top : out[i - 1]!.y + gap;
    out[i]!.y = Math.max(out[i]!.y, min);
  }
  for (let i = out.length - 1; i >= 0; i--) {
    const max = i === out.length - 1 ? bottom : out[i + 1]!.y - gap;
    out[i]!.y = Math.min(out[i]!.y, max);
  }
  // Only when there are more labels than the plot has room for does this push one off the top.
  for (const l of out) l.y = Math.max(l.y, Math.min(top, bottom));
  return out;
}

/** The text a screen reader hears for the whole chart. */
export function chartSummary(metric: ChartMetric): string {
  const name = metric.name.trim() || 'Metric';
  const { unit } = metric;
  const readings = drawableReadings(metric.readings);
  const parts: string[] = [];
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (!first || !last) parts.push(`${name}: no readings yet.`);
  else if (readings.length === 1) parts.push(`${name}: 1 reading on ${formatDay(first.time, true)}, ${formatValue(first.value, unit)}.`);
  else {
    parts.push(
      `${name}: ${readings.length} readings from ${formatDay(first.time, true)} to ${formatDay(last.time, true)}, latest ${formatValue(last.value, unit)}.`,
    );
  }

  const target = targetShape(metric);
  const by = parseDay(metric.target.by);
  const byText = by === null ? '' : ` by ${formatDay(by, true)}`;
  if (target && 'low' in target) parts.push(`Target range ${formatValue(target.low)} to ${formatValue(target.high, unit)}${byText}.`);
  else if (target) {
    const op = metric.direction === 'higher' ? '≥ ' : metric.direction === 'lower' ? '≤ ' : '';
    parts.push(`Target ${op}${formatValue(target.value, unit)}${byText}.`);
  }

  if (metric.guardrail) {
    parts.push(`Guardrail ${OP_SYMBOLS[metric.guardrail.op]} ${formatValue(metric.guardrail.value, unit)}.`);
    const breaching = readings.filter((r) => breaches(r.value, metric.guardrail)).length;
    if (breaching) parts.push(`${plural(breaching, 'reading breaches', 'readings breach')} it.`);
  }

  if (metric.baseline.value !== null) {
    const at = parseDay(metric.baseline.date);
    parts.push(`Baseline ${formatValue(metric.baseline.value, unit)}${at === null ? '' : ` on ${formatDay(at, true)}`}.`);
  }
  return parts.join(' ');
}

export interface ChartPoint {
  id: string;
  x: number;
  y: number;
  breached: boolean;
  /** Tooltip: date, value and note. */
  title: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  innerWidth: number;
  innerHeight: number;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** False when there is no date at all: the time axis then has no ticks. */
  hasDates: boolean;
  xTicks: { key: number; x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  yTicks: { value: number; y: number; label: string }[];
  /** The unit as an axis title, when it is too long to repeat on every tick; else empty. */
  unitTitle: string;
  points: ChartPoint[];
  /** The readings' line; empty with fewer than two readings. */
  linePath: string;
  guardrail: GuardrailBand | null;
  target: { kind: 'line'; y: number } | ({ kind: 'band' } & Band) | null;
  /** Where the target should be met, when it has a date. */
  targetBy: { x: number; title: string } | null;
  baseline: { y: number } | null;
  labels: PlacedLabel[];
  summary: string;
}

/** Path of a breached reading's mark: a diamond, so the breach does not rely on colour alone. */
export const BREACH_SYMBOL = symbol(symbolDiamond, 90)() ?? '';

export function chartGeometry(metric: ChartMetric, width: number, height: number): ChartGeometry {
  const { unit } = metric;
  const unitInTicks = unit.length <= UNIT_IN_TICKS_MAX;
  const unitTitle = unitInTicks ? '' : unit;
  const margin = { top: unitTitle ? 26 : 14, right: 14, bottom: 28, left: 0 };
  const innerHeight = Math.max(60, height - margin.top - margin.bottom);

  const y = scaleLinear().domain(yDomain(metric)).range([innerHeight, 0]).nice(Math.max(2, Math.round(innerHeight / 40)));
  const yTicks = y.ticks(Math.max(2, Math.round(innerHeight / 40))).map((value) => ({
    value,
    y: y(value),
    label: formatValue(value, unitInTicks ? unit : ''),
  }));
  // Wide enough for the longest tick label, so no label runs off the left edge.
  const longest = Math.max(...yTicks.map((t) => t.label.length), 1);
  margin.left = Math.min(Math.max(40, Math.ceil(longest * CHAR_PX) + 14), Math.max(40, width * 0.3));
  const innerWidth = Math.max(80, width - margin.left - margin.right);

  const domain = xDomain(metric);
  const hasDates = domain !== null;
  const x = scaleLinear()
    .domain(domain ?? [0, 7 * DAY_MS])
    .range([X_INSET, innerWidth - X_INSET]);
  const spansYears = hasDates && new Date(domain[0]).getUTCFullYear() !== new Date(domain[1]).getUTCFullYear();
  // As wide as the longest label in the user's language ("Sep 28", "28. Sept. 2026"), plus room.
  const tickWidth = textWidth(formatDay(Date.UTC(2026, 8, 28), spansYears)) + 24;
  // Whole days only: readings are daily, so a 12:00 tick would be a label for nothing.
  const dayTicks = hasDates
    ? utcTicks(new Date(domain[0]), new Date(domain[1]), Math.max(2, Math.floor(innerWidth / tickWidth))).filter(
        (t) => t.getUTCHours() === 0 && t.getUTCMinutes() === 0,
      )
    : [];
  // d3's tick count is a hint: keep every n-th tick so that labels never touch.
  const spacing = dayTicks.length > 1 ? x(dayTicks[1]!.getTime()) - x(dayTicks[0]!.getTime()) : Infinity;
  const every = Math.max(1, Math.ceil(tickWidth / spacing));
  const xTicks = hasDates
    ? dayTicks
        .filter((_, i) => i % every === 0)
        .map((t) => {
          const at = x(t.getTime());
          const label = formatDay(t, spansYears);
          const half = textWidth(label) / 2;
          const anchor: 'start' | 'middle' | 'end' = at - half < -margin.left + 2 ? 'start' : at + half > innerWidth + margin.right - 2 ? 'end' : 'middle';
          return { key: t.getTime(), x: at, label, anchor };
        })
    : [];

  const readings = drawableReadings(metric.readings);
  const points: ChartPoint[] = readings.map((r) => {
    const breached = breaches(r.value, metric.guardrail);
    const note = r.note.trim();
    return {
      id: r.id,
      x: x(r.time),
      y: y(r.value),
      breached,
      title: `${formatDay(r.time, true)}: ${formatValue(r.value, unit)}${breached ? ' (breaches the guardrail)' : ''}${note ? `\n${note}` : ''}`,
    };
  });
  const linePath =
    points.length > 1
      ? (line<ChartPoint>()
          .x((p) => p.x)
          .y((p) => p.y)(points) ?? '')
      : '';

  const labels: RefLabel[] = [];
  const above = (at: number) => (at - 4 < LABEL_GAP ? at + LABEL_GAP : at - 4);
  const below = (at: number) => (at + LABEL_GAP > innerHeight - 3 ? at - 4 : at + LABEL_GAP);

  let guardrail: ChartGeometry['guardrail'] = null;
  if (metric.guardrail) {
    guardrail = guardrailBand(metric.guardrail, y, innerHeight);
    const at = y(metric.guardrail.value);
    // The label sits inside the band, next to the line.
    labels.push({
      key: 'guardrail',
      text: `Guardrail ${OP_SYMBOLS[metric.guardrail.op]} ${formatValue(metric.guardrail.value, unit)}`,
      y: guardrail.side === 'below' ? below(at) : above(at),
    });
  }

  let target: ChartGeometry['target'] = null;
  const shape = targetShape(metric);
  if (shape && 'low' in shape) {
    const top = y(shape.high);
    const bandHeight = y(shape.low) - top;
    target = { kind: 'band', y: top, height: bandHeight };
    labels.push({ key: 'target', text: 'Target range', y: bandHeight >= LABEL_GAP + 4 ? top + LABEL_GAP : above(top) });
  } else if (shape) {
    target = { kind: 'line', y: y(shape.value) };
    labels.push({ key: 'target', text: 'Target', y: above(target.y) });
  }
  const by = parseDay(metric.target.by);
  const targetBy = shape && by !== null ? { x: x(by), title: `Target by ${formatDay(by, true)}` } : null;

  let baseline: ChartGeometry['baseline'] = null;
  if (metric.baseline.value !== null && Number.isFinite(metric.baseline.value)) {
    baseline = { y: y(metric.baseline.value) };
    labels.push({ key: 'baseline', text: 'Baseline', y: above(baseline.y) });
  }

  return {
    width,
    height,
    margin,
    innerWidth,
    innerHeight,
    x,
    y,
    hasDates,
    xTicks,
    yTicks,
    unitTitle,
    points,
    linePath,
    guardrail,
    target,
    targetBy,
    baseline,
    labels: placeLabels(spreadLabels(labels, innerHeight), points, innerWidth),
    summary: chartSummary(metric),
  };
}

/** The legend of a metric's chart saved as a file: what it draws, in its colours. */
export function metricChartLegend(g: Pick<ChartGeometry, 'points' | 'linePath' | 'target' | 'targetBy' | 'guardrail' | 'baseline' | 'labels'>): ImageLegendRow[] {
  const rows: ImageLegendRow[] = [];
  if (g.points.length) rows.push({ label: 'Readings', line: { color: 'var(--accent)' } });
  if (g.points.some((p) => p.breached)) rows.push({ label: 'Reading past the guardrail', path: BREACH_SYMBOL, symbolColor: 'var(--danger)' });
  if (g.target?.kind === 'band') rows.push({ label: 'Target range', color: 'var(--success)', opacity: 0.3 });
  else if (g.target) rows.push({ label: 'Target', line: { color: 'var(--success)' } });
  if (g.targetBy) rows.push({ label: g.targetBy.title, line: { color: 'var(--success)', dash: '2 3', width: 1.5 } });
  if (g.guardrail) rows.push({ label: g.labels.find((l) => l.key === 'guardrail')?.text ?? 'Guardrail', color: 'var(--danger)', opacity: 0.25 });
  if (g.baseline) rows.push({ label: 'Baseline', line: { color: 'var(--text-muted)', dash: '6 4', width: 1.5 } });
  return rows;
}
