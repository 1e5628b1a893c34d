import { describe, expect, it } from 'vitest';
import { newSession } from '../../../../renderer/src/domain/sessions/edits';
import { FACILITATOR_VOTER, type Dots, type VoteRound } from '../../../../renderer/src/domain/sessions/model';
import {
  ballotProblem,
  canAddDot,
  castBallot,
  checkApply,
  checkRoundSetup,
  describeRanking,
  dotsLeft,
  enterTallies,
  namedBallots,
  newRound,
  revealedRanking,
  revealRound,
  taggedItems,
  TEST_FIRST_TAG,
  topCandidates,
  votedPlacement,
  votersOf,
  waitingVoters,
  type RoundSetup,
} from '../../../../renderer/src/domain/sessions/votes';
import { roadmapItem } from '../revisit/factories';

const session = newSession('p', { title: 'Kick-off', facilitator: 'Mo', participants: [
  { id: 'ana', name: 'Ana', function: 'Engineering' },
  { id: 'ben', name: 'Ben', function: 'Product' },
  { id: 'cy', name: 'Cy', function: 'Leadership' },
] }, 1);

const candidates = [
  { id: 'a', label: 'Labels are noisy' },
  { id: 'b', label: 'Latency budget' },
  { id: 'c', label: 'Vendor lock-in' },
];

function setup(overrides: Partial<RoundSetup> = {}): RoundSetup {
  return { title: 'What to test first', target: 'uncertainty', matrixId: '', candidates, mode: 'ballots', dotsPerVoter: 3, maxPerCandidate: 2, secret: true, reveal: 'facilitator', voterIds: votersOf(session, false), ...overrides };
}

function round(overrides: Partial<RoundSetup> = {}): VoteRound {
  const checked = checkRoundSetup(setup(overrides), session);
  if (!checked.ok) throw new Error(checked.message);
  return newRound('r1', 'p', session.id, '', checked.value, 10);
}

/** Casts each ballot in turn, as the laptop goes round. */
function cast(start: VoteRound, ballots: [string, Dots[]][], random = () => 0.5): VoteRound {
  return ballots.reduce((r, [voter, dots]) => {
    const next = castBallot(r, voter, dots, 99, random);
    if (!next.ok) throw new Error(next.message);
    return { ...r, ...next.value };
  }, start);
}

const d = (candidateId: string, dots: number): Dots => ({ candidateId, dots });

describe('who votes', () => {
  it('is the participants; the facilitator abstains unless they choose to vote', () => {
    expect(votersOf(session, false)).toEqual(['ana', 'ben', 'cy']);
    expect(votersOf(session, true)).toEqual(['ana', 'ben', 'cy', FACILITATOR_VOTER]);
    expect(round().voterIds).not.toContain(FACILITATOR_VOTER);
  });

  it('refuses voters from outside the session, a round nobody votes in, and fewer than two candidates', () => {
    expect(checkRoundSetup(setup({ voterIds: ['zed'] }), session)).toMatchObject({ ok: false, message: expect.stringContaining('participants') });
    expect(checkRoundSetup(setup({ voterIds: [] }), session)).toMatchObject({ ok: false, message: expect.stringContaining('Nobody votes') });
    expect(checkRoundSetup(setup({ candidates: candidates.slice(0, 1) }), session)).toMatchObject({ ok: false });
    expect(checkRoundSetup(setup({ maxPerCandidate: 4 }), session)).toMatchObject({ ok: false, message: expect.stringContaining('no more than the dots each voter has') });
    expect(checkRoundSetup(setup({ target: 'option' }), session)).toMatchObject({ ok: false, message: 'Choose the matrix whose options are voted on.' });
  });
});

