import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft } from '../../../renderer/src/domain/metrics/model';
import { describeLinkLoss } from '../../../renderer/src/domain/link-loss';
import { decisionNumber } from '../../../renderer/src/domain/decisions/model';
import { revisitFlags } from '../../../renderer/src/domain/revisit/flags';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { RevisitRepository } from '../../../renderer/src/storage/revisit-repo';
import { MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { action, decision, roadmapItem } from '../domain/revisit/factories';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let items: UncertaintyRepository;
let programId: string;
let layerId: string;

beforeEach(async () => {
  store = await freshStore();
  items = new UncertaintyRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Plan' })).id;
  layerId = (await store.db.layers.where({ programId }).first())!.id;
});

async function planOn(uncertaintyId: string) {
  const r = roadmapItem({ programId, title: 'Hybrid retrieval', uncertaintyIds: [uncertaintyId] });
  const d = decision({ programId, title: 'Use BM25', uncertaintyIds: [uncertaintyId] });
  const a = action({ programId, title: 'Measure latency', source: { kind: 'uncertainty', id: uncertaintyId } });
  await store.db.roadmapItems.add(r);
  await store.db.decisions.add(d);
  await store.db.actions.add(a);
  return { r, d, a };
}

async function flagsNow() {
  const [uncertaintyItems, metrics, roadmapItems, decisions, matrices, actions, reviews] = await Promise.all([
    store.db.uncertaintyItems.toArray(),
    store.db.metrics.toArray(),
    store.db.roadmapItems.toArray(),
    store.db.decisions.toArray(),
    store.db.matrices.toArray(),
    store.db.actions.toArray(),
    store.db.revisitReviews.toArray(),
  ]);
  return revisitFlags({ uncertaintyItems, metrics, roadmapItems, decisions, matrices, actions }, reviews);
}

describe('RevisitRepository', () => {
  it('stores a review that clears one flag as one undo step, and refuses one without a note', async () => {
    const [u] = await items.addItems(programId, [{ title: 'Users accept 2 s latency', layerId, kind: 'assumption' }]);
    const { r } = await planOn(u!.id);
    await items.updateItem(u!.id, { status: 'invalidated' });
    const reviews = new RevisitRepository(store.editor, store.clock.now);
    const flag = (await flagsNow()).find((f) => f.target.id === r.id)!;

    await expect(reviews.markReviewed(programId, flag, { note: ' \n ', by: '' })).rejects.toThrow(/a review needs a note/);
    const review = await reviews.markReviewed(programId, flag, { note: '  Budget renegotiated ', by: ' Ana ' });
    expect(review).toMatchObject({ targetKind: 'roadmapItem', targetId: r.id, causeKind: 'uncertainty', causeId: u!.id, causeSince: flag.cause.since, note: 'Budget renegotiated', by: 'Ana' });
    const standing = (await flagsNow()).filter((f) => !f.review).map((f) => f.target.label);
    expect(standing).toHaveLength(2);
    expect(standing).toContain('Measure latency');

    expect(await store.editor.undo()).toBe('Review "Hybrid retrieval"');
    expect(await store.db.revisitReviews.count()).toBe(0);
    expect((await flagsNow()).filter((f) => !f.review)).toHaveLength(3);
  });

  it('refuses to review a record that is gone', async () => {
    const [u] = await items.addItems(programId, [{ title: 'A', layerId, kind: 'assumption' }]);
    const { r } = await planOn(u!.id);
    await items.updateItem(u!.id, { status: 'invalidated' });
    const flag = (await flagsNow()).find((f) => f.target.id === r.id)!;
    await store.db.roadmapItems.delete(r.id);
    await expect(new RevisitRepository(store.editor).markReviewed(programId, flag, { note: 'x', by: '' })).rejects.toThrow('That record no longer exists.');
  });
});

describe('deleting what the plan links to', () => {
  it('deletes an uncertainty item, unlinks the plan and its reviews, and one undo restores them all', async () => {
    const [u] = await items.addItems(programId, [{ title: 'Users accept 2 s latency', layerId, kind: 'assumption' }]);
    const { r, d, a } = await planOn(u!.id);
    await items.updateItem(u!.id, { status: 'invalidated' });
    const flag = (await flagsNow()).find((f) => f.target.id === r.id)!;
    await new RevisitRepository(store.editor).markReviewed(programId, flag, { note: 'Seen', by: '' });

    const holders = await items.linksToItems(programId, [u!.id]);
    expect(describeLinkLoss(holders)).toBe(
      `1 roadmap item ("Hybrid retrieval"), 1 decision record ("${decisionNumber(d.number)} Use BM25") and 1 action ("Measure latency") link to it; they will lose the link.`,
    );
    await items.deleteItems([u!.id]);
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([]);
    expect((await store.db.decisions.get(d.id))!.uncertaintyIds).toEqual([]);
    expect((await store.db.actions.get(a.id))!.source).toBeNull();
    expect(await store.db.revisitReviews.count()).toBe(0);

    expect(await store.editor.undo()).toBe('Delete item');
    expect(await store.db.uncertaintyItems.get(u!.id)).toBeDefined();
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([u!.id]);
    expect((await store.db.decisions.get(d.id))!.uncertaintyIds).toEqual([u!.id]);
    expect((await store.db.actions.get(a.id))!.source).toEqual({ kind: 'uncertainty', id: u!.id });
    expect(await store.db.revisitReviews.count()).toBe(1);
  });

  it('unlinks the items deleted with their layer', async () => {
    const [u] = await items.addItems(programId, [{ title: 'A', layerId, kind: 'assumption' }]);
    const { r } = await planOn(u!.id);
    await items.removeLayer(layerId, null);
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([]);
    await store.editor.undo();
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([u!.id]);
  });

  it('deletes a metric: the plan and the map lose their links, matrices keep their criterion, undo restores all', async () => {
    const metrics = new MetricsRepository(store.editor, store.clock.now);
    const [m] = await metrics.addMetrics(programId, [emptyMetricDraft('Latency p95')]);
    const [u] = await items.addItems(programId, [{ title: 'Latency matters', layerId, kind: 'assumption' }]);
    await items.updateItem(u!.id, { metricIds: [m!.id] });
    const r = roadmapItem({ programId, metricIds: [m!.id] });
    await store.db.roadmapItems.add(r);
    expect((await metrics.linksToMetric(programId, m!.id)).map((h) => h.kind).sort()).toEqual(['roadmapItem', 'uncertainty']);

    await metrics.deleteMetrics([m!.id]);
    expect((await store.db.roadmapItems.get(r.id))!.metricIds).toEqual([]);
    expect((await store.db.uncertaintyItems.get(u!.id))!.metricIds).toEqual([]);
    await store.editor.undo();
    expect((await store.db.roadmapItems.get(r.id))!.metricIds).toEqual([m!.id]);
    expect((await store.db.uncertaintyItems.get(u!.id))!.metricIds).toEqual([m!.id]);
  });

  it('deletes a matrix: its decision record loses the link, undo restores it', async () => {
    const matrices = new MatrixRepository(store.editor, store.clock.now);
    const m = await matrices.create(programId, 'Which retriever?');
    const d = decision({ programId, matrixId: m.id });
    await store.db.decisions.add(d);
    expect(await matrices.linkLoss(m)).toBe(`1 decision record ("${decisionNumber(d.number)} ${d.title}") links to it; it will lose the link.`);
    await matrices.remove(m.id);
    expect((await store.db.decisions.get(d.id))!.matrixId).toBe('');
    await store.editor.undo();
    expect((await store.db.decisions.get(d.id))!.matrixId).toBe(m.id);
  });
});
