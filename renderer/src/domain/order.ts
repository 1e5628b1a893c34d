// The orders Keel keeps lists in, written once: lists the user puts in order (layers,
// functions, options, criteria) and records listed as they were made (metrics, matrices, items).

/** Sorted by `order` and numbered from 0 without gaps. */
export function renumbered<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order).map((item, order) => ({ ...item, order }));
}

/** One entry moved to `toIndex` (kept within the list), every entry numbered again; undefined when it is not there. */
export function movedTo<T extends { id: string; order: number }>(items: readonly T[], id: string, toIndex: number): T[] | undefined {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  const from = sorted.findIndex((item) => item.id === id);
  if (from < 0) return undefined;
  const [moving] = sorted.splice(from, 1);
  sorted.splice(Math.max(0, Math.min(sorted.length, toIndex)), 0, moving!);
  return sorted.map((item, order) => ({ ...item, order }));
}

/** A list in array order with one entry a place up (-1) or down (1); at either end it stays as it is. */
export function movedBy<T extends { id: string }>(list: readonly T[], id: string, delta: -1 | 1): T[] {
  const from = list.findIndex((x) => x.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Records as they were made, oldest first; the id settles records made in the same millisecond. */
export function oldestFirst<T extends { createdAt: number; id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
