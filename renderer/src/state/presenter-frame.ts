import { BLOCK_METHOD_LABELS, type AgendaBlock, type Session, type VoteRound } from '../domain/sessions/model';
import { blockRemainingMs, blockState, currentBlock, formatCountdown, isOverrun, nextBlock, sessionTimeLeftMs, type BlockState } from '../domain/sessions/timer';

// What the presenter window shows at a moment: worked out from the stored session and the time
// now with the session's own timer (domain/sessions/timer.ts), so it is the facilitator's time
// to the second. Pure, so each case is unit-tested.

export interface PresentedBlock {
  id: string;
  title: string;
  /** What the block is about (its method), for the line under the title. */
  method: string;
  state: BlockState;
  countdown: string;
  /** Time is up: the countdown goes on below zero and the signal shows. */
  overrun: boolean;
  /** Minutes planned, with those added. */
  allowedMinutes: number;
  matrixId: string;
}

export interface PresenterFrame {
  status: Session['status'];
  title: string;
  current: PresentedBlock | undefined;
  /** The block after the current one (or the first not yet held, between blocks). */
  next: { id: string; title: string; plannedMinutes: number } | undefined;
  /** The whole session's time left, "-4:10" once it runs over. */
  sessionLeft: string;
  sessionOverrun: boolean;
}

function presented(block: AgendaBlock, now: number): PresentedBlock {
  return {
    id: block.id,
    title: block.title,
    method: BLOCK_METHOD_LABELS[block.method],
    state: blockState(block),
    countdown: formatCountdown(blockRemainingMs(block, now)),
    overrun: isOverrun(block, now),
    allowedMinutes: block.plannedMinutes + block.extraMinutes,
    matrixId: block.matrixId,
  };
}

export function presenterFrame(session: Session, now: number): PresenterFrame {
  const current = currentBlock(session);
  const following = session.status === 'closed' ? undefined : nextBlock(session);
  const left = sessionTimeLeftMs(session, now);
  return {
    status: session.status,
    title: session.title,
    current: current ? presented(current, now) : undefined,
    next: following ? { id: following.id, title: following.title, plannedMinutes: following.plannedMinutes } : undefined,
    sessionLeft: formatCountdown(left),
    sessionOverrun: session.startedAt !== null && left < 0,
  };
}

/** A voting round as the room may see it: the count of votes only, until it is revealed. */
export interface PresentedRound {
  round: VoteRound;
  revealed: boolean;
  /** "Voting: 3 of 5 have voted", or for tallies entered by the facilitator, that they are being counted. */
  progress: string;
}

/** The round to show for a block: its latest, or undefined when it has none. */
export function roundToPresent(rounds: readonly VoteRound[], blockId: string | undefined): PresentedRound | undefined {
  if (!blockId) return undefined;
  const round = rounds.filter((r) => r.blockId === blockId).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!round) return undefined;
  const progress =
    round.mode === 'tally' ? 'Voting: the facilitator is counting the votes' : `Voting: ${round.voted.length} of ${round.voterIds.length} have voted`;
  return { round, revealed: round.revealedAt !== null, progress };
}
