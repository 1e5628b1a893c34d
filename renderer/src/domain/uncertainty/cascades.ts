// What edits in other areas do to the uncertainty map. Apart from edits.ts so the metrics area,
// which every window loads, does not bring the map's rules with it.

import type { UncertaintyItem } from './model';

/** An item's links once `deleted` metrics are gone; undefined when it named none of them. */
export function itemLinksAfterMetricsDeleted(item: Pick<UncertaintyItem, 'metricIds'>, deleted: readonly string[]): string[] | undefined {
  const gone = new Set(deleted);
  return item.metricIds.some((id) => gone.has(id)) ? item.metricIds.filter((id) => !gone.has(id)) : undefined;
}
