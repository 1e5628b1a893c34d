import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import type { Session } from '../../renderer/src/domain/sessions/model';
import { preference, text } from '../../renderer/src/state/preferences.svelte';
import { contextMenus, type MenuAction } from '../../renderer/src/ui/context-menu.svelte';
import RoomView from '../../renderer/src/views/sessions/room/RoomView.svelte';
import { FakeRoomHost, person, submission } from './fake-room-host.svelte';

// The facilitator's room views against a fake RoomHostApi: what each phase shows, and what each
// button asks the room to do (the real object records it; its own tests check that).

let session: Session;

beforeEach(() => {
  localStorage.clear();
  session = newSession('program-1', { title: 'Kick-off', plannedMinutes: 30, blocks: [newBlock({ title: 'Ideas', plannedMinutes: 10, method: 'free' })] }, 1);
});

afterEach(() => vi.useRealTimers());

function show(room: FakeRoomHost, onclosed = vi.fn()) {
  return { ...render(RoomView, { props: { room, session, onclosed } }), onclosed };
}

const networks = [
  { name: 'utun3', address: '10.8.0.2', kind: 'vpn' as const },
  { name: 'wlp2s0', address: '192.168.1.20', kind: 'wifi' as const },
  { name: 'enp0s31f6', address: '10.0.0.5', kind: 'ethernet' as const },
  { name: 'lo', address: '127.0.0.1', kind: 'loopback' as const },
];

describe('opening the room', () => {
  it('lists the networks in words, the likeliest chosen, and opens the room on the one chosen', async () => {
    const room = new FakeRoomHost();
    room.interfaces = networks;
    show(room);
    expect(room.loadInterfaces).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/nothing leaves the room, and nobody needs an account/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Wi-Fi wlp2s0 192\.168\.1\.20/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /VPN/ })).toHaveAccessibleDescription('Others on the Wi-Fi probably cannot reach this.');
    expect(screen.getByRole('radio', { name: /This computer only/ })).toHaveAccessibleDescription('For trying it on this computer.');

    await fireEvent.click(screen.getByRole('radio', { name: /Wired/ }));
    expect(JSON.parse(localStorage.getItem('keel.room.address')!)).toBe('10.0.0.5');
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh list' }));
    expect(room.loadInterfaces).toHaveBeenCalledTimes(2);

    await fireEvent.click(screen.getByRole('button', { name: 'Open the room' }));
    expect(room.start).toHaveBeenCalledWith('program-1', session.id, '10.0.0.5');
    expect(await screen.findByRole('heading', { name: 'Join the room' })).toBeInTheDocument();
  });

  it('starts with the network chosen last time, and opens with Enter on it', async () => {
    preference('keel.room.address', text(100), '').set('127.0.0.1');
    const room = new FakeRoomHost();
    room.interfaces = networks;
    show(room);
    const loopback = screen.getByRole('radio', { name: /This computer only/ });
    expect(loopback).toBeChecked();
    await fireEvent.keyDown(loopback, { key: 'Enter' });
    expect(room.start).toHaveBeenCalledWith('program-1', session.id, '127.0.0.1');
  });

  it('says why the room did not open, and what to do when no network is found', async () => {
    const room = new FakeRoomHost();
    room.start.mockImplementation(async () => {
      room.problem = 'The address 192.168.1.20 is no longer on this computer. Refresh the list and choose again.';
      return false;
    });
    show(room);
    expect(await screen.findByText(/Keel found no network on this computer/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Open the room' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the network the room is on first.');
    expect(room.start).not.toHaveBeenCalled();

    room.interfaces = networks;
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(4));
    await fireEvent.click(screen.getByRole('button', { name: 'Open the room' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no longer on this computer');
    expect(screen.queryByRole('heading', { name: 'Join the room' })).not.toBeInTheDocument();
  });

  it('says while it opens', async () => {
    const room = new FakeRoomHost();
    room.phase = 'starting';
    show(room);
    expect(screen.getByRole('button', { name: 'Opening the room…' })).toBeDisabled();
  });

  it('says why room mode cannot run here and how to run it', () => {
    const room = new FakeRoomHost();
    room.phase = 'unavailable';
    room.problem = 'This copy of Keel has no room server.';
    show(room);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Room mode cannot run here. This copy of Keel has no room server.');
    expect(note).toHaveTextContent('open Keel as the desktop app, or start it with npm start');
    expect(screen.queryByRole('button', { name: 'Open the room' })).not.toBeInTheDocument();
  });

  it('offers to close a room open for another session', async () => {
    const room = FakeRoomHost.open('another-session');
    show(room);
    expect(screen.getByText(/The room is open for another session/)).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'QR code to join the room' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the other room…' }));
    expect(room.stop).toHaveBeenCalled();
  });
});

describe('the join card', () => {
  it('shows the QR code (dark modules on white), the address and the room code', () => {
    show(FakeRoomHost.open(session.id));
    const qr = screen.getByRole('img', { name: 'QR code to join the room' });
    expect(Number(qr.getAttribute('data-dark-modules'))).toBeGreaterThan(100);
    expect(qr.querySelector('rect')).toHaveAttribute('fill', '#ffffff');
    expect(qr.querySelector('path')).toHaveAttribute('fill', '#000000');
    expect(qr.querySelector('path')!.getAttribute('d')).toMatch(/^M4 4h7v1h-7z/);
    expect(screen.getByTestId('room-url')).toHaveTextContent('http://192.168.1.20:51234/');
    expect(screen.getByTestId('room-code')).toHaveTextContent('KX7P2M');
    expect(within(screen.getByTestId('room-code')).getByText('K X 7 P 2 M')).toHaveClass('visually-hidden');
  });

  it('closes and reopens joining', async () => {
    const room = FakeRoomHost.open(session.id);
    show(room);
    expect(screen.getByText('Joining is open.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Close joining' }));
    expect(room.setJoining).toHaveBeenLastCalledWith(false);
    room.info = { ...room.info!, joiningOpen: false };
    expect(await screen.findByText('Joining is closed.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Reopen joining' }));
    expect(room.setJoining).toHaveBeenLastCalledWith(true);
  });

  it('closes the room through the room (which asks first), then hides', async () => {
    const room = FakeRoomHost.open(session.id);
    const { onclosed } = show(room);
    room.stop.mockResolvedValueOnce(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Close the room…' }));
    expect(room.stop).toHaveBeenCalledTimes(1);
    expect(onclosed).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the room…' }));
    await waitFor(() => expect(onclosed).toHaveBeenCalledTimes(1));
  });
});

