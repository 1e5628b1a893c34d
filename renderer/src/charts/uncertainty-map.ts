import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import { ITEM_KINDS, KIND_LABELS, SCORE_MAX, SCORE_MIN, type ItemKind, type Layer, type UncertaintyItem } from '../domain/uncertainty/model';
import { CHAR_PX, textWidth, truncate } from './text';

// Geometry of the uncertainty map: scales, mark symbols, clusters, where each mark is drawn,
// hit testing and keyboard navigation between marks, and titles beside them. Pure: no DOM, no
// Svelte. UncertaintyMap.svelte draws what this returns.

export const MAP_MARGIN = { top: 20, right: 20, bottom: 52, left: 60 };

export interface MapScales {
  /** Uncertainty, left (well evidenced) to right (a guess). */
  x: ScaleLinear<number, number>;
  /** Impact, bottom (low) to top (high). */
  y: ScaleLinear<number, number>;
  innerWidth: number;
  innerHeight: number;
}

export function mapScales(width: number, height: number): MapScales {
  const innerWidth = Math.max(100, width - MAP_MARGIN.left - MAP_MARGIN.right);
  const innerHeight = Math.max(100, height - MAP_MARGIN.top - MAP_MARGIN.bottom);
  return {
    x: scaleLinear().domain([SCORE_MIN, SCORE_MAX]).range([0, innerWidth]),
    y: scaleLinear().domain([SCORE_MIN, SCORE_MAX]).range([innerHeight, 0]),
    innerWidth,
    innerHeight,
  };
}

const SYMBOL_TYPES = {
  assumption: symbolCircle,
  risk: symbolSquare,
  unknown: symbolTriangle,
  dependency: symbolDiamond,
} as const;

/** One path per kind, built once: every mark of a kind shares it. */
export const KIND_SYMBOLS: Record<ItemKind, string> = Object.fromEntries(
  Object.entries(SYMBOL_TYPES).map(([kind, type]) => [kind, symbol(type, 130)() ?? '']),
) as Record<ItemKind, string>;

/** A stale item's mark has a dashed ring around it: a shape, not a colour, so it reads in grey too. */
export const STALE_RING_RADIUS = 10;
export const STALE_RING_DASH = [3, 2];
/** The ring as a path, for a legend. */
export const STALE_RING_PATH = `M${STALE_RING_RADIUS},0A${STALE_RING_RADIUS},${STALE_RING_RADIUS} 0 1,1 ${-STALE_RING_RADIUS},0A${STALE_RING_RADIUS},${STALE_RING_RADIUS} 0 1,1 ${STALE_RING_RADIUS},0Z`;

/**
 * The legend of an exported map: the colours of the layers it shows, the kinds' symbols, and the
 * stale ring with what it means (`stale`) when the map shows a stale item.
 */
export function mapLegend(layers: readonly Pick<Layer, 'id' | 'color' | 'name'>[], shown: readonly Pick<UncertaintyItem, 'layerId'>[], stale?: string) {
  return [
    ...layers.filter((l) => shown.some((i) => i.layerId === l.id)).map((l) => ({ color: l.color, label: l.name })),
    ...ITEM_KINDS.map((k) => ({ path: KIND_SYMBOLS[k], label: KIND_LABELS[k] })),
    ...(stale ? [{ outline: STALE_RING_PATH, label: stale }] : []),
  ];
}

export interface Offset {
  dx: number;
  dy: number;
  /** How many items share this spot (1 when alone). */
  clusterSize: number;
  /** Radius of the cluster's outer ring, for placing its count. */
  clusterRadius: number;
  /** The first item of its cluster carries the count. */
  first: boolean;
}

/** Centre-to-centre spacing of marks on a ring: a mark is about 13 px wide. */
const MARK_SPACING = 15;
const RING_GAP = 14;

/**
 * Items on the same spot are spread on concentric rings around it, each ring as full as the
 * spacing allows, so every mark stays visible and clickable however many share the spot.
 * Offsets are in screen pixels, so they hold at any zoom.
 */
