import { describe, expect, it } from 'vitest';
import type { BallotMessage, SubmitMessage } from '../../../../electron/room/protocol';
import { decideBallot, decideSubmit } from '../../../../renderer/src/domain/room/decide';
import { acceptedCaptures, captureKindOf, inboxOrder } from '../../../../renderer/src/domain/room/inbox';
import type { Submission } from '../../../../renderer/src/domain/room/model';
import { acceptsFor, participantView, roundForDevices, waitingView } from '../../../../renderer/src/domain/room/view';
import type { Session, VoteRound } from '../../../../renderer/src/domain/sessions/model';
import { castBallot, newRound, revealedRanking } from '../../../../renderer/src/domain/sessions/votes';
import { makeBlock, makeSession } from '../sessions/factories';

const people = [
  { id: 'ana', name: 'Ana', function: 'Product' },
  { id: 'ben', name: 'Ben', function: 'Engineering' },
  { id: 'cy', name: 'Cy', function: '' },
];
const review = makeBlock({ id: 'review', title: 'Review risks', method: 'uncertainty', outputs: 'Top risks', startedAt: 1_000, plannedMinutes: 10 });
const retro = makeBlock({ id: 'retro', title: 'Retro', method: 'retro' });

function running(extra: Partial<Session> = {}): Session {
  return makeSession({ id: 's', programId: 'p', title: 'Kick-off', status: 'running', startedAt: 1_000, currentBlockId: 'review', blocks: [review, retro], participants: people, ...extra });
}

function round(extra: Partial<VoteRound> = {}): VoteRound {
  const setup = {
    title: 'Which first?',
    target: 'uncertainty' as const,
    matrixId: '',
    candidates: [
      { id: 'c1', label: 'Latency' },
      { id: 'c2', label: 'Cost' },
    ],
    mode: 'ballots' as const,
    dotsPerVoter: 3,
    maxPerCandidate: 2,
    secret: true,
    reveal: 'facilitator' as const,
    voterIds: ['ana', 'ben', 'cy'],
  };
  return { ...newRound('r1', 'p', 's', 'review', setup, 2_000), ...extra };
}

/** Casts ballots as the votes repository does (secret ballots go in nameless). */
function voted(r: VoteRound, ballots: [string, { candidateId: string; dots: number }[]][]): VoteRound {
  return ballots.reduce((acc, [voter, dots]) => {
    const patch = castBallot(acc, voter, dots, 3_000, () => 0.5);
    if (!patch.ok) throw new Error(patch.message);
    return { ...acc, ...patch.value };
  }, r);
}

let ids = 0;
function submission(extra: Partial<Submission> = {}): Submission {
  ids++;
  return {
    id: `sub${ids}`,
    programId: 'p',
    sessionId: 's',
    blockId: 'review',
    participantId: 'ana',
    author: 'Ana',
    function: 'Product',
    kind: 'idea',
    text: `Text ${ids}`,
    clientId: `client-${ids}-xx`,
    status: 'pending',
    captureId: '',
    at: 10_000 + ids,
    decidedAt: null,
    ...extra,
  };
}

const submit = (extra: Partial<SubmitMessage> = {}): SubmitMessage => ({ type: 'submit', id: 'client-aaaa', blockId: 'review', kind: 'uncertainty', text: 'Will the model hold up?', ...extra });
const ballot = (extra: Partial<BallotMessage> = {}): BallotMessage => ({ type: 'ballot', id: 'ballot-aaaa', roundId: 'r1', dots: [{ candidateId: 'c1', dots: 2 }], ...extra });

describe('what a block takes from participants', () => {
  it('takes uncertainties only in a block that reviews them; ideas, concerns and topics everywhere', () => {
    expect(acceptsFor('uncertainty')).toEqual(['uncertainty', 'concern', 'idea', 'parking']);
    for (const method of ['retro', 'free', 'since-last', 'metrics', 'tradeoff', 'roadmap'] as const) expect(acceptsFor(method)).toEqual(['idea', 'concern', 'parking']);
  });
});

