// The order of the uncertainty list: by any column, either way, ties by title.

import { ownerLabel } from './filters';
import type { Layer, UncertaintyItem } from './model';
import { isUnplaced, quadrantOf } from './quadrants';

export const ITEM_COLUMNS = ['title', 'layer', 'kind', 'impact', 'uncertainty', 'quadrant', 'status', 'owner', 'review'] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

export type ItemSort = {
  by: ItemColumn;
  descending: boolean;
};

/** The list starts with the items that matter most: the highest impact first. */
export const DEFAULT_ITEM_SORT: ItemSort = { by: 'impact', descending: true };

/** Clicking a column sorts by it; clicking it again turns the order round. Scores start highest first. */
export function nextItemSort(current: ItemSort, column: ItemColumn): ItemSort {
  if (current.by === column) return { by: column, descending: !current.descending };
  return { by: column, descending: column === 'impact' || column === 'uncertainty' };
}

const QUADRANT_ORDER = ['test-first', 'plan', 'watch', 'park'];

function key(item: UncertaintyItem, column: ItemColumn, layerOrder: ReadonlyMap<string, number>): string | number {
  switch (column) {
    case 'title':
      return item.title.toLocaleLowerCase();
    case 'layer':
      return layerOrder.get(item.layerId) ?? 999;
    case 'kind':
      return item.kind;
    case 'impact':
      return item.impact;
    case 'uncertainty':
      return item.uncertainty;
    case 'quadrant':
      return isUnplaced(item) ? 4 : QUADRANT_ORDER.indexOf(quadrantOf(item.impact, item.uncertainty));
    case 'status':
      return item.status;
    case 'owner':
      return ownerLabel(item).toLocaleLowerCase();
    case 'review':
      // Items without a review date go last.
      return item.reviewDate || '9999';
  }
}

export function sortItems(items: readonly UncertaintyItem[], sort: ItemSort, layers: readonly Pick<Layer, 'id' | 'order'>[]): UncertaintyItem[] {
  const layerOrder = new Map(layers.map((l) => [l.id, l.order]));
  const dir = sort.descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a, sort.by, layerOrder);
    const kb = key(b, sort.by, layerOrder);
    if (ka < kb) return -dir;
    if (ka > kb) return dir;
    return a.title.localeCompare(b.title);
  });
}
