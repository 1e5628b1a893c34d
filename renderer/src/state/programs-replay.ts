import { ProgramRepository } from '../storage/programs-repo';
import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in a program's fields not yet stored (see pending-edits.ts) goes in on the next start
// or a retry, only if nobody changed the text since.

export const PROGRAM_DESCRIPTION = 'program-description';

export function programReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = new ProgramRepository(services.editor);
  return {
    [PROGRAM_DESCRIPTION]: async (edit) =>
      writeIfUnchanged((await repo.get(edit.id))?.description, edit, () => repo.setDescription(edit.id, textOf(edit))),
  };
}
