import fc from 'fast-check';
import { ACTION_STATUSES } from '../../../renderer/src/domain/actions/model';
import { DECISION_STATUSES } from '../../../renderer/src/domain/decisions/model';
import { CONFIDENCE_LEVELS, HORIZONS, ROADMAP_STATUSES } from '../../../renderer/src/domain/roadmap/model';
import { SCOPE_DECISIONS } from '../../../renderer/src/domain/scope/model';
import { checkBlockTitle, checkSessionTitle } from '../../../renderer/src/domain/sessions/edits';
import {
  BLOCK_METHODS,
  CAPTURE_KINDS,
  FACILITATOR_VOTER,
  VOTE_REVEALS,
  VOTE_TARGETS,
  type AgendaBlock,
  type Ballot,
  type Capture,
  type Dots,
  type Session,
  type VoteRound,
} from '../../../renderer/src/domain/sessions/model';
import type { ProgramState, SessionSnapshot } from '../../../renderer/src/domain/sessions/snapshot';
import type { OwnedRow } from '../../../renderer/src/domain/snapshot';
import { SUBMISSION_KINDS } from '../../../electron/room/protocol';
import type { Submission } from '../../../renderer/src/domain/room/model';
import { day, line, score, text, time } from './primitives';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../renderer/src/domain/uncertainty/model';

// Planning sessions for the round-trip properties: sessions in every state with agendas whose
// timers ran, captures, voting rounds of both modes (secret ballots name nobody) and the
// snapshots the sessions kept, every reference pointing where the file's checks require.

const someText = (max: number) => text(max).filter((t) => t.length > 0);
const someOf = <T>(list: readonly T[], maxLength = 3) => (list.length ? fc.uniqueArray(fc.constantFrom(...list), { maxLength }) : fc.constant([] as T[]));
const oneOrNone = (ids: readonly string[]) => (ids.length ? fc.oneof(fc.constant(''), fc.constantFrom(...ids)) : fc.constant(''));
const distinctTimes = (n: number) => fc.uniqueArray(time, { minLength: n, maxLength: n });

export interface ProgramIds {
  layer: readonly string[];
  function: readonly string[];
  uncertainty: readonly string[];
  metric: readonly string[];
  matrix: readonly string[];
  roadmapItem: readonly string[];
  decision: readonly string[];
  scope: readonly string[];
  action: readonly string[];
}

const moment = fc.option(time, { nil: null });

function blockArb(matrixIds: readonly string[]): fc.Arbitrary<AgendaBlock> {
  return fc
    .record({
      id: fc.uuid(),
      title: line(checkBlockTitle, 60),
      plannedMinutes: fc.integer({ min: 1, max: 1440 }),
      method: fc.constantFrom(...BLOCK_METHODS),
      matrix: oneOrNone(matrixIds),
      outputs: text(60),
      notes: text(60),
      startedAt: moment,
      pausedAt: moment,
      pausedMs: fc.integer({ min: 0, max: 10_000_000 }),
      extraMinutes: fc.integer({ min: 0, max: 60 }),
      endedAt: moment,
      outcome: fc.constantFrom('done' as const, 'skipped' as const, null),
      carriedFrom: fc.option(fc.record({ sessionId: fc.uuid(), blockId: fc.uuid() }), { nil: null }),
    })
    .map(({ matrix, ...block }) => ({ ...block, matrixId: block.method === 'tradeoff' ? matrix : '' }));
}

