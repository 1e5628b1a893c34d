import type { Action } from '../actions/model';
import type { Metric } from '../metrics/model';
import type { RoadmapItem } from '../roadmap/model';
import type { Capture, Participant, Session, VoteRound } from '../sessions/model';
import { programState } from '../sessions/snapshot';
import type { SessionSnapshot } from '../sessions/snapshot';
import { templateBlocks } from '../sessions/templates';
import type { OwnedRow, ProgramSnapshot } from '../snapshot';
import type { UncertaintyItem } from '../uncertainty/model';
import type { SampleMap } from './map';
import type { MakeId, SampleClock } from './when';

// The sample's planning sessions: a kick-off held three weeks ago (its agenda run block by block,
// captures, a dot vote, and the program as it stood when it started and closed) and a
// re-planning review planned for next week.

export interface SampleSessions {
  sessions: Session[];
  captures: Capture[];
  votes: VoteRound[];
  snapshots: SessionSnapshot[];
}

const MINUTE = 60_000;

/**
 * The program as it stood at `time`: records made by then, each item where it was on the map,
 * each roadmap item's forecast then, each metric's readings up to that day. What a session kept
 * when it started or closed, so "since last session" has something to say.
 */
export function asOf(snapshot: ProgramSnapshot, time: number, day: string): ProgramSnapshot {
  const made = (rows: OwnedRow[] = []) => rows.filter((row) => typeof row.createdAt !== 'number' || row.createdAt <= time);
  const owned: Record<string, OwnedRow[]> = Object.fromEntries(Object.entries(snapshot.owned).map(([table, rows]) => [table, made(rows)]));
  const items = (owned.uncertaintyItems ?? []) as unknown as UncertaintyItem[];
  owned.uncertaintyItems = items.map((item) => {
    const point = item.history.filter((p) => p.at <= time).pop();
    return point ? { ...item, impact: point.impact, uncertainty: point.uncertainty, status: point.status } : item;
  }) as unknown as OwnedRow[];
  const roadmap = (owned.roadmapItems ?? []) as unknown as RoadmapItem[];
  owned.roadmapItems = roadmap.map((item) => {
    const before = item.forecastAt > time ? item.history.filter((f) => f.at <= time).pop() : undefined;
    return before ? { ...item, horizon: before.horizon, earliest: before.earliest, latest: before.latest, confidence: before.confidence } : item;
  }) as unknown as OwnedRow[];
  const metrics = (owned.metrics ?? []) as unknown as Metric[];
  owned.metrics = metrics.map((metric) => ({ ...metric, readings: metric.readings.filter((r) => r.date <= day) })) as unknown as OwnedRow[];
  return { program: snapshot.program, owned };
}

export function sampleSessions(plan: ProgramSnapshot, map: SampleMap, actions: readonly Action[], when: SampleClock, makeId: MakeId): SampleSessions {
  const programId = plan.program.id;
  const person = (name: string, fn: string): Participant => ({ id: makeId(), name, function: fn });
  const people = [
    person('Priya Shah', 'Product'),
    person('Tomás Rivera', 'Engineering'),
    person('Grace Okafor', 'Leadership'),
    person('Lena Berg', 'Support operations'),
  ];
  const start = when.at(-21, 9);
  // Minutes each block of the kick-off took: "Place them on the map" ran over, "Who tests what" finished early.
  const took = [11, 12, 29, 8, 16, 5];
  let clock = start;
  const blocks = templateBlocks('kickoff').map((block, i) => {
    const startedAt = clock;
    clock += took[i]! * MINUTE;
    return { ...block, startedAt, endedAt: clock, outcome: 'done' as const, extraMinutes: i === 2 ? 5 : 0 };
  });
  const end = clock;
  const kickoff: Session = {
    id: makeId(),
    programId,
    title: 'Kick-off: map the uncertainty',
    date: when.day(-21),
    plannedMinutes: 90,
    place: 'Meeting room 3, and the support floor',
    facilitator: 'Priya Shah',
    participants: people,
    goals: 'Name what could sink the assistant at each layer, and agree what to test first.',
    blocks,
    status: 'closed',
    currentBlockId: '',
    startedAt: start,
    endedAt: end,
    startSnapshotId: makeId(),
    endSnapshotId: makeId(),
    template: 'kickoff',
    createdAt: when.at(-28, 15),
    updatedAt: end,
  };
  const [, writing, placing, voting, owners] = blocks;
  const capture = (block: (typeof blocks)[number], kind: Capture['kind'], text: string, recordId = '', done = false): Capture => ({
    id: makeId(),
    programId,
    sessionId: kickoff.id,
    blockId: block.id,
    kind,
    recordId,
    text,
    done,
    at: block.startedAt + 4 * MINUTE,
  });
  const parking = capture(placing!, 'parking', 'Do we need consent to use conversation logs?', '', true);
  const captures = [
    capture(writing!, 'uncertainty', map.refunds.title, map.refunds.id),
    capture(writing!, 'note', 'Support ops asked that graders be senior agents, not contractors.'),
    parking,
    capture(owners!, 'action', actions[0]!.title, actions[0]!.id),
  ];
  const candidates = [map.refunds, map.agentsTrust, map.vendorQuota, map.helpCentre, map.injection].map((item) => ({ id: item.id, label: item.title }));
  const tallies = [5, 4, 1, 2, 0].map((dots, i) => ({ candidateId: candidates[i]!.id, dots }));
  const vote: VoteRound = {
    id: makeId(),
    programId,
    sessionId: kickoff.id,
    blockId: voting!.id,
    title: 'What do we test first?',
    target: 'uncertainty',
    matrixId: '',
    candidates,
    mode: 'tally',
    dotsPerVoter: 3,
    maxPerCandidate: 2,
    secret: false,
    reveal: 'facilitator',
    voterIds: people.map((p) => p.id),
    voted: [],
    ballots: [],
    tallies,
    revealedAt: voting!.endedAt,
    applied: { at: voting!.endedAt! + MINUTE, how: 'Tagged the top 3 "test first"' },
    createdAt: voting!.startedAt!,
    updatedAt: voting!.endedAt! + MINUTE,
  };
  const kept = (id: string, moment: SessionSnapshot['moment'], at: number): SessionSnapshot => ({
    id,
    programId,
    sessionId: kickoff.id,
    moment,
    at,
    state: programState(asOf(plan, at, when.day(-21))),
  });
  const review: Session = {
    id: makeId(),
    programId,
    title: 'Re-planning review',
    date: when.day(7),
    plannedMinutes: 90,
    place: 'Meeting room 3',
    facilitator: 'Priya Shah',
    participants: people.map((p) => ({ ...p, id: makeId() })),
    goals: 'Decide on the voice scope change, re-forecast the pilot, and choose the next uncertainties to test.',
    blocks: templateBlocks('replanning'),
    status: 'planned',
    currentBlockId: '',
    startedAt: null,
    endedAt: null,
    startSnapshotId: '',
    endSnapshotId: '',
    template: 'replanning',
    createdAt: when.at(-1, 16),
    updatedAt: when.at(-1, 16),
  };
  return {
    sessions: [kickoff, review],
    captures,
    votes: [vote],
    snapshots: [kept(kickoff.startSnapshotId, 'start', start), kept(kickoff.endSnapshotId, 'end', end)],
  };
}
