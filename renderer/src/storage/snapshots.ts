import type { Program } from '../domain/program';
import type { ProgramSnapshot, OwnedRow } from '../domain/snapshot';
import { PROGRAM_OWNED_TABLES, type KeelDB } from './db';
import type { EditTransaction } from './editor';

/** Reads one program and all it owns in a single consistent read transaction. */
export function readSnapshot(db: KeelDB, programId: string): Promise<ProgramSnapshot | undefined> {
  return db.transaction('r', db.tables, async () => {
    const program = await db.programs.get(programId);
    if (!program) return undefined;
    const owned: Record<string, OwnedRow[]> = {};
    for (const table of PROGRAM_OWNED_TABLES) {
      owned[table] = (await db.table(table).where('programId').equals(programId).toArray()) as OwnedRow[];
    }
    return { program, owned };
  });
}

/**
 * Reads every program that `keep` accepts and all it owns, in one consistent read transaction:
 * a workspace file or a backup never mixes states from before and after an edit.
 */
export function readSnapshots(db: KeelDB, keep: (program: Program) => boolean): Promise<ProgramSnapshot[]> {
  return db.transaction('r', db.tables, async () => {
    const programs = (await db.programs.toArray()).filter(keep);
    const snapshots: ProgramSnapshot[] = [];
    for (const program of programs) {
      const owned: Record<string, OwnedRow[]> = {};
      for (const table of PROGRAM_OWNED_TABLES) {
        owned[table] = (await db.table(table).where('programId').equals(program.id).toArray()) as OwnedRow[];
      }
      snapshots.push({ program, owned });
    }
    return snapshots;
  });
}

/** Writes a snapshot's rows as new rows inside an edit. */
export async function insertSnapshot(tx: EditTransaction, snapshot: ProgramSnapshot): Promise<void> {
  await tx.insert('programs', [snapshot.program]);
  for (const [table, rows] of Object.entries(snapshot.owned)) await tx.insert(table, rows);
}