describe('a participant’s view', () => {
  const source = (extra: { session?: Session; rounds?: VoteRound[]; submissions?: Submission[] } = {}) => ({ session: running(), rounds: [], submissions: [], now: 1_000 + 4 * 60_000, ...extra });

  it('shows the current block, its timer and what it takes', () => {
    const view = participantView(source(), 'ana', 'Ana');
    expect(view).toMatchObject({ sessionTitle: 'Kick-off', name: 'Ana', status: 'admitted', round: null, mine: [] });
    expect(view.block).toEqual({
      id: 'review',
      title: 'Review risks',
      methodLabel: 'Review uncertainties',
      outputs: 'Top risks',
      timer: { state: 'running', remainingMs: 6 * 60_000, plannedMinutes: 10 },
      accepts: ['uncertainty', 'concern', 'idea', 'parking'],
    });
  });

  it('gives a paused or unstarted block’s time as it stands, with the minutes added', () => {
    const paused = { ...review, pausedAt: 1_000 + 2 * 60_000, extraMinutes: 5 };
    const view = participantView(source({ session: running({ blocks: [paused, retro] }) }), 'ana', 'Ana');
    expect(view.block?.timer).toEqual({ state: 'paused', remainingMs: 13 * 60_000, plannedMinutes: 15 });
    const waiting = participantView(source({ session: running({ currentBlockId: 'retro' }) }), 'ana', 'Ana');
    expect(waiting.block).toMatchObject({ title: 'Retro', methodLabel: 'Retro', accepts: ['idea', 'concern', 'parking'], timer: { state: 'not-started', remainingMs: 10 * 60_000 } });
  });

  it('shows no block between blocks or once the session has ended', () => {
    expect(participantView(source({ session: running({ currentBlockId: '' }) }), 'ana', 'Ana').block).toBeNull();
    expect(participantView(source({ session: running({ status: 'closed', endedAt: 5 }), rounds: [round()] }), 'ana', 'Ana')).toMatchObject({ block: null, round: null });
  });

  it('a waiting device sees the session’s title and its own name, and nothing else', () => {
    expect(waitingView('Kick-off', 'Dee')).toEqual({ sessionTitle: 'Kick-off', name: 'Dee', status: 'waiting', block: null, round: null, mine: [] });
  });

  it('lists only the participant’s own submissions, newest first, by the id the device gave them', () => {
    const mine1 = submission({ participantId: 'ana', text: 'first', at: 1 });
    const mine2 = submission({ participantId: 'ana', text: 'second', at: 2, status: 'accepted' });
    const theirs = submission({ participantId: 'ben', text: 'Ben’s secret idea', at: 3 });
    const view = participantView(source({ submissions: [mine1, theirs, mine2] }), 'ana', 'Ana');
    expect(view.mine).toEqual([
      { id: mine2.clientId, kind: 'idea', text: 'second', status: 'accepted' },
      { id: mine1.clientId, kind: 'idea', text: 'first', status: 'pending' },
    ]);
    expect(JSON.stringify(view)).not.toContain('Ben’s secret idea');
  });

  it('never carries a ballot or who voted in a secret round, only counts', () => {
    const r = voted(round(), [
      ['ben', [{ candidateId: 'c2', dots: 2 }]],
      ['cy', [{ candidateId: 'c1', dots: 1 }]],
    ]);
    const view = participantView(source({ rounds: [r] }), 'ana', 'Ana');
    expect(view.round).toEqual({
      id: 'r1',
      title: 'Which first?',
      dotsPerVoter: 3,
      maxPerCandidate: 2,
      secret: true,
      candidates: [
        { id: 'c1', label: 'Latency' },
        { id: 'c2', label: 'Cost' },
      ],
      canVote: true,
      voted: false,
      votedCount: 2,
      voterCount: 3,
    });
    const text = JSON.stringify(view);
    for (const leak of ['"ben"', '"cy"', 'ballots', 'voterId', 'voted":[', 'tallies']) expect(text).not.toContain(leak);
  });

  it('never names who voted in a named round either', () => {
    const r = voted(round({ secret: false }), [['ben', [{ candidateId: 'c2', dots: 2 }]]]);
    const text = JSON.stringify(participantView(source({ rounds: [r] }), 'ana', 'Ana'));
    expect(text).not.toContain('"ben"');
    expect(text).not.toContain('Ben');
  });

  it('says whether this participant voted, and whether they may', () => {
    const r = voted(round({ voterIds: ['ana', 'ben'] }), [['ana', [{ candidateId: 'c1', dots: 1 }]]]);
    expect(participantView(source({ rounds: [r] }), 'ana', 'Ana').round).toMatchObject({ canVote: true, voted: true });
    expect(participantView(source({ rounds: [r] }), 'cy', 'Cy').round).toMatchObject({ canVote: false, voted: false });
    expect(participantView(source({ rounds: [round({ mode: 'tally' })] }), 'ana', 'Ana').round).toMatchObject({ canVote: false });
  });

  it('gives no result before the reveal, and after it the totals the facilitator sees', () => {
    const cast = voted(round(), [
      ['ana', [{ candidateId: 'c1', dots: 1 }]],
      ['ben', [{ candidateId: 'c2', dots: 2 }]],
    ]);
    expect(participantView(source({ rounds: [cast] }), 'ana', 'Ana').round).not.toHaveProperty('results');
    const revealed = { ...cast, revealedAt: 4_000 };
    const view = participantView(source({ rounds: [revealed] }), 'ana', 'Ana');
    expect(view.round?.results).toEqual([
      { candidateId: 'c2', label: 'Cost', dots: 2 },
      { candidateId: 'c1', label: 'Latency', dots: 1 },
    ]);
    expect(view.round?.results).toEqual(revealedRanking(revealed)!.map((c) => ({ candidateId: c.id, label: c.label, dots: c.dots })));
    expect(view.round?.canVote).toBe(false);
  });

  it('shows the newest round of the current block whose result is not applied', () => {
    const older = round({ id: 'old', createdAt: 1 });
    const newer = round({ id: 'new', createdAt: 2 });
    const applied = round({ id: 'applied', createdAt: 3, revealedAt: 5, applied: { at: 6, how: 'tagged' } });
    const elsewhere = round({ id: 'elsewhere', createdAt: 4, blockId: 'retro' });
    expect(roundForDevices(running(), [older, newer, applied, elsewhere])?.id).toBe('new');
    expect(roundForDevices(running({ currentBlockId: '' }), [older])).toBeUndefined();
  });
});

