// Geometry of the trade-off result charts: rows, scales, marks, labels and legend placement.
// Pure: no DOM, no Svelte. The chart components only render what this returns.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3-shape';
import type { FunctionRanking } from '../../../domain/tradeoffs/analysis';
import {
  byRank,
  coverageText,
  describeSensitivity,
  isPartial,
  namesOf,
  optionTitles,
  percent,
  score100,
} from '../../../domain/tradeoffs/describe';
import type { MatrixOption } from '../../../domain/tradeoffs/model';
import type { OptionResult } from '../../../domain/tradeoffs/scoring';
import { smallestFlip, type CriterionSensitivity } from '../../../domain/tradeoffs/sensitivity';

/** Used until the container is measured (and always in jsdom). */
export const DEFAULT_WIDTH = 560;
/** Narrower than this and text would not fit; the SVG then scales down instead. */
export const MIN_WIDTH = 320;
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
/** Rough width of one character of the 12 px labels. */
export const CHAR_PX = 6.6;
/** Rough width of one character of the 13 px semibold row titles. */
export const TITLE_CHAR_PX = 7.6;
const PAD = 4;

/** The text cut to fit maxPx, ending in "…" when cut. */
export function truncate(text: string, maxPx: number, charPx = CHAR_PX): string {
  const fits = Math.floor(maxPx / charPx);
  if (text.length <= fits) return text;
  if (fits <= 1) return '…';
  return `${text.slice(0, fits - 1).trimEnd()}…`;
}

/** prefix + text + suffix in maxPx, cutting only the text in the middle. */
export function fitAround(prefix: string, text: string, suffix: string, maxPx: number, charPx = CHAR_PX): string {
  return `${prefix}${truncate(text, Math.max(2 * charPx, maxPx - textWidth(prefix + suffix, charPx)), charPx)}${suffix}`;
}

export function textWidth(text: string, charPx = CHAR_PX): number {
  return text.length * charPx;
}

const chartWidth = (width: number) => Math.max(MIN_WIDTH, Math.round(width) || DEFAULT_WIDTH);

export interface AxisTick {
  value: number;
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

/** Ticks of a 0..1 scale labelled 0–100 (or 0%–100%); fewer when the axis is short. */
function axisTicks(x: ScaleLinear<number, number>, width: number, format: (v: number) => string): AxisTick[] {
  const values = width < 260 ? [0, 0.5, 1] : width < 520 ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  return values.map((value, i) => ({
    value,
    x: x(value),
    label: format(value),
    anchor: i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle',
  }));
}

// ---------------------------------------------------------------------------------------------
// Ranking

export type RankingStatus = 'recommended' | 'vetoed' | 'scored' | 'unscored';

export interface RankingRow {
  id: string;
  rank: number;
  /** The full title, for the tooltip. */
  title: string;
  /** "1. Title", cut to fit. */
  label: string;
  status: RankingStatus;
  /** Right-aligned notes on the title line: "Recommended", "Vetoed", "80% scored". */
  notes: string;
  /** Top of the row. */
  y: number;
  score: number | null;
  /** 0–100 text at the bar's end; empty when unscored. */
  scoreText: string;
  barWidth: number;
  /** Tooltip of the bar. */
  barTitle: string;
}

export interface RankingGeometry {
  width: number;
  height: number;
  left: number;
  innerWidth: number;
  /** Length of a score of 100. */
  barMax: number;
  x: ScaleLinear<number, number>;
  rows: RankingRow[];
}

export const RANKING_ROW = { height: 48, titleY: 15, barY: 23, barHeight: 16 } as const;
/** Room kept right of the longest bar for its "100". */
const SCORE_TEXT_ROOM = 34;

export function rankingGeometry(
  results: readonly OptionResult[],
  options: readonly MatrixOption[],
  winnerId: string | undefined,
  width: number,
): RankingGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD;
  const barMax = innerWidth - SCORE_TEXT_ROOM;
  const x = scaleLinear().domain([0, 1]).range([0, barMax]).clamp(true);
  const title = optionTitles(options);
  const known = new Set(options.map((o) => o.id));
  const rows = byRank(results.filter((r) => known.has(r.optionId))).map((r, i): RankingRow => {
    const vetoed = r.vetoes.length > 0;
    // A vetoed option is never drawn as the recommendation, whatever winnerId says.
    const status: RankingStatus = r.score === null ? 'unscored' : vetoed ? 'vetoed' : r.optionId === winnerId ? 'recommended' : 'scored';
    const notes = [status === 'recommended' ? 'Recommended' : '', vetoed ? 'Vetoed' : '', isPartial(r) ? coverageText(r.coverage) : '']
      .filter(Boolean)
      .join(' · ');
    const full = title(r.optionId);
    const prefix = r.score === null ? '' : `${r.rank}. `;
    const room = innerWidth - (notes ? textWidth(notes) + 12 : 0);
    const scoreText = r.score === null ? '' : score100(r.score);
    return {
      id: r.optionId,
      rank: r.rank,
      title: full,
      label: truncate(prefix + full, room, TITLE_CHAR_PX),
      status,
      notes,
      y: i * RANKING_ROW.height,
      score: r.score,
      scoreText,
      barWidth: r.score === null ? 0 : x(r.score),
      barTitle: r.score === null ? `${full}: not scored` : `${full}: ${scoreText} of 100${notes ? ` (${notes.toLowerCase()})` : ''}`,
    };
  });
  return { width: w, height: Math.max(1, rows.length) * RANKING_ROW.height + 2 * PAD, left: PAD, innerWidth, barMax, x, rows };
}

