import { ProgramRepository } from '../storage/programs-repo';
import type { Services } from './services';
import type { ReplayHandler } from './unsaved-journal';

// Typing in a program's fields parked when the window closed (see unsaved-journal.ts) goes in on
// the next start, only if nobody changed the text since.

export const PROGRAM_DESCRIPTION = 'program-description';

export function programReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = new ProgramRepository(services.editor);
  return {
    [PROGRAM_DESCRIPTION]: async (edit) => {
      const program = await repo.get(edit.id);
      if (program && program.description === edit.base) await repo.setDescription(edit.id, edit.value);
    },
  };
}
