// Hash routes: they work the same from Electron's custom protocol and from a web server.

export type Route =
  | { name: 'programs'; view: 'active' | 'archived' | 'trash' }
  | { name: 'program'; programId: string; area: 'overview' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'archived' && parts.length === 1) return { name: 'programs', view: 'archived' };
  if (parts[0] === 'trash' && parts.length === 1) return { name: 'programs', view: 'trash' };
  if (parts[0] === 'programs' && parts[1] && (parts.length === 2 || parts[2] === 'overview')) {
    return { name: 'program', programId: parts[1], area: 'overview' };
  }
  return { name: 'programs', view: 'active' };
}

export function routeHref(route: Route): string {
  if (route.name === 'program') return `#/programs/${encodeURIComponent(route.programId)}`;
  return route.view === 'active' ? '#/' : `#/${route.view}`;
}
