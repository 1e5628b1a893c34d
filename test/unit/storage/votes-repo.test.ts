import { describe, expect, it } from 'vitest';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import { VotesRepository } from '../../../renderer/src/storage/votes-repo';
import { freshStore } from '../factories';
import { roadmapItem } from '../domain/revisit/factories';

async function setUp() {
  const store = await freshStore();
  const programId = (await store.programs.create({ name: 'Plan' })).id;
  const block = newBlock({ title: 'Roadmap review', plannedMinutes: 30, method: 'roadmap' });
  const session = { ...newSession(programId, { title: 'Re-plan', participants: [{ id: 'ana', name: 'Ana', function: '' }, { id: 'ben', name: 'Ben', function: '' }], blocks: [block] }, 1), status: 'running' as const, startedAt: 1, currentBlockId: block.id };
  await store.db.sessions.add(session);
  const items = [roadmapItem({ id: 'now-1', programId, title: 'FAQ bot', horizon: 'now', order: 0 }), roadmapItem({ id: 'next-1', programId, title: 'Hybrid retrieval', horizon: 'next', order: 0 }), roadmapItem({ id: 'next-2', programId, title: 'Voice', horizon: 'next', order: 1 })];
  await store.db.roadmapItems.bulkAdd(items);
  // A fixed "random" for the ballots' places: always first.
  const repo = new VotesRepository(store.editor, store.clock.now, () => 0);
  return { store, repo, session, block };
}

const labels = ['FAQ bot', 'Hybrid retrieval', 'Voice'];

describe('VotesRepository', () => {
  it('makes each write one undoable edit, and applying one edit across the roadmap and the round', async () => {
    const { store, repo, session, block } = await setUp();
    const candidates = ['now-1', 'next-1', 'next-2'].map((id, i) => ({ id, label: labels[i]! }));
    const round = await repo.addRound(session.id, block.id, { title: 'Move up', target: 'roadmapItem', matrixId: '', candidates, mode: 'ballots', dotsPerVoter: 2, maxPerCandidate: 2, secret: true, reveal: 'all-voted', voterIds: ['ana', 'ben'] });
    await repo.castBallot(round.id, 'ana', [{ candidateId: 'next-2', dots: 2 }]);
    const last = await repo.castBallot(round.id, 'ben', [{ candidateId: 'next-1', dots: 1 }]);
    expect(last.revealedAt).toBe(store.clock.now());
    // The second ballot went in first: the stored order is not the voting order.
    expect(last.ballots).toEqual([{ voterId: '', dots: [{ candidateId: 'next-1', dots: 1 }] }, { voterId: '', dots: [{ candidateId: 'next-2', dots: 2 }] }]);
    // The undo list names nobody: the room may see it.
    expect(store.editor.history.nextUndo?.label).toBe('Cast a vote');

    store.clock.advance(1000);
    const applied = await repo.applyResult(round.id, { kind: 'roadmap-top', top: 2, tag: '' });
    expect(applied.applied).toEqual({ at: store.clock.now(), how: 'moved "Voice" and "Hybrid retrieval" to the top of their horizon' });
    expect(store.editor.history.nextUndo?.label).toBe('Apply a vote’s result');
    const order = async () => (await store.db.roadmapItems.bulkGet(['now-1', 'next-1', 'next-2'])).map((i) => `${i!.horizon}${i!.order}`);
    expect(await order()).toEqual(['now0', 'next1', 'next0']);
    await expect(repo.applyResult(round.id, { kind: 'roadmap-now', top: 1, tag: '' })).rejects.toThrow(/applied already/);

    await store.editor.undo();
    expect(await order()).toEqual(['now0', 'next0', 'next1']);
    expect((await store.db.votes.get(round.id))!.applied).toBeNull();
    await store.editor.undo();
    expect((await store.db.votes.get(round.id))!.voted).toEqual(['ana']);
    expect((await store.db.votes.get(round.id))!.revealedAt).toBeNull();
    await store.editor.undo();
    await store.editor.undo();
    expect(await store.db.votes.count()).toBe(0);
  });

  it('refuses a round on a block no longer in the session, and with voters from outside it', async () => {
    const { repo, session } = await setUp();
    const candidates = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
    const setup = { title: 'X', target: 'parking' as const, matrixId: '', candidates, mode: 'ballots' as const, dotsPerVoter: 1, maxPerCandidate: 1, secret: false, reveal: 'facilitator' as const, voterIds: ['ana'] };
    await expect(repo.addRound(session.id, 'gone', setup)).rejects.toThrow('That agenda block is no longer in the session.');
    await expect(repo.addRound(session.id, '', { ...setup, voterIds: ['zed'] })).rejects.toThrow(/participants/);
  });
});
