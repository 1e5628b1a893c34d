import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { templateBlocks } from '../../../renderer/src/domain/sessions/templates';
import { replayAtStart } from '../../../renderer/src/state/replay';
import type { Services } from '../../../renderer/src/state/services';
import { SessionRunState } from '../../../renderer/src/state/session-run.svelte';
import { belongingsWords, SessionsState } from '../../../renderer/src/state/sessions.svelte';
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

async function planned(area: SessionsState, title = 'Kick-off') {
  const made = await area.planSession({ title, date: '2026-11-12', plannedMinutes: 90, template: 'kickoff', blocks: templateBlocks('kickoff') });
  if (!made.ok) throw new Error(made.message);
  await until(() => area.session(made.value.id));
  return area.session(made.value.id)!;
}

describe('SessionsState', () => {
  it('plans a session, saying so with an Undo that takes it away again', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    clearToasts();
    await planned(area);
    expect(toastTexts()).toEqual(['success: Planned "Kick-off".']);
    expect(area.ordered.upcoming.map((s) => s.title)).toEqual(['Kick-off']);
    runToastAction('Undo');
    await until(() => area.sessions.length === 0);
  });

  it('removing a block or a participant offers Undo; a refused write says why', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    const session = await planned(area);
    clearToasts();
    expect((await area.removeBlock(session, session.blocks[5]!)).ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Removed "Retro" from the agenda.']);
    runToastAction('Undo');
    await until(() => area.session(session.id)!.blocks.length === 6);
    expect((await area.updateBlock(session, session.blocks[0]!, { plannedMinutes: 0 })).ok).toBe(false);
    expect(toastTexts()).toContain('error: Give the block a whole number of minutes, from 1 to 1440.');
  });

  it('asks before deleting; a held session’s confirmation says what goes with it', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    const plan = await planned(area, 'Plan');
    const deleting = area.deleteSession(plan);
    expect(await answerWith(true)).toEqual({ title: 'Delete "Plan"?', message: 'Undo brings it all back.' });
    expect((await deleting)?.ok).toBe(true);

    const held = await planned(area, 'Held');
    await services.db.sessions.update(held.id, { status: 'closed', startedAt: 1, endedAt: 2 });
    await services.db.captures.bulkAdd(
      ['a', 'b'].map((id) => ({ id, programId: program.id, sessionId: held.id, blockId: '', kind: 'note' as const, recordId: '', text: id, done: false, at: 1 })),
    );
    await until(() => area.session(held.id)?.status === 'closed');
    const asking = area.deleteSession(area.session(held.id)!);
    const asked = await answerWith(false);
    expect(asked.message).toBe(
      'This session was held: deleting it deletes its record, not just its plan. Its 2 captures go with it; records it captured into the areas stay there. Undo brings it all back.',
    );
    expect(await asking).toBeUndefined();
    expect(await services.db.sessions.get(held.id)).toBeDefined();
  });

  it('says every kind of thing a deletion takes', () => {
    expect(belongingsWords({ captures: 1, submissions: 3, votes: 2, snapshots: 2 })).toBe('Its 1 capture, 3 items submitted from the room, 2 voting rounds and 2 snapshots of the program go with it; records it captured into the areas stay there.');
    expect(belongingsWords({ captures: 0, submissions: 0, votes: 0, snapshots: 1 })).toBe('Its 1 snapshot of the program goes with it; records it captured into the areas stay there.');
    expect(belongingsWords({ captures: 0, submissions: 0, votes: 0, snapshots: 0 })).toBe('');
  });

  it('remembers which sessions the list shows, on this computer', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    area.filter.set('closed');
    expect(JSON.parse(localStorage.getItem('keel.sessions.show')!)).toBe('closed');
    const again = mount(() => new SessionsState(() => program, services));
    expect(again.filter.value).toBe('closed');
    area.filter.set('all');
  });

  it('offers the last closed session’s unfinished blocks for the next one, until one takes them', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    const first = await planned(area);
    await services.db.sessions.update(first.id, { status: 'closed', startedAt: 1, endedAt: 2 });
    await until(() => area.offer?.blocks.length === 6);
    const offer = area.offer!;
    const { plannedAgenda } = await import('../../../renderer/src/domain/sessions/carry');
    await area.planSession({ title: 'Next', blocks: plannedAgenda(offer, []) });
    await until(() => area.sessions.length === 2 && area.offer === undefined);
  });

  it('a session with no agenda cannot start, and says why', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    const made = await area.planSession({ title: 'Empty' });
    if (!made.ok) throw new Error(made.message);
    clearToasts();
    const run = mount(() => new SessionRunState(services));
    expect((await run.start(made.value)).ok).toBe(false);
    expect(toastTexts()).toEqual(['error: Add a block to the agenda before starting.']);
  });
});

describe('typing in a session’s plan is never lost', () => {
  it('typing whose save failed is written at the next start by the replay handlers, for the session, a participant and a block', async () => {
    const area = mount(() => new SessionsState(() => program, services));
    await until(() => area.loaded);
    const session = await planned(area);
    const added = await area.addParticipant(session, 'Ana', 'Product');
    if (!added.ok) throw new Error(added.message);
    const goals = area.sessionDrafts(session).drafts.goals;
    const fn = area.participantDrafts(session, added.value).drafts.function;
    const outputs = area.blockDrafts(session, session.blocks[1]!).drafts.outputs;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    });
    goals.input('Know what to test first');
    fn.input('Legal');
    outputs.input('Twenty cards');
    await goals.close();
    await fn.close();
    await outputs.close();
    put.mockRestore();
    expect(await replayAtStart(services)).toMatchObject({ stored: 3 });
    const stored = (await services.db.sessions.get(session.id))!;
    expect(stored.goals).toBe('Know what to test first');
    expect(stored.participants[0]!.function).toBe('Legal');
    expect(stored.blocks[1]!.outputs).toBe('Twenty cards');
  });
});
