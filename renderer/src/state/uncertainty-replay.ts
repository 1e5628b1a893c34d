import { textOf, writeIfUnchanged, type JsonValue, type PendingEdit, type ReplayHandler } from './pending-edits';
import type { Services } from './services';
import { InvalidInputError } from '../storage/errors';

// Edits on the uncertainty map not yet stored (see pending-edits.ts) go in on the next start or
// a retry, only if nobody changed them since; the repository's rules refuse what may not be
// stored. The repository loads only when there is something to replay, so the map's rules stay
// out of the start-up bundle.

export const ITEM_TEXT_FIELDS = ['title', 'description', 'nextStep', 'ownerPerson', 'ownerFunction'] as const;
export type ItemTextField = (typeof ITEM_TEXT_FIELDS)[number];
export const LAYER_TEXT_FIELDS = ['name', 'description'] as const;
export type LayerTextField = (typeof LAYER_TEXT_FIELDS)[number];

/** The journal's kind for typing in an item's field ("item-title") or a layer's ("layer-name"). */
export const itemTextKind = (field: ItemTextField | 'tags') => `item-${field}`;
export const layerTextKind = (field: LayerTextField) => `layer-${field}`;
/** An item's place on the map, moved by drag or by the arrow keys; its value is `{ impact, uncertainty }`. */
export const ITEM_POSITION = 'item-position';

export type Position = { impact: number; uncertainty: number };

function positionOf(edit: PendingEdit): Position {
  const v = edit.value as { impact?: unknown; uncertainty?: unknown } | null;
  if (!v || typeof v.impact !== 'number' || typeof v.uncertainty !== 'number') throw new InvalidInputError('Not a place on the map.');
  return { impact: v.impact, uncertainty: v.uncertainty };
}

export function uncertaintyReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/uncertainty-repo')).UncertaintyRepository(services.editor);
  const { db } = services;
  const item = (edit: PendingEdit) => db.uncertaintyItems.get(edit.id);
  const entries: [string, ReplayHandler][] = [
    ...LAYER_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      layerTextKind(field),
      async (edit) => writeIfUnchanged((await db.layers.get(edit.id))?.[field], edit, async () => (await repo()).updateLayer(edit.id, { [field]: textOf(edit) })),
    ]),
    [
      itemTextKind('tags'),
      async (edit) =>
        writeIfUnchanged((await item(edit))?.tags.join(', '), edit, async () => {
          const { parseTags } = await import('../domain/uncertainty/capture');
          await (await repo()).updateItem(edit.id, { tags: parseTags(textOf(edit)) });
        }),
    ],
    ...ITEM_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      itemTextKind(field),
      async (edit) => writeIfUnchanged((await item(edit))?.[field], edit, async () => (await repo()).updateItem(edit.id, { [field]: textOf(edit) })),
    ]),
    [
      ITEM_POSITION,
      async (edit) => {
        const stored = await item(edit);
        const at: JsonValue | undefined = stored && { impact: stored.impact, uncertainty: stored.uncertainty };
        return writeIfUnchanged(at, edit, async () => {
          const to = positionOf(edit);
          await (await repo()).moveItem(edit.id, to.impact, to.uncertainty);
        });
      },
    ],
  ];
  return Object.fromEntries(entries);
}