describe('ballots', () => {
  it('keep the rules: only candidates, at most the most per candidate, no more dots than a voter has', () => {
    const r = round();
    expect(ballotProblem(r, [d('a', 2), d('b', 1)])).toBeUndefined();
    expect(ballotProblem(r, [d('a', 1)])).toBeUndefined();
    expect(ballotProblem(r, [d('a', 3)])).toMatch(/at most 2 on one/);
    expect(ballotProblem(r, [d('a', 2), d('b', 2)])).toMatch(/4 dots in all, but each voter has 3/);
    expect(ballotProblem(r, [d('zz', 1)])).toMatch(/not a candidate/);
    expect(ballotProblem(r, [d('a', 1), d('a', 1)])).toMatch(/twice/);
    expect(ballotProblem(r, [d('a', 0.5)])).toMatch(/whole number/);
    expect(castBallot(r, 'ana', [d('a', 3)], 1, Math.random)).toMatchObject({ ok: false, message: expect.stringContaining('cannot be cast') });
  });

  it('counts what is left and when another dot may go on a candidate', () => {
    const r = round();
    expect(dotsLeft(r, [d('a', 2)])).toBe(1);
    expect(canAddDot(r, [d('a', 2)], 'a')).toBe(false);
    expect(canAddDot(r, [d('a', 2)], 'b')).toBe(true);
    expect(canAddDot(r, [d('a', 2), d('b', 1)], 'c')).toBe(false);
  });

  it('are cast once, by the round’s voters only, and never after the reveal', () => {
    const r = cast(round(), [['ana', [d('a', 2)]]]);
    expect(castBallot(r, 'ana', [d('b', 1)], 1, Math.random)).toMatchObject({ ok: false, message: 'This voter has voted already.' });
    expect(castBallot(r, FACILITATOR_VOTER, [d('b', 1)], 1, Math.random)).toMatchObject({ ok: false, message: 'Only the round’s voters vote.' });
    const revealed = { ...r, revealedAt: 5 };
    expect(castBallot(revealed, 'ben', [d('b', 1)], 1, Math.random)).toMatchObject({ ok: false });
    expect(waitingVoters(r)).toEqual(['ben', 'cy']);
  });

  it('in a secret round name nobody, and go in at a random place', () => {
    const r = cast(round(), [['ana', [d('a', 2)]], ['ben', [d('b', 1)]], ['cy', [d('c', 3 - 2)]]], () => 0);
    expect(r.voted).toEqual(['ana', 'ben', 'cy']);
    expect(r.ballots.every((b) => b.voterId === '')).toBe(true);
    // Each went in first, so the stored order is the reverse of the voting order.
    expect(r.ballots.map((b) => b.dots[0]!.candidateId)).toEqual(['c', 'b', 'a']);
    expect(JSON.stringify(r.ballots)).not.toMatch(/ana|ben|cy/);
  });

  it('in a named round keep each voter’s ballot, shown after the reveal only', () => {
    const r = cast(round({ secret: false }), [['ana', [d('a', 2)]], ['ben', [d('b', 1), d('a', 0)]]]);
    expect(r.ballots).toEqual([{ voterId: 'ana', dots: [d('a', 2)] }, { voterId: 'ben', dots: [d('b', 1)] }]);
    expect(namedBallots(r)).toBeUndefined();
    expect(namedBallots({ ...r, revealedAt: 1 })).toHaveLength(2);
    expect(namedBallots({ ...round(), revealedAt: 1 })).toBeUndefined();
  });
});

