import type { Submission } from '../domain/room/model';
import type { Capture, Session, VoteRound } from '../domain/sessions/model';
import type { SessionSnapshot } from '../domain/sessions/snapshot';
import type { OwnedRow, ProgramSnapshot } from '../domain/snapshot';
import { ballotProblem, talliesProblem } from '../domain/sessions/votes';
import type { KeelFileType } from './format';

// Planning sessions' tables to and from the file: moments as ISO text in the file, numbers in the app.

const iso = (time: number) => new Date(time).toISOString();
const isoOrNull = (time: number | null) => (time === null ? null : iso(time));
const timeOrNull = (text: string | null) => (text === null ? null : Date.parse(text));
const rows = <T>(snapshot: ProgramSnapshot, table: string) => (snapshot.owned[table] ?? []) as unknown as T[];
const owned = <T>(list: T[]) => list as unknown as OwnedRow[];

type SessionData = Pick<KeelFileType['data'], 'sessions' | 'captures' | 'votes' | 'snapshots' | 'submissions'>;

const byCreation = <T extends { createdAt: number; id: string }>(list: T[]) => list.slice().sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
const byTime = <T extends { at: number; id: string }>(list: T[]) => list.slice().sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

export function sessionsToFile(snapshot: ProgramSnapshot): SessionData {
  return {
    sessions: byCreation(rows<Session>(snapshot, 'sessions')).map(({ programId: _p, ...session }) => ({
      ...session,
      blocks: session.blocks.map((b) => ({ ...b, startedAt: isoOrNull(b.startedAt), pausedAt: isoOrNull(b.pausedAt), endedAt: isoOrNull(b.endedAt) })),
      startedAt: isoOrNull(session.startedAt),
      endedAt: isoOrNull(session.endedAt),
      createdAt: iso(session.createdAt),
      updatedAt: iso(session.updatedAt),
    })),
    captures: byTime(rows<Capture>(snapshot, 'captures')).map(({ programId: _p, ...capture }) => ({ ...capture, at: iso(capture.at) })),
    votes: byCreation(rows<VoteRound>(snapshot, 'votes')).map(({ programId: _p, ...round }) => ({
      ...round,
      revealedAt: isoOrNull(round.revealedAt),
      applied: round.applied ? { ...round.applied, at: iso(round.applied.at) } : null,
      createdAt: iso(round.createdAt),
      updatedAt: iso(round.updatedAt),
    })),
    snapshots: byTime(rows<SessionSnapshot>(snapshot, 'snapshots')).map(({ programId: _p, ...kept }) => ({ ...kept, at: iso(kept.at) })),
    submissions: byTime(rows<Submission>(snapshot, 'submissions')).map(({ programId: _p, ...sent }) => ({ ...sent, at: iso(sent.at), decidedAt: isoOrNull(sent.decidedAt) })),
  };
}

export function sessionsFromFile(data: SessionData, programId: string): Record<string, OwnedRow[]> {
  const sessions: Session[] = data.sessions.map((session) => ({
    ...structuredClone(session),
    programId,
    blocks: session.blocks.map((b) => ({
      ...structuredClone(b),
      startedAt: timeOrNull(b.startedAt),
      pausedAt: timeOrNull(b.pausedAt),
      endedAt: timeOrNull(b.endedAt),
    })),
    startedAt: timeOrNull(session.startedAt),
    endedAt: timeOrNull(session.endedAt),
    createdAt: Date.parse(session.createdAt),
    updatedAt: Date.parse(session.updatedAt),
  }));
  const captures: Capture[] = data.captures.map((capture) => ({ ...capture, programId, at: Date.parse(capture.at) }));
  const votes: VoteRound[] = data.votes.map((round) => ({
    ...structuredClone(round),
    programId,
    revealedAt: timeOrNull(round.revealedAt),
    applied: round.applied ? { ...round.applied, at: Date.parse(round.applied.at) } : null,
    createdAt: Date.parse(round.createdAt),
    updatedAt: Date.parse(round.updatedAt),
  }));
  const snapshots: SessionSnapshot[] = data.snapshots.map((kept) => ({ ...structuredClone(kept), programId, at: Date.parse(kept.at) }));
  const submissions: Submission[] = data.submissions.map((sent) => ({ ...sent, programId, at: Date.parse(sent.at), decidedAt: timeOrNull(sent.decidedAt) }));
  return { sessions: owned(sessions), captures: owned(captures), votes: owned(votes), snapshots: owned(snapshots), submissions: owned(submissions) };
}

