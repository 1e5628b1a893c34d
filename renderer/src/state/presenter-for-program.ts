// "Presenter window" from the menu or the palette: the running session's presenter, else the
// next planned session's, else a toast that says to plan one. Loaded by state/presenter-command.ts.
import { presenterSession } from '../domain/sessions/list';
import { SessionsRepository } from '../storage/sessions-repo';
import { openPresenter } from './presenter-link.svelte';
import type { Services } from './services';
import { toasts } from './toasts.svelte';
import { Writes } from './writes';

export async function openProgramPresenter(programId: string, services: Services): Promise<boolean> {
  const read = await new Writes(services.editor).read(() => new SessionsRepository(services.editor).sessionsOf(programId), 'the sessions of this program');
  if (!read.ok) return false;
  const session = presenterSession(read.value);
  if (!session) {
    toasts.show('There is no session to present yet: plan one under Sessions, then open its presenter window.', 'info');
    return false;
  }
  return openPresenter(programId, session.id);
}
