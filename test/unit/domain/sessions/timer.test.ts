import { describe, expect, it } from 'vitest';
import { newBlock, newSession } from '../../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../../renderer/src/domain/sessions/model';
import {
  agendaLeftMs,
  blockElapsedMs,
  blockRemainingMs,
  blocksToCarry,
  blockState,
  carriedBlocks,
  currentBlock,
  endSession,
  extendBlock,
  finishBlock,
  formatCountdown,
  formatDuration,
  isOverrun,
  isTimeUp,
  pauseBlock,
  resumeBlock,
  sessionTimeLeftMs,
  startBlock,
  unfinishedAtEnd,
} from '../../../../renderer/src/domain/sessions/timer';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

/** A planned session of three blocks: 10, 20 and 15 minutes, 60 planned in all. */
function threeBlocks(): Session {
  const blocks = [
    newBlock({ title: 'Since last time', plannedMinutes: 10, method: 'since-last' }),
    newBlock({ title: 'Map the risks', plannedMinutes: 20, method: 'uncertainty' }),
    newBlock({ title: 'Retro', plannedMinutes: 15, method: 'retro' }),
  ];
  return newSession('p1', { title: 'Re-planning', plannedMinutes: 60, blocks }, T0);
}

function ids(session: Session): string[] {
  return session.blocks.map((b) => b.id);
}

function started(): Session {
  const s = threeBlocks();
  return startBlock(s, s.blocks[0]!.id, T0);
}

