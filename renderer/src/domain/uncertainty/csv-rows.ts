// Uncertainty items from CSV rows: the fields a column may fill, and one row read with the map's
// own rules (edits.ts checkItemPatch and newItem), so an imported item is one the app could have
// made. A layer is named by its name; a name the map does not have is a row problem rather than
// a new layer, so a typo never adds a layer nobody asked for.

import { failed, passed, type Check } from '../check';
import { readChoice, failures, type ImportKind } from '../csv-import';
import { ANY_YEAR, readCsvDay, type Delimiter } from '../csv-table';
import { readNumber } from '../numbers';
import { quoted } from '../words';
import { parseTags } from './capture';
import { checkItemPatch, newItem } from './edits';
import { initialHistory } from './history';
import {
  KIND_LABELS,
  SCORE_MAX,
  SCORE_MIN,
  STATUS_LABELS,
  clampScore,
  type Layer,
  type UncertaintyItem,
} from './model';

export type ItemField =
  | 'title'
  | 'kind'
  | 'layer'
  | 'impact'
  | 'uncertainty'
  | 'status'
  | 'ownerPerson'
  | 'ownerFunction'
  | 'description'
  | 'nextStep'
  | 'tags'
  | 'reviewDate';

/** An item as a row gives it, checked; `importedItem` makes the stored record. */
export type ImportedItem = Pick<
  UncertaintyItem,
  'title' | 'layerId' | 'kind' | 'impact' | 'uncertainty' | 'status' | 'ownerPerson' | 'ownerFunction' | 'description' | 'nextStep' | 'tags' | 'reviewDate'
>;

/** What reading a row needs: the map's layers, and where a row that names none goes. */
export interface ItemImportContext {
  layers: readonly Layer[];
  defaultLayerId: string | undefined;
}

export const ITEM_IMPORT: ImportKind<ItemField, ImportedItem, ItemImportContext> = {
  noun: 'item',
  fields: [
    { key: 'title', label: 'Title', required: true, names: ['title', 'name', 'summary', 'item', 'subject', 'headline'] },
    { key: 'kind', label: 'Kind', names: ['kind', 'type', 'category', 'item type'] },
    { key: 'layer', label: 'Layer', names: ['layer', 'layer name', 'stack layer', 'area', 'component'] },
    { key: 'impact', label: 'Impact', names: ['impact', 'severity', 'consequence', 'effect'] },
    { key: 'uncertainty', label: 'Uncertainty', names: ['uncertainty', 'likelihood', 'probability', 'confidence gap', 'unknownness'] },
    { key: 'status', label: 'Status', names: ['status', 'state'] },
    { key: 'ownerPerson', label: 'Owner', names: ['owner', 'owner person', 'assignee', 'responsible', 'who'] },
    { key: 'ownerFunction', label: 'Owning function', names: ['owning function', 'owner function', 'function', 'team'] },
    { key: 'description', label: 'Description', names: ['description', 'details', 'detail', 'notes', 'note', 'body'] },
    { key: 'nextStep', label: 'Next step', names: ['next step', 'experiment', 'mitigation', 'action', 'next action'] },
    { key: 'tags', label: 'Tags', names: ['tags', 'tag', 'labels', 'keywords'] },
    { key: 'reviewDate', label: 'Review date', names: ['review date', 'review', 'review by', 'due', 'due date', 'revisit'] },
  ],
  readRow: readItemRow,
  describe: (item, { layers }) => ({
    title: item.title,
    kind: KIND_LABELS[item.kind],
    layer: layers.find((l) => l.id === item.layerId)?.name ?? '',
    impact: String(item.impact),
    uncertainty: String(item.uncertainty),
    status: STATUS_LABELS[item.status],
    ownerPerson: item.ownerPerson,
    ownerFunction: item.ownerFunction,
    description: item.description,
    nextStep: item.nextStep,
    tags: item.tags.join(', '),
    reviewDate: item.reviewDate,
  }),
};

function readItemRow(cells: Partial<Record<ItemField, string>>, context: ItemImportContext, delimiter: Delimiter): Check<ImportedItem> {
  const layer = readLayer(cells.layer, context);
  const kind = readChoice(cells.kind, KIND_LABELS, 'kind', 'assumption');
  const status = readChoice(cells.status, STATUS_LABELS, 'status', 'open');
  const impact = readScore(cells.impact, 'impact', delimiter);
  const uncertainty = readScore(cells.uncertainty, 'uncertainty', delimiter);
  const reviewDate = cells.reviewDate ? readCsvDay(cells.reviewDate, ANY_YEAR, 'review date') : passed('');
  // Tags are one cell: "a, b" as typed in the app, or "a; b" as spreadsheets often list them.
  const tags = parseTags((cells.tags ?? '').replaceAll(';', ','));
  const rest = checkItemPatch({
    title: cells.title ?? '',
    ownerPerson: cells.ownerPerson ?? '',
    ownerFunction: cells.ownerFunction ?? '',
    description: cells.description ?? '',
    nextStep: cells.nextStep ?? '',
    tags,
  });
  if (!layer.ok || !kind.ok || !status.ok || !impact.ok || !uncertainty.ok || !reviewDate.ok || !rest.ok) {
    return failed(failures([layer, kind, status, impact, uncertainty, reviewDate, rest]) ?? '');
  }
  const checked = rest.value;
  return passed({
    title: checked.title ?? '',
    layerId: layer.value,
    kind: kind.value,
    impact: impact.value,
    uncertainty: uncertainty.value,
    status: status.value,
    ownerPerson: checked.ownerPerson ?? '',
    ownerFunction: checked.ownerFunction ?? '',
    description: checked.description ?? '',
    nextStep: checked.nextStep ?? '',
    tags: checked.tags ?? [],
    reviewDate: reviewDate.value,
  });
}

/** A layer by its name, in any case; an empty cell is the layer new items go to. */
function readLayer(cell: string | undefined, { layers, defaultLayerId }: ItemImportContext): Check<string> {
  const name = (cell ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return defaultLayerId ? passed(defaultLayerId) : failed('The map has no layer to put the item in.');
  const found = layers.find((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  return found ? passed(found.id) : failed(`The layer ${quoted(name)} is not a layer of this map. Add it to the stack first, or change the cell.`);
}

/** Impact or uncertainty: a number from 1 to 5 (one decimal kept, as on the map); empty is the middle, 3. */
function readScore(cell: string | undefined, what: string, delimiter: Delimiter): Check<number> {
  const text = (cell ?? '').trim();
  if (!text) return passed(3);
  const value = readNumber(text, delimiter);
  if (!value.ok || value.value < SCORE_MIN || value.value > SCORE_MAX) {
    return failed(`The ${what} ${quoted(text)} is not a number from ${SCORE_MIN} to ${SCORE_MAX}.`);
  }
  return passed(clampScore(value.value));
}

/** The stored item a row makes: newItem's defaults, then the row's fields, with its first history point where it was placed. */
export function importedItem(programId: string, row: ImportedItem, id: string, time: number): Check<UncertaintyItem> {
  const made = newItem(programId, { title: row.title, layerId: row.layerId, kind: row.kind, impact: row.impact, uncertainty: row.uncertainty }, id, time);
  if (!made.ok) return made;
  const item: UncertaintyItem = {
    ...made.value,
    status: row.status,
    ownerPerson: row.ownerPerson,
    ownerFunction: row.ownerFunction,
    description: row.description,
    nextStep: row.nextStep,
    tags: row.tags,
    reviewDate: row.reviewDate,
  };
  return passed({ ...item, history: initialHistory(item, time) });
}
