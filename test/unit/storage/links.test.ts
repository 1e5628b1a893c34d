import { describe, expect, it } from 'vitest';
import { linksTo, removeLinksTo } from '../../../renderer/src/storage/links';
import { freshStore } from '../factories';
import { action, roadmapItem } from '../domain/revisit/factories';

describe('unlinking inside a deletion', () => {
  it('leaves the edit open for its later steps, and one undo restores the links and the reviews', async () => {
    const store = await freshStore();
    const programId = (await store.programs.create({ name: 'Plan' })).id;
    const r = roadmapItem({ programId, title: 'Hybrid retrieval', uncertaintyIds: ['u1', 'u2'] });
    const a = action({ programId, title: 'Measure', source: { kind: 'uncertainty', id: 'u1' } });
    await store.db.roadmapItems.add(r);
    await store.db.actions.add(a);
    await store.db.revisitReviews.add({ id: 'v1', programId, targetKind: 'roadmapItem', targetId: r.id, causeKind: 'uncertainty', causeId: 'u1', causeSince: 'x', note: 'n', by: '', at: 1 });
    expect((await linksTo(store.db, programId, 'uncertainty', ['u1'])).map((h) => h.label).sort()).toEqual(['Hybrid retrieval', 'Measure']);

    // Dexie follows a transaction across native awaits only so deep: a step after the helper's
    // nested awaits used to find the transaction committed (PrematureCommitError).
    await store.editor.edit('Delete', async (tx) => {
      await removeLinksTo(tx, store.db, programId, 'uncertainty', ['u1']);
      await tx.update('programs', programId, { updatedAt: 5 });
    });
    expect((await store.db.programs.get(programId))!.updatedAt).toBe(5);
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual(['u2']);
    expect((await store.db.actions.get(a.id))!.source).toBeNull();
    expect(await store.db.revisitReviews.count()).toBe(0);

    await store.editor.undo();
    expect((await store.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual(['u1', 'u2']);
    expect((await store.db.actions.get(a.id))!.source).toEqual({ kind: 'uncertainty', id: 'u1' });
    expect(await store.db.revisitReviews.count()).toBe(1);
  });
});
