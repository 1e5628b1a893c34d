import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import type { Session } from '../../renderer/src/domain/sessions/model';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import { SessionsRepository } from '../../renderer/src/storage/sessions-repo';
import AgendaEditor from '../../renderer/src/views/sessions/AgendaEditor.svelte';
import { makeBlock, ranBlock } from '../unit/domain/sessions/factories';

let services: Services;
let program: Program;

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-agenda-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Plan' });
});

afterEach(() => services.db.close());

async function plan(blocks = [makeBlock({ title: 'Intro' }), makeBlock({ title: 'Map' }), makeBlock({ title: 'Vote' })]): Promise<Session> {
  return new SessionsRepository(services.editor).planSession(program.id, { title: 'Kick-off', plannedMinutes: 90, blocks });
}

const stored = async (id: string) => (await services.db.sessions.get(id))!;
const titles = (session: Session) => session.blocks.map((b) => b.title);

/** Renders the editor and gives a way to pass it the stored session, as the live query above it would. */
function show(session: Session) {
  const view = render(AgendaEditor, { props: { program, session }, context: servicesContext(services) });
  return { ...view, refresh: async () => view.rerender({ program, session: await stored(session.id) }) };
}

describe('AgendaEditor', () => {
  it('Alt+Up and Alt+Down on a focused block move it, announce where it went, and keep the focus on it', async () => {
    const session = await plan();
    const { refresh } = show(session);
    const handle = screen.getByRole('button', { name: 'Move Vote' });
    handle.focus();
    await fireEvent.keyDown(handle, { key: 'ArrowUp' });
    await fireEvent.keyDown(handle, { key: 'ArrowUp', altKey: true });
    await waitFor(async () => expect(titles(await stored(session.id))).toEqual(['Intro', 'Vote', 'Map']));
    await refresh();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Moved "Vote" to position 2 of 3.'));
    await waitFor(() => expect(document.activeElement?.id).toBe(handle.id));

    // From a field inside the block, too.
    const title = within(screen.getByRole('listitem', { name: 'Block 2 of 3: Vote' })).getByRole('textbox', { name: 'Title of block 2' });
    title.focus();
    await fireEvent.keyDown(title, { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(titles(await stored(session.id))).toEqual(['Intro', 'Map', 'Vote']));
    await refresh();
    await waitFor(() => expect(document.activeElement?.id).toBe(title.id));
  });

  it('says so at either end instead of moving', async () => {
    const session = await plan();
    show(session);
    const handle = screen.getByRole('button', { name: 'Move Intro' });
    await fireEvent.keyDown(handle, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('"Intro" is already first.'));
    expect(titles(await stored(session.id))).toEqual(['Intro', 'Map', 'Vote']);
  });

  it('its Move menu moves a block to the top or the end', async () => {
    const session = await plan();
    const { refresh } = show(session);
    const item = screen.getByRole('listitem', { name: 'Block 2 of 3: Map' });
    expect(within(item).getAllByRole('button', { hidden: true }).map((b) => b.textContent)).toEqual(expect.arrayContaining(['To the top', 'Up', 'Down', 'To the end']));
    await fireEvent.click(within(item).getByRole('button', { name: 'To the end', hidden: true }));
    await waitFor(async () => expect(titles(await stored(session.id))).toEqual(['Intro', 'Vote', 'Map']));
    await refresh();
    const last = screen.getByRole('listitem', { name: 'Block 3 of 3: Map' });
    await fireEvent.click(within(last).getByRole('button', { name: 'To the top', hidden: true }));
    await waitFor(async () => expect(titles(await stored(session.id))).toEqual(['Map', 'Intro', 'Vote']));
  });

  it('shows the total against the planned length, and adds a block with its minutes and method', async () => {
    const session = await plan();
    const { refresh } = show(session);
    expect(screen.getByTestId('agenda-fit')).toHaveTextContent('Agenda 30 min of 90 planned: 60 min to spare');
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Minutes of the new block' }), { target: { value: '75' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Method of the new block' }), { target: { value: 'retro' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'New block' }), { target: { value: 'Retro' } });
    await fireEvent.submit(screen.getByRole('textbox', { name: 'New block' }).closest('form')!);
    await waitFor(async () => expect((await stored(session.id)).blocks[3]).toMatchObject({ title: 'Retro', plannedMinutes: 75, method: 'retro' }));
    await refresh();
    expect(screen.getByTestId('agenda-fit')).toHaveTextContent('Agenda 105 min of 90 planned: 15 min over');
  });

  it('mid-session, blocks that started cannot be removed and an ended one keeps its minutes and method', async () => {
    const ended = ranBlock(1_000, 12, 'done', { title: 'Intro' });
    const running = makeBlock({ title: 'Map', startedAt: 800_000 });
    const waiting = makeBlock({ title: 'Vote' });
    const session = { ...(await plan([ended, running, waiting])), status: 'running' as const, startedAt: 1_000, currentBlockId: running.id };
    await services.db.sessions.put(session);
    show(session);
    expect(screen.queryByRole('button', { name: 'Remove Intro' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove Map' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Vote' })).toBeEnabled();
    const intro = within(screen.getByRole('listitem', { name: 'Block 1 of 3: Intro' }));
    expect(intro.getByRole('textbox', { name: /^Minutes/ })).toBeDisabled();
    expect(intro.getByRole('combobox', { name: /^Method/ })).toBeDisabled();
    expect(intro.getByText('Done, took 12 min')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Block 2 of 3: Map' })).getByText('Running now')).toBeInTheDocument();
  });
});
