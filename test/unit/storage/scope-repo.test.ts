import { beforeEach, describe, expect, it } from 'vitest';
import type { RoadmapItem } from '../../../renderer/src/domain/roadmap/model';
import { ActionsRepository } from '../../../renderer/src/storage/actions-repo';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { ScopeRepository } from '../../../renderer/src/storage/scope-repo';
import { freshStore } from '../factories';
import { makeItem } from '../domain/scope/factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: ScopeRepository;
let programId: string;

beforeEach(async () => {
  store = await freshStore();
  repo = new ScopeRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Scope' })).id;
});

async function roadmap(): Promise<RoadmapItem[]> {
  return (await store.db.roadmapItems.where({ programId }).toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

async function seedItems(...items: RoadmapItem[]) {
  await store.db.roadmapItems.bulkAdd(items.map((i) => ({ ...i, programId })));
}

describe('ScopeRepository', () => {
  it('accepts and applies a change as one undo step, and the undo restores the roadmap items exactly', async () => {
    await seedItems(makeItem({ id: 'a', horizon: 'now', order: 0 }), makeItem({ id: 'b', horizon: 'next', order: 0 }), makeItem({ id: 'c', horizon: 'later', order: 0 }));
    const before = await roadmap();
    const change = await repo.addChange(programId, { title: 'Add voice', requestedOn: '2026-03-01' });
    await repo.setEffects(change.id, [
      { kind: 'move', roadmapItemId: 'a', horizon: 'next', earliest: '2026-05-01', latest: '2026-06-30' },
      { kind: 'add', title: 'Voice channel', horizon: 'next', earliest: '2026-07-01', latest: '2026-09-30', confidence: 'low' },
      { kind: 'drop', roadmapItemId: 'c' },
    ]);
    store.clock.advance(60_000);
    const applied = await repo.acceptAndApply(change.id, '2026-03-05');
    expect(applied.change).toMatchObject({ decision: 'accepted', decidedOn: '2026-03-05', appliedAt: store.clock.now() });
    expect(applied.added).toHaveLength(1);

    const after = await store.db.roadmapItems.where({ programId }).toArray();
    const moved = after.find((i) => i.id === 'a')!;
    expect(moved).toMatchObject({ horizon: 'next', order: 1, latest: '2026-06-30', history: [{ horizon: 'now', latest: '2026-02-01' }] });
    expect(after.find((i) => i.title === 'Voice channel')).toMatchObject({ horizon: 'next', order: 2, confidence: 'low' });
    expect(after.find((i) => i.id === 'c')!.status).toBe('dropped');
    expect((await store.db.scopeChanges.get(change.id))!.roadmapItemIds).toEqual([applied.added[0]!.id]);

    expect(await store.editor.undo()).toBe('Accept and apply scope change');
    expect(await roadmap()).toEqual(before);
    expect(await store.db.scopeChanges.get(change.id)).toMatchObject({ decision: 'pending', decidedOn: '', appliedAt: null, roadmapItemIds: [] });
    // And it can be applied again after the undo, exactly once.
    await repo.acceptAndApply(change.id, '2026-03-05');
    await expect(repo.acceptAndApply(change.id, '2026-03-05')).rejects.toThrow(/cannot be applied twice/);
  });

  it('a change that adds an item, then one that moves it', async () => {
    const first = await repo.addChange(programId, { title: 'Add voice', requestedOn: '2026-03-01' });
    await repo.setEffects(first.id, [{ kind: 'add', title: 'Voice', horizon: 'later', earliest: '', latest: '', confidence: 'medium' }]);
    const { added } = await repo.acceptAndApply(first.id, '2026-03-02');
    const second = await repo.addChange(programId, { title: 'Voice sooner', requestedOn: '2026-04-01' });
    await repo.setEffects(second.id, [{ kind: 'move', roadmapItemId: added[0]!.id, horizon: 'now', earliest: '2026-04-10', latest: '2026-05-10' }]);
    await repo.acceptAndApply(second.id, '2026-04-02');
    const [voice] = await roadmap();
    expect(voice).toMatchObject({ horizon: 'now', earliest: '2026-04-10', latest: '2026-05-10', history: [{ horizon: 'later', earliest: '', latest: '', confidence: 'medium' }] });
  });

  it('refuses to apply, writing nothing, when an effect names an item that is gone', async () => {
    await seedItems(makeItem({ id: 'a' }));
    const change = await repo.addChange(programId, { title: 'Reprioritise', requestedOn: '2026-03-01' });
    await repo.setEffects(change.id, [
      { kind: 'drop', roadmapItemId: 'a' },
      { kind: 'move', roadmapItemId: 'a', horizon: 'later', earliest: '', latest: '' },
    ]);
    // The item goes without its links being removed (as from an older file): the effect is left naming it.
    await store.db.roadmapItems.delete('a');
    const steps = store.editor.history.nextUndo;
    await expect(repo.acceptAndApply(change.id, '2026-03-02')).rejects.toThrow(InvalidInputError);
    await expect(repo.acceptAndApply(change.id, '2026-03-02')).rejects.toThrow('Effects 1, 2 name a roadmap item that is no longer on the roadmap');
    expect(await store.db.scopeChanges.get(change.id)).toMatchObject({ decision: 'pending', appliedAt: null });
    expect(store.editor.history.nextUndo).toBe(steps);
  });

  it('keeps the decision and effects of an applied change as they are', async () => {
    await seedItems(makeItem({ id: 'a' }));
    const change = await repo.addChange(programId, { title: 'Drop A', requestedOn: '2026-03-01' });
    await repo.setEffects(change.id, [{ kind: 'drop', roadmapItemId: 'a' }]);
    await repo.acceptAndApply(change.id, '2026-03-02');
    await expect(repo.decide(change.id, 'rejected', '2026-03-03')).rejects.toThrow(/applied to the roadmap/);
    await expect(repo.setEffects(change.id, [])).rejects.toThrow(/applied to the roadmap/);
  });

  it('deletes a change with its links (an action it started keeps going), and undo restores both', async () => {
    const change = await repo.addChange(programId, { title: 'Drop SMS', requestedOn: '2026-03-01' });
    const actions = new ActionsRepository(store.editor, store.clock.now);
    const action = await actions.addAction(programId, { title: 'Tell support', source: { kind: 'scope', id: change.id } });
    expect(await repo.linksTo(programId, change.id)).toEqual([{ kind: 'action', id: action.id, label: 'Tell support' }]);
    await repo.deleteChange(change.id);
    expect(await store.db.scopeChanges.get(change.id)).toBeUndefined();
    expect((await store.db.actions.get(action.id))!.source).toBeNull();
    await store.editor.undo();
    expect(await store.db.scopeChanges.get(change.id)).toBeDefined();
    expect((await store.db.actions.get(action.id))!.source).toEqual({ kind: 'scope', id: change.id });
  });
});

describe('ActionsRepository', () => {
  it('makes an action from a record that exists, and refuses one whose source is gone', async () => {
    const actions = new ActionsRepository(store.editor, store.clock.now);
    await expect(actions.addAction(programId, { title: 'Test it', source: { kind: 'uncertainty', id: 'nope' } })).rejects.toThrow('The record this action comes from no longer exists.');
    const made = await actions.addAction(programId, { title: '  Test   it ', owner: ' Ana ', due: '2026-03-01' });
    expect(made).toMatchObject({ title: 'Test it', owner: 'Ana', due: '2026-03-01', status: 'open', source: null });
    await actions.updateAction(made.id, { status: 'done' });
    expect(await store.editor.undo()).toBe('Mark action done');
    expect((await store.db.actions.get(made.id))!.status).toBe('open');
  });
});