describe('deciding a submitted item', () => {
  const context = (extra: Partial<Parameters<typeof decideSubmit>[0]> = {}) => ({ session: running(), submissions: [], at: 50, makeId: () => 'new-id', ...extra });

  it('records an item for the current block, pending, with its author as admitted', () => {
    expect(decideSubmit(context(), 'ana', submit())).toEqual({
      kind: 'record',
      value: {
        id: 'new-id',
        programId: 'p',
        sessionId: 's',
        blockId: 'review',
        participantId: 'ana',
        author: 'Ana',
        function: 'Product',
        kind: 'uncertainty',
        text: 'Will the model hold up?',
        clientId: 'client-aaaa',
        status: 'pending',
        captureId: '',
        at: 50,
        decidedAt: null,
      },
    });
  });

  it('answers a resent id from the same participant as a duplicate, even once the block is over', () => {
    const recorded = [submission({ participantId: 'ana', clientId: 'client-aaaa' })];
    expect(decideSubmit(context({ submissions: recorded }), 'ana', submit())).toEqual({ kind: 'duplicate' });
    expect(decideSubmit(context({ submissions: recorded, session: running({ currentBlockId: 'retro' }) }), 'ana', submit())).toEqual({ kind: 'duplicate' });
  });

  it('records the same client id from another participant: ids are only unique per device', () => {
    const recorded = [submission({ participantId: 'ben', clientId: 'client-aaaa' })];
    expect(decideSubmit(context({ submissions: recorded }), 'ana', submit()).kind).toBe('record');
  });

  it('refuses with a sentence: block over, kind not taken, between blocks, session ended, not a participant', () => {
    const refused = (extra: Partial<Parameters<typeof decideSubmit>[0]>, who: string, message: SubmitMessage) => decideSubmit(context(extra), who, message);
    expect(refused({ session: running({ currentBlockId: 'retro' }) }, 'ana', submit({ kind: 'idea' }))).toEqual({ kind: 'refuse', message: 'That block is over: the session has moved on to "Retro".' });
    expect(refused({ session: running({ currentBlockId: 'retro' }) }, 'ana', submit({ blockId: 'retro' }))).toEqual({ kind: 'refuse', message: 'This block does not take uncertainty items.' });
    expect(refused({ session: running({ currentBlockId: '' }) }, 'ana', submit())).toMatchObject({ kind: 'refuse', message: 'No block is running: wait for the next one.' });
    expect(refused({ session: running({ status: 'closed' }) }, 'ana', submit())).toEqual({ kind: 'refuse', message: 'The session has ended.' });
    expect(refused({}, 'gone', submit())).toEqual({ kind: 'refuse', message: 'You are no longer on this session’s list of participants.' });
  });
});

