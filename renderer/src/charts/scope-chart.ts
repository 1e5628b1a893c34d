// Geometry of "how much scope changed over time": one bar per month, stacked by kind of change.
// Pure: no DOM, no Svelte. ScopeChart.svelte only renders what this returns.

import { scaleBand, scaleLinear } from 'd3-scale';
import { SCOPE_KIND_LABELS, SCOPE_KINDS, type ScopeKind } from '../domain/scope/model';
import { monthLabel, type MonthOfChanges } from '../domain/scope/trend';
import { plural } from '../domain/words';
import { chartWidth, PAD, type ImageLegendRow } from './frame';

export interface ScopeSegment {
  kind: ScopeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Tooltip: "Mar 2026: 2 expand". */
  title: string;
}

export interface ScopeBar {
  month: string;
  label: string;
  /** The month's label under its bar; empty when labels would crowd. */
  axisLabel: string;
  /** Centre of the bar. */
  cx: number;
  total: number;
  segments: ScopeSegment[];
}

export interface ScopeChartGeometry {
  width: number;
  height: number;
  left: number;
  plotHeight: number;
  innerWidth: number;
  yTicks: { value: number; y: number }[];
  bars: ScopeBar[];
}

const PLOT_HEIGHT = 160;
const AXIS_ROOM = 22;
const Y_LABEL_ROOM = 28;
/** Room a month label needs, so every second (third...) is shown when they would overlap. */
const MONTH_LABEL_PX = 64;

export function scopeChartGeometry(months: readonly MonthOfChanges[], width: number): ScopeChartGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD - Y_LABEL_ROOM;
  const x = scaleBand<string>()
    .domain(months.map((m) => m.month))
    .range([0, innerWidth])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const max = Math.max(1, ...months.map((m) => m.total));
  const y = scaleLinear().domain([0, max]).range([PLOT_HEIGHT, 0]).nice();
  const yTicks = y
    .ticks(Math.min(4, max))
    .filter(Number.isInteger)
    .map((value) => ({ value, y: y(value) }));
  const every = Math.max(1, Math.ceil(MONTH_LABEL_PX / Math.max(1, x.step())));
  const bars = months.map((m, i): ScopeBar => {
    const label = monthLabel(m.month);
    let top = PLOT_HEIGHT;
    const segments = SCOPE_KINDS.filter((kind) => m.counts[kind] > 0).map((kind): ScopeSegment => {
      const height = PLOT_HEIGHT - y(m.counts[kind]);
      top -= height;
      return { kind, x: x(m.month)! + Y_LABEL_ROOM, y: top, width: x.bandwidth(), height, title: `${label}: ${plural(m.counts[kind], `${SCOPE_KIND_LABELS[kind].toLowerCase()} change`)}` };
    });
    return { month: m.month, label, axisLabel: i % every === 0 ? label : '', cx: x(m.month)! + Y_LABEL_ROOM + x.bandwidth() / 2, total: m.total, segments };
  });
  return { width: w, height: PLOT_HEIGHT + AXIS_ROOM + 2 * PAD, left: PAD, plotHeight: PLOT_HEIGHT, innerWidth: innerWidth + Y_LABEL_ROOM, yTicks, bars };
}

/** Each kind's colour, from the program functions' palette (distinct in light and dark). */
export const SCOPE_KIND_COLORS: Record<ScopeKind, string> = {
  expand: 'var(--fn-0)',
  reduce: 'var(--fn-1)',
  pivot: 'var(--fn-3)',
  reprioritise: 'var(--fn-2)',
};

/** The legend of the chart saved as a file: every kind, as on screen. */
export function scopeChartLegend(): ImageLegendRow[] {
  return SCOPE_KINDS.map((kind) => ({ label: SCOPE_KIND_LABELS[kind], color: SCOPE_KIND_COLORS[kind] }));
}
