import { beforeEach, describe, expect, it } from 'vitest';
import type { Session, VoteRound } from '../../../renderer/src/domain/sessions/model';
import { plannedAgenda } from '../../../renderer/src/domain/sessions/carry';
import { templateBlocks } from '../../../renderer/src/domain/sessions/templates';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { SessionsRepository } from '../../../renderer/src/storage/sessions-repo';
import { MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { freshStore } from '../factories';
import { closedSession, makeBlock, ranBlock } from '../domain/sessions/factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: SessionsRepository;
let programId: string;

beforeEach(async () => {
  store = await freshStore();
  repo = new SessionsRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Sessions' })).id;
});

const stored = async (id: string) => (await store.db.sessions.get(id))!;

/** Runs `write`, checks it is exactly one undo step that puts the session back as it was. */
async function oneUndoStep(session: Session, write: () => Promise<unknown>, label: string): Promise<Session> {
  const before = await stored(session.id);
  const previous = store.editor.history.nextUndo;
  await write();
  const after = await stored(session.id);
  expect(store.editor.history.nextUndo?.label).toBe(label);
  await store.editor.undo();
  // One step: undoing it leaves the step before it next in line.
  expect(store.editor.history.nextUndo).toBe(previous);
  expect(await stored(session.id)).toEqual(before);
  await store.editor.redo();
  expect(await stored(session.id)).toEqual(after);
  return after;
}

describe('SessionsRepository: planning', () => {
  it('plans a session with its agenda in one undo step', async () => {
    const session = await repo.planSession(programId, { title: ' Kick-off ', date: '2026-11-12', plannedMinutes: 90, template: 'kickoff', blocks: templateBlocks('kickoff') });
    expect(session).toMatchObject({ title: 'Kick-off', status: 'planned', template: 'kickoff', programId });
    expect((await stored(session.id)).blocks).toHaveLength(6);
    expect(store.editor.history.nextUndo?.label).toBe('Plan session "Kick-off"');
    await store.editor.undo();
    expect(await store.db.sessions.count()).toBe(0);
  });

  it('plans a session with the people of the last one, each given an id of its own', async () => {
    const people = [{ id: 'p-1', name: 'Ana', function: 'Product' }, { id: 'p-2', name: ' Ben ', function: 'Engineering' }];
    const session = await repo.planSession(programId, { title: 'Next', participants: people });
    expect(session.participants.map((p) => [p.name, p.function])).toEqual([['Ana', 'Product'], ['Ben', 'Engineering']]);
    expect(session.participants.map((p) => p.id)).not.toContain('p-1');
    expect(new Set(session.participants.map((p) => p.id)).size).toBe(2);
  });

  it('refuses a bad title, length or matrix, storing nothing', async () => {
    await expect(repo.planSession(programId, { title: '' })).rejects.toThrow('Give the session a title.');
    await expect(repo.planSession(programId, { title: 'x', plannedMinutes: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(repo.planSession(programId, { title: 'x', blocks: templateBlocks('tradeoff', 'no-such-matrix') })).rejects.toThrow('That trade-off matrix no longer exists.');
    expect(await store.db.sessions.count()).toBe(0);
  });

  it('keeps where carried blocks came from', async () => {
    const skipped = ranBlock(1, 2, 'skipped', { title: 'Metrics' });
    const held = { ...closedSession([ranBlock(0, 1), skipped]), programId };
    await store.db.sessions.add(held);
    const session = await repo.planSession(programId, { title: 'Next', blocks: plannedAgenda({ from: held, blocks: [skipped] }, templateBlocks('replanning')) });
    const blocks = (await stored(session.id)).blocks;
    // The re-planning template's "since last session" opens the agenda; the carried block follows.
    expect(blocks[0]).toMatchObject({ method: 'since-last', carriedFrom: null });
    expect(blocks[1]).toMatchObject({ title: 'Metrics', startedAt: null, endedAt: null, outcome: null, carriedFrom: { sessionId: held.id, blockId: skipped.id } });
    expect(blocks.filter((b) => b.carriedFrom !== null)).toHaveLength(1);
  });

  it('every change of the plan is one undo step', async () => {
    const { id: matrixId } = await new MatrixRepository(store.editor, store.clock.now).create(programId, 'Which retriever?');
    const session = await repo.planSession(programId, { title: 'Plan', blocks: [makeBlock({ title: 'A' }), makeBlock({ title: 'B' }), makeBlock({ title: 'C' })] });
    const [a, b, c] = session.blocks;
    await oneUndoStep(session, () => repo.updateSession(session.id, { place: 'Room 4', plannedMinutes: 120 }), 'Edit session');
    let ana = '';
    const withAna = await oneUndoStep(session, async () => (ana = (await repo.addParticipant(session.id, { name: 'Ana', function: 'Product' })).id), 'Add participant "Ana"');
    expect(withAna.participants).toEqual([{ id: ana, name: 'Ana', function: 'Product' }]);
    await oneUndoStep(session, () => repo.updateParticipant(session.id, ana, { function: 'Legal' }), 'Edit participant');
    await oneUndoStep(session, () => repo.removeParticipant(session.id, ana), 'Remove participant');
    await oneUndoStep(session, () => repo.addBlock(session.id, { title: 'D', plannedMinutes: 45, method: 'tradeoff', matrixId }), 'Add block "D"');
    await oneUndoStep(session, () => repo.updateBlock(session.id, a!.id, { plannedMinutes: 45 }), 'Change block minutes');
    await oneUndoStep(session, () => repo.updateBlock(session.id, a!.id, { method: 'tradeoff', matrixId }), 'Change block method');
    await oneUndoStep(session, () => repo.updateBlock(session.id, b!.id, { outputs: 'A decision' }), 'Edit block');
    const moved = await oneUndoStep(session, () => repo.moveBlock(session.id, c!.id, 0), 'Reorder agenda');
    expect(moved.blocks.map((x) => x.title)).toEqual(['C', 'A', 'B', 'D']);
    await oneUndoStep(session, () => repo.removeBlock(session.id, b!.id), 'Remove block');
  });

  it('typing coalesces into one step per field', async () => {
    const session = await repo.planSession(programId, { title: 'Plan', blocks: [makeBlock()] });
    const planned = store.editor.history.nextUndo;
    await repo.updateSession(session.id, { goals: 'K' }, 'session-goals:x');
    await repo.updateSession(session.id, { goals: 'Know' }, 'session-goals:x');
    await store.editor.undo();
    expect(store.editor.history.nextUndo).toBe(planned);
    expect((await stored(session.id)).goals).toBe('');
  });

  it('refuses a block’s matrix from elsewhere, removing a started block, and a voter leaving the list', async () => {
    const session = await repo.planSession(programId, { title: 'Plan', blocks: [makeBlock({ startedAt: 1 }), makeBlock({ method: 'tradeoff' })] });
    const [started, tradeoff] = session.blocks;
    await expect(repo.updateBlock(session.id, tradeoff!.id, { matrixId: 'elsewhere' })).rejects.toThrow('That trade-off matrix no longer exists.');
    await expect(repo.removeBlock(session.id, started!.id)).rejects.toThrow(/has started/);
    const ana = await repo.addParticipant(session.id, { name: 'Ana' });
    await store.db.votes.add({ id: 'v', programId, sessionId: session.id, voterIds: [ana.id] } as VoteRound);
    await expect(repo.removeParticipant(session.id, ana.id)).rejects.toThrow('Ana votes in a round of this session, so they stay on the list.');
    expect((await stored(session.id)).participants).toHaveLength(1);
  });

  it('deletes a session with its captures, rounds and snapshots in one step; undo brings them all back', async () => {
    const session = await repo.planSession(programId, { title: 'Held', blocks: [makeBlock()] });
    await store.db.captures.add({ id: 'c1', programId, sessionId: session.id, blockId: '', kind: 'note', recordId: '', text: 'n', done: false, at: 1 });
    await store.db.votes.add({ id: 'v1', programId, sessionId: session.id } as VoteRound);
    await store.db.snapshots.add({ id: 'k1', programId, sessionId: session.id, moment: 'start', at: 1, state: {} as never });
    await store.db.captures.add({ id: 'other', programId, sessionId: 'another', blockId: '', kind: 'note', recordId: '', text: 'n', done: false, at: 1 });
    expect(await repo.belongings(session.id)).toEqual({ captures: 1, submissions: 0, votes: 1, snapshots: 1 });
    await repo.deleteSession(session.id);
    expect(await store.db.sessions.count()).toBe(0);
    expect((await store.db.captures.toArray()).map((c) => c.id)).toEqual(['other']);
    expect(await store.db.votes.count()).toBe(0);
    expect(await store.db.snapshots.count()).toBe(0);
    await store.editor.undo();
    expect(await repo.belongings(session.id)).toEqual({ captures: 1, submissions: 0, votes: 1, snapshots: 1 });
    expect(await stored(session.id)).toEqual(session);
  });

  it('offers the program’s functions and matrices for the plan', async () => {
    await new MatrixRepository(store.editor, store.clock.now).create(programId, 'Which retriever?');
    const choices = await new Promise<{ functions: string[]; matrices: { label: string }[] }>((resolve) => {
      const sub = repo.watchPlanningChoices(programId).subscribe((value) => {
        sub.unsubscribe();
        resolve(value);
      });
    });
    expect(choices.functions.length).toBeGreaterThan(0);
    expect(choices.matrices.map((m) => m.label)).toEqual(['Which retriever?']);
  });
});
