// Hash routes: they work the same from Electron's custom protocol and from a web server.

export type Route =
  | { name: 'programs'; view: 'active' | 'archived' | 'trash' }
  | { name: 'program'; programId: string; area: ProgramArea; /** A record opened inside the area (a metric, a matrix). */ recordId?: string }
  /** The presenter window: a session's current block, large, for the projector. */
  | { name: 'present'; programId: string; sessionId: string }
  /**
   * A printable report of a program, or of one session, with the sections chosen (every section
   * that applies when none are named) on A4 or Letter. It has no app chrome: it is what prints.
   */
  | { name: 'report'; programId: string; sessionId?: string; sections?: string[]; page?: ReportPage }
  /** The backups: list, preview, restore as a new copy. */
  | { name: 'backups' };

export const REPORT_PAGES = ['a4', 'letter'] as const;
export type ReportPage = (typeof REPORT_PAGES)[number];

export const PROGRAM_AREAS = ['overview', 'uncertainty', 'metrics', 'tradeoffs', 'roadmap', 'decisions', 'scope', 'actions', 'sessions', 'export'] as const;
/** Areas whose records open by link: #/programs/<id>/<area>/<recordId>. */
const AREAS_WITH_RECORDS: readonly ProgramArea[] = ['uncertainty', 'metrics', 'tradeoffs', 'roadmap', 'decisions', 'scope', 'actions', 'sessions'];
export type ProgramArea = (typeof PROGRAM_AREAS)[number];

/** Each area's name, as the area tabs and the palette's "Go to" commands say it. */
export const AREA_LABELS: Record<ProgramArea, string> = {
  overview: 'Overview',
  uncertainty: 'Uncertainty',
  metrics: 'Shared metrics',
  tradeoffs: 'Trade-offs',
  roadmap: 'Roadmap',
  decisions: 'Decision log',
  scope: 'Scope changes',
  actions: 'Actions',
  sessions: 'Sessions',
  export: 'Export & share',
};

export function parseRoute(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const path = rawPath.replace(/\/+$/, '') || '/';
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed link (bad percent-encoding) goes home rather than to a blank window.
    return { name: 'programs', view: 'active' };
  }
  if (parts[0] === 'archived' && parts.length === 1) return { name: 'programs', view: 'archived' };
  if (parts[0] === 'trash' && parts.length === 1) return { name: 'programs', view: 'trash' };
  if (parts[0] === 'backups' && parts.length === 1) return { name: 'backups' };
  if (parts[0] === 'report' && parts[1] && parts.length <= 3) return reportRoute(parts[1], parts[2], new URLSearchParams(query));
  if (parts[0] === 'present' && parts[1] && parts[2] && parts.length === 3) return { name: 'present', programId: parts[1], sessionId: parts[2] };
  if (parts[0] === 'programs' && parts[1] && parts.length <= 4) {
    const area = (PROGRAM_AREAS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as ProgramArea) : 'overview';
    if (AREAS_WITH_RECORDS.includes(area) && parts[3]) return { name: 'program', programId: parts[1], area, recordId: parts[3] };
    return { name: 'program', programId: parts[1], area };
  }
  return { name: 'programs', view: 'active' };
}

export function routeHref(route: Route): string {
  if (route.name === 'program') {
    const base = `#/programs/${encodeURIComponent(route.programId)}`;
    if (route.area === 'overview') return base;
    return route.recordId ? `${base}/${route.area}/${encodeURIComponent(route.recordId)}` : `${base}/${route.area}`;
  }
  if (route.name === 'report') return reportHref(route);
  if (route.name === 'backups') return '#/backups';
  if (route.name === 'present') return `#/present/${encodeURIComponent(route.programId)}/${encodeURIComponent(route.sessionId)}`;
  return route.view === 'active' ? '#/' : `#/${route.view}`;
}

function reportRoute(programId: string, sessionId: string | undefined, query: URLSearchParams): Route {
  const route: Route = { name: 'report', programId };
  if (sessionId) route.sessionId = sessionId;
  const sections = query.get('sections');
  if (sections) route.sections = sections.split(',').filter(Boolean);
  const page = query.get('page');
  if ((REPORT_PAGES as readonly (string | null)[]).includes(page)) route.page = page as ReportPage;
  return route;
}

function reportHref(route: Extract<Route, { name: 'report' }>): string {
  const path = `#/report/${encodeURIComponent(route.programId)}${route.sessionId ? `/${encodeURIComponent(route.sessionId)}` : ''}`;
  const query = new URLSearchParams();
  if (route.sections?.length) query.set('sections', route.sections.join(','));
  if (route.page) query.set('page', route.page);
  const text = query.toString().replaceAll('%2C', ',');
  return text ? `${path}?${text}` : path;
}
