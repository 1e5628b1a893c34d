// Geometry of the function comparison chart: one row per option, a mark per function at the
// score that function's weights give it, the combined score as a line.
// Pure: no DOM, no Svelte. FunctionComparisonChart.svelte only renders what this returns.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3-shape';
import type { FunctionRanking } from '../domain/tradeoffs/analysis';
import { coverageText, isPartial, namesOf, optionTitles, score100 } from '../domain/tradeoffs/labels';
import type { MatrixOption } from '../domain/tradeoffs/model';
import type { OptionResult } from '../domain/tradeoffs/scoring';
import { axisTicks, belowLegend, chartWidth, layoutLegend, PAD, type AxisTick, type LegendItem } from './frame';
import { TITLE_CHAR_PX, truncate } from './text';

const SYMBOL_TYPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye, symbolCross];
/** The number of distinct colours (CSS variables --fn-0 … --fn-5 in the chart). */
export const FUNCTION_COLOURS = 6;
const MARKER_AREA = 64;
const WINNER_AREA = 90;

/** The i-th function's mark: shape and colour both change with i, so neither carries it alone. */
export function functionMark(i: number, winner = false): { path: string; colour: number } {
  return { path: symbol(SYMBOL_TYPES[i % SYMBOL_TYPES.length]!, winner ? WINNER_AREA : MARKER_AREA)() ?? '', colour: i % FUNCTION_COLOURS };
}

/**
 * Vertical offsets that keep marks at (almost) the same x from hiding each other: marks closer
 * than `gap` pixels form a cluster, stacked above and below the row's centre line, each taking
 * its own height (`sizes`, one for all or one per mark: a ringed top pick needs more).
 */
export function spreadMarks(xs: readonly number[], gap = 11, sizes: number | readonly number[] = 11): number[] {
  const size = (i: number) => (typeof sizes === 'number' ? sizes : (sizes[i] ?? 11));
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const dy = new Array<number>(xs.length).fill(0);
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && order[k]!.x - order[k - 1]!.x < gap) continue;
    const cluster = order.slice(start, k);
    let cursor = -cluster.reduce((sum, m) => sum + size(m.i), 0) / 2;
    for (const m of cluster) {
      dy[m.i] = cursor + size(m.i) / 2;
      cursor += size(m.i);
    }
    start = k;
  }
  return dy;
}

/** Vertical room of a mark, and of a top pick's mark with its ring. */
const MARK_ROOM = 12;
const WINNER_ROOM = 24;
export const WINNER_RING = 10.5;

export interface FunctionMarker {
  functionId: string;
  name: string;
  index: number;
  colour: number;
  path: string;
  x: number;
  /** Offset from the row's centre line, so coinciding marks stay visible. */
  dy: number;
  /** This option is the function's own top pick. */
  winner: boolean;
  title: string;
}

export interface FunctionRow {
  id: string;
  title: string;
  label: string;
  y: number;
  height: number;
  /** "Recommended · Top for Product, Legal · Vetoed"; empty when there is nothing to say. */
  info: string;
  infoY: number;
  /** Centre line of the marks. */
  trackY: number;
  trackHalf: number;
  markers: FunctionMarker[];
  combined: { x: number; score: number; winner: boolean; title: string } | null;
  /** No marks at all: shown as "Not scored". */
  unscored: boolean;
}

export interface FunctionGeometry {
  width: number;
  height: number;
  left: number;
  innerWidth: number;
  x: ScaleLinear<number, number>;
  legend: LegendItem[];
  /** Baseline of the score axis' labels, above the rows. */
  axisY: number;
  /** Top of the first row. */
  rowsTop: number;
  rows: FunctionRow[];
  ticks: AxisTick[];
}

/** Marks at 0 or 100 must not be cut by the edge. */
const MARK_INSET = 10;
const FN_TITLE_Y = 14;
const FN_LINE = 17;

export interface FunctionComparisonInput {
  options: readonly MatrixOption[];
  functions: readonly { id: string; name: string }[];
  perFunction: readonly FunctionRanking[];
  combined: readonly OptionResult[];
  combinedWinnerId: string | undefined;
}

