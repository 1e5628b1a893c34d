import { beforeEach, describe, expect, it } from 'vitest';
import { guessMapping, IMPORT_ROWS_MAX, planImport } from '../../../renderer/src/domain/csv-import';
import { readCsvTable } from '../../../renderer/src/domain/csv-table';
import { ROADMAP_IMPORT, type ImportedRoadmapItem } from '../../../renderer/src/domain/roadmap/csv-rows';
import { ITEM_IMPORT } from '../../../renderer/src/domain/uncertainty/csv-rows';
import { CsvImportRepository } from '../../../renderer/src/storage/csv-import-repo';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { RoadmapRepository } from '../../../renderer/src/storage/roadmap-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: CsvImportRepository;
let programId: string;

beforeEach(async () => {
  store = await freshStore();
  repo = new CsvImportRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Import' })).id;
});

async function itemRows(text: string) {
  const layers = await store.db.layers.where({ programId }).sortBy('order');
  const table = readCsvTable(text);
  return planImport(table, guessMapping(table.rows[0]!, ITEM_IMPORT.fields), ITEM_IMPORT, { layers, defaultLayerId: layers[0]!.id }).records.map((r) => r.record);
}

function roadmapRows(text: string): ImportedRoadmapItem[] {
  const table = readCsvTable(text);
  return planImport(table, guessMapping(table.rows[0]!, ROADMAP_IMPORT.fields), ROADMAP_IMPORT, { defaultHorizon: 'now' }).records.map((r) => r.record);
}

describe('CsvImportRepository', () => {
  it('adds every uncertainty item in one edit that one undo takes back', async () => {
    const rows = await itemRows('Title,Layer,Impact\nA,Data,4\nB,,2\nC,Model behaviour,5');
    const before = (await store.db.programs.get(programId))!.updatedAt;
    store.clock.advance(1000);
    const items = await repo.importUncertaintyItems(programId, rows, 'items.csv');
    expect(items.map((i) => i.title)).toEqual(['A', 'B', 'C']);
    expect((await store.db.uncertaintyItems.where({ programId }).toArray()).map((i) => i.impact).sort()).toEqual([2, 4, 5]);
    expect((await store.db.programs.get(programId))!.updatedAt).toBe(before + 1000);
    expect(await store.editor.undo()).toBe('Import 3 uncertainty items from items.csv');
    expect(await store.db.uncertaintyItems.where({ programId }).count()).toBe(0);
    expect(await store.editor.redo()).toBe('Import 3 uncertainty items from items.csv');
    expect(await store.db.uncertaintyItems.where({ programId }).count()).toBe(3);
  });

  it('refuses the whole import when a layer went away since the rows were read', async () => {
    const rows = await itemRows('Title,Layer\nA,Data\nB,Model behaviour');
    await store.db.layers.delete(rows[1]!.layerId);
    await expect(repo.importUncertaintyItems(programId, rows, '')).rejects.toThrow('A layer these items go in no longer exists. Read the file again.');
    expect(await store.db.uncertaintyItems.count()).toBe(0);
  });

  it('refuses nothing to import, and more rows than an import takes', async () => {
    await expect(repo.importUncertaintyItems(programId, [], '')).rejects.toBeInstanceOf(InvalidInputError);
    const row = roadmapRows('Title\nA')[0]!;
    const many = Array.from({ length: IMPORT_ROWS_MAX + 1 }, () => row);
    await expect(repo.importRoadmapItems(programId, many, '')).rejects.toThrow(`Keel imports up to 5,000 rows at a time. Split the file.`);
  });

  it('puts roadmap items at the end of their horizons in row order, in one edit', async () => {
    const roadmap = new RoadmapRepository(store.editor, store.clock.now);
    await roadmap.addItem(programId, 'Existing now', 'now');
    const rows = roadmapRows('Title,Horizon,Earliest,Latest,Confidence\nA,now,2026-10-01,2026-10-31,high\nB,later,,,\nC,now,,,40%');
    await repo.importRoadmapItems(programId, rows, 'plan.csv');
    const stored = await store.db.roadmapItems.where({ programId }).toArray();
    const column = (h: string) => stored.filter((i) => i.horizon === h).sort((a, b) => a.order - b.order).map((i) => `${i.title}@${i.order}`);
    expect(column('now')).toEqual(['Existing now@0', 'A@1', 'C@2']);
    expect(column('later')).toEqual(['B@0']);
    expect(stored.find((i) => i.title === 'A')).toMatchObject({ earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high', status: 'proposed', history: [] });
    expect(await store.editor.undo()).toBe('Import 3 roadmap items from plan.csv');
    expect((await store.db.roadmapItems.where({ programId }).toArray()).map((i) => i.title)).toEqual(['Existing now']);
  });
});
