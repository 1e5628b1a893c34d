import { guideProgress, type GuideProgress, type GuideRecords } from '../domain/guide';
import { watchGuideRecords } from '../storage/guide';
import { Live } from './live.svelte';
import { readProblem } from './result';
import { useServices, type Services } from './services';

/** The guide's steps for one program, ticked off live from its records as they change. */
export class GuideState {
  private readonly live: Live<Omit<GuideRecords, 'program'>>;

  constructor(
    private readonly programId: () => string | undefined,
    services: Services = useServices(),
  ) {
    this.live = new Live(() => watchGuideRecords(services.db, this.programId()));
  }

  get loaded(): boolean {
    return this.live.loaded;
  }
  get problem() {
    return readProblem(this.live.error);
  }

  progress: GuideProgress = $derived.by(() => {
    const id = this.programId();
    const rows = this.live.value ?? { uncertaintyItems: [], metrics: [], functions: [], sessions: [] };
    return guideProgress({ program: id === undefined ? undefined : { id }, ...rows });
  });
}
