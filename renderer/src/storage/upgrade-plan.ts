import { Dexie, type Transaction } from 'dexie';
import type { DecisionRecord } from '../domain/decisions/model';
import { newId } from '../domain/ids';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Matrix } from '../domain/tradeoffs/model';

/**
 * Database version 5: the plan's tables start empty, but the decision log starts with every
 * decision the matrices took: the standing one accepted, with its basis computed from the matrix
 * as it stands (a decided matrix is locked, so that is what it was decided on), and each reopened
 * one superseded, without a basis (an earlier Keel did not keep it). Only what is missing is added.
 */
export async function upgradeToPlan(tx: Transaction): Promise<void> {
  const matrices = ((await tx.table('matrices').toArray()) as Matrix[]).filter((m) => m.decision || m.pastDecisions.length);
  if (matrices.length === 0) return;
  // The analysis that computes a basis loads only for a database that has decisions to move:
  // it stays out of the start-up bundle. waitFor keeps the upgrade's transaction alive meanwhile.
  const { missingMatrixRecords } = await Dexie.waitFor(import('../domain/decisions/from-matrix'));
  const programIds = [...new Set(matrices.map((m) => m.programId))];
  for (const programId of programIds) {
    const where = { programId };
    const metrics = (await tx.table('metrics').where(where).toArray()) as Metric[];
    const functions = (await tx.table('functions').where(where).toArray()) as ProgramFunction[];
    const existing = (await tx.table('decisions').where(where).toArray()) as DecisionRecord[];
    const own = matrices.filter((m) => m.programId === programId);
    const records = missingMatrixRecords(programId, own, metrics, functions, existing, newId);
    if (records.length) await tx.table('decisions').bulkAdd(records);
  }
}
