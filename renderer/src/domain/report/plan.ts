import { overdueDays } from '../actions/edits';
import { byDueDate } from '../actions/list';
import type { Action } from '../actions/model';
import { isoDay } from '../dates';
import type { DecisionRecord } from '../decisions/model';
import { sortFunctions } from '../metrics/functions';
import { linkLabel, LINK_TABLES, type LinkKind } from '../links';
import { oldestFirst } from '../order';
import type { ProgramRecords } from '../program-records';
import { boardColumns } from '../roadmap/board';
import { HORIZON_LABELS, HORIZONS, type Horizon, type RoadmapItem } from '../roadmap/model';
import { lastClosedSession, sessionLabel } from '../sessions/carry';
import { diffStates, type Change } from '../sessions/diff';
import type { Session } from '../sessions/model';
import { programState, type ProgramState } from '../sessions/snapshot';
import { summarize, type SessionSummary } from '../sessions/summary';
import type { OwnedRow } from '../snapshot';
import { resolveMatrix, type ResolvedMatrix } from '../tradeoffs/matrix';
import type { Matrix } from '../tradeoffs/model';

// What the plan's and a session's report sections read, worked out from the program's records
// with the same domain rules the app's own views use, so every number printed is the one shown.

/** A linked record's name as links show it ("ADR-0002 Hybrid search"), or undefined when it is gone. */
export function recordLabels(records: ProgramRecords): (kind: LinkKind, id: string) => string | undefined {
  const byKind = new Map<LinkKind, Map<string, string>>();
  return (kind, id) => {
    let labels = byKind.get(kind);
    if (!labels) {
      const rows = records[LINK_TABLES[kind] as keyof Omit<ProgramRecords, 'program'>] as unknown as ({ id: string } & Record<string, unknown>)[];
      labels = new Map(rows.map((row) => [row.id, linkLabel(kind, row)]));
      byKind.set(kind, labels);
    }
    return labels.get(id);
  };
}

/** The names of the linked records that still exist, in the order linked. */
export function linkedLabels(records: ProgramRecords, kind: LinkKind, ids: readonly string[]): string[] {
  const label = recordLabels(records);
  return ids.flatMap((id) => label(kind, id) ?? []);
}

export interface MatrixReport {
  matrix: Matrix;
  /** The analysis the matrix's results panel shows (rankings, vetoes, sensitivity). */
  resolved: ResolvedMatrix;
  /** The decision log's record of the standing decision, with its frozen basis, when there is one. */
  record: DecisionRecord | undefined;
}

/** Every matrix, oldest first (as the trade-offs list shows them), analysed as its page does. */
export function matrixReports(records: ProgramRecords): MatrixReport[] {
  const metricsById = new Map(records.metrics.map((m) => [m.id, m]));
  const functions = sortFunctions(records.functions);
  return oldestFirst(records.matrices).map((matrix) => ({
    matrix,
    resolved: resolveMatrix(matrix, metricsById, functions),
    // The log's record of a matrix decision was made in the same edit: it carries the decision's moment.
    record: matrix.decision ? records.decisions.find((r) => r.matrixId === matrix.id && r.createdAt === matrix.decision!.recordedAt) : undefined,
  }));
}

/** The decision log in its own order: by number, as the records were numbered. */
export function decisionLog(records: ProgramRecords): DecisionRecord[] {
  return [...records.decisions].sort((a, b) => a.number - b.number);
}

/** The roadmap's horizons in order, each with its items in the board's order (empty horizons too). */
export function roadmapByHorizon(records: ProgramRecords): { horizon: Horizon; label: string; items: RoadmapItem[] }[] {
  const columns = boardColumns(records.roadmapItems);
  return HORIZONS.map((horizon) => ({ horizon, label: HORIZON_LABELS[horizon], items: columns[horizon] }));
}

/** Actions still asking for work (open or in progress), soonest due first, each with the days it is overdue on the report's day. */
export function openActions(records: ProgramRecords, generatedAt: number): { action: Action; overdue: number }[] {
  const today = isoDay(generatedAt);
  return records.actions
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .sort(byDueDate)
    .map((action) => ({ action, overdue: overdueDays(action, today) }));
}

/** The program as it is in the records, as a session's snapshot keeps it. */
export function stateNow(records: ProgramRecords): ProgramState {
  const { program, ...owned } = records;
  return programState({ program, owned: owned as unknown as Record<string, OwnedRow[]> });
}

function keptState(records: ProgramRecords, snapshotId: string): ProgramState | undefined {
  return snapshotId ? records.snapshots.find((s) => s.id === snapshotId)?.state : undefined;
}

/** A session's summary as its review shows it: the agenda held, captures, votes, and what changed while it ran. */
export function sessionSummary(records: ProgramRecords, session: Session): { summary: SessionSummary; heldMissing: boolean } {
  const start = keptState(records, session.startSnapshotId);
  const end = keptState(records, session.endSnapshotId);
  const changes = start && end ? diffStates(start, end) : [];
  const titleOf = (id: string) => records.sessions.find((s) => s.id === id)?.title;
  const captures = oldestFirstBy(records.captures.filter((c) => c.sessionId === session.id), (c) => c.at);
  const votes = oldestFirst(records.votes.filter((v) => v.sessionId === session.id));
  return { summary: summarize(session, captures, votes, changes, titleOf), heldMissing: session.status === 'closed' && (!start || !end) };
}

function oldestFirstBy<T extends { id: string }>(rows: readonly T[], at: (row: T) => number): T[] {
  return [...rows].sort((a, b) => at(a) - at(b) || a.id.localeCompare(b.id));
}

export type SinceLast =
  | { kind: 'no-earlier' }
  | { kind: 'missing'; last: Session }
  | { kind: 'changes'; last: Session; lastLabel: string; until: 'end' | 'now'; changes: Change[] };

/**
 * What changed from the close of the last session closed before `session` to `session`'s own
 * close, or to now while it is still planned or running (the since-last view's rule, carry.ts).
 */
export function sinceLast(records: ProgramRecords, session: Session): SinceLast {
  const last = lastClosedSession(records.sessions, session);
  if (!last) return { kind: 'no-earlier' };
  const before = keptState(records, last.endSnapshotId);
  const until = session.status === 'closed' ? 'end' : 'now';
  const after = until === 'end' ? keptState(records, session.endSnapshotId) : stateNow(records);
  if (!before || !after) return { kind: 'missing', last };
  return { kind: 'changes', last, lastLabel: sessionLabel(last), until, changes: diffStates(before, after) };
}
