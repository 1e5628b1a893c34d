import { newId } from '../domain/ids';
import { asNewProgram, type Program } from '../domain/program';
import { reidentify, type ProgramSnapshot } from '../domain/snapshot';
import type { Editor } from './editor';
import { insertSnapshot, readSnapshot } from './snapshots';

/** Reads what an export of this program contains. */
export function snapshotForExport(editor: Editor, programId: string): Promise<ProgramSnapshot | undefined> {
  return readSnapshot(editor.db, programId);
}

/**
 * Stores an imported snapshot as a new program with fresh ids, in one transaction: either all of
 * it is written or nothing is. Undo removes the imported copy.
 */
export async function importSnapshot(editor: Editor, snapshot: ProgramSnapshot): Promise<Program> {
  return editor.edit(`Import "${snapshot.program.name}"`, async (tx) => {
    const names = (await editor.db.programs.toArray()).map((p) => p.name);
    const copy = reidentify(snapshot, newId);
    copy.program = asNewProgram(copy.program, names);
    await insertSnapshot(tx, copy);
    return copy.program;
  });
}
