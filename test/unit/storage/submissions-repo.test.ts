import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { SubmitMessage } from '../../../electron/room/protocol';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import { KeelDB } from '../../../renderer/src/storage/db';
import { SessionsRepository } from '../../../renderer/src/storage/sessions-repo';
import { SubmissionsRepository } from '../../../renderer/src/storage/submissions-repo';
import { VotesRepository } from '../../../renderer/src/storage/votes-repo';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import { freshStore } from '../factories';

async function setUp() {
  const store = await freshStore();
  const programId = (await store.programs.create({ name: 'Support assistant' })).id;
  const review = newBlock({ title: 'Review risks', plannedMinutes: 20, method: 'uncertainty' });
  const participants = [
    { id: 'ana', name: 'Ana', function: 'Product' },
    { id: 'ben', name: 'Ben', function: 'Engineering' },
  ];
  const session = { ...newSession(programId, { title: 'Kick-off', participants, blocks: [review] }, 1), status: 'running' as const, startedAt: 1, currentBlockId: review.id };
  await store.db.sessions.add(session);
  const repo = new SubmissionsRepository(store.editor, store.clock.now);
  const submit = (extra: Partial<SubmitMessage> = {}): SubmitMessage => ({ type: 'submit', id: 'client-0001', blockId: review.id, kind: 'uncertainty', text: 'Will answers stay grounded?', ...extra });
  return { store, repo, session, review, programId, submit };
}

