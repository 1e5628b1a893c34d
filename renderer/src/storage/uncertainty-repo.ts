import { liveQuery, type Observable } from 'dexie';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import {
  checkItemPatch,
  checkLayerName,
  checkLayerPatch,
  checkLayerRemoval,
  itemEditLabel,
  newItem,
  newLayer,
  recordEvidence,
  type EvidenceInput,
  type LayerPatch,
  type NewItem,
} from '../domain/uncertainty/edits';
import { applyItemPatch, type ItemPatch } from '../domain/uncertainty/history';
import type { Layer, UncertaintyItem } from '../domain/uncertainty/model';
import { movedTo, renumbered } from '../domain/order';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { COALESCE_WINDOW_MS } from './history';
import { plural } from '../domain/words';
import { linksTo, removeLinksTo, type LinkHolder } from './links';

export type { NewItem };

/** Layers and items of one program's uncertainty map. Every write is one undoable edit. */
export class UncertaintyRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchLayers(programId: string): Observable<Layer[]> {
    return liveQuery(() => this.db.layers.where({ programId }).sortBy('order'));
  }

  watchItems(programId: string): Observable<UncertaintyItem[]> {
    return liveQuery(() => this.db.uncertaintyItems.where({ programId }).toArray());
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  // --- Items ---

  /** Adds items (one for fast capture, several for a paste), placed mid-map unless told. */
  async addItems(programId: string, inputs: readonly NewItem[]): Promise<UncertaintyItem[]> {
    const time = this.now();
    const items = inputs.map((input) => valid(newItem(programId, input, newId(), time)));
    if (items.length === 0) return [];
    const label = items.length === 1 ? `Add "${items[0]!.title}"` : `Add ${items.length} items`;
    await this.editor.edit(label, async (tx) => {
      const layer = await this.db.layers.get(inputs[0]!.layerId);
      if (!layer || layer.programId !== programId) throw new InvalidInputError('That layer no longer exists.');
      await tx.insert('uncertaintyItems', items);
      await this.touchProgram(tx, programId);
    });
    return items;
  }

  /**
   * Edits an item; moves and status changes go into its history. Typing into one field and
   * nudging with arrow keys merge into one undo step through `coalesceKey`.
   */
  async updateItem(id: string, patch: ItemPatch, coalesceKey?: string): Promise<UncertaintyItem> {
    patch = valid(checkItemPatch(patch));
    return this.editor.edit(
      itemEditLabel(patch),
      async (tx) => {
        const item = await this.db.uncertaintyItems.get(id);
        if (!item) throw new InvalidInputError('That item no longer exists.');
        const next = applyItemPatch(item, patch, this.now(), coalesceKey?.startsWith('nudge:') ? COALESCE_WINDOW_MS : 0);
        await tx.update<UncertaintyItem>('uncertaintyItems', id, next);
        await this.touchProgram(tx, item.programId);
        return next;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  async moveItem(id: string, impact: number, uncertainty: number, coalesceKey?: string): Promise<UncertaintyItem> {
    return this.updateItem(id, { impact, uncertainty }, coalesceKey);
  }

  /** The plan's records that link to these items (roadmap items, decisions, scope changes, actions), for the confirmation. */
  linksToItems(programId: string, ids: readonly string[]): Promise<LinkHolder[]> {
    return linksTo(this.db, programId, 'uncertainty', ids);
  }

  /** Deletes items and every link to them (one undo restores both). */
  async deleteItems(ids: readonly string[]): Promise<void> {
    return this.editor.edit(ids.length === 1 ? 'Delete item' : `Delete ${plural(ids.length, 'item')}`, async (tx) => {
      const items = await this.db.uncertaintyItems.bulkGet(ids as string[]);
      await tx.remove('uncertaintyItems', ids);
      const programId = items.find(Boolean)?.programId;
      if (!programId) return;
      await this.touchProgram(tx, programId);
      await removeLinksTo(tx, this.db, programId, 'uncertainty', ids);
    });
  }

  /** Records evidence on an item and moves the item where it says (see edits.recordEvidence). */
  async addEvidence(itemId: string, input: EvidenceInput): Promise<UncertaintyItem> {
    return this.editor.edit('Add evidence', async (tx) => {
      const item = await this.db.uncertaintyItems.get(itemId);
      if (!item) throw new InvalidInputError('That item no longer exists.');
      const next = valid(recordEvidence(item, input, newId(), this.now()));
      await tx.update<UncertaintyItem>('uncertaintyItems', itemId, next);
      await this.touchProgram(tx, item.programId);
      return next;
    });
  }

  async removeEvidence(itemId: string, evidenceId: string): Promise<UncertaintyItem> {
    return this.editor.edit('Remove evidence', async (tx) => {
      const item = await this.db.uncertaintyItems.get(itemId);
      if (!item) throw new InvalidInputError('That item no longer exists.');
      const next = applyItemPatch(item, { evidence: item.evidence.filter((e) => e.id !== evidenceId) }, this.now());
      await tx.update<UncertaintyItem>('uncertaintyItems', itemId, next);
      await this.touchProgram(tx, item.programId);
      return next;
    });
  }

  // --- Layers ---

  async addLayer(programId: string, name: string): Promise<Layer> {
    const checked = valid(checkLayerName(name));
    return this.editor.edit(`Add layer "${checked}"`, async (tx) => {
      const layer = valid(newLayer(programId, checked, await this.db.layers.where({ programId }).toArray(), newId()));
      await tx.insert('layers', [layer]);
      await this.touchProgram(tx, programId);
      return layer;
    });
  }

  async updateLayer(id: string, patch: LayerPatch, coalesceKey?: string): Promise<Layer> {
    patch = valid(checkLayerPatch(patch));
    return this.editor.edit(
      patch.name !== undefined ? `Rename layer to "${patch.name}"` : 'Edit layer',
      async (tx) => {
        const layer = await tx.update<Layer>('layers', id, patch);
        await this.touchProgram(tx, layer.programId);
        return layer;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  async moveLayer(programId: string, layerId: string, toIndex: number): Promise<void> {
    return this.editor.edit('Reorder layers', async (tx) => {
      const layers = await this.db.layers.where({ programId }).toArray();
      for (const layer of movedTo(layers, layerId, toIndex) ?? renumbered(layers)) {
        const current = layers.find((l) => l.id === layer.id);
        if (current && current.order !== layer.order) await tx.update<Layer>('layers', layer.id, { order: layer.order });
      }
      await this.touchProgram(tx, programId);
    });
  }

  /** Removes a layer; its items move to another layer, or are deleted when none is given. */
  async removeLayer(layerId: string, moveItemsTo: string | null): Promise<void> {
    return this.editor.edit('Remove layer', async (tx) => {
      const layer = await this.db.layers.get(layerId);
      if (!layer) throw new InvalidInputError('That layer no longer exists.');
      const layers = await this.db.layers.where({ programId: layer.programId }).toArray();
      valid(checkLayerRemoval(layers, layerId, moveItemsTo));
      const items = await this.db.uncertaintyItems.where({ layerId }).toArray();
      if (moveItemsTo) {
        for (const item of items) await tx.update<UncertaintyItem>('uncertaintyItems', item.id, { layerId: moveItemsTo });
      } else {
        await tx.remove(
          'uncertaintyItems',
          items.map((i) => i.id),
        );
      }
      await tx.remove('layers', [layerId]);
      for (const l of renumbered(layers.filter((x) => x.id !== layerId))) {
        const current = layers.find((x) => x.id === l.id);
        if (current && current.order !== l.order) await tx.update<Layer>('layers', l.id, { order: l.order });
      }
      await this.touchProgram(tx, layer.programId);
      // The deleted items' links go too.
      if (!moveItemsTo) await removeLinksTo(tx, this.db, layer.programId, 'uncertainty', items.map((i) => i.id));
    });
  }
}
