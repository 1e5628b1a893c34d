import { HORIZONS, type Horizon, type RoadmapItem } from './model';

// The board's maths: items in their horizon's columns, and where a move (a drag, Alt+arrow keys,
// the "Move to" menu) puts an item. A move renumbers the columns it touches, from 0 without gaps.

export type Columns<T extends Pick<RoadmapItem, 'horizon' | 'order'> = RoadmapItem> = Record<Horizon, T[]>;

/** The items of each horizon in their order (ties by creation, then id, so every window agrees). */
export function boardColumns<T extends Pick<RoadmapItem, 'id' | 'horizon' | 'order' | 'createdAt'>>(items: readonly T[]): Columns<T> {
  const columns = { now: [], next: [], later: [] } as Columns<T>;
  for (const item of items) columns[item.horizon].push(item);
  for (const horizon of HORIZONS) columns[horizon].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return columns;
}

/** Where an item goes: a horizon and a position in it. */
export interface Place {
  horizon: Horizon;
  index: number;
}

/** What a move changes: each item's new horizon and order (only those that change). */
export type Placement = { id: string; horizon: Horizon; order: number }[];

/**
 * The items whose horizon or order change when `id` moves to `to` (the index counted in the
 * column without the item, kept within it). Empty when the item is not there or stays put.
 */
export function placeItem<T extends Pick<RoadmapItem, 'id' | 'horizon' | 'order' | 'createdAt'>>(items: readonly T[], id: string, to: Place): Placement {
  const columns = boardColumns(items);
  const moving = items.find((item) => item.id === id);
  if (!moving) return [];
  const source = columns[moving.horizon].filter((item) => item.id !== id);
  const target = to.horizon === moving.horizon ? source : [...columns[to.horizon]];
  target.splice(Math.max(0, Math.min(target.length, to.index)), 0, moving);
  const changed: Placement = [];
  const renumber = (column: readonly T[], horizon: Horizon) =>
    column.forEach((item, order) => {
      if (item.order !== order || item.horizon !== horizon) changed.push({ id: item.id, horizon, order });
    });
  renumber(target, to.horizon);
  if (to.horizon !== moving.horizon) renumber(source, moving.horizon);
  return changed;
}

export type BoardKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * Where Alt+arrow takes an item: up and down within its horizon, left and right to the horizon
 * beside it at the same position (or its end). Undefined at an edge: nothing to do.
 */
export function keyboardPlace(columns: Columns<Pick<RoadmapItem, 'id' | 'horizon' | 'order'>>, id: string, key: BoardKey): Place | undefined {
  const horizon = HORIZONS.find((h) => columns[h].some((item) => item.id === id));
  if (!horizon) return undefined;
  const index = columns[horizon].findIndex((item) => item.id === id);
  if (key === 'ArrowUp') return index > 0 ? { horizon, index: index - 1 } : undefined;
  if (key === 'ArrowDown') return index < columns[horizon].length - 1 ? { horizon, index: index + 1 } : undefined;
  const beside = HORIZONS[HORIZONS.indexOf(horizon) + (key === 'ArrowLeft' ? -1 : 1)];
  if (!beside) return undefined;
  return { horizon: beside, index: Math.min(index, columns[beside].length) };
}
