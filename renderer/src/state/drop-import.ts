import { droppedSummary, MAX_DROPPED_FILES, tooManyDropped } from '../io/dropped-file';
import { readChosenFile } from '../platform/files';
import type { ProgramsState } from './programs.svelte';
import type { Result } from './result';
import { toasts } from './toasts.svelte';

/**
 * Imports the files dropped on the window, one after another, each the way Import… takes a
 * chosen file (the size limit, the encodings, the importer's own sentences and toasts). Several
 * files end with a toast of how many were imported; a drop of too many imports none.
 */
export async function importDroppedFiles(programs: ProgramsState, files: readonly File[]): Promise<Result<number>> {
  if (files.length > MAX_DROPPED_FILES) {
    const message = tooManyDropped(files.length);
    toasts.show(message, 'error');
    return { ok: false, message };
  }
  const results: { fileName: string; ok: boolean }[] = [];
  for (const file of files) {
    const imported = await importDroppedFile(programs, file);
    results.push({ fileName: file.name, ok: imported.ok });
  }
  if (files.length === 1) return results[0]?.ok ? { ok: true, value: 1 } : { ok: false, message: `${files[0]?.name} was not imported.` };
  const summary = droppedSummary(results);
  toasts.show(summary.message, summary.ok ? 'success' : 'error');
  return summary.ok ? { ok: true, value: results.length } : { ok: false, message: summary.message };
}

/** A program file or a workspace file: ProgramsState tells them apart, as Import… does. */
async function importDroppedFile(programs: ProgramsState, file: File): Promise<Result<unknown>> {
  const opened = await readChosenFile(file);
  // Reading a dropped file is never cancelled (only the file picker is).
  return opened.status === 'cancelled' ? { ok: false, message: '' } : programs.importOpened(opened);
}