// ---------------------------------------------------------------------------------------------
// Function comparison

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

const LEGEND_ROW = 20;
export const LEGEND_SWATCH = 22;
/** Marks at 0 or 100 must not be cut by the edge. */
const MARK_INSET = 10;
const FN_TITLE_Y = 14;
const FN_LINE = 17;

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
function belowLegend(legendHeight: number): { axisY: number; rowsTop: number } {
  const axisY = legendHeight + 14;
  return { axisY, rowsTop: axisY + 8 };
}

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

// ---------------------------------------------------------------------------------------------
// Sensitivity

export interface SensitivityRow {
  id: string;
  name: string;
  label: string;
  /** Top of the row. */
  y: number;
  /** Right-aligned on the name line: "now 30%", with "Smallest flip" on the highlighted row. */
  note: string;
  highlighted: boolean;
  /** Where the winner stays the winner: [low, high] on the weight scale. */
  band: { x: number; width: number };
  weightX: number;
  /** Left and right labels under the track: who takes over below low and above high. */
  belowText: string;
  aboveText: string;
  /** Said instead of the takeover labels when the winner holds at any weight. */
  holdsText: string;
  /** The highlighted row's flip: from the current weight to where the winner changes. */
  flip: { x1: number; x2: number; title: string } | null;
  /** The row's whole story, for its tooltip. */
  sentence: string;
}

export interface SensitivityGeometry {
  width: number;
  height: number;
  left: number;
  innerWidth: number;
  x: ScaleLinear<number, number>;
  trackX: number;
  trackWidth: number;
  legend: LegendItem[];
  axisY: number;
  rowsTop: number;
  rows: SensitivityRow[];
  ticks: AxisTick[];
}

export const SENSITIVITY_ROW = { height: 62, nameY: 14, trackY: 24, trackHeight: 12, textY: 53 } as const;

export function sensitivityGeometry(
  sensitivity: readonly CriterionSensitivity[],
  criteria: readonly { id: string; name: string }[],
  options: readonly MatrixOption[],
  winnerId: string,
  width: number,
): SensitivityGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD;
  // Inset so the weight mark at 0% or 100% is not cut by the edge.
  const trackX = 6;
  const trackWidth = innerWidth - 12;
  const x = scaleLinear()
    .domain([0, 1])
    .range([trackX, trackX + trackWidth])
    .clamp(true);
  const name = namesOf(criteria);
  const title = optionTitles(options);
  const winner = title(winnerId);
  const flip = smallestFlip(sensitivity);
  const half = innerWidth / 2 - 6;

  const legend = layoutLegend(
    [
      { key: 'band', label: `${truncate(winner, 160)} stays the winner`, kind: 'band' as const, path: '', colour: 0 },
      { key: 'weight', label: 'Current weight', kind: 'weight' as const, path: '', colour: 0 },
      ...(flip ? [{ key: 'flip', label: 'Smallest change that flips the winner', kind: 'flip' as const, path: '', colour: 0 }] : []),
    ],
    innerWidth,
  );
  const { axisY, rowsTop } = belowLegend(legend.height);

  const rows = sensitivity.map((s, i): SensitivityRow => {
    const highlighted = flip?.criterionId === s.criterionId;
    const note = `${highlighted ? 'Smallest flip · ' : ''}now ${percent(s.weight)}`;
    const full = name(s.criterionId);
    const low = Math.min(s.low, s.high);
    // One label alone may use the whole width; two share it. Only the title is cut: the
    // threshold is what the label is for.
    const room = s.belowLow && s.aboveHigh ? half : innerWidth;
    const below = s.belowLow ? fitAround('← ', title(s.belowLow), ` below ${percent(s.low)}`, room) : '';
    const above = s.aboveHigh ? fitAround('', title(s.aboveHigh), ` above ${percent(s.high)} →`, room) : '';
    return {
      id: s.criterionId,
      name: full,
      label: truncate(full, innerWidth - textWidth(note) - 12, TITLE_CHAR_PX),
      y: rowsTop + i * SENSITIVITY_ROW.height,
      note,
      highlighted,
      band: { x: x(low), width: Math.max(1, x(s.high) - x(low)) },
      weightX: x(s.weight),
      belowText: below,
      aboveText: above,
      holdsText: !below && !above ? 'Winner holds at any weight' : '',
      flip:
        highlighted && flip
          ? { x1: x(flip.from), x2: x(flip.to), title: `At ${percent(flip.to)}, ${title(flip.optionId)} becomes the winner` }
          : null,
      sentence: describeSensitivity(s, full, title, winner),
    };
  });
  return {
    width: w,
    height: rowsTop + rows.length * SENSITIVITY_ROW.height + 2 * PAD,
    left: PAD,
    innerWidth,
    x,
    trackX,
    trackWidth,
    legend: legend.items,
    axisY,
    rowsTop,
    rows,
    ticks: axisTicks(x, trackWidth, percent),
  };
}
