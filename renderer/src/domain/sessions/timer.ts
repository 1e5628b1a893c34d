import type { AgendaBlock, BlockOutcome, Session } from './model';

// The session's clock. Nothing ticks in storage: a block keeps when it started, when it was
// paused and for how long, and the minutes added; the time shown is worked out from those and
// the time now. A reload, a crash or a second window therefore shows the same time.
// Every change here returns a new session; the repository stores it in one edit.

const MINUTE = 60_000;

/** A block's timer before it first starts. */
export const UNSTARTED = { startedAt: null, pausedAt: null, pausedMs: 0, extraMinutes: 0, endedAt: null, outcome: null } as const satisfies Partial<AgendaBlock>;

export type BlockState = 'waiting' | 'running' | 'paused' | 'ended';

export function blockState(block: AgendaBlock): BlockState {
  if (block.endedAt !== null) return 'ended';
  if (block.startedAt === null) return 'waiting';
  return block.pausedAt === null ? 'running' : 'paused';
}

/** Time the block has run, pauses left out. */
export function blockElapsedMs(block: AgendaBlock, now: number): number {
  if (block.startedAt === null) return 0;
  const until = block.endedAt ?? block.pausedAt ?? now;
  return Math.max(0, until - block.startedAt - block.pausedMs);
}

/** Time the block is allowed: planned minutes and those added. */
export function blockAllowedMs(block: AgendaBlock): number {
  return (block.plannedMinutes + block.extraMinutes) * MINUTE;
}

/** Time left in the block; negative once it overruns (it is never cut off). */
export function blockRemainingMs(block: AgendaBlock, now: number): number {
  return blockAllowedMs(block) - blockElapsedMs(block, now);
}

export function isOverrun(block: AgendaBlock, now: number): boolean {
  return block.startedAt !== null && blockRemainingMs(block, now) < 0;
}

/** Whether the block's time is up (reached or past its end): when the room is signalled. */
export function isTimeUp(block: AgendaBlock, now: number): boolean {
  return block.startedAt !== null && blockRemainingMs(block, now) <= 0;
}

/** Whether the block still needs doing: not finished (a skipped block is unfinished). */
export function isUnfinished(block: AgendaBlock): boolean {
  return block.outcome !== 'done';
}

export function currentBlock(session: Session): AgendaBlock | undefined {
  return session.blocks.find((b) => b.id === session.currentBlockId);
}

/** The first block after `afterId` (or from the top) that has not ended. */
export function nextBlock(session: Session, afterId = session.currentBlockId): AgendaBlock | undefined {
  const from = session.blocks.findIndex((b) => b.id === afterId) + 1;
  return [...session.blocks.slice(from), ...session.blocks.slice(0, from)].find((b) => b.endedAt === null && b.id !== afterId);
}

/** Time since the session started; pauses count (the room is still in it). */
export function sessionElapsedMs(session: Session, now: number): number {
  if (session.startedAt === null) return 0;
  return Math.max(0, (session.endedAt ?? now) - session.startedAt);
}

/** Time left of the session's planned length; negative once it runs over. */
export function sessionTimeLeftMs(session: Session, now: number): number {
  return session.plannedMinutes * MINUTE - sessionElapsedMs(session, now);
}

/** Planned time still needed: what is left of each block not yet ended (nothing for one that overran). */
export function agendaLeftMs(session: Session, now: number): number {
  return session.blocks.filter((b) => b.endedAt === null).reduce((sum, b) => sum + Math.max(0, blockRemainingMs(b, now)), 0);
}

function withBlock(session: Session, id: string, change: (block: AgendaBlock) => AgendaBlock): Session {
  return { ...session, blocks: session.blocks.map((b) => (b.id === id ? change(b) : b)) };
}

function ended(block: AgendaBlock, outcome: BlockOutcome, now: number): AgendaBlock {
  if (block.endedAt !== null) return block;
  // A paused block ends when it was paused: the pause is not time spent on it.
  const endedAt = block.startedAt === null ? now : (block.pausedAt ?? now);
  return { ...block, startedAt: block.startedAt ?? now, pausedAt: null, endedAt, outcome };
}

/**
 * Starts a block: its countdown runs from now. The block that was running is paused, not ended:
 * leaving a block is not finishing it, so Next comes back to it and, if the session ends first,
 * it carries over. A block that had stopped runs again from where it stopped (its time so far counts).
 */
