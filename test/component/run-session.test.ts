import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import type { Session } from '../../renderer/src/domain/sessions/model';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import { SessionRunRepository } from '../../renderer/src/storage/session-run-repo';
import RunSession from '../../renderer/src/views/sessions/run/RunSession.svelte';

// Run mode's keys and capture bar on a session running in a real (fake-indexeddb) database. The
// session is a prop (the session page reads it live); each check reads what was stored.

let services: Services;
let program: Program;
let sessionId: string;

const stored = async (): Promise<Session> => (await services.db.sessions.get(sessionId))!;

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-run-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Run' });
  const blocks = [newBlock({ title: 'Walk the map', plannedMinutes: 10, method: 'free', notes: 'Start with data risks' }), newBlock({ title: 'Retro', plannedMinutes: 5, method: 'retro' })];
  const session = newSession(program.id, { title: 'Kick-off', plannedMinutes: 30, blocks }, Date.now());
  sessionId = session.id;
  await services.db.sessions.add(session);
  await new SessionRunRepository(services.editor).start(sessionId);
});

afterEach(() => services.db.close());

async function show() {
  const view = render(RunSession, { props: { program, session: await stored() }, context: servicesContext(services) });
  return { ...view, refresh: async () => view.rerender({ program, session: await stored() }) };
}

describe('RunSession', () => {
  it('shows the block running with its countdown, notes, and planned against actual', async () => {
    await show();
    expect(screen.getByRole('heading', { level: 3, name: 'Walk the map' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Time left in the block' })).toHaveTextContent('10:00');
    expect(screen.getByText('Start with data risks')).toBeInTheDocument();
    const agenda = screen.getAllByTestId('agenda-block');
    expect(agenda[0]).toHaveTextContent('Now');
    expect(agenda[1]).toHaveTextContent('Waiting');
    expect(screen.getByTestId('time-fit')).toHaveTextContent('Agenda needs 15 min, 30 left');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('title', 'Done: next block (N)');
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('title', 'Pause (Space)');
  });

  it('pauses with Space and goes on with N outside the capture bar, but not while typing in it', async () => {
    const { refresh } = await show();
    await fireEvent.keyDown(document.body, { key: ' ' });
    await waitFor(async () => expect((await stored()).blocks[0]!.pausedAt).not.toBeNull());
    await refresh();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();

    const text = screen.getByRole('textbox', { name: 'What to capture' });
    await fireEvent.keyDown(text, { key: 'n' });
    await fireEvent.keyDown(text, { key: 's' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stored()).currentBlockId).toBe((await stored()).blocks[0]!.id);

    await fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(async () => expect((await stored()).blocks[0]!.outcome).toBe('done'));
    await refresh();
    expect(screen.getByRole('heading', { level: 3, name: 'Retro' })).toBeInTheDocument();
  });

  it('C focuses the capture bar; Enter records the line and empties it; a refused line says why and writes nothing', async () => {
    await show();
    await fireEvent.keyDown(document.body, { key: 'c' });
    const text = screen.getByRole('textbox', { name: 'What to capture' });
    expect(text).toHaveFocus();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'parking' } });
    await fireEvent.submit(text.closest('form')!);
    expect(screen.getByRole('alert')).toHaveTextContent('Type the topic to park.');
    await fireEvent.input(text, { target: { value: 'Pricing model' } });
    await fireEvent.submit(text.closest('form')!);
    await waitFor(async () => expect(await services.db.captures.count()).toBe(1));
    expect(text).toHaveValue('');
    const item = await screen.findByTestId('capture', {}, { timeout: 3000 });
    expect(item).toHaveTextContent('Parking lot');
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Dealt with' }));
    await waitFor(async () => expect((await services.db.captures.toArray())[0]!.done).toBe(true));
  });

  it('Alt+Down in the text changes the kind, and the choice is kept for the next capture', async () => {
    await show();
    const text = screen.getByRole('textbox', { name: 'What to capture' });
    const kind = screen.getByRole('combobox', { name: 'Kind' });
    expect(kind).toHaveValue('uncertainty');
    await fireEvent.keyDown(text, { key: 'ArrowDown', altKey: true });
    expect(kind).toHaveValue('decision');
    await fireEvent.keyDown(text, { key: 'ArrowUp', altKey: true });
    await fireEvent.keyDown(text, { key: 'ArrowUp', altKey: true });
    expect(kind).toHaveValue('parking');
    expect(JSON.parse(localStorage.getItem(`keel.capture-kind-draft.${sessionId}`)!)).toBe('parking');
  });

  it('N still goes on right after ticking a checkbox (it takes no letters), but Space there is the checkbox’s own', async () => {
    await show();
    const chime = screen.getByRole('checkbox', { name: 'Chime when time is up' });
    await fireEvent.keyDown(chime, { key: ' ' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stored()).blocks[0]!.pausedAt).toBeNull();
    await fireEvent.keyDown(chime, { key: 'n' });
    await waitFor(async () => expect((await stored()).blocks[0]!.outcome).toBe('done'));
  });

  it('remembers the chime choice on this computer', async () => {
    await show();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Chime when time is up' }));
    expect(JSON.parse(localStorage.getItem('keel.sessions.chime')!)).toBe(true);
  });
});
