// The rules of every change of the uncertainty map, pure: what may be stored, cleaned, or a
// sentence saying why not. The repository reads, applies them and writes; forms use the same
// checks for their inline messages.

import { checkOneLine, failed, passed, type Check } from '../check';
import { initialHistory } from './history';
import { clampScore, ITEM_TITLE_MAX, LAYER_NAME_MAX, type ItemKind, type Layer, type UncertaintyItem } from './model';

export function checkItemTitle(raw: string): Check<string> {
  return checkOneLine(raw, ITEM_TITLE_MAX, 'title', 'Give the item a title.');
}

export function checkLayerName(raw: string): Check<string> {
  return checkOneLine(raw, LAYER_NAME_MAX, 'layer name', 'Give the layer a name.');
}

export function checkLayerColor(color: string): Check<string> {
  return /^#[0-9a-f]{6}$/i.test(color) ? passed(color) : failed('Pick a colour.');
}

export interface NewItem {
  title: string;
  layerId: string;
  kind: ItemKind;
  impact?: number;
  uncertainty?: number;
}

/** A new item as stored: placed mid-map unless told, open, with its first history point. */
export function newItem(programId: string, input: NewItem, id: string, time: number): Check<UncertaintyItem> {
  const title = checkItemTitle(input.title);
  if (!title.ok) return title;
  const placed = { impact: clampScore(input.impact ?? 3), uncertainty: clampScore(input.uncertainty ?? 3), status: 'open' as const };
  return passed({
    id,
    programId,
    layerId: input.layerId,
    title: title.value,
    description: '',
    kind: input.kind,
    ...placed,
    ownerPerson: '',
    ownerFunction: '',
    nextStep: '',
    reviewDate: '',
    tags: [],
    metricIds: [],
    evidence: [],
    history: initialHistory(placed, time),
    createdAt: time,
    updatedAt: time,
  });
}

/** An item's links once `deleted` metrics are gone; undefined when it named none of them. */
export function itemLinksAfterMetricsDeleted(item: Pick<UncertaintyItem, 'metricIds'>, deleted: readonly string[]): string[] | undefined {
  const gone = new Set(deleted);
  return item.metricIds.some((id) => gone.has(id)) ? item.metricIds.filter((id) => !gone.has(id)) : undefined;
}

/** Whether `layerId` may be removed with its items going to `moveItemsTo` (null: deleted with it). */
export function checkLayerRemoval(layers: readonly Layer[], layerId: string, moveItemsTo: string | null): Check<null> {
  if (layers.length <= 1) return failed('A map needs at least one layer.');
  if (moveItemsTo === layerId || (moveItemsTo && !layers.some((l) => l.id === moveItemsTo))) return failed('Choose another layer for its items.');
  return passed(null);
}
