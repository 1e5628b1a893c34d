import { plural } from '../words';
import type { Change } from './diff';
import { BLOCK_METHOD_LABELS, CAPTURE_KINDS, CAPTURE_LABELS, type AgendaBlock, type Capture, type CaptureKind, type Session, type VoteRound } from './model';
import { blockElapsedMs, isUnfinished, sessionElapsedMs } from './timer';

// What happened in a closed session, for its review: the agenda as planned against as held,
// what the room captured, decided, changed and voted on, and what it left for the next session.
// Worked out from the session's own rows and the diff of its start and end snapshots.

const MINUTE = 60_000;

export type BlockResult = 'done' | 'skipped' | 'left' | 'not-reached';
export const BLOCK_RESULT_LABELS: Record<BlockResult, string> = { done: 'Done', skipped: 'Skipped', left: 'Left unfinished', 'not-reached': 'Not reached' };

export interface BlockSummary {
  id: string;
  title: string;
  method: string;
  plannedMinutes: number;
  /** Whole minutes it ran (pauses left out); null when it never started. */
  actualMinutes: number | null;
  result: BlockResult;
  /** Where a block carried from an earlier session came from ('' for none). */
  carriedFrom: string;
}

export interface SessionSummary {
  blocks: BlockSummary[];
  plannedMinutes: number;
  /** The blocks' held minutes added up (a block not started counts none). */
  heldMinutes: number;
  /** The session's own planned length, and how long it took from start to close. */
  sessionPlannedMinutes: number;
  sessionMinutes: number;
  captures: { kind: CaptureKind; label: string; captures: Capture[] }[];
  /** Matrices and scope changes decided, decision records made or changed. */
  decided: Change[];
  /** Everything else that changed between the session's start and its close. */
  changed: Change[];
  votes: VoteRound[];
  /** Unfinished blocks: skipped or never reached, offered to the next session. */
  carried: BlockSummary[];
  /** The session in one line: "3 of 4 blocks done, 1 to carry over; 5 captures; 2 votes; 12 changes". */
  headline: string;
}

/** Whole minutes of a duration, rounded, as planned minutes are counted. */
export function wholeMinutes(ms: number): number {
  return Math.round(ms / MINUTE);
}

function blockSummary(block: AgendaBlock, titleOf: (sessionId: string) => string | undefined): BlockSummary {
  const result: BlockResult = block.outcome ?? (block.startedAt === null ? 'not-reached' : 'left');
  return {
    id: block.id,
    title: block.title,
    method: BLOCK_METHOD_LABELS[block.method],
    plannedMinutes: block.plannedMinutes,
    actualMinutes: block.startedAt === null ? null : wholeMinutes(blockElapsedMs(block, block.endedAt ?? block.startedAt)),
    result,
    carriedFrom: block.carriedFrom ? (titleOf(block.carriedFrom.sessionId) ?? 'an earlier session') : '',
  };
}

/** A decision the session made: a matrix or scope change decided, a decision record made or moved on. */
function isDecision(change: Change): boolean {
  return change.area === 'decisions' || change.kinds.includes('decided');
}

export function summarize(
  session: Session,
  captures: readonly Capture[],
  votes: readonly VoteRound[],
  changes: readonly Change[],
  /** The title of another session of the program, for a carried block's origin. */
  titleOf: (sessionId: string) => string | undefined = () => undefined,
): SessionSummary {
  const blocks = session.blocks.map((b) => blockSummary(b, titleOf));
  const carried = blocks.filter((_, i) => isUnfinished(session.blocks[i]!));
  const byKind = CAPTURE_KINDS.map((kind) => ({ kind, label: CAPTURE_LABELS[kind], captures: captures.filter((c) => c.kind === kind) })).filter((g) => g.captures.length > 0);
  const decided = changes.filter(isDecision);
  const changed = changes.filter((c) => !isDecision(c));
  const done = blocks.filter((b) => b.result === 'done').length;
  const headline = [
    `${done} of ${plural(blocks.length, 'block')} done${carried.length ? `, ${carried.length} to carry over` : ''}`,
    plural(captures.length, 'capture'),
    plural(decided.length, 'decision'),
    plural(changed.length, 'other change'),
    plural(votes.length, 'vote'),
  ].join('; ');
  return {
    blocks,
    plannedMinutes: session.blocks.reduce((sum, b) => sum + b.plannedMinutes, 0),
    heldMinutes: blocks.reduce((sum, b) => sum + (b.actualMinutes ?? 0), 0),
    sessionPlannedMinutes: session.plannedMinutes,
    sessionMinutes: wholeMinutes(sessionElapsedMs(session, session.endedAt ?? session.startedAt ?? 0)),
    captures: byKind,
    decided,
    changed,
    votes: [...votes],
    carried,
    headline,
  };
}

/**
 * How long a session took against its plan, in words: "5 min of the 90 min planned". The
 * session's planned length and its agenda's total are different numbers; when they differ the
 * agenda's is named too, so the totals beside it do not read as a contradiction.
 */
export function heldAgainstPlanned(summary: Pick<SessionSummary, 'sessionMinutes' | 'sessionPlannedMinutes' | 'plannedMinutes'>): string {
  const agenda = summary.plannedMinutes === summary.sessionPlannedMinutes ? '' : ` (the agenda's blocks add up to ${summary.plannedMinutes} min)`;
  return `${summary.sessionMinutes} min of the ${summary.sessionPlannedMinutes} min planned for the session${agenda}`;
}
