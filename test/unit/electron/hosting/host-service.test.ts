import { describe, expect, it, vi } from 'vitest';
import { createRoomHostService, startFailureMessage } from '../../../../electron/room/host-service.js';
import { EventQueue } from '../../../../electron/room/event-queue.js';
import type { RoomEvent, SubmitMessage } from '../../../../electron/room/protocol.js';
import { device, fakeServers, INTERFACES } from './fake-room-server.js';

function setup(queueLimit?: number) {
  const servers = fakeServers();
  const service = createRoomHostService({ pageRoot: '/app/dist/renderer/participant', startServer: servers.startServer, listInterfaces: () => INTERFACES, queueLimit });
  return { servers, service };
}

function intention(deviceId: string, id: string): RoomEvent {
  const submit: SubmitMessage = { type: 'submit', id, blockId: 'b1', kind: 'idea', text: 'An idea' };
  return { type: 'intention', deviceId, participantId: `p-${deviceId}`, intention: submit, receivedAt: 5 };
}

describe('createRoomHostService', () => {
  it('starts a room on a listed address with the page root and the session title, and reports it', async () => {
    const { servers, service } = setup();
    expect(service.interfaces()).toEqual(INTERFACES);
    expect(service.current()).toBeNull();
    const result = await service.start({ address: '192.168.1.20', sessionTitle: 'Kick-off' });
    expect(result).toEqual({ ok: true, info: servers.last().info });
    expect(servers.last().options).toMatchObject({ address: '192.168.1.20', sessionTitle: 'Kick-off', pageRoot: '/app/dist/renderer/participant' });
    servers.last().emit({ type: 'device', device: device('d1') });
    expect(service.current()).toEqual({ info: servers.last().info, devices: [device('d1')] });
  });

  it.each(['0.0.0.0', '10.0.0.9', '127.0.0.2'])('refuses %s, which is not one of the listed addresses, without listening', async (address) => {
    const { servers, service } = setup();
    const result = await service.start({ address, sessionTitle: 'Kick-off' });
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`${address} is not one of this computer's network addresses`) });
    expect(servers.made).toHaveLength(0);
  });

  it('refuses 0.0.0.0 even when an interface list names it', async () => {
    const servers = fakeServers();
    const service = createRoomHostService({ pageRoot: '/p', startServer: servers.startServer, listInterfaces: () => [{ name: 'any', address: '0.0.0.0', kind: 'other' }] });
    expect((await service.start({ address: '0.0.0.0', sessionTitle: 'S' })).ok).toBe(false);
    expect(servers.made).toHaveLength(0);
  });

  it('holds one room at a time: a second start is refused with a sentence and stops nothing', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const second = await service.start({ address: '192.168.1.20', sessionTitle: 'Retro' });
    expect(second).toEqual({ ok: false, message: `Room mode is already on for “Kick-off” at http://127.0.0.1:40000/. Turn it off before starting another.` });
    expect(servers.made).toHaveLength(1);
    expect(servers.last().stopped).toBe(false);
  });

  it('refuses a start while another is still starting', async () => {
    const { servers, service } = setup();
    const first = service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const second = await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    expect(second).toEqual({ ok: false, message: expect.stringMatching(/^Room mode is already on for “Kick-off”\./) });
    expect((await first).ok).toBe(true);
    expect(servers.made).toHaveLength(1);
  });

  it('turns a failure to listen into a plain sentence and stays off', async () => {
    const failing = Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' });
    const service = createRoomHostService({ pageRoot: '/p', listInterfaces: () => INTERFACES, startServer: async () => Promise.reject(failing) });
    const result = await service.start({ address: '127.0.0.1', sessionTitle: 'S' });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no longer this computer's/) });
    expect(service.current()).toBeNull();
  });

  it('says why a room could not open for the usual errors', () => {
    expect(startFailureMessage('10.0.0.2', Object.assign(new Error('x'), { code: 'EACCES' }))).toMatch(/did not allow it to listen there/);
    expect(startFailureMessage('10.0.0.2', new Error('boom'))).toBe('Keel could not open the room on 10.0.0.2 (boom). Try again, or choose another network.');
    expect(startFailureMessage('10.0.0.2', 'odd')).toBe('Keel could not open the room on 10.0.0.2. Try again, or choose another network.');
  });

  it('stops the server, is idempotent, and a new room may start after', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await service.stop();
    await service.stop();
    expect(servers.last().stopped).toBe(true);
    expect(service.current()).toBeNull();
    expect((await service.start({ address: '127.0.0.1', sessionTitle: 'Retro' })).ok).toBe(true);
    expect(servers.made).toHaveLength(2);
  });

  it('a stop during a start closes the server that was starting', async () => {
    const { servers, service } = setup();
    const starting = service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await service.stop();
    expect(await starting).toEqual({ ok: false, message: 'Room mode was turned off while it was starting.' });
    expect(servers.last().stopped).toBe(true);
    expect(service.current()).toBeNull();
  });

  it('forwards commands to the server, and ignores them when off', async () => {
    const { servers, service } = setup();
    service.send({ type: 'joining', open: false }); // off: nothing to tell
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    service.send({ type: 'admit', deviceId: 'd1', participantId: 'p1' });
    expect(servers.last().commands).toEqual([{ type: 'admit', deviceId: 'd1', participantId: 'p1' }]);
    await service.stop();
    service.send({ type: 'remove', deviceId: 'd1' });
    expect(servers.last().commands).toHaveLength(1);
  });

  it('diagnoses the running room, and says so when it is off', async () => {
    const { service } = setup();
    await expect(service.diagnose()).rejects.toThrow(/Room mode is off/);
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await expect(service.diagnose()).resolves.toMatchObject({ address: '127.0.0.1', reachable: true });
  });

  it('delivers events to the listener as they come', async () => {
    const { servers, service } = setup();
    const heard: RoomEvent[] = [];
    service.subscribe((event) => heard.push(event));
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    servers.last().emit({ type: 'view-wanted', deviceId: 'd1' });
    expect(heard).toEqual([{ type: 'view-wanted', deviceId: 'd1' }]);
  });

  it('queues events while nobody listens and delivers them in order on subscribe', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const events: RoomEvent[] = [{ type: 'device', device: device('d1') }, intention('d1', 'idea-00001'), { type: 'view-wanted', deviceId: 'd1' }];
    for (const event of events) servers.last().emit(event);
    const heard: RoomEvent[] = [];
    service.subscribe((event) => heard.push(event));
    expect(heard).toEqual(events);
  });

  it('has one listener at a time: a new subscription replaces the old, and an old unsubscribe does not undo it', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = service.subscribe(first);
    service.subscribe(second);
    unsubscribeFirst();
    servers.last().emit({ type: 'view-wanted', deviceId: 'd1' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ type: 'view-wanted', deviceId: 'd1' });
  });

  it('queues again after the listener unsubscribes (a window reloading)', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const unsubscribe = service.subscribe(vi.fn());
    unsubscribe();
    servers.last().emit(intention('d1', 'idea-00001'));
    const later = vi.fn();
    service.subscribe(later);
    expect(later).toHaveBeenCalledWith(intention('d1', 'idea-00001'));
  });

  it('a stopped event clears the room and reaches the host', async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    servers.last().emit({ type: 'stopped', reason: 'The network went away.' });
    expect(service.current()).toBeNull();
    const heard = vi.fn();
    service.subscribe(heard);
    expect(heard).toHaveBeenCalledWith({ type: 'stopped', reason: 'The network went away.' });
    expect((await service.start({ address: '127.0.0.1', sessionTitle: 'Again' })).ok).toBe(true);
  });

  it("ignores a stopped room's late events and does not hand an earlier room's queue to a new one", async () => {
    const { servers, service } = setup();
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const old = servers.last();
    old.emit({ type: 'view-wanted', deviceId: 'old' });
    await service.stop();
    old.emit({ type: 'view-wanted', deviceId: 'late' });
    await service.start({ address: '127.0.0.1', sessionTitle: 'Retro' });
    servers.last().emit({ type: 'view-wanted', deviceId: 'new' });
    const heard = vi.fn();
    service.subscribe(heard);
    expect(heard.mock.calls).toEqual([[{ type: 'view-wanted', deviceId: 'new' }]]);
  });

  it('when the queue is full, lets device states go first and refuses an intention to its device rather than dropping it silently', async () => {
    const { servers, service } = setup(3);
    await service.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    const server = servers.last();
    server.emit(intention('d1', 'idea-00001'));
    server.emit({ type: 'device', device: device('d2') });
    server.emit(intention('d1', 'idea-00002'));
    server.emit(intention('d3', 'idea-00003')); // full: the device state goes
    expect(server.commands).toEqual([]);
    server.emit(intention('d4', 'idea-00004')); // full of intentions: the oldest is refused
    expect(server.commands).toEqual([
      { type: 'ack', deviceId: 'd1', id: 'idea-00001', status: 'refused', message: expect.stringMatching(/Send it again/) },
    ]);
    const heard: RoomEvent[] = [];
    service.subscribe((event) => heard.push(event));
    expect(heard).toEqual([intention('d1', 'idea-00002'), intention('d3', 'idea-00003'), intention('d4', 'idea-00004')]);
  });
});

describe('EventQueue', () => {
  it('holds 5,000 events by default, dropping the oldest device states first', () => {
    const dropped: RoomEvent[] = [];
    const queue = new EventQueue(undefined, (event) => dropped.push(event));
    queue.push({ type: 'device-removed', deviceId: 'x' });
    for (let i = 0; i < 5000; i += 1) queue.push({ type: 'view-wanted', deviceId: `d${i}` });
    expect(queue.size).toBe(5000);
    expect(dropped).toEqual([{ type: 'view-wanted', deviceId: 'd0' }]);
    expect(queue.drain()[0]).toEqual({ type: 'device-removed', deviceId: 'x' });
    expect(queue.size).toBe(0);
  });

  it('lets the oldest event go when nothing else can, and refuses a limit below one', () => {
    const queue = new EventQueue(1);
    queue.push({ type: 'device-removed', deviceId: 'a' });
    queue.push({ type: 'stopped', reason: 'r' });
    expect(queue.drain()).toEqual([{ type: 'stopped', reason: 'r' }]);
    expect(() => new EventQueue(0)).toThrow(RangeError);
  });
});
