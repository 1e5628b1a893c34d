import { useServices, type Services } from './services';

/**
 * The "Presenter window" command for the app's shell: the services are taken while the shell is
 * made; what reads the sessions and opens the window loads when the command first runs.
 */
export class PresenterCommand {
  constructor(private readonly services: Services = useServices()) {}

  async open(programId: string): Promise<boolean> {
    const { openProgramPresenter } = await import('./presenter-for-program');
    return openProgramPresenter(programId, this.services);
  }
}
