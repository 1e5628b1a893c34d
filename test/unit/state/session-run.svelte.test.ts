import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import { captureHref, RunView, SessionRunState, TimeUpWatch } from '../../../renderer/src/state/session-run.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answerWith, clearToasts, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let session: Session;
const destroyers: (() => void)[] = [];

function mount<T>(make: () => T): T {
  const { value, destroy } = mounted(make);
  destroyers.push(destroy);
  return value;
}

const stored = async () => (await services.db.sessions.get(session.id))!;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  const blocks = [
    newBlock({ title: 'Review risks', plannedMinutes: 10, method: 'uncertainty' }),
    newBlock({ title: 'Decide', plannedMinutes: 20, method: 'tradeoff' }),
    newBlock({ title: 'Retro', plannedMinutes: 15, method: 'retro' }),
  ];
  session = newSession(program.id, { title: 'Kick-off', plannedMinutes: 40, blocks }, Date.now());
  await services.db.sessions.add(session);
});

afterEach(() => {
  for (const destroy of destroyers.splice(0)) destroy();
  vi.useRealTimers();
  services.db.close();
});

describe('SessionRunState', () => {
  it('starts with one Undo that takes back the start and its snapshot', async () => {
    const run = new SessionRunState(services);
    clearToasts();
    expect((await run.start(session)).ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Started "Kick-off".']);
    expect(await services.db.snapshots.count()).toBe(1);
    runToastAction('Undo');
    await vi.waitFor(async () => expect((await stored()).status).toBe('planned'));
    expect(await services.db.snapshots.count()).toBe(0);
  });

  it('asks before ending, naming the blocks carried over; cancelling writes nothing', async () => {
    const run = new SessionRunState(services);
    await run.start(session);
    await run.finish(await stored(), 'skipped');
    const running = await stored();

    const cancelled = run.end(running);
    const asked = await answerWith(false);
    expect(asked.title).toBe('End "Kick-off"?');
    expect(asked.message).toBe(
      '"Decide" closes as done. 2 blocks are unfinished and will be carried over to the next session: "Review risks" and "Retro". The program as it stands now is kept with the session. Undo reopens it.',
    );
    expect(await cancelled).toBeUndefined();
    expect((await stored()).status).toBe('running');

    clearToasts();
    const ending = run.end(running);
    await answerWith(true);
    expect((await ending)?.ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Ended "Kick-off"; 2 blocks carried over.']);
    expect((await stored()).status).toBe('closed');
    runToastAction('Undo');
    await vi.waitFor(async () => expect((await stored()).status).toBe('running'));
  });

  it('captures with a toast that says where it went, and Undo removes the record and the capture', async () => {
    const run = new SessionRunState(services);
    await run.start(session);
    clearToasts();
    const made = await run.capture(await stored(), 'decision', 'Pilot in one region');
    if (!made.ok) throw new Error(made.message);
    expect(toastTexts()).toEqual(['success: Captured "Pilot in one region" as a draft in the decision log.']);
    expect(captureHref(made.value.capture)).toBe(`#/programs/${program.id}/decisions/${made.value.capture.recordId}`);
    runToastAction('Undo');
    await vi.waitFor(async () => expect(await services.db.captures.count()).toBe(0));
    expect(await services.db.decisions.count()).toBe(0);
  });

  it('says a refused capture in a toast and writes nothing', async () => {
    const run = new SessionRunState(services);
    await run.start(session);
    clearToasts();
    expect((await run.capture(await stored(), 'action', '  ')).ok).toBe(false);
    expect(toastTexts()).toEqual(['error: Say what is to be done.']);
  });

  it('toggles pause, and skip says the block stays to carry over', async () => {
    const run = new SessionRunState(services);
    await run.start(session);
    await run.togglePause(await stored());
    expect((await stored()).blocks[0]!.pausedAt).not.toBeNull();
    await run.togglePause(await stored());
    expect((await stored()).blocks[0]!.pausedAt).toBeNull();
    clearToasts();
    await run.finish(await stored(), 'skipped');
    expect(toastTexts()).toEqual(['success: Skipped "Review risks": it stays on the list to carry over.']);
  });
});

describe('RunView', () => {
  it('works the countdown, time up and the fit of the agenda out of the stored session and the time now', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-03-02T09:00:00'));
    const run = new SessionRunState(services);
    await run.start(session);
    let current = $state(await stored());
    const view = mount(() => new RunView(() => current, services));
    expect(view.remainingMs).toBe(10 * 60_000);
    expect(view.fit).toEqual({ fits: false, sentence: 'Agenda needs 45 min, 40 left' });

    vi.advanceTimersByTime(11 * 60_000);
    await until(() => view.timeUp);
    expect(view.overrun).toBe(true);
    expect(view.remainingMs).toBe(-60_000);
    expect(view.actualMinutes(current.blocks[0]!)).toBe(11);

    await run.extend(current, 5);
    current = await stored();
    await until(() => !view.timeUp);
    expect(view.remainingMs).toBe(4 * 60_000);
  });

  it('keeps the capture bar’s kind and text on this computer until recorded', () => {
    const view = mount(() => new RunView(() => session, services));
    view.captureKind.set('action');
    view.captureText.set('Ask legal');
    const again = mount(() => new RunView(() => session, services));
    expect(again.captureKind.value).toBe('action');
    expect(again.captureText.value).toBe('Ask legal');
  });
});

describe('TimeUpWatch', () => {
  it('signals once when the time runs out, not on a reload that finds it over, and again after more time ran out', () => {
    const watch = new TimeUpWatch();
    expect(watch.ranOut('a', true)).toBe(false); // opened when already over
    const fresh = new TimeUpWatch();
    expect(fresh.ranOut('a', false)).toBe(false);
    expect(fresh.ranOut('a', true)).toBe(true);
    expect(fresh.ranOut('a', true)).toBe(false);
    expect(fresh.ranOut('a', false)).toBe(false); // +5 gave it time
    expect(fresh.ranOut('a', true)).toBe(true);
    expect(fresh.ranOut('b', true)).toBe(false); // another block, already over when shown
  });
});
