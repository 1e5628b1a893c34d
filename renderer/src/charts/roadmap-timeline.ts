// Geometry of the roadmap's timeline: one lane per horizon, one row per item, each item's range
// a band whose look says its confidence (readable in black and white too), earlier forecasts as
// ghosts, month ticks and a today line. Pure: no DOM, no Svelte. RoadmapTimeline.svelte renders it.

// Days map to x as their UTC times with a linear scale: a time scale would pull d3's time formats
// into the chunk every chart shares, and the ticks come from d3-time here anyway.
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { utcMonth, utcYear } from 'd3-time';
import { parseDay } from '../domain/dates';
import { HORIZON_LABELS, HORIZONS, type ForecastConfidence, type Horizon, type RoadmapItem } from '../domain/roadmap/model';
import { confidencePercent, earlierRanges, isLowConfidence } from '../domain/roadmap/movement';
import { formatDay } from '../domain/time';
import type { ImageLegendRow } from './frame';
import { truncate } from './text';

const DAY_MS = 86_400_000;
export const TIMELINE = {
  /** Room for the lane names at the left. */
  left: 76,
  right: 16,
  /** Room for the month ticks at the top. */
  axis: 40,
  row: 30,
  band: 18,
  lanePad: 8,
  /** A band narrower than this is drawn this wide, so a one-day range stays visible and clickable. */
  minBand: 6,
  /** Zoom limits: a fortnight to ten years across. */
  minSpan: 14 * DAY_MS,
  maxSpan: 3653 * DAY_MS,
} as const;

/** How a band looks: solid for high confidence, hatched for medium, an outline for low. */
export type BandLook = 'solid' | 'hatched' | 'outline';

export function confidenceLook(confidence: ForecastConfidence): BandLook {
  if (isLowConfidence(confidence)) return 'outline';
  return confidencePercent(confidence) >= 70 ? 'solid' : 'hatched';
}

export type Domain = readonly [number, number];

/** A day range as times: from the earliest day's start to the end of the latest day. */
export function rangeTimes(earliest: string, latest: string): Domain | null {
  const from = parseDay(earliest);
  const to = parseDay(latest);
  return from === null || to === null ? null : [from, to + DAY_MS];
}

/** The span that shows every dated item and today, with a little room either side. */
export function fitDomain(items: readonly Pick<RoadmapItem, 'earliest' | 'latest'>[], today: number): Domain {
  let start = today - 30 * DAY_MS;
  let end = today + 180 * DAY_MS;
  for (const item of items) {
    const range = rangeTimes(item.earliest, item.latest);
    if (!range) continue;
    start = Math.min(start, range[0]);
    end = Math.max(end, range[1]);
  }
  const pad = (end - start) * 0.04;
  return clampSpan([start - pad, end + pad]);
}

function clampSpan([start, end]: Domain): Domain {
  const span = Math.min(TIMELINE.maxSpan, Math.max(TIMELINE.minSpan, end - start));
  const middle = (start + end) / 2;
  return [middle - span / 2, middle + span / 2];
}

/** The domain zoomed by `factor` (below 1 zooms in) around `at` (a time; the middle by default), within the zoom limits. */
export function zoomDomain([start, end]: Domain, factor: number, at = (start + end) / 2): Domain {
  const span = Math.min(TIMELINE.maxSpan, Math.max(TIMELINE.minSpan, (end - start) * factor));
  const share = end === start ? 0.5 : Math.min(1, Math.max(0, (at - start) / (end - start)));
  const from = at - span * share;
  return [from, from + span];
}

/** The domain moved by `fraction` of its span (negative: earlier). */
export function panDomain([start, end]: Domain, fraction: number): Domain {
  const by = (end - start) * fraction;
  return [start + by, end + by];
}

export interface Lane {
  horizon: Horizon;
  label: string;
  y: number;
  height: number;
}

export interface Band {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  look: BandLook;
  /** The title as it fits beside the band, and where it goes. */
  label: string;
  labelX: number;
  labelAnchor: 'start' | 'end';
  /** The range lies wholly before or after what is shown: the band is a stub at that edge. */
  outside: 'before' | 'after' | null;
}

