import { beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { RoadmapRepository } from '../../../renderer/src/storage/roadmap-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: RoadmapRepository;
let programId: string;

beforeEach(async () => {
  store = await freshStore();
  repo = new RoadmapRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Roadmap' })).id;
});

const stored = async (id: string) => (await store.db.roadmapItems.get(id))!;
const order = async (horizon: string) =>
  (await store.db.roadmapItems.where({ programId }).toArray())
    .filter((i) => i.horizon === horizon)
    .sort((a, b) => a.order - b.order)
    .map((i) => i.title);

function decisionLinking(roadmapItemIds: string[]): DecisionRecord {
  return {
    id: 'd1', programId, number: 1, title: 'Use hybrid retrieval', status: 'accepted', statusNote: '', date: '2026-10-01', deciders: '', consulted: '', informed: '',
    context: '', options: [], outcome: '', consequencesGood: '', consequencesBad: '', supersedes: '', supersededBy: '',
    uncertaintyIds: [], metricIds: [], roadmapItemIds, matrixId: '', basis: null, createdAt: 1, updatedAt: 1,
  };
}

describe('RoadmapRepository', () => {
  it('adds items at the end of their horizon, each one undo step', async () => {
    await repo.addItem(programId, 'Hybrid retrieval', 'now');
    const b = await repo.addItem(programId, '  Evaluation  harness ', 'now');
    await repo.addItem(programId, 'Cost dashboard', 'next');
    expect(b).toMatchObject({ title: 'Evaluation harness', order: 1, earliest: '', confidence: 'medium' });
    expect(await order('now')).toEqual(['Hybrid retrieval', 'Evaluation harness']);
    expect(await order('next')).toEqual(['Cost dashboard']);
    expect(await store.editor.undo()).toBe('Add roadmap item "Cost dashboard"');
    expect(await order('next')).toEqual([]);
    await expect(repo.addItem(programId, ' ', 'now')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('keeps the forecast each range or confidence change replaces, and undo takes exactly one back', async () => {
    const item = await repo.addItem(programId, 'Hybrid retrieval', 'next');
    store.clock.advance(1000);
    await repo.setForecast(item.id, { earliest: '2026-10-01', latest: '2026-10-31' });
    store.clock.advance(1000);
    await repo.setForecast(item.id, { confidence: 'high' });
    store.clock.advance(1000);
    await repo.setForecast(item.id, { earliest: '2026-10-15', latest: '2026-11-21' });
    const after = await stored(item.id);
    expect(after).toMatchObject({ earliest: '2026-10-15', latest: '2026-11-21', confidence: 'high', forecastAt: item.createdAt + 3000 });
    expect(after.history.map((f) => [f.earliest, f.latest, f.confidence, f.at - item.createdAt])).toEqual([
      ['', '', 'medium', 0],
      ['2026-10-01', '2026-10-31', 'medium', 1000],
      ['2026-10-01', '2026-10-31', 'high', 2000],
    ]);
    // Setting the same forecast again keeps nothing.
    await repo.setForecast(item.id, { confidence: 'high' });
    expect((await stored(item.id)).history).toHaveLength(3);
    expect(await store.editor.undo()).toBe('Change range');
    expect(await stored(item.id)).toMatchObject({ earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high' });
    expect((await stored(item.id)).history).toHaveLength(2);
  });

  it('refuses a single date, a reversed range and a fractional percentage', async () => {
    const item = await repo.addItem(programId, 'Hybrid retrieval', 'next');
    await expect(repo.setForecast(item.id, { earliest: '2026-10-01', latest: '' })).rejects.toThrow('a range, not a single date');
    await expect(repo.setForecast(item.id, { earliest: '2026-10-31', latest: '2026-10-01' })).rejects.toThrow('must not be after');
    await expect(repo.setForecast(item.id, { confidence: 50.5 })).rejects.toThrow('whole percentage');
    expect((await stored(item.id)).history).toEqual([]);
  });

  it('reorders within a horizon and moves between horizons, keeping a change of horizon in the history', async () => {
    const a = await repo.addItem(programId, 'A', 'now');
    await repo.addItem(programId, 'B', 'now');
    const c = await repo.addItem(programId, 'C', 'now');
    await repo.addItem(programId, 'D', 'next');
    await repo.moveItem(c.id, { horizon: 'now', index: 0 });
    expect(await order('now')).toEqual(['C', 'A', 'B']);
    expect((await stored(c.id)).history).toEqual([]);
    await repo.moveItem(a.id, { horizon: 'next', index: 1 });
    expect(await order('now')).toEqual(['C', 'B']);
    expect(await order('next')).toEqual(['D', 'A']);
    expect((await stored(a.id)).history.map((f) => f.horizon)).toEqual(['now']);
    expect(await store.editor.undo()).toBe('Move "A" to Next');
    expect(await order('now')).toEqual(['C', 'A', 'B']);
    expect((await stored(a.id)).history).toEqual([]);
    expect(await store.editor.undo()).toBe('Reorder roadmap');
    expect(await order('now')).toEqual(['A', 'B', 'C']);
  });

  it('saves typed text as one coalesced step per field, and links cleaned of repeats', async () => {
    const item = await repo.addItem(programId, 'Hybrid retrieval', 'now');
    await repo.updateItem(item.id, { owner: 'A' }, 'roadmap-owner:x');
    await repo.updateItem(item.id, { owner: 'Ana' }, 'roadmap-owner:x');
    await repo.updateItem(item.id, { metricIds: ['m1', 'm1', 'm2'] });
    expect(await stored(item.id)).toMatchObject({ owner: 'Ana', metricIds: ['m1', 'm2'] });
    expect(await store.editor.undo()).toBe('Change linked metrics');
    expect(await store.editor.undo()).toBe('Change owner');
    expect((await stored(item.id)).owner).toBe('');
  });

  it('deletes an item with the links to it, closes up its horizon, and one undo restores all', async () => {
    const a = await repo.addItem(programId, 'A', 'now');
    await repo.addItem(programId, 'B', 'now');
    await store.db.decisions.add(decisionLinking([a.id, 'other']));
    expect(await repo.linkHolders(await stored(a.id))).toEqual([{ kind: 'decision', id: 'd1', label: 'ADR-0001 Use hybrid retrieval' }]);
    await repo.deleteItem(a.id);
    expect(await store.db.roadmapItems.get(a.id)).toBeUndefined();
    expect((await store.db.decisions.get('d1'))!.roadmapItemIds).toEqual(['other']);
    expect((await store.db.roadmapItems.where({ programId }).toArray()).map((i) => [i.title, i.order])).toEqual([['B', 0]]);
    expect(await store.editor.undo()).toBe('Delete roadmap item');
    expect(await stored(a.id)).toMatchObject({ title: 'A', order: 0 });
    expect((await store.db.decisions.get('d1'))!.roadmapItemIds).toEqual([a.id, 'other']);
    expect(await order('now')).toEqual(['A', 'B']);
  });
});