export function functionComparisonGeometry(input: FunctionComparisonInput, width: number): FunctionGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD;
  const x = scaleLinear().domain([0, 1]).range([MARK_INSET, innerWidth - MARK_INSET]).clamp(true);
  const title = optionTitles(input.options);
  const fnName = namesOf(input.functions, 'Unnamed function');
  const rankings = new Map(input.perFunction.map((f) => [f.functionId, f]));
  const shown = input.functions.map((f, index) => ({ ...f, index })).filter((f) => rankings.has(f.id));
  const combinedById = new Map(input.combined.map((r) => [r.optionId, r]));

  const legend = layoutLegend(
    [
      ...shown.map((f) => ({ key: f.id, label: fnName(f.id), kind: 'function' as const, ...functionMark(f.index) })),
      { key: '__combined', label: 'Combined', kind: 'combined' as const, path: '', colour: 0 },
      { key: '__winner', label: "Ring: the function's top pick", kind: 'winner' as const, path: '', colour: 0 },
    ],
    innerWidth,
  );
  const { axisY, rowsTop } = belowLegend(legend.height);

  // Rows follow the combined ranking, so this chart reads in the same order as the ranking.
  const rank = (id: string) => combinedById.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  const ordered = input.options.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o.id) - rank(b.o.id) || a.i - b.i);

  let y = rowsTop;
  const rows = ordered.map(({ o }): FunctionRow => {
    const full = title(o.id);
    const raw = shown.flatMap((f) => {
      const ranking = rankings.get(f.id)!;
      const result = ranking.results.find((r) => r.optionId === o.id);
      if (!result || result.score === null) return [];
      const winner = ranking.winner === o.id;
      return [{ f, result, winner, x: x(result.score) }];
    });
    const rooms = raw.map((m) => (m.winner ? WINNER_ROOM : MARK_ROOM));
    const dys = spreadMarks(raw.map((m) => m.x), 11, rooms);
    const markers = raw.map(({ f, result, winner, x: mx }, k): FunctionMarker => {
      const mark = functionMark(f.index, winner);
      return {
        functionId: f.id,
        name: fnName(f.id),
        index: f.index,
        colour: mark.colour,
        path: mark.path,
        x: mx,
        dy: dys[k]!,
        winner,
        title: `${fnName(f.id)}: ${score100(result.score!)} of 100${winner ? `, ${fnName(f.id)}'s top pick` : ''}`,
      };
    });
    const c = combinedById.get(o.id);
    const combinedWinner = c !== undefined && c.score !== null && c.vetoes.length === 0 && o.id === input.combinedWinnerId;
    const combined =
      c && c.score !== null
        ? { x: x(c.score), score: c.score, winner: combinedWinner, title: `Combined: ${score100(c.score)} of 100${combinedWinner ? ', recommended' : ''}` }
        : null;
    const topFor = markers.filter((m) => m.winner).map((m) => m.name);
    const info = [
      combinedWinner ? 'Recommended' : '',
      topFor.length ? `Top for ${topFor.join(', ')}` : '',
      c && c.vetoes.length ? 'Vetoed' : '',
      c && isPartial(c) ? coverageText(c.coverage) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const trackHalf = Math.max(11, ...dys.map((dy, k) => Math.abs(dy) + rooms[k]! / 2 + 1));
    const infoY = info ? FN_TITLE_Y + FN_LINE : FN_TITLE_Y;
    const trackY = infoY + 6 + trackHalf;
    const height = trackY + trackHalf + 6;
    const row: FunctionRow = {
      id: o.id,
      title: full,
      label: truncate(full, innerWidth, TITLE_CHAR_PX),
      y,
      height,
      info: truncate(info, innerWidth),
      infoY,
      trackY,
      trackHalf,
      markers,
      combined,
      unscored: markers.length === 0 && combined === null,
    };
    y += height;
    return row;
  });

  return {
    width: w,
    height: y + 2 * PAD,
    left: PAD,
    innerWidth,
    x,
    legend: legend.items,
    axisY,
    rowsTop,
    rows,
    ticks: axisTicks(x, innerWidth, score100),
  };
}
