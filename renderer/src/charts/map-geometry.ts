import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import { SCORE_MAX, SCORE_MIN, type ItemKind } from '../domain/uncertainty/model';

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