describe('SubmissionsRepository', () => {
  it('records a submission once, off the undo history; a resent id is answered as recorded again', async () => {
    const { store, repo, session, submit } = await setUp();
    const before = store.editor.history.nextUndo;
    expect(await repo.receive(session.id, 'ana', submit())).toEqual({ status: 'recorded' });
    expect(await repo.receive(session.id, 'ana', submit())).toEqual({ status: 'recorded' });
    // Two copies arriving together are still one row.
    await Promise.all([repo.receive(session.id, 'ana', submit({ id: 'client-0002' })), repo.receive(session.id, 'ana', submit({ id: 'client-0002' }))]);
    const rows = await store.db.submissions.where({ sessionId: session.id }).toArray();
    expect(rows.map((r) => r.clientId).sort()).toEqual(['client-0001', 'client-0002']);
    expect(rows[0]).toMatchObject({ author: 'Ana', function: 'Product', status: 'pending', captureId: '', decidedAt: null });
    expect(store.editor.history.nextUndo).toBe(before);
  });

  it('records a burst in one transaction, each answered on its own; a copy inside the same batch is one row', async () => {
    const { store, repo, session, submit } = await setUp();
    const answers = await repo.receiveMany(session.id, [
      { participantId: 'ana', message: submit() },
      { participantId: 'ben', message: submit({ id: 'client-0002', kind: 'idea', text: 'Cache the FAQ' }) },
      { participantId: 'ana', message: submit() },
      { participantId: 'ben', message: submit({ id: 'client-0003', blockId: 'gone' }) },
    ]);
    expect(answers).toEqual([
      { status: 'recorded' },
      { status: 'recorded' },
      { status: 'recorded' },
      { status: 'refused', message: 'That block is over: the session has moved on to "Review risks".' },
    ]);
    const rows = await store.db.submissions.where({ sessionId: session.id }).toArray();
    expect(rows.map((r) => `${r.participantId} ${r.clientId}`).sort()).toEqual(['ana client-0001', 'ben client-0002']);
  });

  it('refuses an item for a block that is over, with the reason', async () => {
    const { repo, session, submit } = await setUp();
    expect(await repo.receive(session.id, 'ana', submit({ blockId: 'gone' }))).toEqual({ status: 'refused', message: 'That block is over: the session has moved on to "Review risks".' });
    expect(await repo.receive('no-such-session', 'ana', submit())).toEqual({ status: 'refused', message: 'The session is no longer there.' });
  });

  it('accepts each as the capture bar would make it, in one undoable edit', async () => {
    const { store, repo, session, review, submit } = await setUp();
    await repo.receive(session.id, 'ana', submit());
    store.clock.advance(10);
    await repo.receive(session.id, 'ben', submit({ id: 'client-0002', kind: 'idea', text: 'Cache the FAQ' }));
    const ids = (await store.db.submissions.toArray()).sort((a, b) => a.at - b.at).map((s) => s.id);
    const accepted = await repo.accept(ids, 'each');
    expect(store.editor.history.nextUndo?.label).toBe('Accept 2 submitted items');
    const captures = await store.db.captures.where({ sessionId: session.id }).toArray();
    expect(captures.map((c) => [c.kind, c.text, c.blockId]).sort()).toEqual([
      ['note', 'Idea: Cache the FAQ — from Ben (Engineering)', review.id],
      ['uncertainty', 'Will answers stay grounded?', review.id],
    ]);
    const item = await store.db.uncertaintyItems.get(captures.find((c) => c.kind === 'uncertainty')!.recordId);
    expect(item).toMatchObject({ title: 'Will answers stay grounded?', kind: 'unknown' });
    expect(accepted.every((s) => s.status === 'accepted' && captures.some((c) => c.id === s.captureId))).toBe(true);

    await store.editor.undo();
    expect(await store.db.captures.count()).toBe(0);
    expect(await store.db.uncertaintyItems.count()).toBe(0);
    expect((await store.db.submissions.toArray()).map((s) => s.status)).toEqual(['pending', 'pending']);
  });

  it('accepts a group as one capture that every submission points at, and refuses deciding twice', async () => {
    const { store, repo, session, submit } = await setUp();
    await repo.receive(session.id, 'ana', submit());
    await repo.receive(session.id, 'ben', submit({ id: 'client-0002', text: 'Hallucinated refunds' }));
    const ids = (await store.db.submissions.toArray()).map((s) => s.id);
    const accepted = await repo.accept(ids, 'group');
    const captures = await store.db.captures.toArray();
    expect(captures).toHaveLength(1);
    expect(new Set(accepted.map((s) => s.captureId))).toEqual(new Set([captures[0]!.id]));
    await expect(repo.accept(ids, 'each')).rejects.toThrow('Some of those items were accepted or declined already.');
    await expect(repo.decline(ids)).rejects.toThrow('Some of those items were accepted or declined already.');
  });

  it('declines in one undoable edit, keeping the items', async () => {
    const { store, repo, session, submit } = await setUp();
    await repo.receive(session.id, 'ana', submit());
    const [row] = await store.db.submissions.toArray();
    store.clock.advance(5);
    expect(await repo.decline([row!.id])).toEqual([{ ...row, status: 'declined', decidedAt: store.clock.now() }]);
    expect(store.editor.history.nextUndo?.label).toBe('Decline a submitted item');
    await store.editor.undo();
    expect((await store.db.submissions.get(row!.id))!.status).toBe('pending');
  });

  it('goes with its session when the session or the program is deleted for good', async () => {
    const { store, repo, session, programId, submit } = await setUp();
    await repo.receive(session.id, 'ana', submit());
    const sessions = new SessionsRepository(store.editor, store.clock.now);
    expect((await sessions.belongings(session.id)).submissions).toBe(1);
    await sessions.deleteSession(session.id);
    expect(await store.db.submissions.count()).toBe(0);
    await store.editor.undo();
    expect(await store.db.submissions.count()).toBe(1);
    const programs = new ProgramRepository(store.editor, store.clock.now);
    await programs.trash(programId);
    await programs.deleteForever([programId]);
    expect(await store.db.submissions.count()).toBe(0);
  });

  it('a duplicated program copies its submissions with new ids, pointing at the copy’s session', async () => {
    const { store, repo, session, programId, submit } = await setUp();
    await repo.receive(session.id, 'ana', submit());
    const copy = await new ProgramRepository(store.editor, store.clock.now).duplicate(programId);
    const copied = await store.db.submissions.where({ programId: copy.id }).toArray();
    expect(copied).toHaveLength(1);
    const copiedSession = await store.db.sessions.where({ programId: copy.id }).first();
    expect(copied[0]!.sessionId).toBe(copiedSession!.id);
  });
});

/** A secret round of two candidates for Ana and Ben, two dots each. */
async function secretRound(store: Awaited<ReturnType<typeof setUp>>['store'], sessionId: string, blockId: string) {
  const votes = new VotesRepository(store.editor, store.clock.now, () => 0);
  const candidates = [
    { id: 'c1', label: 'Latency' },
    { id: 'c2', label: 'Cost' },
  ];
  const round = await votes.addRound(sessionId, blockId, { title: 'First?', target: 'uncertainty', matrixId: '', candidates, mode: 'ballots', dotsPerVoter: 2, maxPerCandidate: 2, secret: true, reveal: 'facilitator', voterIds: ['ana', 'ben'] });
  return { votes, round };
}

