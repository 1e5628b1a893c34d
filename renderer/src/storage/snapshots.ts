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

/** Writes a snapshot's rows as new rows inside an edit. */
export async function insertSnapshot(tx: EditTransaction, snapshot: ProgramSnapshot): Promise<void> {
  await tx.insert('programs', [snapshot.program]);
  for (const [table, rows] of Object.entries(snapshot.owned)) await tx.insert(table, rows);
}