export function clusterOffsets(items: readonly { id: string; impact: number; uncertainty: number }[]): Map<string, Offset> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = `${item.impact}|${item.uncertainty}`;
    const group = groups.get(key);
    if (group) group.push(item.id);
    else groups.set(key, [item.id]);
  }
  const offsets = new Map<string, Offset>();
  for (const ids of groups.values()) {
    const n = ids.length;
    if (n === 1) {
      offsets.set(ids[0]!, { dx: 0, dy: 0, clusterSize: 1, clusterRadius: 0, first: true });
      continue;
    }
    const placed: { dx: number; dy: number }[] = [];
    let radius = 10;
    while (placed.length < n) {
      const capacity = Math.max(3, Math.floor((2 * Math.PI * radius) / MARK_SPACING));
      const count = Math.min(capacity, n - placed.length);
      for (let j = 0; j < count; j++) {
        const angle = (2 * Math.PI * j) / count - Math.PI / 2;
        placed.push({ dx: radius * Math.cos(angle), dy: radius * Math.sin(angle) });
      }
      if (placed.length < n) radius += RING_GAP;
    }
    ids.forEach((id, j) => offsets.set(id, { ...placed[j]!, clusterSize: n, clusterRadius: radius, first: j === 0 }));
  }
  return offsets;
}

