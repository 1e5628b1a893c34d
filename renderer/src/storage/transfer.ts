import { newId } from '../domain/ids';
import { asNewProgram, type Program } from '../domain/program';
import { reidentify, type ProgramSnapshot } from '../domain/snapshot';
import type { Editor } from './editor';
import { insertSnapshot, readSnapshot, readSnapshots } from './snapshots';

/** What a workspace file holds: every program but those in the trash, which are on their way out. */
export function snapshotsForWorkspace(editor: Editor): Promise<ProgramSnapshot[]> {
  return readSnapshots(editor.db, (program) => program.deletedAt === null);
}

/** What a backup holds: every program, the trash too, so a program deleted by mistake can come back. */
export function snapshotsForBackup(editor: Editor): Promise<ProgramSnapshot[]> {
  return readSnapshots(editor.db, () => true);
}

/** Reads what an export of this program contains. */
export function snapshotForExport(editor: Editor, programId: string): Promise<ProgramSnapshot | undefined> {
  return readSnapshot(editor.db, programId);
}

/**
 * Stores an imported snapshot as a new program with fresh ids, in one transaction: either all of
 * it is written or nothing is. Undo removes the imported copy.
 */
export async function importSnapshot(editor: Editor, snapshot: ProgramSnapshot): Promise<Program> {
  const [program] = await importSnapshots(editor, [snapshot], `Import "${snapshot.program.name}"`);
  return program!;
}

/**
 * Stores several programs (a workspace file, a backup) as new copies in one edit: all or none,
 * and one undo removes them all. Names are made unique against what is stored and each other.
 */
export function importSnapshots(editor: Editor, snapshots: readonly ProgramSnapshot[], label: string): Promise<Program[]> {
  return editor.edit(label, async (tx) => {
    const names = (await editor.db.programs.toArray()).map((p) => p.name);
    const programs: Program[] = [];
    for (const snapshot of snapshots) {
      const copy = reidentify(snapshot, newId);
      copy.program = asNewProgram(copy.program, names);
      names.push(copy.program.name);
      await insertSnapshot(tx, copy);
      programs.push(copy.program);
    }
    return programs;
  });
}
