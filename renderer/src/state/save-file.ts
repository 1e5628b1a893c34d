import type { FileKind } from '../../../electron/ipc-contract';
import { saveFile } from '../platform/files';
import type { Result } from './result';
import { toasts } from './toasts.svelte';

/**
 * Saves a file where the user chooses and says how it went: `done` names what was saved
 * ("Exported … to plan.keel.json."), a failure gets its sentence. Undefined when the user cancelled.
 */
export async function saveWithReport(
  kind: FileKind,
  suggestedName: string,
  data: string | Uint8Array,
  done: (fileName: string) => string,
): Promise<Result<string> | undefined> {
  const saved = await saveFile(kind, suggestedName, data);
  if (saved.status === 'failed') {
    toasts.show(saved.message, 'error');
    return { ok: false, message: saved.message };
  }
  if (saved.status !== 'saved') return undefined;
  toasts.show(done(saved.fileName), 'success');
  return { ok: true, value: saved.fileName };
}
