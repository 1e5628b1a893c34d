import { describe, expect, it } from 'vitest';
import { presenterSession } from '../../../../renderer/src/domain/sessions/list';
import { closedSession, makeSession } from './factories';

describe('presenterSession: which session the Presenter window command shows', () => {
  it('the running session, whatever is planned', () => {
    const soon = makeSession({ date: '2026-01-05' });
    const running = makeSession({ status: 'running', date: '2026-03-01', startedAt: 5 });
    expect(presenterSession([soon, running, closedSession([])])?.id).toBe(running.id);
  });

  it('else the next planned session (dated first, soonest first)', () => {
    const undated = makeSession();
    const later = makeSession({ date: '2026-04-01' });
    const sooner = makeSession({ date: '2026-02-01' });
    expect(presenterSession([undated, later, sooner])?.id).toBe(sooner.id);
  });

  it('none when every session is closed or there is none', () => {
    expect(presenterSession([closedSession([])])).toBeUndefined();
    expect(presenterSession([])).toBeUndefined();
  });
});
