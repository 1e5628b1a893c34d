import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import type { Session } from '../../renderer/src/domain/sessions/model';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import { SessionRunRepository } from '../../renderer/src/storage/session-run-repo';
import RunSession from '../../renderer/src/views/sessions/run/RunSession.svelte';
import { FakeRoomHost } from './fake-room-host.svelte';

// The room panel in run mode: opened from the page's header, its code and the window's room
// loaded only then, and kept open for the session across a reload.

const room = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../renderer/src/state/room.svelte', () => ({ roomHost: () => room.current }));

let services: Services;
let program: Program;
let session: Session;

// The panel's code is compiled on its first import: done once here, not inside a test's wait.
beforeAll(async () => {
  await import('../../renderer/src/views/sessions/room/RoomView.svelte');
});

beforeEach(async () => {
  localStorage.clear();
  const fake = new FakeRoomHost();
  fake.interfaces = [{ name: 'wlp2s0', address: '192.168.1.20', kind: 'wifi' }];
  room.current = fake;
  services = createServices(`keel-room-mount-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Room' });
  const planned = newSession(program.id, { title: 'Kick-off', plannedMinutes: 30, blocks: [newBlock({ title: 'Ideas', plannedMinutes: 10, method: 'free' })] }, Date.now());
  await services.db.sessions.add(planned);
  await new SessionRunRepository(services.editor).start(planned.id);
  session = (await services.db.sessions.get(planned.id))!;
});

afterEach(() => services.db.close());

const show = () => render(RunSession, { props: { program, session }, context: servicesContext(services) });

describe('the room panel in run mode', () => {
  it('opens from the header, focused, and stays open for the session after a reload', async () => {
    const first = show();
    expect(screen.queryByRole('region', { name: 'Room' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Open the room…' }));
    const heading = await screen.findByRole('heading', { name: 'Room' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByRole('radio', { name: /Wi-Fi wlp2s0/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Go to the room' })).toBeInTheDocument();

    first.unmount();
    show();
    expect(await screen.findByRole('heading', { name: 'Room' })).toBeInTheDocument();
    // The first test compiles the whole run page on its first render: slow on a busy machine.
  }, 15_000);

  it('hides again while the room is off, and gives the keyboard back to the header', async () => {
    show();
    // Run mode has put the keyboard on its heading first.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    await fireEvent.click(screen.getByRole('button', { name: 'Open the room…' }));
    const hide = await screen.findByRole('button', { name: 'Hide this panel' });
    hide.focus();
    await fireEvent.click(hide);
    expect(screen.queryByRole('heading', { name: 'Room' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Open the room…' })).toHaveFocus());
  });

  it('cannot be hidden while the room is open, and hides once it is closed', async () => {
    (room.current as FakeRoomHost).phase = 'on';
    (room.current as FakeRoomHost).sessionId = session.id;
    (room.current as FakeRoomHost).info = (await import('./fake-room-host.svelte')).roomInfo();
    show();
    await fireEvent.click(screen.getByRole('button', { name: 'Open the room…' }));
    expect(await screen.findByRole('img', { name: 'QR code to join the room' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hide this panel' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the room…' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Room' })).not.toBeInTheDocument());
  });
});