function stateArb(ids: ProgramIds): fc.Arbitrary<ProgramState> {
  // A kept state names the program's records, and some since deleted (fresh ids).
  const idOf = (existing: readonly string[]) => (existing.length ? fc.oneof(fc.uuid(), fc.constantFrom(...existing)) : fc.uuid());
  const rows = <T>(row: fc.Arbitrary<T & { id: string }>) => fc.uniqueArray(row, { maxLength: 3, selector: (r) => r.id });
  return fc.record({
    layers: rows(fc.record({ id: idOf(ids.layer), name: text(30) })),
    functions: rows(fc.record({ id: idOf(ids.function), name: text(30) })),
    uncertainty: rows(
      fc.record({
        id: idOf(ids.uncertainty),
        title: text(40),
        layerId: idOf(ids.layer),
        kind: fc.constantFrom(...ITEM_KINDS),
        impact: score,
        uncertainty: score,
        status: fc.constantFrom(...ITEM_STATUSES),
        evidence: fc.nat(20),
        lastEvidence: text(40),
      }),
    ),
    metrics: rows(
      fc.record({
        id: idOf(ids.metric),
        name: text(40),
        version: fc.integer({ min: 1, max: 20 }),
        agreed: someOf(ids.function),
        breached: fc.boolean(),
        latestDate: fc.oneof(fc.constant(''), day),
        latestValue: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
      }),
    ),
    matrices: rows(fc.record({ id: idOf(ids.matrix), question: text(40), decided: text(20), reopened: fc.nat(5) })),
    roadmap: rows(
      fc.record({
        id: idOf(ids.roadmapItem),
        title: text(40),
        horizon: fc.constantFrom(...HORIZONS),
        earliest: fc.oneof(fc.constant(''), day),
        latest: fc.oneof(fc.constant(''), day),
        confidence: fc.oneof(fc.constantFrom(...CONFIDENCE_LEVELS), fc.integer({ min: 0, max: 100 })),
        status: fc.constantFrom(...ROADMAP_STATUSES),
      }),
    ),
    decisions: rows(fc.record({ id: idOf(ids.decision), number: fc.integer({ min: 1, max: 999 }), title: text(40), status: fc.constantFrom(...DECISION_STATUSES) })),
    scope: rows(fc.record({ id: idOf(ids.scope), title: text(40), decision: fc.constantFrom(...SCOPE_DECISIONS) })),
    actions: rows(
      fc.record({ id: idOf(ids.action), title: text(40), status: fc.constantFrom(...ACTION_STATUSES), owner: text(20), due: fc.oneof(fc.constant(''), day) }),
    ),
  });
}