/**
 * What a file's sessions name must be there: each capture's, round's and snapshot's session, each
 * block named, the snapshots a session kept, the voters among the session's participants, and
 * a running session's current block. A capture's record and a round's candidates may be gone
 * (they keep their text), and so may the session a block was carried from.
 */
export function brokenSessionReferences(file: KeelFileType): string[] {
  const d = file.data;
  const problems: string[] = [];
  const sessions = new Map(d.sessions.map((s) => [s.id, s]));
  const snapshots = new Map(d.snapshots.map((s) => [s.id, s]));
  const matrices = new Set(d.matrices.map((m) => m.id));
  const blockOf = (at: string, sessionId: string, blockId: string) => {
    const session = sessions.get(sessionId);
    if (!session) problems.push(`${at}.sessionId: no session ${sessionId} in the file`);
    else if (blockId && !session.blocks.some((b) => b.id === blockId)) problems.push(`${at}.blockId: the session has no block ${blockId}`);
  };

  d.sessions.forEach((session, i) => {
    const at = `data.sessions.${i}`;
    const blockIds = new Set<string>();
    session.blocks.forEach((block, j) => {
      if (blockIds.has(block.id)) problems.push(`${at}.blocks.${j}.id: block ${block.id} is used twice`);
      blockIds.add(block.id);
      if (block.matrixId && !matrices.has(block.matrixId)) problems.push(`${at}.blocks.${j}.matrixId: no matrix ${block.matrixId} in the file`);
      if (block.method !== 'tradeoff' && block.matrixId) problems.push(`${at}.blocks.${j}.matrixId: only a trade-off block names a matrix`);
    });
    const people = new Set<string>();
    session.participants.forEach((p, j) => {
      if (people.has(p.id)) problems.push(`${at}.participants.${j}.id: participant ${p.id} is listed twice`);
      people.add(p.id);
    });
    if (session.currentBlockId && !blockIds.has(session.currentBlockId)) problems.push(`${at}.currentBlockId: the session has no block ${session.currentBlockId}`);
    if (session.status !== 'running' && session.currentBlockId) problems.push(`${at}.currentBlockId: only a running session has a current block`);
    if (session.status === 'planned' && session.startedAt !== null) problems.push(`${at}.startedAt: a planned session has not started`);
    if (session.status !== 'planned' && session.startedAt === null) problems.push(`${at}.startedAt: a ${session.status} session has a start`);
    if ((session.status === 'closed') !== (session.endedAt !== null)) problems.push(`${at}.endedAt: a session has an end exactly when it is closed`);
    for (const field of ['startSnapshotId', 'endSnapshotId'] as const) {
      const id = session[field];
      const kept = id ? snapshots.get(id) : undefined;
      if (id && (!kept || kept.sessionId !== session.id)) problems.push(`${at}.${field}: no snapshot ${id} of this session in the file`);
    }
  });
  d.captures.forEach((capture, i) => {
    const at = `data.captures.${i}`;
    blockOf(at, capture.sessionId, capture.blockId);
    const inArea = capture.kind !== 'note' && capture.kind !== 'parking';
    if (inArea !== (capture.recordId !== '')) problems.push(`${at}.recordId: ${inArea ? 'a capture into an area names its record' : 'a note or parking-lot topic names no record'}`);
  });
  d.votes.forEach((round, i) => {
    const at = `data.votes.${i}`;
    blockOf(at, round.sessionId, round.blockId);
    const session = sessions.get(round.sessionId);
    const people = new Set(session?.participants.map((p) => p.id));
    round.voterIds.forEach((voter, j) => {
      if (session && voter !== 'facilitator' && !people.has(voter)) problems.push(`${at}.voterIds.${j}: ${voter} is not a participant of the session`);
    });
    round.voted.forEach((voter, j) => {
      if (!round.voterIds.includes(voter)) problems.push(`${at}.voted.${j}: ${voter} is not a voter of the round`);
    });
    problems.push(...brokenBallots(round, at));
  });
  d.snapshots.forEach((kept, i) => {
    if (!sessions.has(kept.sessionId)) problems.push(`data.snapshots.${i}.sessionId: no session ${kept.sessionId} in the file`);
  });
  problems.push(...brokenSubmissions(d));
  return problems;
}

