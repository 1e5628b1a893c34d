import { oldestFirst } from '../order';
import { DEFAULT_ITEM_SORT, sortItems } from '../uncertainty/list-sort';
import type { Layer, UncertaintyItem } from '../uncertainty/model';
import { isUnplaced, quadrantOf } from '../uncertainty/quadrants';

// What the report's uncertainty section lists, by the area's own rules: the marks' numbers as the
// map numbers them, and the items to test first as the list ranks them.

/** Each item's number on the map: the order items were added, from 1 (the map and its list show the same). */
export function mapNumbers(items: readonly UncertaintyItem[]): Map<string, number> {
  return new Map(oldestFirst(items).map((item, i) => [item.id, i + 1]));
}

/** Still being worked on: an item validated, invalidated, mitigated, accepted or closed needs no test. */
const UNRESOLVED = new Set<UncertaintyItem['status']>(['open', 'testing']);

/**
 * The items to test first: placed in the high impact, high uncertainty quadrant and not yet
 * resolved, ranked as the item list ranks by default (highest impact first).
 */
export function testFirstItems(items: readonly UncertaintyItem[], layers: readonly Pick<Layer, 'id' | 'order'>[]): UncertaintyItem[] {
  const chosen = items.filter((item) => UNRESOLVED.has(item.status) && !isUnplaced(item) && quadrantOf(item.impact, item.uncertainty) === 'test-first');
  return sortItems(chosen, DEFAULT_ITEM_SORT, layers);
}