describe('people', () => {
  it('says what to do while nobody has joined', () => {
    show(FakeRoomHost.open(session.id));
    expect(screen.getByText('Nobody has joined yet. Ask people to scan the code or open the address.')).toBeInTheDocument();
  });

  it('lists people with their status and connection, and admits or removes them', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(10 * 60_000);
    const room = FakeRoomHost.open(session.id);
    const bo = person({ id: 'bo', name: 'Bo', function: 'Legal', status: 'waiting' });
    const cy = person({ id: 'cy', name: 'Cy', function: 'Data', status: 'waiting', via: 'poll' });
    const ana = person({ id: 'ana', name: 'Ana', connected: false, via: 'none', lastSeenAt: 8 * 60_000, submitted: 3 });
    room.people = [bo, cy, ana];
    show(room);
    const list = screen.getByRole('list', { name: 'People in the room' });
    const [boRow, cyRow, anaRow] = within(list).getAllByRole('listitem');
    expect(boRow).toHaveTextContent(/Bo\s*Legal\s*Waiting\s*Connected/);
    expect(cyRow).toHaveTextContent('Connected, slow connection');
    expect(anaRow).toHaveTextContent(/In the room\s*Lost connection 2 minutes ago\s*3 items sent/);
    expect(screen.getByText('1 in the room, 2 waiting')).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Admit Bo' }));
    expect(room.admit).toHaveBeenLastCalledWith(['bo']);
    await fireEvent.click(screen.getByRole('button', { name: 'Admit everyone waiting' }));
    expect(room.admit).toHaveBeenLastCalledWith(['bo', 'cy']);
    expect(screen.queryByRole('button', { name: 'Admit Ana' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Ana…' }));
    expect(room.remove).toHaveBeenCalledWith('ana');
  });

  it('offers a row’s buttons in its context menu', async () => {
    const room = FakeRoomHost.open(session.id);
    room.people = [person({ id: 'bo', name: 'Bo', status: 'waiting' }), person({ id: 'ana', name: 'Ana' })];
    show(room);
    const [boRow, anaRow] = within(screen.getByRole('list', { name: 'People in the room' })).getAllByRole('listitem');
    await fireEvent.contextMenu(boRow!, { button: 2 });
    expect(contextMenus.current?.label).toBe('Bo');
    expect(contextMenus.current?.entries.map((e) => (e === 'separator' ? '-' : e.label))).toEqual(['Admit', '-', 'Remove…']);
    await (contextMenus.current?.entries[0] as MenuAction).run();
    expect(room.admit).toHaveBeenLastCalledWith(['bo']);
    contextMenus.close();
    await fireEvent.contextMenu(anaRow!, { button: 2 });
    await (contextMenus.current?.entries.find((e) => e !== 'separator' && e.label === 'Remove…') as MenuAction).run();
    expect(room.remove).toHaveBeenLastCalledWith('ana');
    contextMenus.close();
  });
});

describe('the inbox', () => {
  function withItems() {
    const room = FakeRoomHost.open(session.id);
    room.submissions = [
      submission({ id: 'a', kind: 'uncertainty', text: 'Will agents trust the drafts?', author: 'Ana', function: 'Support', blockId: session.blocks[0]!.id }),
      submission({ id: 'b', kind: 'idea', text: 'Pilot with one team', author: 'Bo', function: 'Legal' }),
      submission({ id: 'c', kind: 'concern', text: 'Data retention', author: 'Cy', function: 'Data' }),
      submission({ id: 'd', status: 'accepted', text: 'Already in', decidedAt: 5 }),
      submission({ id: 'e', status: 'declined', text: 'Off topic', decidedAt: 4 }),
    ];
    show(room);
    return room;
  }
  const pick = (text: string) => fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(text) }));

  it('shows each pending item with its kind, author, function and block, the decided ones folded', () => {
    withItems();
    const items = within(screen.getByRole('list', { name: 'Items to decide' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/Uncertainty\s*Ana, Support\s*· for “Ideas”\s*Will agents trust the drafts\?/);
    expect(screen.getByText('3 items to decide')).toBeInTheDocument();
    expect(screen.getByText('Accepted 1, declined 1')).toBeInTheDocument();
  });

  it('accepts one item, the selected ones, or all of them, each as its own item', async () => {
    const room = withItems();
    await fireEvent.click(screen.getByRole('button', { name: 'Accept "Pilot with one team"' }));
    expect(room.accept).toHaveBeenLastCalledWith(['b'], 'each');

    expect(screen.getByRole('button', { name: 'Accept selected' })).toBeDisabled();
    await pick('Data retention');
    await pick('Will agents trust');
    // In the list's order, whatever the order they were picked in.
    await fireEvent.click(screen.getByRole('button', { name: 'Accept selected (2)' }));
    expect(room.accept).toHaveBeenLastCalledWith(['a', 'c'], 'each');
    expect(screen.getByRole('button', { name: 'Accept selected' })).toBeDisabled();

    await fireEvent.click(screen.getByRole('button', { name: 'Accept all (3)' }));
    expect(room.accept).toHaveBeenLastCalledWith(['a', 'b', 'c'], 'each');
  });

  it('accepts two or more selected as one item, and declines the selected', async () => {
    const room = withItems();
    const group = screen.getByRole('button', { name: 'Accept selected as one item' });
    await pick('Pilot with one team');
    expect(group).toBeDisabled();
    await pick('Data retention');
    expect(group).toBeEnabled();
    await fireEvent.click(group);
    expect(room.accept).toHaveBeenLastCalledWith(['b', 'c'], 'group');

    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Decline selected' }));
    expect(room.decline).toHaveBeenLastCalledWith(['a', 'b', 'c']);
  });

  it('accepts or declines an item from its context menu', async () => {
    const room = withItems();
    const [first] = within(screen.getByRole('list', { name: 'Items to decide' })).getAllByRole('listitem');
    await fireEvent.contextMenu(first!, { button: 2 });
    expect(contextMenus.current?.entries.map((e) => (e === 'separator' ? '-' : e.label))).toEqual(['Accept', 'Decline']);
    await (contextMenus.current?.entries[1] as MenuAction).run();
    expect(room.decline).toHaveBeenLastCalledWith(['a']);
    contextMenus.close();
  });

  it('says when nothing waits, and announces new arrivals politely', async () => {
    const room = FakeRoomHost.open(session.id);
    show(room);
    expect(screen.getByText(/Nothing waiting/)).toBeInTheDocument();
    room.submissions = [submission({ text: 'One' }), submission({ text: 'Two' })];
    await waitFor(() => expect(screen.getByText('2 new items')).toBeInTheDocument());
    expect(screen.getByText('2 new items')).toHaveAttribute('aria-live', 'polite');
    room.submissions = [...room.submissions, submission({ text: 'Three' })];
    await waitFor(() => expect(screen.getByText('1 new item')).toBeInTheDocument());
  });
});

describe('diagnostics', () => {
  it('checks the room when opened and again on demand, and lists the advice', async () => {
    const room = FakeRoomHost.open(session.id);
    show(room);
    const disclosure = screen.getByText('Nobody can connect?').closest('details')!;
    disclosure.open = true;
    await fireEvent(disclosure, new Event('toggle'));
    expect(room.diagnose).toHaveBeenCalledTimes(1);
    expect(await within(disclosure).findByText('192.168.1.20:51234')).toBeInTheDocument();
    expect(within(disclosure).getByText('Reachable from this computer').nextElementSibling).toHaveTextContent('Yes');
    const advice = within(disclosure).getAllByRole('listitem').map((li) => li.textContent);
    expect(advice).toEqual(['Guest Wi-Fi often keeps devices apart: use a network that lets phones see each other.', 'Allow Keel through the firewall if your computer asked.']);
    expect(disclosure).toHaveTextContent('turn on this laptop’s own hotspot, have everyone join it, then open the room again on that network');

    room.diagnose.mockResolvedValueOnce({ address: '192.168.1.20', port: 51234, reachable: false, addressPresent: false, advice: [] });
    await fireEvent.click(within(disclosure).getByRole('button', { name: 'Check again' }));
    expect(room.diagnose).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(within(disclosure).getByText('Address still on this computer').nextElementSibling).toHaveTextContent('No'));
  });

  it('says so when the check cannot run', async () => {
    const room = FakeRoomHost.open(session.id);
    room.diagnose.mockRejectedValueOnce(new Error('offline'));
    show(room);
    const disclosure = screen.getByText('Nobody can connect?').closest('details')!;
    disclosure.open = true;
    await fireEvent(disclosure, new Event('toggle'));
    expect(await within(disclosure).findByText(/The check could not run/)).toBeInTheDocument();
  });
});
