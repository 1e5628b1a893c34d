// The rules of a drop of files on the window: how many one drop may hold, and what the toast says
// after several. Each file is imported as Import… imports it (a program or a workspace file).

/** How many files one drop may hold: each becomes a program, so a slip of the mouse stays small. */
export const MAX_DROPPED_FILES = 20;

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
