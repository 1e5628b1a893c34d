import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { newRoadmapItem } from '../../../renderer/src/domain/roadmap/edits';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session, VoteRound } from '../../../renderer/src/domain/sessions/model';
import { TEST_FIRST_TAG, type RoundSetup } from '../../../renderer/src/domain/sessions/votes';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import type { Services } from '../../../renderer/src/state/services';
import { undoWithFeedback } from '../../../renderer/src/state/writes';
import { VotesState } from '../../../renderer/src/state/votes.svelte';
import { answer, clearToasts, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let session: Session;
const destroyers: (() => void)[] = [];

function mount<T>(make: () => T): T {
  const { value, destroy } = mounted(make);
  destroyers.push(destroy);
  return value;
}

beforeEach(async () => {
  ({ services, program } = await withProgram());
  const block = newBlock({ title: 'What to test', plannedMinutes: 20, method: 'uncertainty' });
  session = {
    ...newSession(program.id, {
      title: 'Kick-off',
      facilitator: 'Mo',
      participants: [
        { id: 'ana', name: 'Ana', function: 'Engineering' },
        { id: 'ben', name: 'Ben', function: 'Product' },
        { id: 'cy', name: 'Cy', function: 'Leadership' },
      ],
      blocks: [block],
    }, 1),
    status: 'running',
    startedAt: 1,
    currentBlockId: block.id,
  };
  await services.db.sessions.add(session);
});

afterEach(() => {
  for (const destroy of destroyers.splice(0)) destroy();
  services.db.close();
});

async function items(...titles: string[]): Promise<string[]> {
  const repo = new UncertaintyRepository(services.editor);
  const layerId = (await services.db.layers.where({ programId: program.id }).first())!.id;
  const added = await repo.addItems(program.id, titles.map((title) => ({ title, layerId, kind: 'assumption' as const })));
  return titles.map((t) => added.find((i) => i.title === t)!.id);
}

function votesState(): VotesState {
  return mount(() => new VotesState(() => program, () => session, () => session.currentBlockId, services));
}

function setup(state: VotesState, overrides: Partial<RoundSetup> = {}): RoundSetup {
  return {
    title: 'What to test first',
    target: 'uncertainty',
    matrixId: '',
    candidates: state.sources.uncertainty,
    mode: 'ballots',
    dotsPerVoter: 2,
    maxPerCandidate: 2,
    secret: true,
    reveal: 'facilitator',
    voterIds: ['ana', 'ben', 'cy'],
    ...overrides,
  };
}

async function round(state: VotesState, overrides: Partial<RoundSetup> = {}): Promise<VoteRound> {
  const made = await state.addRound(setup(state, overrides));
  if (!made.ok) throw new Error(made.message);
  await until(() => state.blockRounds.some((r) => r.id === made.value.id));
  return made.value;
}

const current = (state: VotesState, id: string) => state.rounds.find((r) => r.id === id)!;

describe('VotesState', () => {
  it('sets a round up in the block, one undoable edit', async () => {
    await items('Labels are noisy', 'Latency budget');
    const votes = votesState();
    await until(() => votes.loaded && votes.sources.uncertainty.length === 2);
    clearToasts();
    const r = await round(votes);
    expect(r.blockId).toBe(session.currentBlockId);
    expect(r.candidates.map((c) => c.label)).toEqual(['Labels are noisy', 'Latency budget']);
    expect(toastTexts()).toEqual(['success: Set up the vote "What to test first".']);
    runToastAction('Undo');
    await until(() => votes.rounds.length === 0);
  });

  it('keeps a secret round’s ballots without names, each cast one undoable edit, and reveals by itself when everyone has voted', async () => {
    const [a, b] = await items('Labels are noisy', 'Latency budget');
    const votes = votesState();
    await until(() => votes.sources.uncertainty.length === 2);
    const r = await round(votes, { reveal: 'all-voted' });
    expect((await votes.castBallot(r, 'ana', [{ candidateId: a!, dots: 2 }])).ok).toBe(true);
    await until(() => current(votes, r.id).voted.length === 1);
    expect((await votes.castBallot(current(votes, r.id), 'ben', [{ candidateId: b!, dots: 1 }])).ok).toBe(true);
    await until(() => current(votes, r.id).voted.length === 2);
    // Undo takes back exactly the last ballot.
    await undoWithFeedback(services.editor);
    await until(() => current(votes, r.id).voted.length === 1);
    expect(current(votes, r.id).ballots).toHaveLength(1);
    await votes.castBallot(current(votes, r.id), 'ben', [{ candidateId: b!, dots: 1 }]);
    await until(() => current(votes, r.id).voted.length === 2);
    expect(current(votes, r.id).revealedAt).toBeNull();
    await votes.castBallot(current(votes, r.id), 'cy', [{ candidateId: b!, dots: 2 }]);
    await until(() => current(votes, r.id).revealedAt !== null);
    const stored = (await services.db.votes.get(r.id))!;
    expect(stored.voted).toEqual(['ana', 'ben', 'cy']);
    expect(stored.ballots.map((x) => x.voterId)).toEqual(['', '', '']);
    expect(JSON.stringify(stored.ballots)).not.toMatch(/ana|ben|cy/);
  });

  it('refuses a ballot that breaks the rules, and a second vote by the same person', async () => {
    const [a] = await items('Labels are noisy', 'Latency budget');
    const votes = votesState();
    await until(() => votes.sources.uncertainty.length === 2);
    const r = await round(votes);
    clearToasts();
    expect(await votes.castBallot(r, 'ana', [{ candidateId: a!, dots: 3 }])).toMatchObject({ ok: false });
    expect(toastTexts()[0]).toMatch(/cannot be cast: 3 dots on "Labels are noisy", but a voter puts at most 2 on one/);
    await votes.castBallot(r, 'ana', [{ candidateId: a!, dots: 1 }]);
    expect(await votes.castBallot(r, 'ana', [{ candidateId: a!, dots: 1 }])).toMatchObject({ ok: false, message: 'This voter has voted already.' });
  });

  it('applies "test first" to the top items in one edit; Undo takes back the tags and the mark, and applying twice is refused', async () => {
    const [a, b, c] = await items('Labels are noisy', 'Latency budget', 'Vendor lock-in');
    const votes = votesState();
    await until(() => votes.sources.uncertainty.length === 3);
    const r = await round(votes, { secret: false });
    await votes.castBallot(r, 'ana', [{ candidateId: a!, dots: 2 }]);
    await votes.castBallot({ ...r, voted: ['ana'] }, 'ben', [{ candidateId: b!, dots: 1 }, { candidateId: a!, dots: 1 }]);
    await until(() => current(votes, r.id).voted.length === 2);
    expect(await votes.applyResult(current(votes, r.id), { kind: 'test-first', top: 1, tag: '' })).toMatchObject({ ok: false, message: 'Reveal the result before applying it.' });
    const reveal = votes.reveal(current(votes, r.id));
    expect((await reveal).ok).toBe(true);
    await until(() => current(votes, r.id).revealedAt !== null);
    clearToasts();
    expect((await votes.applyResult(current(votes, r.id), { kind: 'test-first', top: 2, tag: '' })).ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Applied the vote: tagged "Labels are noisy" and "Latency budget" "test first".']);
    const tags = async () => (await services.db.uncertaintyItems.bulkGet([a!, b!, c!])).map((i) => i!.tags);
    expect(await tags()).toEqual([[TEST_FIRST_TAG], [TEST_FIRST_TAG], []]);
    await until(() => current(votes, r.id).applied !== null);
    expect(await votes.applyResult(current(votes, r.id), { kind: 'tag', top: 1, tag: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('applied already') });
    runToastAction('Undo');
    await until(() => current(votes, r.id).applied === null);
    expect(await tags()).toEqual([[], [], []]);
  });

  it('moves the top roadmap items to Now in vote order, keeping each forecast, in one undo', async () => {
    const add = async (title: string, horizon: 'now' | 'next' | 'later', order: number) => {
      const made = newRoadmapItem(program.id, title, horizon, order, crypto.randomUUID(), 1);
      if (!made.ok) throw new Error(made.message);
      await services.db.roadmapItems.add(made.value);
      return made.value.id;
    };
    const now = await add('Ship FAQ bot', 'now', 0);
    const later = await add('Voice', 'later', 0);
    const next = await add('Hybrid retrieval', 'next', 0);
    const votes = votesState();
    await until(() => votes.sources.roadmapItem.length === 3);
    const r = await round(votes, { target: 'roadmapItem', candidates: votes.sources.roadmapItem, mode: 'tally' });
    expect((await votes.enterTallies(r, [{ candidateId: later, dots: 4 }, { candidateId: next, dots: 2 }])).ok).toBe(true);
    await until(() => current(votes, r.id).tallies.length === 2);
    await votes.reveal(current(votes, r.id));
    await until(() => current(votes, r.id).revealedAt !== null);
    expect((await votes.applyResult(current(votes, r.id), { kind: 'roadmap-now', top: 2, tag: '' })).ok).toBe(true);
    const placed = async () => (await services.db.roadmapItems.bulkGet([later, next, now])).map((i) => [i!.horizon, i!.order, i!.history.length]);
    expect(await placed()).toEqual([['now', 0, 1], ['now', 1, 1], ['now', 2, 0]]);
    await undoWithFeedback(services.editor);
    expect(await placed()).toEqual([['later', 0, 0], ['next', 0, 0], ['now', 0, 0]]);
    await until(() => current(votes, r.id).applied === null);
  });

  it('deletes a round after asking, and keeps the setup form until a round is set up', async () => {
    await items('Labels are noisy', 'Latency budget');
    const votes = votesState();
    await until(() => votes.sources.uncertainty.length === 2);
    votes.changeDraft({ title: 'Half typed', dotsPerVoter: 5 });
    expect(JSON.parse(localStorage.getItem(`keel.vote-setup-draft.${session.id}`)!)).toMatchObject({ title: 'Half typed', dotsPerVoter: 5 });
    expect(votes.draft).toMatchObject({ title: 'Half typed', dotsPerVoter: 5, secret: true, reveal: 'facilitator' });
    const r = await round(votes);
    const deleting = votes.deleteRound(r);
    expect(await answer(true)).toBe('Delete the vote "What to test first"?');
    expect((await deleting)?.ok).toBe(true);
    await until(() => votes.rounds.length === 0);
  });

  it('refuses new votes once the session is closed', async () => {
    await items('Labels are noisy', 'Latency budget');
    const votes = votesState();
    await until(() => votes.sources.uncertainty.length === 2);
    const r = await round(votes);
    await services.db.sessions.update(session.id, { status: 'closed', endedAt: 2, currentBlockId: '' });
    expect(await votes.castBallot(r, 'ana', [])).toMatchObject({ ok: false, message: 'This session is closed: its votes are kept as they were.' });
  });
});