/** A session with its snapshots, captures and voting rounds. */
function sessionWithParts(programId: string, ids: ProgramIds, createdAt: number): fc.Arbitrary<Record<string, OwnedRow[]>> {
  return fc
    .record({
      id: fc.uuid(),
      title: line(checkSessionTitle, 60),
      date: fc.oneof(fc.constant(''), day),
      plannedMinutes: fc.integer({ min: 1, max: 600 }),
      place: text(30),
      facilitator: text(30),
      participants: fc.uniqueArray(fc.record({ id: fc.uuid(), name: someText(30), function: text(20) }), { maxLength: 4, selector: (p) => p.id }),
      goals: text(60),
      blocks: fc.uniqueArray(blockArb(ids.matrix), { maxLength: 4, selector: (b) => b.id }),
      status: fc.constantFrom('planned' as const, 'running' as const, 'closed' as const),
      startedAt: time,
      endedAt: time,
      template: text(20),
      updatedAt: time,
      snapshotIds: fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 2 }),
      keep: fc.constantFrom('none', 'start', 'both'),
      current: fc.nat(),
    })
    .chain((raw) => {
      const { snapshotIds, keep, current, ...rest } = raw;
      const running = rest.status === 'running';
      const session: Session = {
        ...rest,
        programId,
        startedAt: rest.status === 'planned' ? null : rest.startedAt,
        endedAt: rest.status === 'closed' ? rest.endedAt : null,
        currentBlockId: running && rest.blocks.length && current % 2 ? rest.blocks[current % rest.blocks.length]!.id : '',
        startSnapshotId: rest.status !== 'planned' && keep !== 'none' ? snapshotIds[0]! : '',
        endSnapshotId: rest.status === 'closed' && keep === 'both' ? snapshotIds[1]! : '',
        createdAt,
      };
      const kept = [session.startSnapshotId, session.endSnapshotId].filter(Boolean);
      const blockIds = session.blocks.map((b) => b.id);
      const people = session.participants.map((p) => p.id);
      const snapshot = (id: string, i: number): fc.Arbitrary<SessionSnapshot> =>
        fc.record({ at: time, state: stateArb(ids) }).map(({ at, state }) => ({ id, programId, sessionId: session.id, moment: i === 0 ? 'start' : 'end', at, state }));
      const capture: fc.Arbitrary<Capture> = fc
        .record({ id: fc.uuid(), blockId: oneOrNone(blockIds), kind: fc.constantFrom(...CAPTURE_KINDS), record: fc.uuid(), text: someText(60), done: fc.boolean(), at: time })
        .map(({ record, ...c }) => ({ ...c, programId, sessionId: session.id, recordId: c.kind === 'note' || c.kind === 'parking' ? '' : record }));
      const round: fc.Arbitrary<VoteRound> = fc
        .record({
          id: fc.uuid(),
          blockId: oneOrNone(blockIds),
          title: someText(60),
          target: fc.constantFrom(...VOTE_TARGETS),
          matrixId: oneOrNone(ids.matrix),
          candidates: fc.uniqueArray(fc.record({ id: fc.oneof(fc.uuid(), ...(ids.uncertainty.length ? [fc.constantFrom(...ids.uncertainty)] : [])), label: text(40) }), {
            minLength: 1,
            maxLength: 4,
            selector: (c) => c.id,
          }),
          mode: fc.constantFrom('ballots' as const, 'tally' as const),
          dotsPerVoter: fc.integer({ min: 1, max: 10 }),
          secret: fc.boolean(),
          reveal: fc.constantFrom(...VOTE_REVEALS),
          voterIds: someOf([...people, FACILITATOR_VOTER], 5),
          revealedAt: moment,
          applied: fc.option(fc.record({ at: time, how: someText(40) }), { nil: null }),
          createdAt: time,
          updatedAt: time,
          seed: fc.nat(),
        })
        .chain(({ seed, ...r }) => {
          const maxPerCandidate = 1 + (seed % r.dotsPerVoter);
          const dots = fc.constantFrom(...r.candidates).chain((c) => fc.integer({ min: 1, max: maxPerCandidate }).map((n) => [{ candidateId: c.id, dots: n }]));
          return fc.record({ voted: someOf(r.voterIds, 5), tallies: r.voterIds.length ? fc.oneof(fc.constant([] as Dots[]), dots) : fc.constant([] as Dots[]) }).chain(({ voted, tallies }) =>
            fc.tuple(...voted.map(() => dots)).map((ballotDots) => {
              const ballotsMode = r.mode === 'ballots';
              const ballots: Ballot[] = ballotsMode ? voted.map((voterId, i) => ({ voterId: r.secret ? '' : voterId, dots: ballotDots[i]! })) : [];
              return {
                ...r,
                programId,
                sessionId: session.id,
                matrixId: r.target === 'option' ? r.matrixId : '',
                maxPerCandidate,
                // A result is applied only once revealed.
                applied: r.revealedAt === null ? null : r.applied,
                voted: ballotsMode ? voted : [],
                ballots,
                tallies: ballotsMode ? [] : tallies,
              };
            }),
          );
        });
      // What participants submitted: pending, declined, or accepted into one of the session's captures.
      const submissionsOf = (captures: readonly Capture[]): fc.Arbitrary<Submission[]> =>
        fc
          .uniqueArray(
            fc.record({
              id: fc.uuid(),
              blockId: oneOrNone(blockIds),
              participantId: people.length ? fc.constantFrom(...people) : fc.uuid(),
              author: someText(30),
              function: text(20),
              kind: fc.constantFrom(...SUBMISSION_KINDS),
              text: someText(60),
              clientId: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
              status: fc.constantFrom(...(captures.length ? (['pending', 'accepted', 'declined'] as const) : (['pending', 'declined'] as const))),
              capture: captures.length ? fc.constantFrom(...captures.map((c) => c.id)) : fc.constant(''),
              at: time,
              decidedAt: time,
            }),
            { maxLength: 3, selector: (s) => `${s.id} ${s.participantId} ${s.clientId}` },
          )
          .map((list) =>
            list
              .filter((s, i) => list.findIndex((o) => o.id === s.id || (o.participantId === s.participantId && o.clientId === s.clientId)) === i)
              .map(({ capture, ...s }) => ({
                ...s,
                programId,
                sessionId: session.id,
                captureId: s.status === 'accepted' ? capture : '',
                decidedAt: s.status === 'pending' ? null : s.decidedAt,
              })),
          );
      return fc
        .record({
          snapshots: fc.tuple(...kept.map((id) => snapshot(id, id === session.startSnapshotId ? 0 : 1))),
          captures: fc.uniqueArray(capture, { maxLength: 3, selector: (c) => c.id }),
          votes: fc.uniqueArray(round, { maxLength: 2, selector: (r) => r.id }),
        })
        .chain((parts) => submissionsOf(parts.captures).map((submissions) => ({ ...parts, submissions })))
        .map((parts) => ({
          sessions: [session] as unknown as OwnedRow[],
          snapshots: parts.snapshots as unknown as OwnedRow[],
          captures: parts.captures as unknown as OwnedRow[],
          votes: parts.votes as unknown as OwnedRow[],
          submissions: parts.submissions as unknown as OwnedRow[],
        }));
    });
}

/** A program's sessions and what they hold, naming the program's records given in `ids`. */
export function sessionsArb(programId: string, ids: ProgramIds): fc.Arbitrary<Record<string, OwnedRow[]>> {
  return fc.integer({ min: 0, max: 3 }).chain((n) =>
    distinctTimes(n).chain((times) =>
      fc.tuple(...times.map((t) => sessionWithParts(programId, ids, t))).map((parts) => ({
        sessions: parts.flatMap((p) => p.sessions!),
        snapshots: parts.flatMap((p) => p.snapshots!),
        captures: parts.flatMap((p) => p.captures!),
        votes: parts.flatMap((p) => p.votes!),
        submissions: parts.flatMap((p) => p.submissions!),
      })),
    ),
  );
}
