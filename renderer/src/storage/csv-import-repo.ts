import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import { IMPORT_ROWS_MAX } from '../domain/csv-import';
import { importedRoadmapItem, type ImportedRoadmapItem } from '../domain/roadmap/csv-rows';
import { HORIZONS, type RoadmapItem } from '../domain/roadmap/model';
import { importedItem, type ImportedItem } from '../domain/uncertainty/csv-rows';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import { plural } from '../domain/words';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';

/**
 * Records read from a CSV, each kind added in one edit (one Undo removes them all), made by the
 * area's own new-record rules (newItem, newRoadmapItem) through the domain's row builders.
 */
export class CsvImportRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  /** Adds uncertainty items to the map; a layer deleted since the rows were read refuses the whole import. */
  async importUncertaintyItems(programId: string, rows: readonly ImportedItem[], fileName: string): Promise<UncertaintyItem[]> {
    checkCount(rows.length);
    const time = this.now();
    const items = rows.map((row) => valid(importedItem(programId, row, newId(), time)));
    return this.editor.edit(importLabel(items.length, 'uncertainty item', fileName), async (tx) => {
      const layers = await this.db.layers.where({ programId }).primaryKeys();
      const known = new Set(layers);
      if (items.some((item) => !known.has(item.layerId))) throw new InvalidInputError('A layer these items go in no longer exists. Read the file again.');
      await tx.insert('uncertaintyItems', items);
      await this.touchProgram(tx, programId);
      return items;
    });
  }

  /** Adds roadmap items at the end of their horizons, in the order of the rows. */
  async importRoadmapItems(programId: string, rows: readonly ImportedRoadmapItem[], fileName: string): Promise<RoadmapItem[]> {
    checkCount(rows.length);
    const time = this.now();
    return this.editor.edit(importLabel(rows.length, 'roadmap item', fileName), async (tx) => {
      const existing = await this.db.roadmapItems.where({ programId }).toArray();
      const next = new Map(HORIZONS.map((h) => [h, existing.filter((i) => i.horizon === h).length]));
      const items = rows.map((row) => {
        const order = next.get(row.horizon) ?? 0;
        next.set(row.horizon, order + 1);
        return valid(importedRoadmapItem(programId, row, order, newId(), time));
      });
      await tx.insert('roadmapItems', items);
      await this.touchProgram(tx, programId);
      return items;
    });
  }
}

function checkCount(count: number): void {
  if (count === 0) throw new InvalidInputError('There is nothing to import.');
  if (count > IMPORT_ROWS_MAX) throw new InvalidInputError(`Keel imports up to ${IMPORT_ROWS_MAX.toLocaleString('en-US')} rows at a time. Split the file.`);
}

/** "Import 12 uncertainty items from items.csv": what Undo says it takes back. */
function importLabel(count: number, noun: string, fileName: string): string {
  return fileName ? `Import ${plural(count, noun)} from ${fileName}` : `Import ${plural(count, noun)}`;
}
