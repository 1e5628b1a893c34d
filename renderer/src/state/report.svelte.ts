import type { ReportContext, ReportSectionId } from '../domain/report/sections';
import { readProgramRecords } from './program-records';
import { useServices, type Services } from './services';

/**
 * One report: the program (and the session, for a session's report) read once, as it is when
 * the report is made. A report is a document of a moment, so it does not follow later edits.
 */
export class ReportState {
  report = $state<ReportContext | undefined>();
  problem = $state<string | undefined>();

  constructor(
    private readonly programId: string,
    private readonly sessionId: string | undefined,
    private readonly sections: readonly ReportSectionId[],
    private readonly services: Services = useServices(),
  ) {}

  async load(): Promise<void> {
    const read = await readProgramRecords(this.services, this.programId, 'read the program for its report');
    if (!read.ok) {
      this.problem = read.message;
      return;
    }
    const session = this.sessionId ? read.value.sessions.find((s) => s.id === this.sessionId) : undefined;
    if (this.sessionId && !session) {
      this.problem = 'That session is not in this program any more.';
      return;
    }
    this.report = { records: read.value, session, generatedAt: Date.now(), sections: this.sections };
  }
}
