import { programRecords, type ProgramRecords } from '../domain/program-records';
import { snapshotForExport } from '../storage/transfer';
import type { Result } from './result';
import type { Services } from './services';
import { toasts } from './toasts.svelte';
import { Writes } from './writes';

/**
 * Reads one program and everything it owns in one consistent read, typed per table: what every
 * exporter (report, Markdown, CSV, OpenSLO) starts from. A failure is a toast and a Result.
 */
export async function readProgramRecords(services: Services, programId: string, what: string): Promise<Result<ProgramRecords>> {
  const snapshot = await new Writes(services.editor).read(() => snapshotForExport(services.editor, programId), what);
  if (!snapshot.ok) return snapshot;
  if (!snapshot.value) {
    const message = 'That program no longer exists.';
    toasts.show(message, 'error');
    return { ok: false, message };
  }
  return { ok: true, value: programRecords(snapshot.value) };
}
