import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import { startBlock } from '../../renderer/src/domain/sessions/timer';
import { presenterChoice } from '../../renderer/src/state/presenter.svelte';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import PresenterControls from '../../renderer/src/views/sessions/presenter/PresenterControls.svelte';

let services: Services;
let program: Program;

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-presenter-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Support assistant' });
});

afterEach(() => {
  services.db.close();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'wakeLock');
});

function session(matrixId = '') {
  const planned = newSession(program.id, { title: 'Kick-off', plannedMinutes: 30, blocks: [newBlock({ title: 'Decide', plannedMinutes: 10, method: 'tradeoff', matrixId })] }, 1);
  return startBlock(planned, planned.blocks[0]!.id, 1);
}

function show(s = session()) {
  return render(PresenterControls, { props: { program, session: s }, context: servicesContext(services) });
}

describe('PresenterControls', () => {
  it('opens the presenter route in the named window, by button and by P', async () => {
    const opened = { focus: vi.fn(), closed: false };
    const open = vi.spyOn(window, 'open').mockReturnValue(opened as unknown as Window);
    const s = session();
    show(s);
    await fireEvent.click(screen.getByRole('button', { name: /Open presenter window/ }));
    expect(open).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`#/present/${program.id}/${s.id}$`)), 'keel-presenter', expect.any(String));
    expect(opened.focus).toHaveBeenCalled();
    await fireEvent.keyDown(window, { key: 'p' });
    expect(open).toHaveBeenCalledTimes(2);
    // Not while typing somewhere.
    const field = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(field, { key: 'p' });
    expect(open).toHaveBeenCalledTimes(2);
    field.remove();
  });

  it('says so when the browser blocks the window', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    show();
    await fireEvent.click(screen.getByRole('button', { name: /Open presenter window/ }));
    const { toasts } = await import('../../renderer/src/state/toasts.svelte');
    await waitFor(() => expect(toasts.items.map((t) => t.message)).toContain('The presenter window did not open. Allow pop-ups for Keel in this browser, then try again.'));
  });

  it('keeps what the room sees per session, and the blank screen', async () => {
    const s = session('m1');
    show(s);
    expect(screen.getByRole('radio', { name: 'Timer and block' })).toBeChecked();
    await fireEvent.click(screen.getByRole('radio', { name: 'Matrix results' }));
    expect(presenterChoice(s.id).value).toEqual({ view: 'matrix', blank: false });
    expect(screen.getByText('The ranking of the block’s trade-off matrix.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Blank screen' }));
    expect(JSON.parse(localStorage.getItem(`keel.presenter.${s.id}`) ?? '')).toEqual({ view: 'matrix', blank: true });
  });

  it('says the room sees the timer when the block has no matrix', async () => {
    show(session(''));
    await fireEvent.click(screen.getByRole('radio', { name: 'Matrix results' }));
    expect(screen.getByText('This block has no matrix: the room sees the timer.')).toBeInTheDocument();
  });

  it('keeps the screen awake with a wake lock while the session runs, and lets go when it is gone', async () => {
    const release = vi.fn(async () => undefined);
    const request = vi.fn(async () => ({ release }));
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    const view = show();
    expect(await screen.findByText('The screen stays awake while the session runs.')).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith('screen');
    view.unmount();
    expect(release).toHaveBeenCalled();
  });

  it('says when the screen cannot be kept awake', async () => {
    show();
    expect(await screen.findByText(/This browser cannot keep the screen awake/)).toBeInTheDocument();
  });

  it('says when the browser refuses the wake lock', async () => {
    Object.defineProperty(navigator, 'wakeLock', { value: { request: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))) }, configurable: true });
    show();
    expect(await screen.findByText(/The screen could not be kept awake/)).toBeInTheDocument();
  });
});
