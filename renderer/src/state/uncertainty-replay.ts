import type { Services } from './services';
import type { ReplayHandler, UnsavedEdit } from './unsaved-journal';

// Typing on the uncertainty map parked when the window closed (see unsaved-journal.ts) goes in
// on the next start, only if nobody changed the text since; the repository's rules refuse what
// may not be stored. The repository loads only when there is something to replay, so the map's
// rules stay out of the start-up bundle.

export const ITEM_TEXT_FIELDS = ['title', 'description', 'nextStep', 'ownerPerson', 'ownerFunction'] as const;
export type ItemTextField = (typeof ITEM_TEXT_FIELDS)[number];
export const LAYER_TEXT_FIELDS = ['name', 'description'] as const;
export type LayerTextField = (typeof LAYER_TEXT_FIELDS)[number];

/** The journal's kind for typing in an item's field ("item-title") or a layer's ("layer-name"). */
export const itemTextKind = (field: ItemTextField | 'tags') => `item-${field}`;
export const layerTextKind = (field: LayerTextField) => `layer-${field}`;

export function uncertaintyReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/uncertainty-repo')).UncertaintyRepository(services.editor);
  const { db } = services;
  const entries: [string, ReplayHandler][] = [
    ...LAYER_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      layerTextKind(field),
      async (edit: UnsavedEdit) => {
        const layer = await db.layers.get(edit.id);
        if (layer && layer[field] === edit.base) await (await repo()).updateLayer(edit.id, { [field]: edit.value });
      },
    ]),
    [
      itemTextKind('tags'),
      async (edit: UnsavedEdit) => {
        const item = await db.uncertaintyItems.get(edit.id);
        if (item && item.tags.join(', ') === edit.base) {
          const { parseTags } = await import('../domain/uncertainty/capture');
          await (await repo()).updateItem(edit.id, { tags: parseTags(edit.value) });
        }
      },
    ],
    ...ITEM_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      itemTextKind(field),
      async (edit: UnsavedEdit) => {
        const item = await db.uncertaintyItems.get(edit.id);
        if (item && item[field] === edit.base) await (await repo()).updateItem(edit.id, { [field]: edit.value });
      },
    ]),
  ];
  return Object.fromEntries(entries);
}
