import type { Program } from '../program';
import { programRecords } from '../program-records';
import { revisitFlags } from '../revisit/flags';
import type { RevisitReview } from '../revisit/model';
import type { OwnedRow, ProgramSnapshot } from '../snapshot';
import { sampleMap } from './map';
import { sampleMetrics } from './metrics';
import { samplePlan } from './plan';
import { sampleSessions } from './sessions';
import { sampleClock, type MakeId } from './when';

// The sample program, "Customer-support assistant": a realistic program with records in every
// area, built in code with dates counted from `now` so it never looks stale. The app writes it
// as a .keel.json file and imports it like any other (io/keel-file.ts validates it, new ids,
// one undo), so it is always a new program and never touches existing data.

export const SAMPLE_PROGRAM_NAME = 'Customer-support assistant';

const rows = <T>(list: readonly T[]) => list as unknown as OwnedRow[];

/**
 * Latency p95 broke its guardrail during a vendor outage, which flags what rests on it. The team
 * looked at the model-setup decision and its matrix and kept them (reviewed, with a note); the
 * roadmap items waiting on latency stay flagged, as they should.
 */
function reviewedFlags(planned: ProgramSnapshot, at: number, makeId: MakeId): RevisitReview[] {
  const records = programRecords(planned);
  return revisitFlags(records, [])
    .filter((flag) => flag.target.kind === 'decision' || flag.target.kind === 'matrix')
    .map((flag) => ({
      id: makeId(),
      programId: planned.program.id,
      targetKind: flag.target.kind,
      targetId: flag.target.id,
      causeKind: flag.cause.kind,
      causeId: flag.cause.id,
      causeSince: flag.cause.since,
      note: 'A vendor outage, not the setup: latency is back under 4 s since. The decision stands.',
      by: 'Tomás Rivera',
      at,
    }));
}

export function customerSupportAssistant(now: number, makeId: MakeId): ProgramSnapshot {
  const when = sampleClock(now);
  const program: Program = {
    id: makeId(),
    name: SAMPLE_PROGRAM_NAME,
    description:
      'A sample program: an AI assistant that suggests replies to support agents, then answers customers directly. Explore it freely; it is yours to change or delete.',
    createdAt: when.at(-60, 9),
    updatedAt: now,
    archivedAt: null,
    deletedAt: null,
    staleAfterDays: 30,
  };
  const programId = program.id;
  const metrics = sampleMetrics(programId, when, makeId);
  const map = sampleMap(programId, metrics, when, makeId);
  const plan = samplePlan({ programId, when, makeId }, map, metrics);
  const planned: ProgramSnapshot = {
    program,
    owned: {
      layers: rows(map.layers),
      uncertaintyItems: rows(map.items),
      functions: rows(metrics.functions),
      metrics: rows(metrics.metrics),
      matrices: rows(plan.matrices),
      roadmapItems: rows(plan.roadmapItems),
      decisions: rows(plan.decisions),
      scopeChanges: rows(plan.scopeChanges),
      actions: rows(plan.actions),
      revisitReviews: [],
    },
  };
  planned.owned.revisitReviews = rows(reviewedFlags(planned, when.at(-1, 17), makeId));
  const sessions = sampleSessions(planned, map, plan.actions, when, makeId);
  return {
    program,
    owned: {
      ...planned.owned,
      sessions: rows(sessions.sessions),
      captures: rows(sessions.captures),
      votes: rows(sessions.votes),
      snapshots: rows(sessions.snapshots),
    },
  };
}