export interface Ghost {
  key: string;
  itemId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** When that forecast was made, for its tooltip. */
  at: number;
}

export interface Tick {
  x: number;
  label: string;
  /** A year's first month: drawn stronger, labelled with the year. */
  major: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: Lane[];
  bands: Band[];
  ghosts: Ghost[];
  ticks: Tick[];
  /** Where today is, or null when it is outside the domain. */
  todayX: number | null;
  /** Items with no range yet, listed apart. */
  undated: string[];
  /**
   * Every ghost as one path of rounded rectangles: hundreds of decorative outlines drawn as one
   * element, so a roadmap with long histories renders and zooms as fast as one without.
   */
  ghostPath: string;
}

/** An outline of rounded rectangles (corner radius 3, smaller when the rectangle is narrow), as one path. */
export function ghostPath(ghosts: readonly Pick<Ghost, 'x' | 'y' | 'width' | 'height'>[]): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return ghosts
    .map(({ x, y, width, height }) => {
      const c = Math.min(3, width / 2, height / 2);
      return `M${r(x + c)},${r(y)}h${r(width - 2 * c)}a${r(c)},${r(c)} 0 0 1 ${r(c)},${r(c)}v${r(height - 2 * c)}a${r(c)},${r(c)} 0 0 1 ${r(-c)},${r(c)}h${r(2 * c - width)}a${r(c)},${r(c)} 0 0 1 ${r(-c)},${r(-c)}v${r(2 * c - height)}a${r(c)},${r(c)} 0 0 1 ${r(c)},${r(-c)}z`;
    })
    .join('');
}

/** Month ticks while they fit (about 56 px each), then every quarter, then years. */
function ticksOf(scale: ScaleLinear<number, number>, width: number): Tick[] {
  const [start, end] = scale.domain().map((t) => new Date(t)) as [Date, Date];
  const months = (end.getTime() - start.getTime()) / (30.4 * DAY_MS);
  const fits = Math.max(1, width / 56);
  const interval = months <= fits ? utcMonth : months / 3 <= fits ? utcMonth.every(3)! : utcYear;
  return interval.range(start, end).map((date) => {
    const major = date.getUTCMonth() === 0;
    const label = major || interval === utcYear ? String(date.getUTCFullYear()) : formatDay(date).replace(/\s*\d+$/, '');
    return { x: scale(date.getTime()), label, major };
  });
}

type TimelineItem = Pick<RoadmapItem, 'id' | 'title' | 'horizon' | 'order' | 'createdAt' | 'earliest' | 'latest' | 'confidence' | 'history'>;

/**
 * The timeline of `items` (each horizon's in board order) across `domain` in `width` pixels.
 * Dated items get a row in their horizon's lane; `ghosts` adds each one's earlier ranges.
 */
