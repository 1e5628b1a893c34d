import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../renderer/src/state/routes';

describe('routes', () => {
  it('parses the home views and a program', () => {
    expect(parseRoute('')).toEqual({ name: 'programs', view: 'active' });
    expect(parseRoute('#/')).toEqual({ name: 'programs', view: 'active' });
    expect(parseRoute('#/archived')).toEqual({ name: 'programs', view: 'archived' });
    expect(parseRoute('#/trash/')).toEqual({ name: 'programs', view: 'trash' });
    expect(parseRoute('#/programs/abc')).toEqual({ name: 'program', programId: 'abc', area: 'overview' });
  });
  it('sends unknown paths home rather than to a blank screen', () => {
    expect(parseRoute('#/nowhere/at/all')).toEqual({ name: 'programs', view: 'active' });
    expect(parseRoute('#/programs')).toEqual({ name: 'programs', view: 'active' });
    expect(parseRoute('#/programs/abc/nowhere')).toEqual({ name: 'program', programId: 'abc', area: 'overview' });
    // The overview opens no record by link; every other area does.
    expect(parseRoute('#/programs/abc/overview/x')).toEqual({ name: 'program', programId: 'abc', area: 'overview' });
    expect(parseRoute('#/programs/abc/uncertainty/x')).toEqual({ name: 'program', programId: 'abc', area: 'uncertainty', recordId: 'x' });
    expect(parseRoute('#/programs/abc/roadmap/r1')).toEqual({ name: 'program', programId: 'abc', area: 'roadmap', recordId: 'r1' });
    expect(parseRoute('#/programs/abc/metrics/m1/extra')).toEqual({ name: 'programs', view: 'active' });
  });
  it('parses a report with its sections and page size, and the backups', () => {
    expect(parseRoute('#/report/p1')).toEqual({ name: 'report', programId: 'p1' });
    expect(parseRoute('#/report/p1/s1?sections=cover,agenda&page=letter')).toEqual({
      name: 'report',
      programId: 'p1',
      sessionId: 's1',
      sections: ['cover', 'agenda'],
      page: 'letter',
    });
    // An unknown page size is left to the default rather than refused.
    expect(parseRoute('#/report/p1?page=a0')).toEqual({ name: 'report', programId: 'p1' });
    expect(parseRoute('#/backups')).toEqual({ name: 'backups' });
    expect(parseRoute('#/programs/abc/export')).toEqual({ name: 'program', programId: 'abc', area: 'export' });
  });
  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'report', programId: 'p/1', sessionId: 's 1', sections: ['cover', 'map'], page: 'a4' },
      { name: 'report', programId: 'p1' },
      { name: 'backups' },
      { name: 'programs', view: 'active' },
      { name: 'programs', view: 'archived' },
      { name: 'programs', view: 'trash' },
      { name: 'program', programId: 'id with/slash', area: 'overview' },
      { name: 'program', programId: 'abc', area: 'uncertainty' },
      { name: 'program', programId: 'abc', area: 'metrics' },
      { name: 'program', programId: 'abc', area: 'metrics', recordId: 'metric/1' },
      { name: 'program', programId: 'abc', area: 'tradeoffs' },
      { name: 'program', programId: 'abc', area: 'tradeoffs', recordId: 'matrix-1' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

describe('malformed links', () => {
  it('go home instead of throwing', () => {
    expect(parseRoute('#/programs/%E0%A4%A')).toEqual({ name: 'programs', view: 'active' });
  });
});
