import { liveQuery, type Observable } from 'dexie';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import { placeItem, type Place } from '../domain/roadmap/board';
import { checkConfidence, checkRange, checkRoadmapPatch, checkRoadmapTitle, newRoadmapItem, type RoadmapItemPatch } from '../domain/roadmap/edits';
import { withForecast, type ForecastPatch } from '../domain/roadmap/forecast';
import { HORIZON_LABELS, type Horizon, type RoadmapItem } from '../domain/roadmap/model';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { linksTo, removeLinksTo, type LinkHolder } from './links';

/** One program's roadmap items. Every write is one undoable edit; every forecast change is kept in the item's history. */
export class RoadmapRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchItems(programId: string): Observable<RoadmapItem[]> {
    return liveQuery(() => this.db.roadmapItems.where({ programId }).toArray());
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  private async item(id: string): Promise<RoadmapItem> {
    const item = await this.db.roadmapItems.get(id);
    if (!item) throw new InvalidInputError('That roadmap item no longer exists.');
    return item;
  }

  /** Adds an item at the end of its horizon, with no range yet. */
  async addItem(programId: string, title: string, horizon: Horizon): Promise<RoadmapItem> {
    const checked = valid(checkRoadmapTitle(title));
    return this.editor.edit(`Add roadmap item "${checked}"`, async (tx) => {
      const order = await this.db.roadmapItems.where({ programId }).filter((i) => i.horizon === horizon).count();
      const item = valid(newRoadmapItem(programId, checked, horizon, order, newId(), this.now()));
      await tx.insert('roadmapItems', [item]);
      await this.touchProgram(tx, programId);
      return item;
    });
  }

  /** Edits an item's own fields (text, owner, status, links); typing in one field coalesces into one undo step. */
  async updateItem(id: string, patch: RoadmapItemPatch, coalesceKey?: string): Promise<RoadmapItem> {
    const checked = valid(checkRoadmapPatch(patch));
    return this.editor.edit(
      editLabel(checked),
      async (tx) => {
        const item = await this.item(id);
        const next = await tx.update<RoadmapItem>('roadmapItems', id, { ...checked, updatedAt: this.now() });
        await this.touchProgram(tx, item.programId);
        return next;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /**
   * Changes the forecast (range and confidence); the one it replaces is kept in the history. A
   * horizon changes by `moveItem`, which also places the item in its new column.
   */
  async setForecast(id: string, patch: Omit<ForecastPatch, 'horizon'>): Promise<RoadmapItem> {
    if (patch.earliest !== undefined || patch.latest !== undefined) valid(checkRange(patch.earliest ?? '', patch.latest ?? ''));
    if (patch.confidence !== undefined) valid(checkConfidence(patch.confidence));
    const label = patch.confidence !== undefined && patch.earliest === undefined ? 'Change confidence' : patch.earliest === '' ? 'Clear range' : 'Change range';
    return this.editor.edit(label, async (tx) => {
      const item = await this.item(id);
      const changes = withForecast(item, patch, this.now());
      if (Object.keys(changes).length === 0) return item;
      const next = await tx.update<RoadmapItem>('roadmapItems', id, { ...changes, updatedAt: this.now() });
      await this.touchProgram(tx, item.programId);
      return next;
    });
  }

  /**
   * Moves an item to a place on the board (its horizon and position), renumbering the columns it
   * leaves and enters. A change of horizon is a forecast change, kept in the history.
   */
  async moveItem(id: string, to: Place): Promise<RoadmapItem> {
    const item = await this.item(id);
    const label = to.horizon === item.horizon ? 'Reorder roadmap' : `Move "${item.title}" to ${HORIZON_LABELS[to.horizon]}`;
    return this.editor.edit(label, async (tx) => {
      const moving = await this.item(id);
      const items = await this.db.roadmapItems.where({ programId: moving.programId }).toArray();
      let moved = moving;
      for (const change of placeItem(items, id, to)) {
        const current = items.find((i) => i.id === change.id)!;
        const forecast = change.horizon !== current.horizon ? withForecast(current, { horizon: change.horizon }, this.now()) : {};
        const updated = await tx.update<RoadmapItem>('roadmapItems', change.id, { ...forecast, order: change.order, updatedAt: this.now() });
        if (change.id === id) moved = updated;
      }
      await this.touchProgram(tx, moving.programId);
      return moved;
    });
  }

  /** The records that link to an item, for the confirmation before it is deleted. */
  linkHolders(item: RoadmapItem): Promise<LinkHolder[]> {
    return linksTo(this.db, item.programId, 'roadmapItem', [item.id]);
  }

  /** Deletes an item; records linking to it lose the link, and the rest of its horizon closes up (one undo restores all). */
  async deleteItem(id: string): Promise<void> {
    return this.editor.edit('Delete roadmap item', async (tx) => {
      const item = await this.item(id);
      await removeLinksTo(tx, this.db, item.programId, 'roadmapItem', [id]);
      await tx.remove('roadmapItems', [id]);
      const rest = await this.db.roadmapItems.where({ programId: item.programId }).filter((i) => i.horizon === item.horizon).sortBy('order');
      for (const [order, other] of rest.entries()) if (other.order !== order) await tx.update<RoadmapItem>('roadmapItems', other.id, { order });
      await this.touchProgram(tx, item.programId);
    });
  }
}

function editLabel(patch: RoadmapItemPatch): string {
  const fields = Object.keys(patch);
  if (fields.length !== 1) return 'Edit roadmap item';
  const names: Record<string, string> = {
    title: 'Rename roadmap item',
    description: 'Edit description',
    owner: 'Change owner',
    status: 'Change status',
    uncertaintyIds: 'Change linked uncertainties',
    metricIds: 'Change linked metrics',
    decisionIds: 'Change linked decisions',
  };
  return names[fields[0]!] ?? 'Edit roadmap item';
}
