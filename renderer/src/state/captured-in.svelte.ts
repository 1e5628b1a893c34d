import { SessionsRepository, type CapturedIn } from '../storage/sessions-repo';
import { Live } from './live.svelte';
import { useServices, type Services } from './services';

export type { CapturedIn };

/** Where one record was captured in a session, followed live. Create while a component initialises. */
export class CapturedInState {
  private readonly live: Live<CapturedIn | undefined>;

  constructor(programId: () => string, recordId: () => string, services: Services = useServices()) {
    const repo = new SessionsRepository(services.editor);
    this.live = new Live(() => repo.watchCapturedIn(programId(), recordId()));
  }

  get value(): CapturedIn | undefined {
    return this.live.value;
  }
}
