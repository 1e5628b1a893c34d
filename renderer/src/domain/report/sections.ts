import type { ProgramRecords } from '../program-records';
import type { Session } from '../sessions/model';

// The sections a report can hold, in the order they print. A program's report and a session's
// report offer different sections; the user ticks which to include.

export const REPORT_SECTIONS = [
  { id: 'cover', title: 'Cover', of: 'both' },
  { id: 'attention', title: 'What needs attention', of: 'program' },
  { id: 'agenda', title: 'Agenda, planned and held', of: 'session' },
  { id: 'since-last', title: 'Since last session', of: 'session' },
  { id: 'votes', title: 'Votes', of: 'session' },
  { id: 'uncertainty', title: 'Uncertainty map', of: 'both' },
  { id: 'metrics', title: 'Shared metrics', of: 'both' },
  { id: 'tradeoffs', title: 'Trade-off decisions', of: 'both' },
  { id: 'decisions', title: 'Decision log', of: 'both' },
  { id: 'scope', title: 'Scope changes', of: 'both' },
  { id: 'roadmap', title: 'Roadmap', of: 'both' },
  { id: 'actions', title: 'Open actions', of: 'both' },
] as const;

export type ReportSectionId = (typeof REPORT_SECTIONS)[number]['id'];
export type ReportKind = 'program' | 'session';

/** The sections a report of this kind offers, in print order. */
export function sectionsFor(kind: ReportKind): readonly (typeof REPORT_SECTIONS)[number][] {
  return REPORT_SECTIONS.filter((section) => section.of === 'both' || section.of === kind);
}

/**
 * The sections to print: the ones asked for that this kind of report offers, in print order,
 * or every one it offers when none are asked for (or none of those asked for exist).
 */
export function chosenSections(kind: ReportKind, asked: readonly string[] | undefined): ReportSectionId[] {
  const offered = sectionsFor(kind).map((section) => section.id);
  const kept = offered.filter((id) => asked?.includes(id));
  return kept.length > 0 ? kept : offered;
}

/** What every section of one report reads: the program as it was when the report was made. */
export interface ReportContext {
  records: ProgramRecords;
  /** The session a session's report is about; undefined in a program's report. */
  session: Session | undefined;
  /** When the report was made (ms): its date, and "now" for anything that depends on the day. */
  generatedAt: number;
  /** The sections this report prints, in order (the cover lists them); every one offered when absent. */
  sections?: readonly ReportSectionId[];
}
