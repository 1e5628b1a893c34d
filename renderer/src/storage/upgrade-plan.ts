import type { Transaction } from 'dexie';
import { missingMatrixRecords } from '../domain/decisions/from-matrix';
import type { DecisionRecord } from '../domain/decisions/model';
import { newId } from '../domain/ids';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Program } from '../domain/program';
import type { Matrix } from '../domain/tradeoffs/model';

/**
 * Database version 5: the plan's tables start empty, but the decision log starts with every
 * decision the matrices took: the standing one accepted, with its basis computed from the matrix
 * as it stands (a decided matrix is locked, so that is what it was decided on), and each reopened
 * one superseded, without a basis (an earlier Keel did not keep it). Only what is missing is added.
 */
export async function upgradeToPlan(tx: Transaction): Promise<void> {
  const programs = (await tx.table('programs').toArray()) as Program[];
  for (const program of programs) {
    const where = { programId: program.id };
    const matrices = (await tx.table('matrices').where(where).toArray()) as Matrix[];
    if (!matrices.some((m) => m.decision || m.pastDecisions.length)) continue;
    const metrics = (await tx.table('metrics').where(where).toArray()) as Metric[];
    const functions = (await tx.table('functions').where(where).toArray()) as ProgramFunction[];
    const existing = (await tx.table('decisions').where(where).toArray()) as DecisionRecord[];
    const records = missingMatrixRecords(program.id, matrices, metrics, functions, existing, newId);
    if (records.length) await tx.table('decisions').bulkAdd(records);
  }
}
