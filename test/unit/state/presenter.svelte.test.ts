import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import { finishBlock, startBlock } from '../../../renderer/src/domain/sessions/timer';
import { PresenterLink } from '../../../renderer/src/state/presenter-link.svelte';
import { FACILITATOR_GONE_AFTER_MS, PresenterState, presenterChoice } from '../../../renderer/src/state/presenter.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { mounted, until, withProgram } from './harness.svelte';

const MIN = 60_000;

async function runningSession(services: Services, programId: string, now: number): Promise<Session> {
  const planned = newSession(
    programId,
    {
      title: 'Kick-off',
      plannedMinutes: 45,
      blocks: [newBlock({ title: 'Map the unknowns', plannedMinutes: 15, method: 'uncertainty' }), newBlock({ title: 'Pick a matrix', plannedMinutes: 20, method: 'tradeoff' })],
    },
    now,
  );
  const session = startBlock(planned, planned.blocks[0]!.id, now);
  await services.db.sessions.put(session);
  return session;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

function mount<T>(make: () => T): T {
  const { value, destroy } = mounted(make);
  cleanups.push(destroy);
  return value;
}

describe('PresenterState', () => {
  it('follows the stored session: the current block, its countdown as time passes, and the next block', async () => {
    const { services, program } = await withProgram();
    const start = Date.now();
    const session = await runningSession(services, program.id, start);
    const presenter = mount(() => new PresenterState(program.id, session.id, services));
    await until(() => presenter.frame?.current?.title === 'Map the unknowns');
    expect(presenter.frame?.next?.title).toBe('Pick a matrix');
    expect(presenter.frame?.current?.countdown).toMatch(/^1[45]:\d\d$/);

    // The facilitator moves on (a write in their window; liveQuery brings it here).
    await services.db.sessions.put(finishBlock(session, 'done', start + 2 * MIN));
    await until(() => presenter.frame?.current?.title === 'Pick a matrix');
    expect(presenter.frame?.next).toBeUndefined();
  });

  it('shows nothing of a session that is not in this program', async () => {
    const { services, program } = await withProgram();
    const session = await runningSession(services, program.id, Date.now());
    const presenter = mount(() => new PresenterState('another-program', session.id, services));
    await until(() => presenter.loaded);
    expect(presenter.frame).toBeUndefined();
  });

  it('follows the choice made in the facilitator window: stored for a reload, and told at once', async () => {
    const { services, program } = await withProgram();
    const session = await runningSession(services, program.id, Date.now());
    presenterChoice(session.id).set({ view: 'map', blank: false });
    const presenter = mount(() => new PresenterState(program.id, session.id, services));
    expect(presenter.view).toBe('map'); // what was chosen before it opened

    // Another window stores a choice: the storage event brings it.
    localStorage.setItem(`keel.presenter.${session.id}`, JSON.stringify({ view: 'vote', blank: true }));
    window.dispatchEvent(new StorageEvent('storage', { key: `keel.presenter.${session.id}` }));
    flushSync();
    expect(presenter.view).toBe('vote');
    expect(presenter.blank).toBe(true);

    // A damaged stored choice falls back to the timer.
    localStorage.setItem(`keel.presenter.${session.id}`, JSON.stringify({ view: 'settings', blank: 'no' }));
    window.dispatchEvent(new StorageEvent('storage', { key: `keel.presenter.${session.id}` }));
    flushSync();
    expect(presenter.view).toBe('timer');
  });

  it("says when the facilitator's window closes instead of freezing, and when it comes back", async () => {
    const { services, program } = await withProgram();
    const session = await runningSession(services, program.id, Date.now());
    const presenter = mount(() => new PresenterState(program.id, session.id, services));
    expect(presenter.presence).toBe('waiting');

    const facilitator = mounted(() => new PresenterLink(program.id, session.id));
    await until(() => presenter.presence === 'here');
    facilitator.destroy(); // the window closes: it says goodbye
    await until(() => presenter.presence === 'closed');

    const again = mount(() => new PresenterLink(program.id, session.id));
    await until(() => presenter.presence === 'here');
    again.show({ view: 'matrix' });
    await until(() => presenter.view === 'matrix');
  });

  it('says no facilitator window is open when none answers', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { services, program } = await withProgram();
    const session = await runningSession(services, program.id, Date.now());
    const presenter = mount(() => new PresenterState(program.id, session.id, services));
    vi.advanceTimersByTime(FACILITATOR_GONE_AFTER_MS + 1_000);
    flushSync();
    expect(presenter.presence).toBe('absent');
  });
});