describe('deciding a ballot', () => {
  it('records a ballot that keeps the round’s rules', () => {
    expect(decideBallot(running(), round(), 'ana', ballot(), undefined)).toEqual({ kind: 'record', value: [{ candidateId: 'c1', dots: 2 }] });
  });

  it('answers a ballot resent after it was recorded as a duplicate, and refuses a second ballot', () => {
    const after = voted(round(), [['ana', [{ candidateId: 'c1', dots: 2 }]]]);
    expect(decideBallot(running(), after, 'ana', ballot(), 'ballot-aaaa')).toEqual({ kind: 'duplicate' });
    expect(decideBallot(running(), after, 'ana', ballot({ id: 'ballot-bbbb' }), 'ballot-aaaa')).toEqual({ kind: 'refuse', message: 'Your vote in this round is recorded already.' });
    expect(decideBallot(running(), after, 'ana', ballot(), undefined)).toEqual({ kind: 'refuse', message: 'Your vote in this round is recorded already.' });
  });

  it('a resend still answers as a duplicate after that ballot revealed the round', () => {
    const after = { ...voted(round(), [['ana', [{ candidateId: 'c1', dots: 2 }]]]), revealedAt: 9 };
    expect(decideBallot(running(), after, 'ana', ballot(), 'ballot-aaaa')).toEqual({ kind: 'duplicate' });
  });

  it('refuses with a sentence: no round, revealed, another block, tally, not a voter, rules broken', () => {
    const refusal = (r: VoteRound | undefined, who = 'ana', message = ballot(), session = running()) => {
      const decision = decideBallot(session, r, who, message, undefined);
      return decision.kind === 'refuse' ? decision.message : decision.kind;
    };
    expect(refusal(undefined)).toBe('That vote is no longer there.');
    expect(refusal(round({ sessionId: 'other' }))).toBe('That vote is no longer there.');
    expect(refusal(round({ revealedAt: 5 }))).toBe('This vote is closed: its result is revealed.');
    expect(refusal(round({ blockId: 'retro' }))).toBe('This vote is not open now.');
    expect(refusal(round({ mode: 'tally' }))).toBe('In this round the facilitator enters the totals.');
    expect(refusal(round({ voterIds: ['ben'] }))).toBe('You are not one of this round’s voters.');
    expect(refusal(round(), 'ana', ballot({ dots: [{ candidateId: 'c1', dots: 3 }] }))).toBe('This ballot cannot be cast: 3 dots on "Latency", but a voter puts at most 2 on one.');
    expect(refusal(round(), 'ana', ballot({ dots: [{ candidateId: 'zz', dots: 1 }] }))).toBe('This ballot cannot be cast: dots on zz, which is not a candidate of the round.');
    expect(refusal(round(), 'ana', ballot(), running({ status: 'closed' }))).toBe('The session has ended.');
  });
});

describe('the inbox', () => {
  it('lists pending items first in the order they came, then decided ones, latest decision first', () => {
    const a = submission({ at: 3 });
    const b = submission({ at: 1 });
    const c = submission({ at: 2, status: 'accepted', decidedAt: 10 });
    const d = submission({ at: 0, status: 'declined', decidedAt: 20 });
    expect(inboxOrder([a, b, c, d]).map((s) => s.id)).toEqual([b.id, a.id, d.id, c.id]);
  });

  it('maps each kind to the capture it makes', () => {
    expect(captureKindOf('uncertainty')).toBe('uncertainty');
    expect(captureKindOf('parking')).toBe('parking');
    expect(captureKindOf('idea')).toBe('note');
    expect(captureKindOf('concern')).toBe('note');
  });

  it('accepts each as its own capture: titles and topics as written, notes saying what and from whom', () => {
    const u = submission({ kind: 'uncertainty', text: 'Data drift', at: 1 });
    const p = submission({ kind: 'parking', text: 'Hiring', at: 2 });
    const i = submission({ kind: 'concern', text: 'Too slow', at: 3, author: 'Cy', function: '' });
    expect(acceptedCaptures([i, p, u], 'each')).toEqual([
      { kind: 'uncertainty', text: 'Data drift', submissionIds: [u.id] },
      { kind: 'parking', text: 'Hiring', submissionIds: [p.id] },
      { kind: 'note', text: 'Concern: Too slow — from Cy', submissionIds: [i.id] },
    ]);
  });

  it('accepts a group as one capture: distinct texts joined, every submission pointing at it', () => {
    const a = submission({ kind: 'uncertainty', text: 'Data drift', at: 1 });
    const b = submission({ kind: 'uncertainty', text: 'data  drift ', at: 2, participantId: 'ben', author: 'Ben' });
    const c = submission({ kind: 'uncertainty', text: 'Label quality', at: 3 });
    expect(acceptedCaptures([c, b, a], 'group')).toEqual([{ kind: 'uncertainty', text: 'Data drift / Label quality', submissionIds: [a.id, b.id, c.id] }]);
  });

  it('makes a group of different kinds one note naming each kind and author once', () => {
    const a = submission({ kind: 'idea', text: 'Cache answers', at: 1 });
    const b = submission({ kind: 'uncertainty', text: 'Latency', at: 2, author: 'Ben', function: 'Engineering' });
    const c = submission({ kind: 'idea', text: 'Smaller model', at: 3 });
    expect(acceptedCaptures([a, b, c], 'group')).toEqual([
      { kind: 'note', text: 'Idea, Uncertainty: Cache answers / Latency / Smaller model — from Ana (Product) and Ben (Engineering)', submissionIds: [a.id, b.id, c.id] },
    ]);
  });

  it('cuts a long group to what an item’s title holds', () => {
    const many = Array.from({ length: 5 }, (_, n) => submission({ kind: 'uncertainty', text: `${'x'.repeat(80)} ${n}`, at: n }));
    const [made] = acceptedCaptures(many, 'group');
    expect(made!.text).toHaveLength(200);
    expect(made!.text.endsWith('…')).toBe(true);
  });
});