/** Keyboard nudges: 0.1 per arrow press, 0.5 with Shift. Returns undefined for other keys. */
export function nudge(key: string, shift: boolean): { dImpact: number; dUncertainty: number } | undefined {
  const step = shift ? 0.5 : 0.1;
  switch (key) {
    case 'ArrowUp':
      return { dImpact: step, dUncertainty: 0 };
    case 'ArrowDown':
      return { dImpact: -step, dUncertainty: 0 };
    case 'ArrowRight':
      return { dImpact: 0, dUncertainty: step };
    case 'ArrowLeft':
      return { dImpact: 0, dUncertainty: -step };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Where each mark is on screen, which mark is under the pointer, and which one the arrow keys go to.

/** The current zoom: plot coordinates are k * x + x0 (d3-zoom's ZoomTransform has this shape). */
export interface MapTransform {
  k: number;
  x: number;
  y: number;
}

export interface MarkLayout {
  /** Item ids, in the order the marks are drawn (and listed). */
  ids: string[];
  /** Each mark's centre in plot pixels, zoom and cluster spread applied. */
  x: Float64Array;
  y: Float64Array;
}

/**
 * Where a cluster's ring is centred: on its spot, unless the ring would reach past the drawing
 * surface (a crowded corner), then moved in just enough to show every mark. A spot outside the
 * visible plot (zoomed in elsewhere) stays where it is.
 */
export function clusterCentre(px: number, py: number, radius: number, scales: Pick<MapScales, 'innerWidth' | 'innerHeight'>): { px: number; py: number } {
  if (radius === 0 || px < 0 || py < 0 || px > scales.innerWidth || py > scales.innerHeight) return { px, py };
  const room = radius + MARK_HALF - MAP_EDGE;
  const inside = (v: number, size: number) => Math.min(Math.max(v, room), size - room);
  return { px: inside(px, scales.innerWidth), py: inside(py, scales.innerHeight) };
}

/** Where every mark is drawn, in plot pixels. */
export function layoutMarks(
  items: readonly { id: string; impact: number; uncertainty: number }[],
  scales: MapScales,
  transform: MapTransform,
  offsets: ReadonlyMap<string, Offset>,
): MarkLayout {
  const x = new Float64Array(items.length);
  const y = new Float64Array(items.length);
  items.forEach((item, i) => {
    const offset = offsets.get(item.id);
    const centre = clusterCentre(
      transform.k * scales.x(item.uncertainty) + transform.x,
      transform.k * scales.y(item.impact) + transform.y,
      offset?.clusterRadius ?? 0,
      scales,
    );
    x[i] = centre.px + (offset?.dx ?? 0);
    y[i] = centre.py + (offset?.dy ?? 0);
  });
  return { ids: items.map((i) => i.id), x, y };
}

/** Whether mark i is inside the visible plot (a zoomed map shows only part of it). */
export function markInView(layout: MarkLayout, i: number, scales: Pick<MapScales, 'innerWidth' | 'innerHeight'>): boolean {
  const x = layout.x[i]!;
  const y = layout.y[i]!;
  return x >= 0 && x <= scales.innerWidth && y >= 0 && y <= scales.innerHeight;
}

/** Room around the plot where marks on its edge (impact 5, uncertainty 1, …) are drawn whole. */
export const MAP_EDGE = 12;
/** Half a mark's size: a mark whose centre is this far past the edge still shows in part. */
const MARK_HALF = 8;

/**
 * Whether mark i is drawn: any of it on the drawing surface (the plot and MAP_EDGE around it).
 * Zoomed in, only marks whose centre is on the plot are: the margin belongs to the axes then.
 */
export function markOnCanvas(layout: MarkLayout, i: number, scales: Pick<MapScales, 'innerWidth' | 'innerHeight'>, zoomed = false): boolean {
  const reach = zoomed ? 0 : MAP_EDGE + MARK_HALF;
  const x = layout.x[i]!;
  const y = layout.y[i]!;
  return x >= -reach && x <= scales.innerWidth + reach && y >= -reach && y <= scales.innerHeight + reach;
}

/** A mark is about 13 px across; a pointer this close to its centre is on it. */
export const HIT_RADIUS = 9;

/** The mark under a point of the plot (the nearest within HIT_RADIUS of those drawn), or -1. */
export function markAt(layout: MarkLayout, px: number, py: number, drawn: (i: number) => boolean = () => true, radius = HIT_RADIUS): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < layout.ids.length; i++) {
    if (!drawn(i)) continue;
    const dx = layout.x[i]! - px;
    const dy = layout.y[i]! - py;
    const distance = dx * dx + dy * dy;
    // Later marks are drawn on top: on a tie, the one on top wins.
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** Past this many times as far to the side as ahead (about 72°), a mark is not "that way" at all. */
const SIDE_MAX = 3;

/**
 * The mark the arrow key goes to from mark `from`: the nearest one in that direction, favouring
 * those in line with it (within 45°) over those further to the side, and never one almost
 * straight to the side. Only marks `eligible` says (those in view) count. -1 when there is none.
 */
export function nearestInDirection(layout: MarkLayout, from: number, direction: Direction, eligible: (i: number) => boolean): number {
  const x0 = layout.x[from]!;
  const y0 = layout.y[from]!;
  let best = -1;
  let bestScore = Infinity;
  let bestInCone = false;
  for (let i = 0; i < layout.ids.length; i++) {
    if (i === from || !eligible(i)) continue;
    const dx = layout.x[i]! - x0;
    const dy = layout.y[i]! - y0;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0 || aside > SIDE_MAX * ahead) continue;
    const inCone = aside <= ahead;
    const score = ahead + 2 * aside;
    if ((inCone && !bestInCone) || (inCone === bestInCone && score < bestScore)) {
      best = i;
      bestScore = score;
      bestInCone = inCone;
    }
  }
  return best;
}

/** The eligible mark nearest to a point, or -1: where the keyboard lands when its mark left the view. */
export function nearestTo(layout: MarkLayout, px: number, py: number, eligible: (i: number) => boolean): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < layout.ids.length; i++) {
    if (!eligible(i)) continue;
    const distance = (layout.x[i]! - px) ** 2 + (layout.y[i]! - py) ** 2;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Titles beside marks

/** A title beside a mark reads to the right of it, or to the left near the right edge. */
export function labelAnchor(px: number, plotWidth: number): 'start' | 'end' {
  return px > plotWidth * 0.7 ? 'end' : 'start';
}

/** Titles longer than this are cut (with the mark's number, which the key and hover resolve). */
export const LABEL_MAX = 30;

export interface MarkLabel {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
  /** A title beside the mark, or only the mark's number where no title fits. */
  kind: 'title' | 'number';
  /** The text shows the mark's number (a number, or a cut title): the key gives the title whole. */
  numbered: boolean;
}

export interface LabelBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Whether `box` runs into any of `placed`. */
function overlapsAny(placed: readonly LabelBox[], box: LabelBox): boolean {
  return placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1);
}

