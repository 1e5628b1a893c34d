import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import { customerSupportAssistant, SAMPLE_PROGRAM_NAME } from '../domain/sample/customer-support-assistant';
import { serializeProgram } from '../io/keel-file';
import type { ProgramsState } from './programs.svelte';
import type { Result } from './result';
import { rememberSample } from './guide-visibility.svelte';

/**
 * The sample program written as a .keel.json file and imported like any other, so it is
 * validated, gets new ids and a free name, never touches what is there, opens once made, and
 * one Undo removes it. Loaded by state/sample-program.ts only when the user asks for it.
 */
export async function importSample(programs: ProgramsState): Promise<Result<Program[]>> {
  const now = Date.now();
  const sampleName = SAMPLE_PROGRAM_NAME;
  const text = serializeProgram(customerSupportAssistant(now, newId), __APP_VERSION__, new Date(now));
  const made = await programs.importText(text, 'the sample program', (program) =>
    program.name === sampleName
      ? `Created the sample program "${program.name}".`
      : `Created the sample program as "${program.name}": you already have a "${sampleName}", and it is unchanged.`,
  );
  if (made.ok) for (const program of made.value) rememberSample(program.id);
  return made;
}
