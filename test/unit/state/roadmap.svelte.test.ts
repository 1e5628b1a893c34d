import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { pendingEdit, recordEdit } from '../../../renderer/src/state/pending-edits';
import { replayAtStart } from '../../../renderer/src/state/replay';
import { preference, oneOf } from '../../../renderer/src/state/preferences.svelte';
import { RoadmapState } from '../../../renderer/src/state/roadmap.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answerWith, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: RoadmapState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = mounted(() => new RoadmapState(() => program, services)));
  await until(() => area.loaded);
});

afterEach(() => {
  destroy();
  services.db.close();
});

async function add(title: string, horizon: 'now' | 'next' | 'later' = 'now') {
  const added = await area.addItem(title, horizon);
  if (!added.ok) throw new Error(added.message);
  await until(() => area.items.some((i) => i.id === added.value.id));
  return added.value;
}

const current = (id: string) => area.items.find((i) => i.id === id)!;

describe('RoadmapState', () => {
  it('remembers the view, the ghosts and the quick-add horizon on this computer', () => {
    area.view.set('timeline');
    area.ghosts.set(true);
    area.addHorizon.set('later');
    expect(localStorage.getItem('keel.roadmap.view')).toBe('"timeline"');
    expect(localStorage.getItem('keel.roadmap.ghosts')).toBe('true');
    // Another part of the window (or a reload) reads the same choice.
    expect(preference('keel.roadmap.view', oneOf(['board', 'timeline']), 'board').value).toBe('timeline');
  });

  it('adds to the chosen horizon and refuses an empty title with the rule’s sentence', async () => {
    area.addHorizon.set('next');
    const added = await area.addItem('Hybrid retrieval');
    expect(added.ok && added.value.horizon).toBe('next');
    expect(await area.addItem('  ')).toEqual({ ok: false, message: 'Give the roadmap item a title.' });
    expect(toastTexts()).toEqual(['error: Give the roadmap item a title.']);
  });

  it('moves by Alt+arrow keys and says where the item went; at an edge it says it cannot', async () => {
    const a = await add('A');
    await add('B');
    const moved = await area.moveByKey(a, 'ArrowDown');
    expect(moved?.ok).toBe(true);
    expect(area.announcement).toBe('Moved "A" to Now, position 2 of 2.');
    await until(() => area.columns.now[1]?.id === a.id);
    expect(await area.moveByKey(current(a.id), 'ArrowLeft')).toBeUndefined();
    expect(area.announcement).toBe('"A" cannot move further that way.');
    await area.moveByKey(current(a.id), 'ArrowRight');
    await until(() => area.columns.next[0]?.id === a.id);
    expect(area.announcement).toBe('Moved "A" to Next, position 1 of 1.');
    expect(current(a.id).history.map((f) => f.horizon)).toEqual(['now']);
  });

  it('keeps a range typed but not set, and forgets it once set', async () => {
    const a = await add('A');
    area.rangeDraft(a.id).set({ earliest: '2026-10-01', latest: '2026-10' });
    expect(JSON.parse(localStorage.getItem(`keel.roadmap-range-draft.${a.id}`)!)).toEqual({ earliest: '2026-10-01', latest: '2026-10' });
    expect(await area.setRange(a, { earliest: '2026-10-01', latest: '2026-10' })).toEqual({ ok: false, message: 'The latest date is not a real day.' });
    expect(area.rangeDraft(a.id).value.earliest).toBe('2026-10-01');
    expect((await area.setRange(a, { earliest: '2026-10-01', latest: '2026-10-31' })).ok).toBe(true);
    expect(localStorage.getItem(`keel.roadmap-range-draft.${a.id}`)).toBeNull();
    await until(() => current(a.id).latest === '2026-10-31');
    expect((await area.setConfidence(current(a.id), 65)).ok).toBe(true);
    await until(() => current(a.id).confidence === 65);
    expect(current(a.id).history).toHaveLength(2);
  });

  it('saves typed text through the journal, one field at a time', async () => {
    const a = await add('A');
    const group = area.drafts(a, () => current(a.id));
    group.drafts.owner.input('Ana');
    expect(pendingEdit('roadmap-owner', a.id)?.value).toBe('Ana');
    await group.drafts.owner.flush();
    await until(() => current(a.id).owner === 'Ana');
    expect(pendingEdit('roadmap-owner', a.id)).toBeUndefined();
    group.drafts.title.input(' ');
    await group.drafts.title.flush();
    expect(group.drafts.title.problem).toBe('Give the roadmap item a title.');
    expect((await services.db.roadmapItems.get(a.id))!.title).toBe('A');
    group.close();
  });

  it('typing not stored when the window closed goes in at the next start, unless the text changed since', async () => {
    const a = await add('A');
    const b = await add('B');
    // What a window journaled as it was typed, then went before saving.
    recordEdit('roadmap-description', a.id, 'Typed before a crash', '');
    recordEdit('roadmap-owner', b.id, 'Bo', '');
    expect(pendingEdit('roadmap-description', a.id)?.value).toBe('Typed before a crash');
    await services.db.roadmapItems.update(b.id, { owner: 'Changed elsewhere' });
    const report = await replayAtStart(services);
    expect(report).toMatchObject({ stored: 1 });
    expect((await services.db.roadmapItems.get(a.id))!.description).toBe('Typed before a crash');
    expect((await services.db.roadmapItems.get(b.id))!.owner).toBe('Changed elsewhere');
  });

  it('deletes after a confirmation that names what loses its link, and Undo restores item and link', async () => {
    const a = await add('Hybrid retrieval');
    const decision = { id: 'd1', programId: program.id, number: 1, title: 'Use it', status: 'accepted', statusNote: '', date: '2026-10-01', deciders: '', consulted: '', informed: '', context: '', options: [], outcome: '', consequencesGood: '', consequencesBad: '', supersedes: '', supersededBy: '', uncertaintyIds: [], metricIds: [], roadmapItemIds: [a.id], matrixId: '', basis: null, createdAt: 1, updatedAt: 1 } satisfies DecisionRecord;
    await services.db.decisions.add(decision);
    const deleting = area.deleteItem(a);
    const asked = await answerWith(true);
    expect(asked).toEqual({ title: 'Delete "Hybrid retrieval"?', message: '1 decision record ("ADR-0001 Use it") links to it; it will lose the link.' });
    expect((await deleting)?.ok).toBe(true);
    await until(() => area.items.length === 0);
    expect((await services.db.decisions.get('d1'))!.roadmapItemIds).toEqual([]);
    runToastAction('Undo');
    await until(() => area.items.length === 1);
    await expect.poll(async () => (await services.db.decisions.get('d1'))!.roadmapItemIds).toEqual([a.id]);
  });

  it('asks nothing and keeps the item when the deletion is cancelled', async () => {
    const a = await add('A');
    const deleting = area.deleteItem(a);
    expect((await answerWith(false)).message).toBe('It leaves the roadmap. You can undo this.');
    expect(await deleting).toBeUndefined();
    expect(await services.db.roadmapItems.get(a.id)).toBeDefined();
  });
});