/** Where the quadrants' names sit (top and bottom corners of the plot): titles keep off them. */
export function quadrantCaptionBoxes(plotWidth: number, plotHeight: number, captions: readonly string[]): LabelBox[] {
  // Captions are upper case, bold and a little larger than titles.
  const width = (text: string) => textWidth(text) * 1.25;
  const [testFirst = '', plan = '', watch = '', park = ''] = captions;
  return [
    { x0: plotWidth - 10 - width(testFirst), x1: plotWidth, y0: 6, y1: 26 },
    { x0: 0, x1: 10 + width(plan), y0: 6, y1: 26 },
    { x0: plotWidth - 10 - width(watch), x1: plotWidth, y0: plotHeight - 26, y1: plotHeight },
    { x0: 0, x1: 10 + width(park), y0: plotHeight - 26, y1: plotHeight },
  ];
}

/** Half the height of a number beside a mark (11 px bold), and of one drawn on its mark (9 px). */
const NUMBER_HALF = 6;
const ON_MARK_HALF = 4.5;

/** The room a label's text takes, from where it is anchored. */
export function labelBox(label: Pick<MarkLabel, 'x' | 'y' | 'anchor' | 'text' | 'kind'>): LabelBox {
  if (label.kind === 'title') {
    const width = textWidth(label.text);
    const x0 = label.anchor === 'end' ? label.x - width : label.x;
    return { x0, x1: x0 + width, y0: label.y - 13, y1: label.y + 3 };
  }
  const half = label.anchor === 'middle' ? ON_MARK_HALF : NUMBER_HALF;
  const width = textWidth(label.text, label.anchor === 'middle' ? 5.6 : CHAR_PX);
  const x0 = label.anchor === 'end' ? label.x - width : label.anchor === 'middle' ? label.x - width / 2 : label.x;
  // Numbers are drawn centred on their y (dominant-baseline: central).
  return { x0, x1: x0 + width, y0: label.y - half, y1: label.y + half };
}

/** Where a number may go around its mark: beside, above, below, then the diagonals. */
const NUMBER_SPOTS: readonly { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' }[] = [
  { dx: 9, dy: 0, anchor: 'start' },
  { dx: -9, dy: 0, anchor: 'end' },
  { dx: 0, dy: -13, anchor: 'middle' },
  { dx: 0, dy: 13, anchor: 'middle' },
  { dx: 8, dy: -10, anchor: 'start' },
  { dx: -8, dy: -10, anchor: 'end' },
  { dx: 8, dy: 10, anchor: 'start' },
  { dx: -8, dy: 10, anchor: 'end' },
];

/** Above this many marks drawn, marks get no numbers (the list and the hover still name them). */
export const NUMBERED_MAX = 300;

/**
 * Titles beside marks, and a number for every other mark drawn, so a reader can tell which mark
 * is which however crowded the map is (the key, the hover title and the list give the number's
 * item). A title goes on a lone mark's right (its left near the right edge), or on the other side
 * when that one is taken; nothing runs into a title or number already placed, a quadrant's name
 * or another mark. A title too long is cut and numbered. A mark with no room for its title gets
 * its number beside it, nearer to it than to any other mark; failing that, on the mark itself.
 */