export function startBlock(session: Session, blockId: string, now: number): Session {
  const target = session.blocks.find((b) => b.id === blockId);
  if (!target || session.status === 'closed') return session;
  let next = session;
  const current = currentBlock(session);
  if (current && current.id !== blockId) next = withBlock(next, current.id, (b) => (b.pausedAt === null ? { ...b, pausedAt: now } : b));
  next = withBlock(next, blockId, (b) => {
    if (b.startedAt === null) return { ...b, startedAt: now, pausedAt: null, endedAt: null, outcome: null };
    const stoppedAt = b.endedAt ?? b.pausedAt;
    const gap = stoppedAt === null ? 0 : now - stoppedAt;
    return { ...b, pausedMs: b.pausedMs + gap, pausedAt: null, endedAt: null, outcome: null };
  });
  return { ...next, status: 'running', startedAt: next.startedAt ?? now, currentBlockId: blockId };
}

export function pauseBlock(session: Session, now: number): Session {
  const current = currentBlock(session);
  if (!current || blockState(current) !== 'running') return session;
  return withBlock(session, current.id, (b) => ({ ...b, pausedAt: now }));
}

export function resumeBlock(session: Session, now: number): Session {
  const current = currentBlock(session);
  if (!current || blockState(current) !== 'paused' || current.pausedAt === null) return session;
  const pausedFor = now - current.pausedAt;
  return withBlock(session, current.id, (b) => ({ ...b, pausedAt: null, pausedMs: b.pausedMs + pausedFor }));
}

/** Adds minutes to the current block (+1, +5). */
export function extendBlock(session: Session, minutes: number): Session {
  const current = currentBlock(session);
  if (!current || !Number.isInteger(minutes) || minutes <= 0) return session;
  return withBlock(session, current.id, (b) => ({ ...b, extraMinutes: b.extraMinutes + minutes }));
}

/**
 * Ends the current block (done, or skipped: unfinished, it carries over) and starts the next one
 * that has not ended, so the next countdown needs no separate start. Returns the session with no
 * current block when none is left.
 */
export function finishBlock(session: Session, outcome: BlockOutcome, now: number): Session {
  const current = currentBlock(session);
  if (!current) return session;
  const after = withBlock(session, current.id, (b) => ended(b, outcome, now));
  const following = nextBlock(after, current.id);
  return following ? startBlock({ ...after, currentBlockId: '' }, following.id, now) : { ...after, currentBlockId: '' };
}

/**
 * Ends the session: the current block closes as done (a block the room was in counts as held);
 * blocks never started stay unfinished and carry over to the next session.
 */
export function endSession(session: Session, now: number): Session {
  const current = currentBlock(session);
  let closed = current ? withBlock(session, current.id, (b) => ended(b, 'done', now)) : session;
  // Blocks the room left part-way stop where they were left, unfinished: they carry over.
  closed = { ...closed, blocks: closed.blocks.map((b) => (b.startedAt !== null && b.endedAt === null ? { ...b, endedAt: b.pausedAt ?? now, pausedAt: null } : b)) };
  return { ...closed, status: 'closed', currentBlockId: '', startedAt: closed.startedAt ?? now, endedAt: now };
}

/** Blocks that ending the session now would leave unfinished (the current one closes as done). */
export function unfinishedAtEnd(session: Session): AgendaBlock[] {
  return session.blocks.filter((b) => b.id !== session.currentBlockId && isUnfinished(b));
}

/** Blocks of a closed session to offer the next one: unfinished, in agenda order. */
export function blocksToCarry(session: Session): AgendaBlock[] {
  return session.status === 'closed' ? session.blocks.filter(isUnfinished) : [];
}

/** Copies of earlier blocks for a new session: a fresh timer, and a note of where they came from. */
export function carriedBlocks(from: Session, blocks: readonly AgendaBlock[], makeId: () => string): AgendaBlock[] {
  return blocks.map((b) => ({
    ...b,
    id: makeId(),
    ...UNSTARTED,
    carriedFrom: { sessionId: from.id, blockId: b.id },
  }));
}

/** "12:05", "-3:20" (overrun), "1:02:00": whole seconds rounded away from zero, so a fresh block shows its full length and the first moment over shows "-0:01". */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  return sign + clockFace(Math.ceil(Math.abs(ms) / 1000));
}

/** A length of time as a clock shows it: "2:10", "1:02:00". */
export function formatDuration(ms: number): string {
  return clockFace(Math.round(Math.abs(ms) / 1000));
}

function clockFace(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = String(totalSeconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
