import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { ActionsState, SourceActions } from '../../../renderer/src/state/actions.svelte';
import { replayAtStart } from '../../../renderer/src/state/replay';
import { effectOf, ScopeState } from '../../../renderer/src/state/scope.svelte';
import { checkEffect } from '../../../renderer/src/domain/scope/edits';
import type { Services } from '../../../renderer/src/state/services';
import { answerWith, clearToasts, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
const destroyers: (() => void)[] = [];

function mount<T>(make: () => T): T {
  const { value, destroy } = mounted(make);
  destroyers.push(destroy);
  return value;
}

beforeEach(async () => {
  ({ services, program } = await withProgram());
});

afterEach(() => {
  for (const destroy of destroyers.splice(0)) destroy();
  services.db.close();
});

describe('ScopeState', () => {
  it('accepts and applies with one Undo that takes back the decision and the roadmap item', async () => {
    const scope = mount(() => new ScopeState(() => program, services));
    await until(() => scope.loaded);
    const logged = await scope.addChange('Add voice');
    if (!logged.ok) throw new Error(logged.message);
    await scope.setEffects(logged.value, [{ kind: 'add', title: 'Voice', horizon: 'later', earliest: '', latest: '', confidence: 'low' }]);
    await until(() => scope.changes[0]?.effects.length === 1);
    clearToasts();
    expect((await scope.acceptAndApply(scope.changes[0]!)).ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Accepted "Add voice" and added 1 roadmap item on the roadmap.']);
    await until(() => scope.roadmapItems.length === 1 && scope.changes[0]!.appliedAt !== null);
    expect(scope.summary).toMatch(/^1 change in 1 month: 1 expand$/);
    runToastAction('Undo');
    await until(() => scope.roadmapItems.length === 0 && scope.changes[0]!.decision === 'pending');
    expect(scope.changes[0]!.appliedAt).toBeNull();
  });

  it('remembers its filters on this computer, and lists changes newest first', async () => {
    const scope = mount(() => new ScopeState(() => program, services));
    await until(() => scope.loaded);
    await scope.addChange('First');
    // Newest first is by creation time: two changes made in the same millisecond would tie.
    const first = Date.now();
    await until(() => Date.now() > first);
    await scope.addChange('Second');
    await until(() => scope.changes.length === 2);
    expect(scope.sorted.map((c) => c.title)).toEqual(['Second', 'First']);
    await scope.decide(scope.changes.find((c) => c.title === 'First')!, 'rejected');
    scope.decisionFilter.set('pending');
    await until(() => scope.visible.length === 1);
    expect(scope.visible[0]!.title).toBe('Second');
    expect(JSON.parse(localStorage.getItem('keel.scope.decision')!)).toBe('pending');
    scope.clearFilters();
    await until(() => scope.visible.length === 2);
  });

  it('names the action that would lose its link before deleting a change, and Undo restores both', async () => {
    const scope = mount(() => new ScopeState(() => program, services));
    await until(() => scope.loaded);
    const logged = await scope.addChange('Drop SMS');
    if (!logged.ok) throw new Error(logged.message);
    const from = mount(() => new SourceActions(() => program.id, () => ({ kind: 'scope', id: logged.value.id }), services));
    await from.make('Tell the vendor');
    await until(() => from.actions.length === 1);
    const deleting = scope.deleteChange(logged.value);
    const asked = await answerWith(true);
    expect(asked.message).toBe('1 action ("Tell the vendor") links to it; it will lose the link. Undo brings it back.');
    expect((await deleting)?.ok).toBe(true);
    await until(() => scope.changes.length === 0 && from.actions.length === 0);
    runToastAction('Undo');
    await until(() => scope.changes.length === 1 && from.actions.length === 1);
  });
});

describe('ActionsState and SourceActions', () => {
  it("makes an action of an item's next step in one move: its title, its owner, a link back; a long step is kept whole in the notes", async () => {
    const [item] = await new UncertaintyRepository(services.editor).addItems(program.id, [
      { title: 'Agents trust answers', layerId: (await services.db.layers.where({ programId: program.id }).first())!.id, kind: 'assumption' },
    ]);
    const from = mount(() => new SourceActions(() => program.id, () => ({ kind: 'uncertainty', id: item!.id }), services));
    const actions = mount(() => new ActionsState(() => program, services));
    const step = `Survey ${'agents '.repeat(40)}`.trim();
    const made = await from.make(step, 'Sam');
    if (!made.ok) throw new Error(made.message);
    expect(made.value.title).toHaveLength(200);
    expect(made.value.title.endsWith('…')).toBe(true);
    expect(made.value).toMatchObject({ owner: 'Sam', notes: step, source: { kind: 'uncertainty', id: item!.id } });
    expect(toastTexts().at(-1)).toMatch(/^success: Made the action "Survey agents/);
    await until(() => from.actions.length === 1 && actions.actions.length === 1);
    await until(() => actions.sourceLabel(made.value.source!) === 'Agents trust answers');
  });

  it('lists actions soonest due first, says which are overdue, and marks one done with Undo', async () => {
    const actions = mount(() => new ActionsState(() => program, services));
    await until(() => actions.loaded);
    await actions.addAction('Later', 'Ana', '2999-01-01');
    await actions.addAction('Late', 'Ben', '2000-01-01');
    await actions.addAction('Undated', 'Ana');
    await until(() => actions.visible.length === 3);
    expect(actions.visible.map((a) => a.title)).toEqual(['Late', 'Later', 'Undated']);
    expect(actions.overdueCount).toBe(1);
    clearToasts();
    await actions.setStatus(actions.visible[0]!, 'done');
    await until(() => actions.overdueCount === 0);
    expect(toastTexts()).toEqual(['success: "Late": done.']);
    runToastAction('Undo');
    await until(() => actions.overdueCount === 1);
    actions.ownerFilter.set('Ana');
    await until(() => actions.visible.length === 2);
    actions.overdueOnly.set(true);
    await until(() => actions.visible.length === 0);
    actions.clearFilters();
  });
});

describe('typing in scope changes and actions is never lost', () => {
  it('typing whose save failed is written at the next start by their replay handlers', async () => {
    const scope = mount(() => new ScopeState(() => program, services));
    const actions = mount(() => new ActionsState(() => program, services));
    await until(() => scope.loaded && actions.loaded);
    const change = await scope.addChange('Drop SMS');
    const action = await actions.addAction('Tell the vendor');
    if (!change.ok || !action.ok) throw new Error('not added');
    const rationale = scope.changeDrafts(change.value).drafts.rationale;
    const notes = actions.actionDrafts(action.value).drafts.notes;
    // Every write fails, as on a full disk.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    });
    rationale.input('SMS costs more than it brings');
    notes.input('Call before Friday');
    await rationale.close();
    await notes.close();
    put.mockRestore();
    expect(await replayAtStart(services)).toMatchObject({ stored: 2 });
    expect((await services.db.scopeChanges.get(change.value.id))!.rationale).toBe('SMS costs more than it brings');
    expect((await services.db.actions.get(action.value.id))!.notes).toBe('Call before Friday');
  });
});

describe('effectOf', () => {
  const form = { kind: 'add', itemId: '', title: 'Voice', horizon: 'later', earliest: '', latest: '', confidence: 'low', percent: '' } as const;
  it('reads the form as the effect it stands for; a typed percentage wins over the level, and one that is not a number is refused', () => {
    expect(effectOf(form)).toEqual({ kind: 'add', title: 'Voice', horizon: 'later', earliest: '', latest: '', confidence: 'low' });
    expect(effectOf({ ...form, percent: ' 65 ' })).toMatchObject({ confidence: 65 });
    expect(checkEffect(effectOf({ ...form, percent: '6x' })).ok).toBe(false);
    expect(effectOf({ ...form, kind: 'drop', itemId: 'a' })).toEqual({ kind: 'drop', roadmapItemId: 'a' });
    expect(effectOf({ ...form, kind: 'move', itemId: 'a', earliest: '2026-01-01', latest: '2026-02-01' })).toEqual({
      kind: 'move',
      roadmapItemId: 'a',
      horizon: 'later',
      earliest: '2026-01-01',
      latest: '2026-02-01',
    });
  });
});
