// What every chart's frame shares: its width, a score axis along the top and a legend that
// wraps. ui/ChartFrame.svelte draws them; each chart's geometry places them with these.

import type { ScaleLinear } from 'd3-scale';
import { textWidth, truncate } from './text';

/** Used until the container is measured (and always in jsdom). */
export const DEFAULT_WIDTH = 560;
/** Narrower than this and text would not fit; the SVG then scales down instead. */
export const MIN_WIDTH = 320;
/** Room around the plot inside the SVG. */
export const PAD = 4;

export const chartWidth = (width: number) => Math.max(MIN_WIDTH, Math.round(width) || DEFAULT_WIDTH);

export interface AxisTick {
  value: number;
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

/** Ticks of a 0..1 scale labelled 0–100 (or 0%–100%); fewer when the axis is short. */
export function axisTicks(x: ScaleLinear<number, number>, width: number, format: (v: number) => string): AxisTick[] {
  const values = width < 260 ? [0, 0.5, 1] : width < 520 ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  return values.map((value, i) => ({
    value,
    x: x(value),
    label: format(value),
    anchor: i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle',
  }));
}

export type LegendKind = 'function' | 'combined' | 'winner' | 'band' | 'weight' | 'flip';

export interface LegendItem {
  key: string;
  label: string;
  x: number;
  y: number;
  kind: LegendKind;
  /** A function's symbol; empty for the other kinds. */
  path: string;
  colour: number;
}

const LEGEND_ROW = 20;
/** Room of a legend item's swatch; its label starts there. */
export const LEGEND_SWATCH = 22;

/** Legend items left to right, wrapping to a new line when the next does not fit. */
export function layoutLegend(items: readonly Omit<LegendItem, 'x' | 'y'>[], innerWidth: number): { items: LegendItem[]; height: number } {
  let x = 0;
  let y = 0;
  const placed = items.map((item) => {
    const label = truncate(item.label, Math.max(60, innerWidth - LEGEND_SWATCH));
    const w = LEGEND_SWATCH + textWidth(label) + 16;
    if (x > 0 && x + w > innerWidth) {
      x = 0;
      y += LEGEND_ROW;
    }
    const out = { ...item, label, x, y };
    x += w;
    return out;
  });
  return { items: placed, height: items.length ? y + LEGEND_ROW : 0 };
}

/** Where the axis labels and the first row go, below a legend of the given height. */
export function belowLegend(legendHeight: number): { axisY: number; rowsTop: number } {
  const axisY = legendHeight + 14;
  return { axisY, rowsTop: axisY + 8 };
}

/**
 * One row of the legend under a chart saved as a file (io/image-export.ts draws it): its label
 * and the sample drawn beside it. Colours are CSS colours or a theme variable
 * (`var(--accent)`), read in the light palette when the file is drawn.
 */
export interface ImageLegendRow {
  label: string;
  /** A square filled with this colour... */
  color?: string;
  /** ...this opaque (a band drawn faintly on the chart). */
  opacity?: number;
  /** A symbol's path, centred, in `symbolColor` or the text colour. */
  path?: string;
  symbolColor?: string;
  /** A dashed outline of this path, in the text colour. */
  outline?: string;
  /** A short line in this colour, dashed when `dash` is given (a target, a baseline). */
  line?: { color: string; dash?: string; width?: number };
  /** A square hatched in this colour (a medium-confidence band). */
  hatch?: string;
  /** A square drawn as a dashed outline in this colour (a low-confidence band). */
  dashed?: string;
}
