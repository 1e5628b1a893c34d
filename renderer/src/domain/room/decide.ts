import type { BallotMessage, SubmitMessage } from '../../../../electron/room/protocol';
import type { Session, VoteRound } from '../sessions/model';
import { currentBlock } from '../sessions/timer';
import { ballotProblem } from '../sessions/votes';
import { quoted } from '../words';
import { acceptsFor } from './view';
import { SUBMISSION_KIND_LABELS } from '../../../../electron/room/protocol';
import type { Submission } from './model';

// What the host does with a participant's intention (an item submitted, a ballot cast): record
// it, answer a resent one as before without recording it again (devices resend what they could
// not see acknowledged, with the same client id), or refuse it with a sentence the page shows.
// The server checked the message's shape and the device's token; these are the session's rules.

export type Decision<T> = { kind: 'record'; value: T } | { kind: 'duplicate' } | { kind: 'refuse'; message: string };

const refuse = (message: string) => ({ kind: 'refuse', message }) as const;

/** The session as a participant may still write to it: running, and they still on its list. */
function openTo(session: Session, participantId: string): string | undefined {
  if (session.status !== 'running') return session.status === 'closed' ? 'The session has ended.' : 'The session has not started.';
  if (!session.participants.some((p) => p.id === participantId)) return 'You are no longer on this session’s list of participants.';
  return undefined;
}

export interface SubmitContext {
  session: Session;
  /** The session's submissions (a resent one is found among them). */
  submissions: readonly Pick<Submission, 'participantId' | 'clientId'>[];
  at: number;
  makeId: () => string;
}

/**
 * A submitted item: recorded (pending, for the facilitator's inbox) when its block is still the
 * current one and takes its kind; a duplicate when this participant sent this client id before.
 */
export function decideSubmit(context: SubmitContext, participantId: string, message: SubmitMessage): Decision<Submission> {
  const { session } = context;
  if (context.submissions.some((s) => s.participantId === participantId && s.clientId === message.id)) return { kind: 'duplicate' };
  const closed = openTo(session, participantId);
  if (closed) return refuse(closed);
  const block = currentBlock(session);
  if (!block) return refuse('No block is running: wait for the next one.');
  if (block.id !== message.blockId) return refuse(`That block is over: the session has moved on to ${quoted(block.title)}.`);
  if (!acceptsFor(block.method).includes(message.kind)) return refuse(`This block does not take ${SUBMISSION_KIND_LABELS[message.kind].toLowerCase()} items.`);
  const person = session.participants.find((p) => p.id === participantId)!;
  return {
    kind: 'record',
    value: {
      id: context.makeId(),
      programId: session.programId,
      sessionId: session.id,
      blockId: block.id,
      participantId,
      author: person.name,
      function: person.function,
      kind: message.kind,
      text: message.text,
      clientId: message.id,
      status: 'pending',
      captureId: '',
      at: context.at,
      decidedAt: null,
    },
  };
}

/**
 * A ballot: recorded when the round is the current block's, open, ballot-cast, and the
 * participant is one of its voters with a ballot that keeps its rules. A participant who has
 * voted: a duplicate when the host knows this client id was that ballot (`recordedClientId`; a
 * secret ballot names nobody, so the host keeps the id apart), else refused: one ballot each,
 * and the sentence stays true even for a resend whose id the host no longer has.
 */
export function decideBallot(session: Session, round: VoteRound | undefined, participantId: string, message: BallotMessage, recordedClientId: string | undefined): Decision<BallotMessage['dots']> {
  if (!round || round.sessionId !== session.id) return refuse('That vote is no longer there.');
  if (round.voted.includes(participantId)) return recordedClientId === message.id ? { kind: 'duplicate' } : refuse('Your vote in this round is recorded already.');
  const closed = openTo(session, participantId);
  if (closed) return refuse(closed);
  if (round.mode !== 'ballots') return refuse('In this round the facilitator enters the totals.');
  if (round.revealedAt !== null) return refuse('This vote is closed: its result is revealed.');
  if (round.blockId !== session.currentBlockId) return refuse('This vote is not open now.');
  if (!round.voterIds.includes(participantId)) return refuse('You are not one of this round’s voters.');
  const problem = ballotProblem(round, message.dots);
  if (problem) return refuse(`This ballot cannot be cast: ${problem}.`);
  return { kind: 'record', value: message.dots };
}