export function placeLabels(
  items: readonly { id: string; title: string; number: number }[],
  layout: MarkLayout,
  offsets: ReadonlyMap<string, Offset>,
  plotWidth: number,
  /** Space that is taken already (the quadrants' names, the crowds' counts). */
  reserved: readonly LabelBox[] = [],
  drawn: (i: number) => boolean = () => true,
): MarkLabel[] {
  const shown = items.flatMap((item, i) => (drawn(i) ? [{ item, i }] : []));
  // Past a few hundred marks numbers are unreadable and placing them costs a frame many times
  // over: titles only, where they fit, as before numbers.
  const numbering = shown.length <= NUMBERED_MAX;
  const marks = (numbering ? shown : []).map(({ i }) => ({ x0: layout.x[i]! - MARK_HALF + 1, x1: layout.x[i]! + MARK_HALF - 1, y0: layout.y[i]! - MARK_HALF + 1, y1: layout.y[i]! + MARK_HALF - 1 }));
  const placed: LabelBox[] = [...reserved, ...marks];
  const out: MarkLabel[] = [];
  const unlabelled: typeof shown = [];
  for (const entry of shown) {
    const { item, i } = entry;
    if ((offsets.get(item.id)?.clusterSize ?? 1) !== 1) {
      unlabelled.push(entry);
      continue;
    }
    const px = layout.x[i]!;
    const py = layout.y[i]!;
    const room = textWidth('x'.repeat(LABEL_MAX));
    const whole = truncate(item.title, room) === item.title;
    const text = whole ? item.title : truncate(`${item.number} · ${item.title}`, room);
    const candidates = (['start', 'end'] as const).map((anchor) => ({ id: item.id, x: anchor === 'start' ? px + 10 : px - 10, y: py + 4, anchor, text, kind: 'title' as const, numbered: !whole }));
    // The preferred side: the right, or the left near the right edge.
    if (labelAnchor(px, plotWidth) === 'end') candidates.reverse();
    const others = placed.filter((b) => b !== marks[out.length + unlabelled.length]);
    // A side that is free and on the plot, else the preferred side when free (its end may reach the margin).
    const free = candidates.filter((c) => !overlapsAny(others, labelBox(c)));
    const label = free.find((c) => labelBox(c).x0 >= 0 && labelBox(c).x1 <= plotWidth) ?? (free[0] === candidates[0] ? free[0] : undefined);
    if (!label) {
      unlabelled.push(entry);
      continue;
    }
    placed.push(labelBox(label));
    out.push(label);
  }
  for (const { item, i } of numbering ? unlabelled : []) {
    const px = layout.x[i]!;
    const py = layout.y[i]!;
    const own = marks[shown.findIndex((s) => s.i === i)];
    const others = placed.filter((b) => b !== own);
    const text = String(item.number);
    const nearestIsOwn = (box: LabelBox) => {
      const cx = (box.x0 + box.x1) / 2;
      const cy = (box.y0 + box.y1) / 2;
      const mine = Math.hypot(px - cx, py - cy);
      return shown.every((s) => s.i === i || Math.hypot(layout.x[s.i]! - cx, layout.y[s.i]! - cy) > mine);
    };
    const beside = NUMBER_SPOTS.map((spot) => ({ id: item.id, x: px + spot.dx, y: py + spot.dy, anchor: spot.anchor, text, kind: 'number' as const, numbered: true })).find(
      (c) => {
        const box = labelBox(c);
        return !overlapsAny(others, box) && nearestIsOwn(box);
      },
    );
    const label = beside ?? { id: item.id, x: px, y: py, anchor: 'middle' as const, text, kind: 'number' as const, numbered: true };
    if (beside) placed.push(labelBox(beside));
    out.push(label);
  }
  return out;
}

/** The map's key: number and whole title of every mark that shows only its number or a cut title, by number. */
export function mapKey(items: readonly { id: string; title: string; number: number }[], labels: readonly MarkLabel[]): { number: number; title: string }[] {
  const numbered = new Set(labels.filter((l) => l.numbered).map((l) => l.id));
  return items
    .filter((item) => numbered.has(item.id))
    .map((item) => ({ number: item.number, title: item.title }))
    .sort((a, b) => a.number - b.number);
}

// ---------------------------------------------------------------------------------------------
// Counts over crowded spots

export interface ClusterCaption {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
}

