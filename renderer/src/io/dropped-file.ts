// What a file dropped on the window is, decided in one place: the drop handler imports a program
// file, and the seam for a workspace file (every program in one file) is here, by its name.

/** How many files one drop may hold: each becomes a program, so a slip of the mouse stays small. */
export const MAX_DROPPED_FILES = 20;

/** Where a dropped file goes: the program importer, or the workspace reader. */
export type DroppedFileKind = 'program' | 'workspace';

/**
 * What a dropped file is, by its name: a `.keel-workspace.json` is a workspace file; anything
 * else goes to the program importer, whose own sentence refuses what is not a Keel file.
 */
export function droppedFileKind(fileName: string): DroppedFileKind {
  return /\.keel-workspace\.json$/i.test(fileName.trim()) ? 'workspace' : 'program';
}

/** The toast after a drop of several files: how many were imported, and which were not. */
export function droppedSummary(results: readonly { fileName: string; ok: boolean }[]): { message: string; ok: boolean } {
  const imported = results.filter((r) => r.ok).length;
  const refused = results.filter((r) => !r.ok).map((r) => r.fileName);
  if (refused.length === 0) return { message: `Imported all ${results.length} dropped files.`, ok: true };
  const names = refused.length <= 3 ? refused.join(', ') : `${refused.slice(0, 3).join(', ')} and ${refused.length - 3} more`;
  return imported === 0
    ? { message: `None of the ${results.length} dropped files was imported (${names}): each one's reason is above.`, ok: false }
    : { message: `Imported ${imported} of ${results.length} dropped files. Not imported: ${names}.`, ok: false };
}

/** The refusal of a drop that holds too many files. */
export function tooManyDropped(count: number): string {
  return `Drop at most ${MAX_DROPPED_FILES} files at once; that drop held ${count}. Nothing was imported and your programs are unchanged.`;
}
