import { isoDay } from '../dates';
import { sortFunctions } from '../metrics/functions';
import type { Metric, ProgramFunction } from '../metrics/model';
import { andList, namesOf, optionTitles } from '../tradeoffs/labels';
import { checkDecision } from '../tradeoffs/edits';
import { resolveMatrix, type ResolvedMatrix } from '../tradeoffs/matrix';
import type { Decision, Matrix } from '../tradeoffs/model';
import { truncate } from '../words';
import { buildMatrixBasis, type MatrixBasis } from './basis';
import { NO_BASIS_NOTE, newDecision, nextDecisionNumber, reopenedNote } from './edits';
import { CONSIDERED_MAX, DECISION_TITLE_MAX, type DecisionRecord } from './model';

// A trade-off matrix's decision as a record of the log: written when the matrix is decided
// (storage/tradeoffs-repo.ts), and for decisions taken before the log existed by the database
// upgrade and the file migration. The trade-off area loads this (with the rules it re-exports)
// only when a matrix is decided or reopened.

export { newestFirst, nextDecisionNumber, reopenedNote } from './edits';

interface RecordBase {
  id: string;
  programId: string;
  number: number;
}

/** "Which retriever ships? → Hybrid search": the question and the option chosen, within a title's length. */
export function matrixDecisionTitle(question: string, chosen: string): string {
  const tail = ` → ${truncate(chosen, 80, '…')}`;
  return `${truncate(question.trim(), DECISION_TITLE_MAX - tail.length, '…')}${tail}`;
}

/** The record of one matrix decision; `basis` is null when it is no longer known (an earlier Keel's reopened decision). */
export function matrixDecisionRecord(
  matrix: Matrix,
  decision: Decision,
  base: RecordBase,
  basis: MatrixBasis | null,
  criteria: readonly { id: string; name: string }[],
): DecisionRecord {
  const title = optionTitles(matrix.options);
  const criterionName = namesOf(criteria, 'a removed criterion');
  const chosen = title(decision.optionId);
  const reopened = decision.reopened;
  const record = newDecision({
    ...base,
    title: matrixDecisionTitle(matrix.question, chosen),
    date: decision.date,
    now: decision.recordedAt,
  });
  const tradedAway = decision.tradedAway.map(criterionName);
  return {
    ...record,
    status: reopened ? 'superseded' : 'accepted',
    statusNote: reopened ? reopenedNote(isoDay(reopened.at), reopened.reason) : '',
    deciders: decision.deciders,
    context: basis ? matrix.context : NO_BASIS_NOTE,
    options: matrix.options.slice(0, CONSIDERED_MAX).map((o) => ({ title: o.title || 'Untitled option', description: o.description })),
    outcome: `Chosen: ${chosen}.${decision.recommendedId && decision.recommendedId !== decision.optionId ? ` The weighting recommended ${title(decision.recommendedId)}.` : ''}\n\n${decision.rationale}`,
    consequencesBad: tradedAway.length ? `Traded away: ${andList(tradedAway)} (criteria where another option scored better).` : '',
    metricIds: [...new Set(matrix.criteria.map((c) => c.metricId).filter(Boolean))],
    matrixId: matrix.id,
    basis,
  };
}

/** The record of a matrix's standing decision, with its basis read from `resolved` (the matrix as decided). */
export function standingDecisionRecord(
  matrix: Matrix & { decision: Decision },
  resolved: Pick<ResolvedMatrix, 'criteria' | 'analysis'>,
  functions: readonly { id: string; name: string }[],
  base: RecordBase,
): DecisionRecord {
  const basis = buildMatrixBasis(matrix, resolved, functions, matrix.decision);
  const record = matrixDecisionRecord(matrix, matrix.decision, base, basis, resolved.criteria);
  // Linked metrics only while they exist.
  return { ...record, metricIds: resolved.criteria.flatMap((c) => (c.metric ? [c.metric.id] : [])).filter((id, i, all) => all.indexOf(id) === i) };
}

/**
 * Records for the decisions of a program's matrices that have none in the log yet: each reopened
 * decision superseded (without its basis, which an earlier Keel did not keep), each standing one
 * accepted with its basis computed from the matrix as it stands (a decided matrix is locked, so it
 * is what the decision was made on). Numbered after `existing` in the order they were recorded,
 * chained oldest to newest per matrix. Matrices the log already names are left alone.
 */
export function missingMatrixRecords(
  programId: string,
  matrices: readonly Matrix[],
  metrics: readonly Metric[],
  functions: readonly ProgramFunction[],
  existing: readonly Pick<DecisionRecord, 'number' | 'matrixId'>[],
  newId: () => string,
): DecisionRecord[] {
  const named = new Set(existing.map((r) => r.matrixId).filter(Boolean));
  const metricsById = new Map(metrics.map((m) => [m.id, m]));
  const ordered = sortFunctions(functions);
  const pending = matrices
    .filter((m) => !named.has(m.id))
    .flatMap((m) => [...m.pastDecisions, ...(m.decision ? [m.decision] : [])].map((decision) => ({ matrix: m, decision })))
    // A decision the matrix's rules refuse (from a hand-edited file) gets no record: validation says what is wrong with it.
    .filter(({ decision }) => checkDecision(decision).ok)
    .sort((a, b) => a.decision.recordedAt - b.decision.recordedAt);
  let number = nextDecisionNumber(existing);
  const records = pending.map(({ matrix, decision }) => {
    const base = { id: newId(), programId, number: number++ };
    if (decision.reopened || matrix.decision !== decision) {
      const record = matrixDecisionRecord(matrix, decision, base, null, matrix.criteria);
      return { ...record, metricIds: record.metricIds.filter((id) => metricsById.has(id)) };
    }
    const resolved = resolveMatrix(matrix, metricsById, ordered);
    return standingDecisionRecord({ ...matrix, decision }, resolved, ordered, base);
  });
  // Each matrix's records, oldest first, supersede one another.
  const last = new Map<string, DecisionRecord>();
  for (const record of records) {
    const before = last.get(record.matrixId);
    if (before) {
      before.supersededBy = record.id;
      record.supersedes = before.id;
    }
    last.set(record.matrixId, record);
  }
  return records;
}