/**
 * Participants' submissions: in a session and block of the file, once per participant and client
 * id, decided exactly when not pending, and pointing at the capture (of their session) exactly
 * when accepted. The participant may have left the session's list since: the name is kept.
 */
function brokenSubmissions(d: KeelFileType['data']): string[] {
  const problems: string[] = [];
  const sessions = new Map(d.sessions.map((s) => [s.id, s]));
  const captures = new Map(d.captures.map((c) => [c.id, c]));
  const seen = new Set<string>();
  d.submissions.forEach((sent, i) => {
    const at = `data.submissions.${i}`;
    const session = sessions.get(sent.sessionId);
    if (!session) problems.push(`${at}.sessionId: no session ${sent.sessionId} in the file`);
    else if (sent.blockId && !session.blocks.some((b) => b.id === sent.blockId)) problems.push(`${at}.blockId: the session has no block ${sent.blockId}`);
    const key = JSON.stringify([sent.sessionId, sent.participantId, sent.clientId]);
    if (seen.has(key)) problems.push(`${at}.clientId: ${sent.participantId} sent ${sent.clientId} twice`);
    seen.add(key);
    if ((sent.status === 'pending') !== (sent.decidedAt === null)) problems.push(`${at}.decidedAt: a submission has a decision time exactly when it is accepted or declined`);
    if ((sent.status === 'accepted') !== (sent.captureId !== '')) problems.push(`${at}.captureId: ${sent.status === 'accepted' ? 'an accepted submission names its capture' : 'only an accepted submission names a capture'}`);
    const capture = sent.captureId ? captures.get(sent.captureId) : undefined;
    if (sent.captureId && capture?.sessionId !== sent.sessionId) problems.push(`${at}.captureId: no capture ${sent.captureId} of this session in the file`);
  });
  return problems;
}

type RoundInFile = KeelFileType['data']['votes'][number];

/** Twice in a list: the index of each repeat. */
function repeats(list: readonly string[]): number[] {
  return list.flatMap((value, i) => (list.indexOf(value) !== i ? [i] : []));
}

/**
 * A round's ballots and totals against its own rules (domain/sessions/votes.ts): each ballot only
 * on candidates, within the dots a voter has and the most per candidate; one ballot per voter who
 * voted, named in a named round and nameless in a secret one; totals only in a tally round and
 * within what the voters could give; a result applied only once revealed.
 */
function brokenBallots(round: RoundInFile, at: string): string[] {
  const problems: string[] = [];
  repeats(round.candidates.map((c) => c.id)).forEach((j) => problems.push(`${at}.candidates.${j}.id: candidate ${round.candidates[j]!.id} is listed twice`));
  repeats(round.voterIds).forEach((j) => problems.push(`${at}.voterIds.${j}: ${round.voterIds[j]} is listed twice`));
  repeats(round.voted).forEach((j) => problems.push(`${at}.voted.${j}: ${round.voted[j]} voted twice`));
  if (round.maxPerCandidate > round.dotsPerVoter) problems.push(`${at}.maxPerCandidate: more than the ${round.dotsPerVoter} dots each voter has`);
  round.ballots.forEach((ballot, j) => {
    const problem = ballotProblem(round, ballot.dots);
    if (problem) problems.push(`${at}.ballots.${j}.dots: ${problem}`);
    if (round.secret && ballot.voterId) problems.push(`${at}.ballots.${j}.voterId: a secret ballot names nobody`);
    if (!round.secret && !round.voted.includes(ballot.voterId)) problems.push(`${at}.ballots.${j}.voterId: ${ballot.voterId || 'nobody'} has not voted in the round`);
  });
  if (!round.secret) repeats(round.ballots.map((b) => b.voterId)).forEach((j) => problems.push(`${at}.ballots.${j}.voterId: ${round.ballots[j]!.voterId} has two ballots`));
  if (round.mode === 'ballots') {
    if (round.ballots.length !== round.voted.length) problems.push(`${at}.ballots: ${round.ballots.length} ballots for ${round.voted.length} voters who voted`);
    if (round.tallies.length) problems.push(`${at}.tallies: totals are entered only in a tally round`);
  } else {
    if (round.ballots.length || round.voted.length) problems.push(`${at}.ballots: a tally round has no ballots`);
    const problem = talliesProblem(round, round.tallies);
    if (problem) problems.push(`${at}.tallies: ${problem}`);
  }
  if (round.applied && round.revealedAt === null) problems.push(`${at}.applied: a result is applied only once revealed`);
  return problems;
}
