import { beforeEach, describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/src/storage/editor';
import { UndoHistory } from '../../../renderer/src/storage/history';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: UncertaintyRepository;
let programId: string;
let layerIds: string[];

beforeEach(async () => {
  store = await freshStore();
  repo = new UncertaintyRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Map' })).id;
  layerIds = (await store.db.layers.where({ programId }).sortBy('order')).map((l) => l.id);
});

describe('UncertaintyRepository items', () => {
  it('adds items mid-map with a first history point, and pasted lines as one undo step', async () => {
    const [one] = await repo.addItems(programId, [{ title: ' Users trust answers ', layerId: layerIds[3]!, kind: 'assumption' }]);
    expect(one).toMatchObject({ title: 'Users trust answers', impact: 3, uncertainty: 3, status: 'open' });
    expect(one!.history).toEqual([{ at: store.clock.now(), impact: 3, uncertainty: 3, status: 'open' }]);
    await repo.addItems(programId, ['A', 'B', 'C'].map((title) => ({ title, layerId: layerIds[0]!, kind: 'risk' as const })));
    expect(await store.db.uncertaintyItems.count()).toBe(4);
    expect(await store.editor.undo()).toBe('Add 3 items');
    expect(await store.db.uncertaintyItems.count()).toBe(1);
  });

  it('moves an item, records the move, and undoes it', async () => {
    const [item] = await repo.addItems(programId, [{ title: 'Latency', layerId: layerIds[4]!, kind: 'risk' }]);
    store.clock.advance(1000);
    await repo.moveItem(item!.id, 4.46, 1.2);
    const moved = await store.db.uncertaintyItems.get(item!.id);
    expect(moved).toMatchObject({ impact: 4.5, uncertainty: 1.2 });
    expect(moved!.history).toHaveLength(2);
    expect(await store.editor.undo()).toBe('Move item');
    expect(await store.db.uncertaintyItems.get(item!.id)).toMatchObject({ impact: 3, uncertainty: 3 });
  });

  it('undo still works after another window edits something else in the same program', async () => {
    const [x, y] = await repo.addItems(programId, [
      { title: 'X', layerId: layerIds[0]!, kind: 'risk' },
      { title: 'Y', layerId: layerIds[0]!, kind: 'risk' },
    ]);
    await repo.moveItem(x!.id, 4, 4);
    // Another window (its own editor and history, same database) moves Y: that touches the
    // program's updatedAt too.
    const otherWindow = new UncertaintyRepository(new Editor(store.db, new UndoHistory()), () => store.clock.now() + 5000);
    await otherWindow.moveItem(y!.id, 1, 1);
    expect(await store.editor.undo()).toBe('Move item');
    expect(await store.db.uncertaintyItems.get(x!.id)).toMatchObject({ impact: 3, uncertainty: 3 });
    expect(await store.db.uncertaintyItems.get(y!.id)).toMatchObject({ impact: 1, uncertainty: 1 });
  });

  it('undo of one field keeps other fields of the same row changed elsewhere', async () => {
    const [x] = await repo.addItems(programId, [{ title: 'X', layerId: layerIds[0]!, kind: 'risk' }]);
    await repo.updateItem(x!.id, { title: 'X renamed' });
    await store.db.uncertaintyItems.update(x!.id, { nextStep: 'written in another window' });
    await store.editor.undo();
    expect(await store.db.uncertaintyItems.get(x!.id)).toMatchObject({ title: 'X', nextStep: 'written in another window' });
  });

  it('records no undo step for an edit that changed nothing', async () => {
    const [x] = await repo.addItems(programId, [{ title: 'X', layerId: layerIds[0]!, kind: 'risk' }]);
    await repo.moveItem(x!.id, 3, 3);
    expect(store.editor.history.nextUndo?.label).toBe('Add "X"');
  });

  it('merges arrow-key nudges into one undo step', async () => {
    const [item] = await repo.addItems(programId, [{ title: 'Nudged', layerId: layerIds[0]!, kind: 'unknown' }]);
    for (let i = 1; i <= 3; i++) {
      store.clock.advance(200);
      await repo.moveItem(item!.id, 3 + i * 0.1, 3, `nudge:${item!.id}`);
    }
    // One point on the path for the whole run of presses.
    expect((await store.db.uncertaintyItems.get(item!.id))!.history.map((p) => p.impact)).toEqual([3, 3.3]);
    await store.editor.undo();
    expect(await store.db.uncertaintyItems.get(item!.id)).toMatchObject({ impact: 3 });
  });

  it('keeps evidence in date order, saying how it moved the item', async () => {
    const [item] = await repo.addItems(programId, [{ title: 'E', layerId: layerIds[0]!, kind: 'assumption' }]);
    await repo.addEvidence(item!.id, { date: '2026-11-20', learned: 'later', source: 'test' });
    await repo.addEvidence(item!.id, { date: '2026-10-01', learned: ' earlier ', source: 'test', uncertainty: 2, status: 'testing' });
    const stored = await store.db.uncertaintyItems.get(item!.id);
    expect(stored!.evidence.map((e) => [e.learned, e.effect])).toEqual([
      ['earlier', 'uncertainty 3 → 2, status open → testing'],
      ['later', ''],
    ]);
    expect(stored!).toMatchObject({ uncertainty: 2, status: 'testing' });
  });

  it('refuses evidence and edits a file could not hold, so every export re-imports', async () => {
    const [item] = await repo.addItems(programId, [{ title: 'E', layerId: layerIds[0]!, kind: 'assumption' }]);
    await expect(repo.addEvidence(item!.id, { date: '2026-02-30', learned: 'x', source: '' })).rejects.toThrow('Give the day it was learned as a date.');
    await expect(repo.addEvidence(item!.id, { date: '2026-02-03', learned: '  ', source: '' })).rejects.toThrow('Say what was learned.');
    await expect(repo.updateItem(item!.id, { reviewDate: '2026-13-01' })).rejects.toThrow('Give the review date as a date.');
    await expect(repo.updateItem(item!.id, { ownerPerson: 'x'.repeat(201) })).rejects.toThrow('Keep the owner under 200 characters.');
    await expect(repo.updateItem(item!.id, { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).rejects.toThrow('up to 50 tags');
    await expect(repo.updateLayer(layerIds[0]!, { description: 'x'.repeat(5001) }, undefined)).rejects.toThrow('Keep the description under 5000 characters.');
    const stored = await store.db.uncertaintyItems.get(item!.id);
    expect(stored!).toMatchObject({ evidence: [], reviewDate: '', ownerPerson: '', tags: [] });
  });
});

describe('UncertaintyRepository layers', () => {
  it('adds, renames, reorders and removes layers, reassigning their items', async () => {
    const added = await repo.addLayer(programId, 'Regulators');
    expect(added.order).toBe(7);
    await repo.updateLayer(added.id, { name: 'Regulation' });
    await repo.moveLayer(programId, added.id, 0);
    let layers = await store.db.layers.where({ programId }).sortBy('order');
    expect(layers.map((l) => l.name).slice(0, 2)).toEqual(['Regulation', 'Scope and requirements']);

    const [item] = await repo.addItems(programId, [{ title: 'EU AI Act scope', layerId: added.id, kind: 'unknown' }]);
    await repo.removeLayer(added.id, layerIds[5]!);
    layers = await store.db.layers.where({ programId }).sortBy('order');
    expect(layers.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await store.db.uncertaintyItems.get(item!.id))?.layerId).toBe(layerIds[5]);

    await store.editor.undo();
    expect((await store.db.uncertaintyItems.get(item!.id))?.layerId).toBe(added.id);
    expect(await store.db.layers.get(added.id)).toBeDefined();
  });

  it('refuses to remove the last layer or to move items onto the layer being removed', async () => {
    await expect(repo.removeLayer(layerIds[0]!, layerIds[0]!)).rejects.toThrow('Choose another layer');
    for (const id of layerIds.slice(1)) await repo.removeLayer(id, null);
    await expect(repo.removeLayer(layerIds[0]!, null)).rejects.toThrow('at least one layer');
  });

  it('duplicating a program copies its map with references remapped', async () => {
    const [item] = await repo.addItems(programId, [{ title: 'Copied', layerId: layerIds[2]!, kind: 'risk' }]);
    const copy = await store.programs.duplicate(programId);
    const copiedLayers = await store.db.layers.where({ programId: copy.id }).toArray();
    const copiedItems = await store.db.uncertaintyItems.where({ programId: copy.id }).toArray();
    expect(copiedLayers).toHaveLength(7);
    expect(copiedItems).toHaveLength(1);
    expect(copiedItems[0]!.id).not.toBe(item!.id);
    const layer = copiedLayers.find((l) => l.id === copiedItems[0]!.layerId);
    expect(layer?.name).toBe('Model behaviour');
  });
});
