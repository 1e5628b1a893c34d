import { describe, expect, it } from 'vitest';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session, VoteRound } from '../../../renderer/src/domain/sessions/model';
import { finishBlock, pauseBlock, startBlock, endSession } from '../../../renderer/src/domain/sessions/timer';
import { presenterFrame, roundToPresent } from '../../../renderer/src/state/presenter-frame';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 29, 9, 0);

function planned(): Session {
  return newSession(
    'p1',
    {
      title: 'Re-planning',
      plannedMinutes: 60,
      blocks: [
        newBlock({ title: 'Since last session', plannedMinutes: 10, method: 'since-last' }),
        newBlock({ title: 'Pick a retriever', plannedMinutes: 20, method: 'tradeoff', matrixId: 'm1' }),
        newBlock({ title: 'Retro', plannedMinutes: 5, method: 'retro' }),
      ],
    },
    T0,
  );
}

const blockId = (session: Session, index: number) => session.blocks[index]!.id;

describe('presenterFrame', () => {
  it('shows the current block with the time the facilitator sees, and the next block', () => {
    const base = planned();
    const s = startBlock(base, blockId(base, 0), T0);
    const frame = presenterFrame(s, T0 + 3 * MIN + 15_000);
    expect(frame.current).toMatchObject({ title: 'Since last session', method: 'Since last session', countdown: '6:45', overrun: false, state: 'running', allowedMinutes: 10 });
    expect(frame.next).toEqual({ id: s.blocks[1]!.id, title: 'Pick a retriever', plannedMinutes: 20 });
    expect(frame.sessionLeft).toBe('56:45');
    expect(frame.sessionOverrun).toBe(false);
  });

  it('goes below zero and signals once the block overruns, never cut off', () => {
    const base = planned();
    const s = startBlock(base, blockId(base, 0), T0);
    const frame = presenterFrame(s, T0 + 12 * MIN);
    expect(frame.current).toMatchObject({ countdown: '-2:00', overrun: true });
  });

  it('stands still while paused, and follows the block the facilitator moved to', () => {
    const base = planned();
    const paused = pauseBlock(startBlock(base, blockId(base, 0), T0), T0 + 2 * MIN);
    expect(presenterFrame(paused, T0 + 30 * MIN).current).toMatchObject({ countdown: '8:00', state: 'paused' });
    const moved = finishBlock(startBlock(base, blockId(base, 0), T0), 'done', T0 + 9 * MIN);
    const frame = presenterFrame(moved, T0 + 10 * MIN);
    expect(frame.current).toMatchObject({ title: 'Pick a retriever', countdown: '19:00', matrixId: 'm1' });
    expect(frame.next?.title).toBe('Retro');
  });

  it('has no current block before the start and after the end', () => {
    const base = planned();
    expect(presenterFrame(base, T0)).toMatchObject({ status: 'planned', current: undefined, next: { title: 'Since last session' } });
    const ended = endSession(startBlock(base, blockId(base, 0), T0), T0 + 70 * MIN);
    expect(presenterFrame(ended, T0 + 80 * MIN)).toMatchObject({ status: 'closed', current: undefined, next: undefined, sessionLeft: '-10:00', sessionOverrun: true });
  });
});

function round(over: Partial<VoteRound>): VoteRound {
  return {
    id: 'r1',
    programId: 'p1',
    sessionId: 's1',
    blockId: 'b1',
    title: 'What do we test first?',
    target: 'uncertainty',
    matrixId: '',
    candidates: [],
    mode: 'ballots',
    dotsPerVoter: 3,
    maxPerCandidate: 2,
    secret: true,
    reveal: 'facilitator',
    voterIds: ['a', 'b', 'c', 'd', 'e'],
    voted: ['a', 'b', 'c'],
    ballots: [],
    tallies: [],
    revealedAt: null,
    applied: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

describe('roundToPresent', () => {
  it("shows the block's latest round, and only how many have voted until the reveal", () => {
    const rounds = [round({ id: 'old', createdAt: 1 }), round({ id: 'new', createdAt: 5 }), round({ id: 'other', blockId: 'b2', createdAt: 9 })];
    expect(roundToPresent(rounds, 'b1')).toMatchObject({ round: { id: 'new' }, revealed: false, progress: 'Voting: 3 of 5 have voted' });
    expect(roundToPresent([round({ revealedAt: 10 })], 'b1')?.revealed).toBe(true);
    expect(roundToPresent([round({ mode: 'tally' })], 'b1')?.progress).toBe('Voting: the facilitator is counting the votes');
  });

  it('has nothing to show without a round in the block, or between blocks', () => {
    expect(roundToPresent([round({})], 'b2')).toBeUndefined();
    expect(roundToPresent([round({})], '')).toBeUndefined();
    expect(roundToPresent([], undefined)).toBeUndefined();
  });
});
