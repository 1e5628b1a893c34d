// The rules of every change of the uncertainty map, pure: what may be stored, cleaned, or a
// sentence saying why not. The repository reads, applies them and writes; forms use the same
// checks for their inline messages.

import { checkLongText, checkOneLine, checkTextFields, failed, passed, withoutDirectionControls, type Check } from '../check';
import { isDay } from '../dates';
import { applyItemPatch, initialHistory, type ItemPatch } from './history';
import { nextLayerColor } from './stack';
import {
  clampScore,
  ITEM_OWNER_MAX,
  ITEM_TEXT_MAX,
  ITEM_TITLE_MAX,
  LAYER_NAME_MAX,
  STATUS_LABELS,
  TAG_MAX,
  TAGS_MAX,
  type ItemKind,
  type ItemStatus,
  type Layer,
  type UncertaintyItem,
} from './model';

export function checkItemTitle(raw: string): Check<string> {
  return checkOneLine(raw, ITEM_TITLE_MAX, 'title', 'Give the item a title.');
}

export function checkLayerName(raw: string): Check<string> {
  return checkOneLine(raw, LAYER_NAME_MAX, 'layer name', 'Give the layer a name.');
}

export function checkLayerColor(color: string): Check<string> {
  return /^#[0-9a-f]{6}$/i.test(color) ? passed(color) : failed('Pick a colour.');
}

/** A new layer at the bottom of the stack, in a colour the stack does not use yet. */
export function newLayer(programId: string, raw: string, existing: readonly Layer[], id: string): Check<Layer> {
  const name = checkLayerName(raw);
  if (!name.ok) return name;
  return passed({ id, programId, name: name.value, description: '', color: nextLayerColor(existing), order: existing.length });
}

export type LayerPatch = Partial<Pick<Layer, 'name' | 'description' | 'color'>>;

/** Cleans and checks an edit of a layer: a name, a description a file can hold, a colour. */
export function checkLayerPatch(patch: LayerPatch): Check<LayerPatch> {
  const out: LayerPatch = { ...patch };
  if (out.name !== undefined) {
    const name = checkLayerName(out.name);
    if (!name.ok) return name;
    out.name = name.value;
  }
  // The description is stored as cleaned, as an item's is.
  const texts = checkTextFields(out, { description: 'description' }, ITEM_TEXT_MAX);
  if (!texts.ok) return texts;
  if (out.color !== undefined) {
    const color = checkLayerColor(out.color);
    if (!color.ok) return color;
  }
  return texts;
}

const LONG_FIELDS = { description: 'description', nextStep: 'next step' } as const;
const OWNER_FIELDS = { ownerPerson: 'owner', ownerFunction: 'owning function' } as const;