describe('a ballot from a device', () => {
  it('is cast nameless in a secret round, off the undo history; a resend with its id is recorded once', async () => {
    const { store, session, review } = await setUp();
    const { votes, round } = await secretRound(store, session.id, review.id);
    const setUpStep = store.editor.history.nextUndo;
    const ballot = { type: 'ballot' as const, id: 'ballot-0001', roundId: round.id, dots: [{ candidateId: 'c2', dots: 2 }] };
    expect(await votes.receiveBallot(session.id, 'ana', ballot, undefined)).toEqual({ status: 'recorded' });
    expect(await votes.receiveBallot(session.id, 'ana', ballot, 'ballot-0001')).toEqual({ status: 'recorded' });
    expect(await votes.receiveBallot(session.id, 'ana', { ...ballot, id: 'ballot-0002' }, 'ballot-0001')).toEqual({ status: 'refused', message: 'Your vote in this round is recorded already.' });
    const stored = await store.db.votes.get(round.id);
    expect(stored).toMatchObject({ voted: ['ana'], ballots: [{ voterId: '', dots: [{ candidateId: 'c2', dots: 2 }] }] });
    expect(store.editor.history.nextUndo).toBe(setUpStep);
    // Undoing the facilitator's last edit (setting the round up) cannot take a vote away with it.
    await expect(store.editor.undo()).rejects.toThrow();
    expect((await store.db.votes.get(round.id))!.voted).toEqual(['ana']);
  });
});

describe('ballots from several devices at once', () => {
  it('go in one transaction, each decided on the round as the ones before left it', async () => {
    const { store, session, review } = await setUp();
    const { votes, round } = await secretRound(store, session.id, review.id);
    const ballot = (id: string, candidateId: string) => ({ type: 'ballot' as const, id, roundId: round.id, dots: [{ candidateId, dots: 2 }] });
    const answers = await votes.receiveBallots(session.id, [
      { participantId: 'ana', message: ballot('ballot-0001', 'c1'), recordedClientId: undefined },
      { participantId: 'ben', message: ballot('ballot-0002', 'c2'), recordedClientId: undefined },
      // Ana's resend in the same batch is the same vote; another ballot of hers is refused.
      { participantId: 'ana', message: ballot('ballot-0001', 'c1'), recordedClientId: undefined },
      { participantId: 'ana', message: ballot('ballot-0003', 'c2'), recordedClientId: undefined },
    ]);
    expect(answers.map((a) => a.status)).toEqual(['recorded', 'recorded', 'recorded', 'refused']);
    const stored = (await store.db.votes.get(round.id))!;
    expect([...stored.voted].sort()).toEqual(['ana', 'ben']);
    expect(stored.ballots.map((b) => b.dots[0]!.candidateId).sort()).toEqual(['c1', 'c2']);
    expect(stored.ballots.every((b) => b.voterId === '')).toBe(true);
  });
});

describe('database upgrade to version 7', () => {
  it('adds the submissions table, keeping a version-6 database’s sessions as they were', async () => {
    const name = `keel-upgrade-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(1).stores({ programs: 'id, updatedAt' });
    v6.version(2).stores({ layers: 'id, programId', uncertaintyItems: 'id, programId, layerId' });
    v6.version(3).stores({ functions: 'id, programId', metrics: 'id, programId' });
    v6.version(4).stores({ matrices: 'id, programId' });
    v6.version(5).stores({ roadmapItems: 'id, programId', decisions: 'id, programId, matrixId', scopeChanges: 'id, programId', actions: 'id, programId', revisitReviews: 'id, programId' });
    v6.version(6).stores({ sessions: 'id, programId', captures: 'id, programId, sessionId', votes: 'id, programId, sessionId', snapshots: 'id, programId, sessionId' });
    const program = { id: 'a', name: 'Alpha', description: '', createdAt: 1, updatedAt: 2, archivedAt: null, deletedAt: null, staleAfterDays: 14 };
    await v6.table('programs').add(program);
    await v6.table('sessions').add({ id: 's1', programId: 'a', title: 'Kick-off' });
    await v6.table('captures').add({ id: 'c1', programId: 'a', sessionId: 's1', text: 'kept' });
    v6.close();

    const db = new KeelDB(name);
    await db.openChecked();
    expect(db.backendDB().version / 10).toBe(7);
    expect(await db.programs.get('a')).toEqual(program);
    expect(await db.sessions.get('s1')).toEqual({ id: 's1', programId: 'a', title: 'Kick-off' });
    expect(await db.captures.get('c1')).toMatchObject({ text: 'kept' });
    expect(await db.submissions.count()).toBe(0);
    await db.submissions.add({ id: 'x', programId: 'a', sessionId: 's1', participantId: 'p', clientId: 'client-1' } as never);
    expect(await db.submissions.where({ sessionId: 's1', participantId: 'p', clientId: 'client-1' }).primaryKeys()).toEqual(['x']);
    db.close();
  });
});
