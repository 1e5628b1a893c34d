import type { Program } from '../domain/program';
import type { ProgramsState } from './programs.svelte';
import { PART_NOT_LOADED, type Result } from './result';
import { toasts } from './toasts.svelte';

/**
 * Creates the sample program "Customer-support assistant" as a new program, only when the user
 * asks (Help menu, palette, the empty home screen, the guide); never over existing data (see
 * state/sample-import.ts, loaded only now so start-up does not carry the sample).
 */
export async function createSampleProgram(programs: ProgramsState): Promise<Result<Program[]>> {
  let sample: typeof import('./sample-import');
  try {
    sample = await import('./sample-import');
  } catch {
    toasts.show(PART_NOT_LOADED, 'error');
    return { ok: false, message: PART_NOT_LOADED };
  }
  return sample.importSample(programs);
}
