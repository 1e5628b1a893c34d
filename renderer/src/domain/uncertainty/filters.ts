import type { ItemKind, ItemStatus, UncertaintyItem } from './model';
import { isStale } from './staleness';

export interface ItemFilter {
  layerIds: string[];
  kinds: ItemKind[];
  statuses: ItemStatus[];
  owners: string[];
  tags: string[];
  text: string;
  staleOnly: boolean;
}

export const EMPTY_FILTER: ItemFilter = {
  layerIds: [],
  kinds: [],
  statuses: [],
  owners: [],
  tags: [],
  text: '',
  staleOnly: false,
};

export function isFilterEmpty(filter: ItemFilter): boolean {
  return (
    filter.layerIds.length + filter.kinds.length + filter.statuses.length + filter.owners.length + filter.tags.length === 0 &&
    filter.text.trim() === '' &&
    !filter.staleOnly
  );
}

/** The owner as one label: "Priya (Product)", "Priya", "(Product)" or "". */
export function ownerLabel(item: Pick<UncertaintyItem, 'ownerPerson' | 'ownerFunction'>): string {
  const person = item.ownerPerson.trim();
  const fn = item.ownerFunction.trim();
  if (person && fn) return `${person} (${fn})`;
  return person || (fn ? `(${fn})` : '');
}

/**
 * A predicate for the filter. Within one facet any selected value matches (OR); across facets
 * all must match (AND). Text matches every word in title, description, next step, owner or tags.
 */
export function itemMatcher(filter: ItemFilter, now: number, staleAfterDays: number): (item: UncertaintyItem) => boolean {
  const layers = new Set(filter.layerIds);
  const kinds = new Set<string>(filter.kinds);
  const statuses = new Set<string>(filter.statuses);
  const owners = new Set(filter.owners);
  const tags = new Set(filter.tags.map((t) => t.toLocaleLowerCase()));
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return (item) => {
    if (layers.size && !layers.has(item.layerId)) return false;
    if (kinds.size && !kinds.has(item.kind)) return false;
    if (statuses.size && !statuses.has(item.status)) return false;
    if (owners.size && !owners.has(ownerLabel(item))) return false;
    if (tags.size && !item.tags.some((t) => tags.has(t.toLocaleLowerCase()))) return false;
    if (words.length) {
      const text = `${item.title}\n${item.description}\n${item.nextStep}\n${ownerLabel(item)}\n${item.tags.join(' ')}`.toLocaleLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    if (filter.staleOnly && !isStale(item, now, staleAfterDays)) return false;
    return true;
  };
}

export function filterItems(items: readonly UncertaintyItem[], filter: ItemFilter, now: number, staleAfterDays: number): UncertaintyItem[] {
  if (isFilterEmpty(filter)) return items.slice();
  return items.filter(itemMatcher(filter, now, staleAfterDays));
}

/** Tags and owners in use, for the filter menus. */
export function facetValues(items: readonly UncertaintyItem[]): { owners: string[]; tags: string[] } {
  const owners = new Set<string>();
  const tags = new Map<string, string>();
  for (const item of items) {
    const owner = ownerLabel(item);
    if (owner) owners.add(owner);
    for (const tag of item.tags) if (!tags.has(tag.toLocaleLowerCase())) tags.set(tag.toLocaleLowerCase(), tag);
  }
  const sort = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return { owners: [...owners].sort(sort), tags: [...tags.values()].sort(sort) };
}