describe('the block timer, worked out from stored moments', () => {
  it('counts down from the block start with no separate start step', () => {
    const s = started();
    const block = currentBlock(s)!;
    expect(s.status).toBe('running');
    expect(s.startedAt).toBe(T0);
    expect(blockState(block)).toBe('running');
    expect(blockRemainingMs(block, T0)).toBe(10 * MIN);
    expect(blockRemainingMs(block, T0 + 3 * MIN + 15_000)).toBe(6 * MIN + 45_000);
    expect(formatCountdown(blockRemainingMs(block, T0 + 3 * MIN + 15_000))).toBe('6:45');
  });

  it('holds while paused and carries on after resume, the pause left out', () => {
    let s = started();
    s = pauseBlock(s, T0 + 2 * MIN);
    const paused = currentBlock(s)!;
    expect(blockState(paused)).toBe('paused');
    // However long the pause, the time left stays where it stopped.
    expect(blockRemainingMs(paused, T0 + 2 * MIN)).toBe(8 * MIN);
    expect(blockRemainingMs(paused, T0 + 30 * MIN)).toBe(8 * MIN);
    s = resumeBlock(s, T0 + 7 * MIN);
    const resumed = currentBlock(s)!;
    expect(resumed.pausedMs).toBe(5 * MIN);
    expect(resumed.pausedAt).toBeNull();
    expect(blockRemainingMs(resumed, T0 + 8 * MIN)).toBe(7 * MIN);
    // Pausing twice adds up.
    s = resumeBlock(pauseBlock(s, T0 + 9 * MIN), T0 + 10 * MIN);
    expect(blockElapsedMs(currentBlock(s)!, T0 + 10 * MIN)).toBe(4 * MIN);
  });

  it('ignores pause while paused and resume while running', () => {
    const s = pauseBlock(started(), T0 + MIN);
    expect(pauseBlock(s, T0 + 2 * MIN)).toBe(s);
    const running = started();
    expect(resumeBlock(running, T0 + MIN)).toBe(running);
  });

  it('adds minutes with +1 and +5, any number of times, and refuses nonsense', () => {
    let s = started();
    s = extendBlock(extendBlock(s, 1), 5);
    expect(currentBlock(s)!.extraMinutes).toBe(6);
    expect(blockRemainingMs(currentBlock(s)!, T0)).toBe(16 * MIN);
    expect(extendBlock(s, 0)).toBe(s);
    expect(extendBlock(s, 1.5)).toBe(s);
  });

  it('shows an overrun as negative time, never cut off', () => {
    const s = started();
    const block = currentBlock(s)!;
    const at = T0 + 12 * MIN + 10_000;
    expect(isOverrun(block, T0 + 10 * MIN)).toBe(false);
    expect(isTimeUp(block, T0 + 10 * MIN)).toBe(true);
    expect(isOverrun(block, at)).toBe(true);
    expect(blockRemainingMs(block, at)).toBe(-(2 * MIN + 10_000));
    expect(formatCountdown(blockRemainingMs(block, at))).toBe('-2:10');
    expect(formatDuration(-blockRemainingMs(block, at))).toBe('2:10');
    expect(blockState(block)).toBe('running');
  });

  it('skip ends the block as skipped (unfinished) and next ends it as done; both start the next block at once', () => {
    let s = started();
    const [a, b, c] = ids(s);
    s = finishBlock(s, 'skipped', T0 + 4 * MIN);
    expect(s.blocks[0]).toMatchObject({ outcome: 'skipped', endedAt: T0 + 4 * MIN });
    expect(s.currentBlockId).toBe(b);
    expect(s.blocks[1]!.startedAt).toBe(T0 + 4 * MIN);
    s = finishBlock(s, 'done', T0 + 30 * MIN);
    expect(s.blocks[1]).toMatchObject({ outcome: 'done', endedAt: T0 + 30 * MIN });
    expect(s.currentBlockId).toBe(c);
    s = finishBlock(s, 'done', T0 + 40 * MIN);
    // Nothing left that has not ended: no current block, and the skipped one is not restarted.
    expect(s.currentBlockId).toBe('');
    expect(s.blocks.find((x) => x.id === a)!.outcome).toBe('skipped');
  });

  it('ends a paused block at the moment it was paused', () => {
    const s = finishBlock(pauseBlock(started(), T0 + 3 * MIN), 'done', T0 + 9 * MIN);
    expect(s.blocks[0]).toMatchObject({ endedAt: T0 + 3 * MIN, outcome: 'done', pausedAt: null });
    expect(blockElapsedMs(s.blocks[0]!, T0 + 99 * MIN)).toBe(3 * MIN);
  });

  it('going to another block pauses the current one, unfinished; going back runs it on from where it stopped', () => {
    let s = started();
    const [a, , c] = ids(s);
    s = startBlock(s, c!, T0 + 2 * MIN);
    expect(s.blocks[0]).toMatchObject({ outcome: null, endedAt: null, pausedAt: T0 + 2 * MIN });
    expect(blockState(s.blocks[0]!)).toBe('paused');
    expect(s.currentBlockId).toBe(c);
    s = startBlock(s, a!, T0 + 5 * MIN);
    const back = s.blocks[0]!;
    expect(blockState(back)).toBe('running');
    expect(back.outcome).toBeNull();
    expect(blockElapsedMs(back, T0 + 6 * MIN)).toBe(3 * MIN);
  });

  it('a block left for another and never come back to ends unfinished with the session, its time kept, and carries over', () => {
    let s = started();
    const [a, b] = ids(s);
    s = startBlock(s, b!, T0 + MIN);
    s = endSession(s, T0 + 10 * MIN);
    const left = s.blocks.find((x) => x.id === a)!;
    expect(left).toMatchObject({ outcome: null, endedAt: T0 + MIN, pausedAt: null });
    expect(blockElapsedMs(left, T0 + 99 * MIN)).toBe(MIN);
    expect(blocksToCarry(s).map((x) => x.id)).toContain(a);
  });

  it('after the last block, next comes back to the first block not finished, in agenda order', () => {
    let s = started();
    const [a, b, c] = ids(s);
    s = startBlock(s, c!, T0 + MIN);
    s = finishBlock(s, 'done', T0 + 2 * MIN);
    // The first block was left part-way: it runs on from where it was left.
    expect(s.currentBlockId).toBe(a);
    expect(blockElapsedMs(s.blocks[0]!, T0 + 3 * MIN)).toBe(2 * MIN);
    s = finishBlock(s, 'done', T0 + 3 * MIN);
    expect(s.currentBlockId).toBe(b);
  });

  it('gives the same numbers after a reload mid-block: only the stored moments count', () => {
    let s = started();
    s = extendBlock(resumeBlock(pauseBlock(s, T0 + 2 * MIN), T0 + 4 * MIN), 5);
    const reloaded: Session = JSON.parse(JSON.stringify(s));
    const at = T0 + 9 * MIN + 30_000;
    expect(blockRemainingMs(currentBlock(reloaded)!, at)).toBe(blockRemainingMs(currentBlock(s)!, at));
    expect(formatCountdown(blockRemainingMs(currentBlock(reloaded)!, at))).toBe('7:30');
    expect(sessionTimeLeftMs(reloaded, at)).toBe(sessionTimeLeftMs(s, at));
    expect(agendaLeftMs(reloaded, at)).toBe(agendaLeftMs(s, at));
  });

  it('says how much of the session is left and what the remaining agenda still needs', () => {
    let s = started();
    expect(sessionTimeLeftMs(s, T0 + 20 * MIN)).toBe(40 * MIN);
    // Block 1 overran by 2 minutes (counts as 0), blocks 2 and 3 need 35.
    expect(agendaLeftMs(s, T0 + 12 * MIN)).toBe(35 * MIN);
    s = finishBlock(s, 'done', T0 + 12 * MIN);
    expect(agendaLeftMs(s, T0 + 17 * MIN)).toBe(30 * MIN);
    expect(sessionTimeLeftMs(s, T0 + 70 * MIN)).toBe(-10 * MIN);
  });

  it('ending the session closes the current block as done; blocks not reached stay unfinished and are carried', () => {
    let s = started();
    s = finishBlock(s, 'skipped', T0 + MIN);
    // Before ending, the confirmation names what will carry over: not the block the room is in.
    expect(unfinishedAtEnd(s).map((b) => b.title)).toEqual(['Since last time', 'Retro']);
    s = endSession(s, T0 + 25 * MIN);
    expect(s.status).toBe('closed');
    expect(s.endedAt).toBe(T0 + 25 * MIN);
    expect(s.currentBlockId).toBe('');
    expect(s.blocks.map((b) => b.outcome)).toEqual(['skipped', 'done', null]);
    expect(blocksToCarry(s).map((b) => b.title)).toEqual(['Since last time', 'Retro']);
    // Nothing is carried from a session still running.
    expect(blocksToCarry(started())).toEqual([]);
  });

  it('carried blocks are fresh copies that say where they came from', () => {
    const closed = endSession(finishBlock(started(), 'skipped', T0 + MIN), T0 + 2 * MIN);
    let n = 0;
    const carried = carriedBlocks(closed, blocksToCarry(closed), () => `new-${++n}`);
    expect(carried.map((b) => [b.id, b.title, b.plannedMinutes])).toEqual([
      ['new-1', 'Since last time', 10],
      ['new-2', 'Retro', 15],
    ]);
    expect(carried[0]).toMatchObject({ startedAt: null, endedAt: null, outcome: null, pausedMs: 0, extraMinutes: 0, carriedFrom: { sessionId: closed.id, blockId: closed.blocks[0]!.id } });
  });

  it('does nothing to a closed session', () => {
    const closed = endSession(started(), T0 + MIN);
    expect(startBlock(closed, closed.blocks[2]!.id, T0 + 2 * MIN)).toBe(closed);
  });

  it('formats countdowns: full length at the start, hours when long, a minus when over', () => {
    expect(formatCountdown(10 * MIN)).toBe('10:00');
    expect(formatCountdown(10 * MIN - 1)).toBe('10:00');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-1)).toBe('-0:01');
    expect(formatCountdown(62 * MIN)).toBe('1:02:00');
    expect(formatCountdown(-(61 * MIN + 5000))).toBe('-1:01:05');
  });
});