describe('the reveal', () => {
  it('keeps everything secret until it: not even the counts', () => {
    const r = cast(round(), [['ana', [d('a', 2)]], ['ben', [d('b', 1)]], ['cy', [d('a', 1)]]]);
    expect(r.revealedAt).toBeNull();
    expect(revealedRanking(r)).toBeUndefined();
    const shown = revealRound(r, 50);
    expect(shown).toEqual({ ok: true, value: { revealedAt: 50 } });
    expect(revealRound({ ...r, revealedAt: 50 }, 60)).toMatchObject({ ok: false });
    expect(revealRound(round(), 60)).toMatchObject({ ok: false, message: 'Nobody has voted yet.' });
  });

  it('comes by itself with the last voter when the rule is "when everyone has voted"', () => {
    const two = cast(round({ reveal: 'all-voted' }), [['ana', [d('a', 1)]], ['ben', [d('b', 1)]]]);
    expect(two.revealedAt).toBeNull();
    const all = cast(two, [['cy', [d('a', 1)]]]);
    expect(all.revealedAt).toBe(99);
  });

  it('does not wait for the facilitator, who abstains by default', () => {
    const all = cast(round({ reveal: 'all-voted' }), [['ana', [d('a', 1)]], ['ben', [d('b', 1)]], ['cy', [d('c', 1)]]]);
    expect(all.revealedAt).not.toBeNull();
    const withFacilitator = cast(round({ reveal: 'all-voted', voterIds: votersOf(session, true) }), [['ana', [d('a', 1)]], ['ben', [d('b', 1)]], ['cy', [d('c', 1)]]]);
    expect(withFacilitator.revealedAt).toBeNull();
    expect(waitingVoters(withFacilitator)).toEqual([FACILITATOR_VOTER]);
  });
});

describe('tallying and ranking', () => {
  it('adds the ballots up, ranks most first, and shows ties as ties', () => {
    const r = { ...cast(round(), [['ana', [d('a', 2), d('b', 1)]], ['ben', [d('b', 2), d('c', 1)]], ['cy', [d('a', 1), d('c', 2)]]]), revealedAt: 1 };
    const ranking = revealedRanking(r)!;
    expect(ranking.map((c) => [c.label, c.dots, c.rank, c.tied])).toEqual([
      ['Labels are noisy', 3, 1, true],
      ['Latency budget', 3, 1, true],
      ['Vendor lock-in', 3, 1, true],
    ]);
    expect(describeRanking(ranking)).toBe('tied 1st: Labels are noisy, 3 dots; tied 1st: Latency budget, 3 dots; tied 1st: Vendor lock-in, 3 dots.');
    const uneven = { ...cast(round(), [['ana', [d('c', 2), d('b', 1)]], ['ben', [d('b', 1)]]]), revealedAt: 1 };
    expect(revealedRanking(uneven)!.map((c) => [c.id, c.dots, c.rank, c.tied])).toEqual([
      ['b', 2, 1, true],
      ['c', 2, 1, true],
      ['a', 0, 3, false],
    ]);
  });

  it('takes totals the facilitator enters, checked against the most the voters could give', () => {
    const r = round({ mode: 'tally', reveal: 'facilitator' });
    expect(enterTallies(r, [d('a', 7)], 1)).toMatchObject({ ok: false, message: 'These totals cannot be right: 7 dots on "Labels are noisy", but 3 voters, each putting at most 2 on one, can give it 6 at most.' });
    expect(enterTallies(r, [d('a', 6), d('b', 4)], 1)).toMatchObject({ ok: false, message: 'These totals cannot be right: 10 dots in all, but 3 voters with 3 each have 9 in all.' });
    // Counted on a wall with nobody listed: any whole counts go in, as the room counted them.
    const room = { ...r, voterIds: [] };
    expect(enterTallies(room, [d('a', 7), d('b', 40)], 1)).toMatchObject({ ok: true });
    const entered = enterTallies(r, [d('a', 6), d('b', 3), d('c', 0)], 1);
    expect(entered).toEqual({ ok: true, value: { tallies: [d('a', 6), d('b', 3)] } });
    const stored = { ...r, ...(entered.ok ? entered.value : {}) };
    expect(revealedRanking(stored)).toBeUndefined();
    expect(revealedRanking({ ...stored, revealedAt: 2 })!.map((c) => c.dots)).toEqual([6, 3, 0]);
    const auto = enterTallies(round({ mode: 'tally', reveal: 'all-voted' }), [d('a', 1)], 7);
    expect(auto).toMatchObject({ ok: true, value: { revealedAt: 7 } });
  });
});

