import type { Program } from '../domain/program';
import { DEFAULT_REPORT_PAGE, REPORT_PAGE_SIZES, reportFileStem, type ReportPageSize } from '../domain/report/pages';
import { REPORT_SECTIONS, sectionsFor, type ReportKind, type ReportSectionId } from '../domain/report/sections';
import { sessionsInOrder } from '../domain/sessions/list';
import type { Session } from '../domain/sessions/model';
import { SessionsRepository } from '../storage/sessions-repo';
import { Live } from './live.svelte';
import { oneOf, preference, text, type Parse, type Preference } from './preferences.svelte';
import { saveReportPdf } from './report-pdf';
import { readProblem } from './result';
import { routeHref } from './routes';
import { useServices, type Services } from './services';

const SECTION_IDS = REPORT_SECTIONS.map((s) => s.id);
const PAGE_SIZES = Object.keys(REPORT_PAGE_SIZES) as ReportPageSize[];

/** Ticked sections as stored: known ids only (a section renamed in a later Keel drops out). */
const sectionList: Parse<ReportSectionId[]> = (stored) =>
  Array.isArray(stored) ? SECTION_IDS.filter((id) => stored.includes(id)) : undefined;

/**
 * What the Export & share area's report form chooses: the program or one held session, the
 * sections ticked for each kind of report, and the paper. Every choice is a preference, so it
 * survives switching areas, a reload and a second window; the sessions to choose from are live.
 */
export class ReportExportState {
  /** 'program', or the id of the held session the report is about, per program. */
  readonly target: Preference<string>;
  readonly page = preference<ReportPageSize>('keel.report.page', oneOf(PAGE_SIZES), DEFAULT_REPORT_PAGE);
  private readonly sectionChoice: Record<ReportKind, Preference<ReportSectionId[]>> = {
    program: preference('keel.report.sections.program', sectionList, sectionsFor('program').map((s) => s.id)),
    session: preference('keel.report.sections.session', sectionList, sectionsFor('session').map((s) => s.id)),
  };
  private readonly sessionsLive: Live<Session[]>;

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    const repo = new SessionsRepository(services.editor);
    this.sessionsLive = new Live(() => repo.watchSessions(this.program().id));
    this.target = preference(`keel.report.target.${this.program().id}`, text(100), 'program');
  }

  /** Sessions a report can be made of: the held (closed) ones, latest first. */
  get heldSessions(): Session[] {
    return sessionsInOrder(this.sessionsLive.value ?? []).closed;
  }
  get loaded(): boolean {
    return this.sessionsLive.loaded;
  }
  get problem() {
    return readProblem(this.sessionsLive.error);
  }

  /** The session chosen, while it is still a held session of the program. */
  get session(): Session | undefined {
    return this.heldSessions.find((s) => s.id === this.target.value);
  }
  get kind(): ReportKind {
    return this.session ? 'session' : 'program';
  }
  get offered() {
    return sectionsFor(this.kind);
  }
  /** The sections ticked for this kind of report, in print order. */
  get sections(): ReportSectionId[] {
    const ticked = this.sectionChoice[this.kind].value;
    return this.offered.map((s) => s.id).filter((id) => ticked.includes(id));
  }

  /** The report page for these choices: what "Preview" opens and the PDF prints. */
  get href(): string {
    const session = this.session;
    return routeHref({ name: 'report', programId: this.program().id, ...(session ? { sessionId: session.id } : {}), sections: this.sections, page: this.page.value });
  }

  choose(target: string): void {
    this.target.set(target);
  }

  tick(id: ReportSectionId, on: boolean): void {
    const current = this.sectionChoice[this.kind].value.filter((s) => s !== id);
    this.sectionChoice[this.kind].set(on ? [...current, id] : current);
  }

  tickAll(on: boolean): void {
    this.sectionChoice[this.kind].set(on ? this.offered.map((s) => s.id) : []);
  }

  savePdf() {
    return saveReportPdf(this.href, reportFileStem(this.program().name, this.session));
  }
}
