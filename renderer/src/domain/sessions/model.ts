// Planning sessions: the workshops a program is planned in. A session has an agenda of blocks; it
// is planned, then run (block by block, timed from stored start and pause times), then closed,
// keeping a snapshot of the program at its start and at its close. What the room captures and
// votes on is kept with the session and the block it happened in.

export const SESSION_STATUSES = ['planned', 'running', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  closed: 'Closed',
};

/** What a block is about: it decides which area opens beside it while it runs. */
export const BLOCK_METHODS = ['since-last', 'uncertainty', 'metrics', 'tradeoff', 'roadmap', 'actions', 'scope', 'retro', 'free'] as const;
export type BlockMethod = (typeof BLOCK_METHODS)[number];
export const BLOCK_METHOD_LABELS: Record<BlockMethod, string> = {
  'since-last': 'Since last session',
  uncertainty: 'Review uncertainties',
  metrics: 'Define or sign off metrics',
  tradeoff: 'Trade-off matrix',
  roadmap: 'Roadmap review',
  actions: 'Open actions',
  scope: 'Scope changes',
  retro: 'Retro',
  free: 'Free discussion',
};

/** How a block ended: finished, or skipped (a skipped block is unfinished and carries over). */
export const BLOCK_OUTCOMES = ['done', 'skipped'] as const;
export type BlockOutcome = (typeof BLOCK_OUTCOMES)[number];

export interface Participant {
  id: string;
  name: string;
  /** The function they speak for (engineering, product, leadership ...), as typed. */
  function: string;
}

export interface AgendaBlock {
  id: string;
  title: string;
  /** Whole minutes, 1 to BLOCK_MINUTES_MAX: any length, not a fixed menu. */
  plannedMinutes: number;
  method: BlockMethod;
  /** The matrix a 'tradeoff' block decides on; '' for none (or when it was deleted since). */
  matrixId: string;
  /** What the block should produce. */
  outputs: string;
  notes: string;
  // The timer, as stored moments: the time shown is worked out from these (domain/sessions/timer.ts),
  // so a reload, a crash or a second window shows the right time.
  /** When the block started, or null while it has not. */
  startedAt: number | null;
  /** When it was paused, or null while it runs (or has not started). */
  pausedAt: number | null;
  /** Milliseconds spent paused before the current pause. */
  pausedMs: number;
  /** Minutes added while it ran (+1, +5). */
  extraMinutes: number;
  /** When it ended, or null while it has not. */
  endedAt: number | null;
  outcome: BlockOutcome | null;
  /** The block of an earlier session this one carries on, or null. */
  carriedFrom: { sessionId: string; blockId: string } | null;
}

export interface Session {
  id: string;
  programId: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The planned length of the whole session, in minutes. */
  plannedMinutes: number;
  place: string;
  facilitator: string;
  participants: Participant[];
  goals: string;
  blocks: AgendaBlock[];
  status: SessionStatus;
  /** The block running now (or paused), '' for none. */
  currentBlockId: string;
  startedAt: number | null;
  endedAt: number | null;
  /** The program as it stood when the session started and when it closed ('' until then). */
  startSnapshotId: string;
  endSnapshotId: string;
  /** The template it was planned from ('' for none), for the summary. */
  template: string;
  createdAt: number;
  updatedAt: number;
}

/** What the capture bar records: into an area (the record is linked) or into the session itself. */
export const CAPTURE_KINDS = ['uncertainty', 'decision', 'scope', 'action', 'note', 'parking'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];
export const CAPTURE_LABELS: Record<CaptureKind, string> = {
  uncertainty: 'Uncertainty',
  decision: 'Decision',
  scope: 'Scope change',
  action: 'Action',
  note: 'Note',
  parking: 'Parking lot',
};

export interface Capture {
  id: string;
  programId: string;
  sessionId: string;
  /** The block running when it was captured, '' between blocks. */
  blockId: string;
  kind: CaptureKind;
  /**
   * The record made in its area (uncertainty item, decision record, scope change, action); '' for
   * a note or a parking-lot topic. It may have been deleted since: `text` still says what it was.
   */
  recordId: string;
  /** The note, the topic, or the record's title as captured. */
  text: string;
  /** A parking-lot topic dealt with (or a note struck through). */
  done: boolean;
  at: number;
}

/** What a voting round is about. */
export const VOTE_TARGETS = ['uncertainty', 'option', 'roadmapItem', 'parking'] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];
export const VOTE_REVEALS = ['facilitator', 'all-voted'] as const;
export type VoteReveal = (typeof VOTE_REVEALS)[number];
/** Ballots cast on this laptop one by one, or tallies the facilitator enters from a show of hands or dots on a wall. */
export const VOTE_MODES = ['ballots', 'tally'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

export interface VoteCandidate {
  /** The uncertainty item, matrix option, roadmap item or parking-lot capture voted on. */
  id: string;
  /** Its title when the round was set up: results stay readable if it is deleted later. */
  label: string;
}

export interface Dots {
  candidateId: string;
  dots: number;
}

export interface Ballot {
  /** The participant's id in a named round; '' in a secret round, where only `voted` says who voted. */
  voterId: string;
  dots: Dots[];
}

export interface VoteRound {
  id: string;
  programId: string;
  sessionId: string;
  blockId: string;
  title: string;
  target: VoteTarget;
  /** The matrix whose options are voted on; '' for other targets. */
  matrixId: string;
  candidates: VoteCandidate[];
  mode: VoteMode;
  dotsPerVoter: number;
  /** The most dots one voter may put on one candidate. */
  maxPerCandidate: number;
  /** Secret: ballots are kept without names, for good, and nothing is shown before the reveal. */
  secret: boolean;
  reveal: VoteReveal;
  /** Who votes: participant ids of the session, the facilitator only when they chose to ('facilitator'). */
  voterIds: string[];
  /** Who has voted (ballots mode). */
  voted: string[];
  /** In a secret round, in an order that does not follow `voted`. */
  ballots: Ballot[];
  /** The facilitator's entered totals (tally mode). */
  tallies: Dots[];
  revealedAt: number | null;
  /** When the result was applied to the program, and how; null while not. */
  applied: { at: number; how: string } | null;
  createdAt: number;
  updatedAt: number;
}

/** The id that stands for the facilitator among a round's voters. */
export const FACILITATOR_VOTER = 'facilitator';

export const SESSION_TITLE_MAX = 200;
export const SESSION_TEXT_MAX = 5000;
export const SESSION_PERSON_MAX = 200;
export const PARTICIPANTS_MAX = 200;
export const BLOCKS_MAX = 100;
export const BLOCK_MINUTES_MAX = 24 * 60;
export const SESSION_MINUTES_MAX = 7 * 24 * 60;
export const CANDIDATES_MAX = 500;
export const DOTS_MAX = 100;