describe('applying a result', () => {
  const revealed = () => ({ ...cast(round(), [['ana', [d('b', 2), d('a', 1)]], ['ben', [d('b', 1), d('c', 1)]], ['cy', [d('a', 1)]]]), revealedAt: 5 });

  it('takes the top candidates with dots, and everyone tied at the edge', () => {
    const ranking = revealedRanking(revealed())!;
    expect(ranking.map((c) => [c.id, c.dots])).toEqual([['b', 3], ['a', 2], ['c', 1]]);
    expect(topCandidates(ranking, 1).map((c) => c.id)).toEqual(['b']);
    const tied = revealedRanking({ ...revealed(), ballots: [{ voterId: '', dots: [d('a', 2), d('b', 1)] }, { voterId: '', dots: [d('c', 2)] }] })!;
    expect(topCandidates(tied, 1).map((c) => c.id)).toEqual(['a', 'c']);
    expect(topCandidates(ranking, 3).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('is refused before the reveal, twice, for a matrix’s options, or without a tag', () => {
    expect(checkApply(round(), { kind: 'test-first', top: 2, tag: '' })).toMatchObject({ ok: false, message: 'Reveal the result before applying it.' });
    const applied = { ...revealed(), applied: { at: 1, how: 'tagged "b" "test first"' } };
    expect(checkApply(applied, { kind: 'test-first', top: 2, tag: '' })).toMatchObject({ ok: false, message: expect.stringContaining('applied already') });
    expect(checkApply({ ...revealed(), target: 'option', matrixId: 'm' }, { kind: 'tag', top: 1, tag: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('not applied') });
    expect(checkApply(revealed(), { kind: 'tag', top: 1, tag: '  ' })).toMatchObject({ ok: false, message: 'Type the tag to give them.' });
    expect(checkApply(revealed(), { kind: 'test-first', top: 2, tag: '' })).toMatchObject({ ok: true, value: { tag: TEST_FIRST_TAG } });
  });

  it('tags items that lack the tag, whatever its case', () => {
    const items = [
      { id: 'a', title: 'A', tags: ['Test First'] },
      { id: 'b', title: 'B', tags: ['labels'] },
    ];
    expect(taggedItems(items, TEST_FIRST_TAG)).toEqual({ ok: true, value: [{ id: 'b', tags: ['labels', 'test first'] }] });
    expect(taggedItems([{ id: 'c', title: 'Full', tags: Array.from({ length: 50 }, (_, i) => `t${i}`) }], 'x')).toMatchObject({ ok: false });
  });

  it('moves roadmap items up in vote order: to the top of their horizon, or to Now', () => {
    const items = [
      roadmapItem({ id: 'n1', horizon: 'now', order: 0 }),
      roadmapItem({ id: 'n2', horizon: 'now', order: 1 }),
      roadmapItem({ id: 'x1', horizon: 'next', order: 0 }),
      roadmapItem({ id: 'x2', horizon: 'next', order: 1 }),
      roadmapItem({ id: 'l1', horizon: 'later', order: 0 }),
    ];
    expect(votedPlacement(items, ['x2', 'n2'], false)).toEqual([
      { id: 'n1', horizon: 'now', order: 1 },
      { id: 'n2', horizon: 'now', order: 0 },
      { id: 'x1', horizon: 'next', order: 1 },
      { id: 'x2', horizon: 'next', order: 0 },
    ]);
    expect(votedPlacement(items, ['l1', 'x2'], true)).toEqual([
      { id: 'n1', horizon: 'now', order: 2 },
      { id: 'n2', horizon: 'now', order: 3 },
      { id: 'x2', horizon: 'now', order: 1 },
      { id: 'l1', horizon: 'now', order: 0 },
    ]);
    expect(votedPlacement(items, ['n1'], false)).toEqual([]);
  });
});