/** The room a crowd's count takes: the marks' numbers keep off it. */
export function captionBox(caption: Omit<ClusterCaption, 'id'>): LabelBox {
  const width = textWidth(caption.text);
  const x0 = caption.anchor === 'end' ? caption.x - width : caption.anchor === 'start' ? caption.x : caption.x - width / 2;
  return { x0, x1: x0 + width, y0: caption.y - 10, y1: caption.y + 3 };
}

/** Spots shared by at least this many items say how many: two marks side by side speak for themselves. */
export const CAPTION_MIN = 3;

/**
 * "7 here" (or "7 to place" in the middle, where new items wait) over each crowded spot in view,
 * skipping any that would run into one already placed, so a dense map stays readable.
 */
export function clusterCaptions(
  items: readonly { id: string; impact: number; uncertainty: number; unplaced: boolean }[],
  offsets: ReadonlyMap<string, Offset>,
  scales: MapScales,
  transform: MapTransform,
): ClusterCaption[] {
  const placed: LabelBox[] = [];
  const out: ClusterCaption[] = [];
  for (const item of items) {
    const o = offsets.get(item.id);
    if (!o || !o.first || o.clusterSize < CAPTION_MIN) continue;
    const spot = { px: transform.k * scales.x(item.uncertainty) + transform.x, py: transform.k * scales.y(item.impact) + transform.y };
    if (spot.px < 0 || spot.py < 0 || spot.px > scales.innerWidth || spot.py > scales.innerHeight) continue;
    const centre = clusterCentre(spot.px, spot.py, o.clusterRadius, scales);
    const text = `${o.clusterSize} ${item.unplaced ? 'to place' : 'here'}`;
    const anchor = centre.px > scales.innerWidth - 30 ? 'end' : centre.px < 30 ? 'start' : 'middle';
    const caption = { id: item.id, x: centre.px, y: centre.py - o.clusterRadius - 12, anchor, text } as const;
    const box = captionBox(caption);
    if (overlapsAny(placed, box)) continue;
    placed.push(box);
    out.push(caption);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Trails: where items went since the last session

export interface TrailPoint {
  impact: number;
  uncertainty: number;
}

export interface Trail {
  id: string;
  /** From where the item was at `since`, through each place it was moved to after, to where it is now. */
  points: TrailPoint[];
}

/**
 * Each item's path since a moment: from where it was then (`start`, by id), through its history
 * points after it, to where it is now; repeated places (a status change, a move back) count once
 * in a row. Items not placed then (added since) and items that did not move have no trail.
 */
export function trailsSince(items: readonly Pick<UncertaintyItem, 'id' | 'impact' | 'uncertainty' | 'history'>[], start: ReadonlyMap<string, TrailPoint>, since: number): Trail[] {
  const trails: Trail[] = [];
  for (const item of items) {
    const from = start.get(item.id);
    if (!from) continue;
    const points: TrailPoint[] = [{ impact: from.impact, uncertainty: from.uncertainty }];
    const add = (p: TrailPoint) => {
      const last = points[points.length - 1]!;
      if (last.impact !== p.impact || last.uncertainty !== p.uncertainty) points.push({ impact: p.impact, uncertainty: p.uncertainty });
    };
    for (const p of item.history) if (p.at > since) add(p);
    add(item);
    if (points.length > 1) trails.push({ id: item.id, points });
  }
  return trails;
}

/**
 * A trail's line in plot pixels, its last segment stopped `gap` px short of the end so the
 * arrowhead there is not hidden under the item's mark. Segments shorter than the gap keep their end.
 */
export function trailLine(points: readonly { px: number; py: number }[], gap = MARK_HALF + 2): { px: number; py: number }[] {
  if (points.length < 2) return [...points];
  const end = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const length = Math.hypot(end.px - before.px, end.py - before.py);
  if (length <= gap * 2) return [...points];
  const k = (length - gap) / length;
  return [...points.slice(0, -1), { px: before.px + (end.px - before.px) * k, py: before.py + (end.py - before.py) * k }];
}