export function layoutTimeline(items: readonly TimelineItem[], domain: Domain, width: number, today: number, ghosts = false): TimelineLayout {
  const plot = { left: TIMELINE.left, right: Math.max(TIMELINE.left + 40, width - TIMELINE.right), top: TIMELINE.axis, bottom: 0 };
  const scale = scaleLinear().domain([domain[0], domain[1]]).range([plot.left, plot.right]);
  const lanes: Lane[] = [];
  const bands: Band[] = [];
  const ghostBands: Ghost[] = [];
  const undated: string[] = [];
  let y = plot.top;
  for (const horizon of HORIZONS) {
    const own = items.filter((item) => item.horizon === horizon).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
    const dated = own.filter((item) => {
      const has = rangeTimes(item.earliest, item.latest) !== null;
      if (!has) undated.push(item.id);
      return has;
    });
    const laneTop = y;
    y += TIMELINE.lanePad;
    for (const item of dated) {
      const top = y + (TIMELINE.row - TIMELINE.band) / 2;
      bands.push(bandOf(item, scale, plot, top));
      if (ghosts) {
        earlierRanges(item).forEach((forecast, i) => {
          const range = rangeTimes(forecast.earliest, forecast.latest);
          if (!range) return;
          const span = clampX(scale(range[0]), scale(range[1]), plot);
          if (!span) return;
          ghostBands.push({ key: `${item.id}:${i}`, itemId: item.id, x: span[0], width: span[1] - span[0], y: top - 3, height: TIMELINE.band + 6, at: forecast.at });
        });
      }
      y += TIMELINE.row;
    }
    // An empty lane keeps a row's height, so its name has room.
    if (dated.length === 0) y += TIMELINE.row;
    y += TIMELINE.lanePad;
    lanes.push({ horizon, label: HORIZON_LABELS[horizon], y: laneTop, height: y - laneTop });
  }
  plot.bottom = y;
  const now = scale(today);
  return {
    width,
    height: y + 1,
    plot,
    lanes,
    bands,
    ghosts: ghostBands,
    ticks: ticksOf(scale, plot.right - plot.left),
    todayX: now >= plot.left && now <= plot.right ? now : null,
    undated,
    ghostPath: ghostPath(ghostBands),
  };
}

function clampX(x0: number, x1: number, plot: { left: number; right: number }): [number, number] | null {
  // A reversed range (a file may hold one in an old forecast) is not drawn rather than drawn inside out.
  if (x1 < plot.left || x0 > plot.right || x1 < x0) return null;
  return [Math.max(plot.left, x0), Math.min(plot.right, x1)];
}

function bandOf(item: TimelineItem, scale: ScaleLinear<number, number>, plot: { left: number; right: number }, top: number): Band {
  const range = rangeTimes(item.earliest, item.latest)!;
  const x0 = scale(range[0]);
  const x1 = scale(range[1]);
  const outside = x1 < plot.left ? 'before' : x0 > plot.right ? 'after' : null;
  let x: number;
  let right: number;
  if (outside === 'before') [x, right] = [plot.left, plot.left + TIMELINE.minBand];
  else if (outside === 'after') [x, right] = [plot.right - TIMELINE.minBand, plot.right];
  else {
    [x, right] = clampX(x0, x1, plot)!;
    if (right - x < TIMELINE.minBand) right = Math.min(plot.right, x + TIMELINE.minBand);
  }
  // The title goes after the band when there is room, else before it.
  const after = plot.right - right - 6;
  const before = x - plot.left - 6;
  const labelAfter = after >= Math.min(120, before) || after >= before;
  const room = Math.max(0, labelAfter ? after : before);
  return {
    id: item.id,
    x,
    y: top,
    width: right - x,
    height: TIMELINE.band,
    look: confidenceLook(item.confidence),
    label: room < 20 ? '' : truncate(item.title, room),
    labelX: labelAfter ? right + 6 : x - 6,
    labelAnchor: labelAfter ? 'start' : 'end',
    outside,
  };
}

/** How each look is drawn in a file's legend, in the band's colour. */
const LOOK_SAMPLES: Record<BandLook, Omit<ImageLegendRow, 'label'>> = {
  solid: { color: 'var(--accent)' },
  hatched: { hatch: 'var(--accent)' },
  outline: { dashed: 'var(--accent)' },
};

/**
 * The legend of the timeline saved as a file: each confidence's look, the today line and, when
 * they are drawn, earlier forecasts. `confidences` name each level in words.
 */
export function timelineLegend(layout: Pick<TimelineLayout, 'todayX' | 'ghosts'>, confidences: readonly { confidence: ForecastConfidence; label: string }[]): ImageLegendRow[] {
  return [
    ...confidences.map(({ confidence, label }) => ({ label, ...LOOK_SAMPLES[confidenceLook(confidence)] })),
    ...(layout.todayX !== null ? [{ label: 'Today', line: { color: 'var(--danger)' } }] : []),
    ...(layout.ghosts.length ? [{ label: 'Earlier forecast', line: { color: 'var(--text-muted)', dash: '2 3', width: 1 } }] : []),
  ];
}
