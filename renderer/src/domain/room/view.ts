import type { ParticipantBlock, ParticipantRound, ParticipantTimer, ParticipantView, SubmissionKind } from '../../../../electron/room/protocol';
import { BLOCK_METHOD_LABELS, type AgendaBlock, type BlockMethod, type Session, type VoteRound } from '../sessions/model';
import { blockRemainingMs, blockState, currentBlock } from '../sessions/timer';
import { revealedRanking } from '../sessions/votes';
import type { Submission } from './model';

// What one participant's device is shown: built by the host for each admitted device, from the
// session as stored. The secrecy rules live here, in one place: a view never holds a ballot,
// never who voted (only how many), never another participant's items, and a round's result only
// once it is revealed (the same totals the facilitator sees).

/** What participants may write in a block: its subject first, then the kinds every block takes. */
export function acceptsFor(method: BlockMethod): SubmissionKind[] {
  if (method === 'uncertainty') return ['uncertainty', 'concern', 'idea', 'parking'];
  return ['idea', 'concern', 'parking'];
}

function timerOf(block: AgendaBlock, now: number): ParticipantTimer {
  const state = blockState(block);
  return {
    state: state === 'waiting' ? 'not-started' : state,
    remainingMs: blockRemainingMs(block, now),
    plannedMinutes: block.plannedMinutes + block.extraMinutes,
  };
}

function blockOf(block: AgendaBlock, now: number): ParticipantBlock {
  return {
    id: block.id,
    title: block.title,
    methodLabel: BLOCK_METHOD_LABELS[block.method],
    outputs: block.outputs,
    timer: timerOf(block, now),
    accepts: acceptsFor(block.method),
  };
}

/**
 * The round a device shows: the newest of the current block's rounds whose result has not been
 * applied. Open, it is voted in; revealed, its totals show until the facilitator applies the
 * result or opens another round (then the room has moved on). Null between blocks.
 */
export function roundForDevices(session: Pick<Session, 'currentBlockId' | 'status'>, rounds: readonly VoteRound[]): VoteRound | undefined {
  if (session.status !== 'running' || !session.currentBlockId) return undefined;
  return rounds
    .filter((r) => r.blockId === session.currentBlockId && r.applied === null)
    .reduce<VoteRound | undefined>((newest, r) => (!newest || r.createdAt > newest.createdAt ? r : newest), undefined);
}

function roundOf(round: VoteRound, participantId: string): ParticipantRound {
  const ranking = revealedRanking(round);
  return {
    id: round.id,
    title: round.title,
    dotsPerVoter: round.dotsPerVoter,
    maxPerCandidate: round.maxPerCandidate,
    secret: round.secret,
    candidates: round.candidates.map((c) => ({ id: c.id, label: c.label })),
    // Only ballot rounds take votes from devices; in a tally round the facilitator enters the totals.
    canVote: round.mode === 'ballots' && round.revealedAt === null && round.voterIds.includes(participantId),
    voted: round.voted.includes(participantId),
    votedCount: round.voted.length,
    voterCount: round.voterIds.length,
    ...(ranking ? { results: ranking.map((c) => ({ candidateId: c.id, label: c.label, dots: c.dots })) } : {}),
  };
}

export interface ViewSource {
  session: Session;
  rounds: readonly VoteRound[];
  /** The session's submissions (every participant's: only the participant's own are used). */
  submissions: readonly Submission[];
  now: number;
}

/** The view of an admitted participant: the current block, its round, and their own items, newest first. */
export function participantView(source: ViewSource, participantId: string, fallbackName: string): ParticipantView {
  const { session, now } = source;
  const block = session.status === 'running' ? currentBlock(session) : undefined;
  const round = roundForDevices(session, source.rounds);
  const mine = source.submissions
    .filter((s) => s.participantId === participantId)
    .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
    // The id the device gave it: the page matches what it sent to what was recorded.
    .map((s) => ({ id: s.clientId, kind: s.kind, text: s.text, status: s.status }));
  return {
    sessionTitle: session.title,
    name: session.participants.find((p) => p.id === participantId)?.name ?? fallbackName,
    status: 'admitted',
    block: block ? blockOf(block, now) : null,
    round: round ? roundOf(round, participantId) : null,
    mine,
  };
}

/** The view of a device waiting to be admitted: the session's title and its own name, nothing else. */
export function waitingView(sessionTitle: string, name: string): ParticipantView {
  return { sessionTitle, name, status: 'waiting', block: null, round: null, mine: [] };
}