/** Cleans and checks an edit of an item the way every write needs, so every export re-imports. */
export function checkItemPatch(patch: ItemPatch): Check<ItemPatch> {
  const out: ItemPatch = { ...patch };
  if (out.title !== undefined) {
    const title = checkItemTitle(out.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  const long = checkTextFields(out, LONG_FIELDS, ITEM_TEXT_MAX);
  if (!long.ok) return long;
  const texts = checkTextFields(long.value, OWNER_FIELDS, ITEM_OWNER_MAX);
  if (!texts.ok) return texts;
  Object.assign(out, texts.value);
  if (out.reviewDate !== undefined && out.reviewDate !== '' && !isDay(out.reviewDate)) return failed('Give the review date as a date.');
  if (out.tags !== undefined) {
    out.tags = out.tags.map(withoutDirectionControls);
    if (out.tags.length > TAGS_MAX) return failed(`An item has up to ${TAGS_MAX} tags.`);
    if (out.tags.some((tag) => tag.trim() === '' || tag.length > TAG_MAX)) return failed(`Keep each tag under ${TAG_MAX} characters.`);
  }
  for (const score of [out.impact, out.uncertainty]) {
    if (score !== undefined && !Number.isFinite(score)) return failed('Place the item with a number from 1 to 5.');
  }
  return passed(out);
}

/** What an edit of an item is called in the undo history: "Undid: Move item." */
const ITEM_EDIT_LABELS: [keyof ItemPatch, string][] = [
  ['impact', 'Move item'],
  ['uncertainty', 'Move item'],
  ['title', 'Edit title'],
  ['description', 'Edit description'],
  ['nextStep', 'Edit next step'],
  ['ownerPerson', 'Edit owner'],
  ['ownerFunction', 'Edit owner function'],
  ['tags', 'Edit tags'],
  ['kind', 'Change kind'],
  ['layerId', 'Change layer'],
  ['status', 'Change status'],
  ['reviewDate', 'Set review date'],
  ['metricIds', 'Change linked metrics'],
];

export function itemEditLabel(patch: ItemPatch): string {
  return ITEM_EDIT_LABELS.find(([field]) => patch[field] !== undefined)?.[1] ?? 'Edit item';
}

/** What was learned about an item, and where it moves the item (unset: no change). */
export interface EvidenceInput {
  date: string;
  learned: string;
  source: string;
  impact?: number;
  uncertainty?: number;
  status?: ItemStatus;
}

/** The texts of new evidence: a real day, something learned, lengths a file can hold. */
export function checkEvidenceInput(input: EvidenceInput): Check<EvidenceInput> {
  if (!isDay(input.date)) return failed('Give the day it was learned as a date.');
  const learned = checkLongText(input.learned.trim(), ITEM_TEXT_MAX, 'note of what was learned');
  if (learned.ok && !learned.value.trim()) return failed('Say what was learned.');
  const source = checkLongText(input.source.trim(), ITEM_TEXT_MAX, 'source');
  if (!learned.ok) return learned;
  if (!source.ok) return source;
  for (const score of [input.impact, input.uncertainty]) {
    if (score !== undefined && !Number.isFinite(score)) return failed('Give the new score as a number from 1 to 5.');
  }
  return passed({ ...input, learned: learned.value.trim(), source: source.value.trim() });
}

/**
 * `item` with the evidence recorded: in date order, saying in words how it moved the item
 * ("impact 3 → 4, status open → testing"), and the move applied to the item and its history.
 */
export function recordEvidence(item: UncertaintyItem, input: EvidenceInput, id: string, at: number): Check<UncertaintyItem> {
  const checked = checkEvidenceInput(input);
  if (!checked.ok) return checked;
  const { date, learned, source } = checked.value;
  const patch: ItemPatch = {};
  const moves: string[] = [];
  const impact = input.impact === undefined ? undefined : clampScore(input.impact);
  const uncertainty = input.uncertainty === undefined ? undefined : clampScore(input.uncertainty);
  if (impact !== undefined && impact !== item.impact) {
    patch.impact = impact;
    moves.push(`impact ${item.impact} → ${impact}`);
  }
  if (uncertainty !== undefined && uncertainty !== item.uncertainty) {
    patch.uncertainty = uncertainty;
    moves.push(`uncertainty ${item.uncertainty} → ${uncertainty}`);
  }
  if (input.status && input.status !== item.status) {
    patch.status = input.status;
    moves.push(`status ${STATUS_LABELS[item.status].toLowerCase()} → ${STATUS_LABELS[input.status].toLowerCase()}`);
  }
  const entry = { id, date, learned, source, effect: moves.join(', ') };
  const evidence = [...item.evidence, entry].sort((a, b) => a.date.localeCompare(b.date));
  return passed(applyItemPatch(item, { ...patch, evidence }, at));
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


/** Whether `layerId` may be removed with its items going to `moveItemsTo` (null: deleted with it). */
export function checkLayerRemoval(layers: readonly Layer[], layerId: string, moveItemsTo: string | null): Check<null> {
  if (layers.length <= 1) return failed('A map needs at least one layer.');
  if (moveItemsTo === layerId || (moveItemsTo && !layers.some((l) => l.id === moveItemsTo))) return failed('Choose another layer for its items.');
  return passed(null);
}
