import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantView, RoomEvent, ServerMessage } from '../../../../electron/room/protocol.js';
import { CLOSE_ENDED, CLOSE_TOO_MANY, Room, SOCKETS_PER_DEVICE, type DeviceSocket } from '../../../../electron/room/room.js';

const JOIN_TOKEN = 'j'.repeat(43);
const view = (name: string): ParticipantView => ({ sessionTitle: 'Kick-off', name, status: 'admitted', block: null, round: null, mine: [] });
const submit = (id: string) => JSON.stringify({ type: 'submit', id, blockId: 'b1', kind: 'idea', text: 'Label a sample first' });

class FakeSocket implements DeviceSocket {
  sent: ServerMessage[] = [];
  closed: [number, string] | null = null;
  send(text: string): void {
    this.sent.push(JSON.parse(text) as ServerMessage);
  }
  close(code: number, reason: string): void {
    this.closed = [code, reason];
  }
}

let events: RoomEvent[];
let clock: number;
let room: Room;

function joined(name = 'Ada') {
  const { response } = room.join(JSON.stringify({ code: 'ABC234', name, function: 'Product' }), '10.0.0.5');
  if (!response.ok) throw new Error(response.message);
  const device = room.registry.get(response.deviceId);
  if (!device) throw new Error('no device');
  return device;
}

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  clock = 1000;
  room = new Room('ABC234', JOIN_TOKEN, (e) => events.push(e), () => clock, { pollHoldMs: 25_000, pollIdleMs: 10_000 });
});
afterEach(() => vi.useRealTimers());

describe('joining', () => {
  it('answers a join with the device and its token, and tells the host', () => {
    const answer = room.join(JSON.stringify({ joinToken: JOIN_TOKEN, name: 'Ada', function: 'Eng' }), '10.0.0.5');
    expect(answer.status).toBe(200);
    expect(answer.response).toMatchObject({ ok: true, status: 'waiting' });
    expect(events).toEqual([{ type: 'device', device: expect.objectContaining({ name: 'Ada', status: 'waiting', connected: false }) }]);
  });

  it('limits wrong codes per address, then refuses even the right one for a minute', () => {
    for (let i = 0; i < 10; i++) expect(room.join(JSON.stringify({ code: 'WRONG1', name: 'X', function: 'Y' }), '10.0.0.66').status).toBe(403);
    const limited = room.join(JSON.stringify({ code: 'ABC234', name: 'X', function: 'Y' }), '10.0.0.66');
    expect(limited).toMatchObject({ status: 429, response: { ok: false, reason: 'too-many-requests' } });
    // Another address is not held up; the first one is let in once the minute passed.
    expect(room.join(JSON.stringify({ code: 'ABC234', name: 'X', function: 'Y' }), '10.0.0.67').status).toBe(200);
    clock += 60_000;
    expect(room.join(JSON.stringify({ code: 'ABC234', name: 'X', function: 'Y' }), '10.0.0.66').status).toBe(200);
  });

  it('lets many devices join from one address (a shared laptop, a test run)', () => {
    for (let i = 0; i < 50; i++) joined(`P${i}`);
    expect(room.registry.all()).toHaveLength(50);
  });

  it('refuses a malformed join with 400 and closed joining with 403', () => {
    expect(room.join('{"code":1}', '10.0.0.5')).toMatchObject({ status: 400, response: { reason: 'bad-request' } });
    room.command({ type: 'joining', open: false });
    expect(room.join(JSON.stringify({ code: 'ABC234', name: 'X', function: 'Y' }), '10.0.0.5')).toMatchObject({
      status: 403,
      response: { reason: 'joining-closed' },
    });
  });
});

describe('sockets and intentions', () => {
  it('a hello connects the device, replays what it missed and asks the host for its view', () => {
    const device = joined();
    room.command({ type: 'admit', deviceId: device.id, participantId: 'p1' });
    room.command({ type: 'publish', views: { [device.id]: view('Ada') } });
    events = [];
    const socket = new FakeSocket();
    room.attachSocket(device, socket);
    expect(socket.sent).toEqual([{ type: 'view', seq: 1, view: view('Ada') }]);
    expect(events).toEqual([
      { type: 'device', device: expect.objectContaining({ id: device.id, connected: true, via: 'socket', status: 'admitted', participantId: 'p1' }) },
      { type: 'view-wanted', deviceId: device.id },
    ]);
    room.detachSocket(device, socket);
    expect(events.at(-1)).toEqual({ type: 'device', device: expect.objectContaining({ connected: false, via: 'none' }) });
  });

  it('passes an admitted device’s submission to the host with its participant, and routes the ack to it alone', () => {
    const ada = joined('Ada');
    const bob = joined('Bob');
    room.command({ type: 'admit', deviceId: ada.id, participantId: 'p-ada' });
    const adaSocket = new FakeSocket();
    const bobSocket = new FakeSocket();
    room.attachSocket(ada, adaSocket);
    room.attachSocket(bob, bobSocket);
    events = [];
    clock = 5000;
    expect(room.receive(ada, submit('submit01'), adaSocket).kind).toBe('intention');
    expect(events).toEqual([
      { type: 'intention', deviceId: ada.id, participantId: 'p-ada', intention: JSON.parse(submit('submit01')), receivedAt: 5000 },
    ]);
    room.command({ type: 'ack', deviceId: ada.id, id: 'submit01', status: 'recorded' });
    expect(adaSocket.sent).toEqual([{ type: 'ack', seq: 1, id: 'submit01', status: 'recorded' }]);
    expect(bobSocket.sent).toEqual([]);
  });

  it('answers a waiting device’s intention on its socket with an error frame, and the host hears nothing', () => {
    const device = joined();
    const socket = new FakeSocket();
    room.attachSocket(device, socket);
    events = [];
    room.receive(device, submit('submit01'), socket);
    expect(socket.sent).toEqual([{ type: 'error', seq: 1, message: 'Wait until the facilitator lets you in.' }]);
    expect(socket.closed).toBeNull();
    expect(events).toEqual([]);
  });

  it('a ping asks for the view and gets the last one again', () => {
    const device = joined();
    room.command({ type: 'publish', views: { [device.id]: view('Ada') } });
    const socket = new FakeSocket();
    room.attachSocket(device, socket);
    socket.sent = [];
    events = [];
    room.receive(device, '{"type":"ping"}', socket);
    expect(events).toEqual([{ type: 'view-wanted', deviceId: device.id }]);
    expect(socket.sent).toEqual([{ type: 'view', seq: 1, view: view('Ada') }]);
  });

  it('publishes each device its own view only; devices not named keep theirs', () => {
    const ada = joined('Ada');
    const bob = joined('Bob');
    const adaSocket = new FakeSocket();
    const bobSocket = new FakeSocket();
    room.attachSocket(ada, adaSocket);
    room.attachSocket(bob, bobSocket);
    room.command({ type: 'publish', views: { [ada.id]: view('Ada'), 'd-unknown': view('Nobody') } });
    expect(adaSocket.sent).toEqual([{ type: 'view', seq: 1, view: view('Ada') }]);
    expect(bobSocket.sent).toEqual([]);
    expect(bob.outbox.lastView()).toBeUndefined();
  });

  it('sends to every socket a device has open (two tabs)', () => {
    const device = joined();
    const tabs = [new FakeSocket(), new FakeSocket()];
    for (const tab of tabs) room.attachSocket(device, tab);
    room.command({ type: 'publish', views: { [device.id]: view('Ada') } });
    expect(tabs.map((t) => t.sent.length)).toEqual([1, 1]);
    room.detachSocket(device, tabs[0]!);
    expect(room.registry.get(device.id)?.sockets).toBe(1);
  });

  it('closes a device’s oldest socket when it opens too many', () => {
    const device = joined();
    const tabs = Array.from({ length: SOCKETS_PER_DEVICE + 1 }, () => new FakeSocket());
    for (const tab of tabs) room.attachSocket(device, tab);
    expect(tabs[0]!.closed?.[0]).toBe(CLOSE_TOO_MANY);
    expect(tabs.slice(1).every((t) => t.closed === null)).toBe(true);
    expect(device.sockets).toBe(SOCKETS_PER_DEVICE);
    room.detachSocket(device, tabs[0]!);
    expect(device.sockets).toBe(SOCKETS_PER_DEVICE);
  });
});

describe('polling', () => {
  it('answers at once with what is newer, else holds until a message comes', () => {
    const device = joined();
    room.command({ type: 'publish', views: { [device.id]: view('Ada') } });
    const answers: ServerMessage[][] = [];
    room.poll(device, 0, (m) => answers.push(m));
    expect(answers).toEqual([[{ type: 'view', seq: 1, view: view('Ada') }]]);
    room.poll(device, 1, (m) => answers.push(m));
    expect(answers).toHaveLength(1);
    room.command({ type: 'ack', deviceId: device.id, id: 'submit01', status: 'refused', message: 'That block has ended.' });
    expect(answers[1]).toEqual([{ type: 'ack', seq: 2, id: 'submit01', status: 'refused', message: 'That block has ended.' }]);
  });

  it('answers an empty list when the hold ends', () => {
    const device = joined();
    const answers: ServerMessage[][] = [];
    room.poll(device, 0, (m) => answers.push(m));
    vi.advanceTimersByTime(24_999);
    expect(answers).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(answers).toEqual([[]]);
  });

  it('holds a poll per tab, answering each, and the oldest empty past the limit', () => {
    const device = joined();
    const tabs: ServerMessage[][][] = Array.from({ length: SOCKETS_PER_DEVICE + 1 }, () => []);
    tabs.forEach((answers) => room.poll(device, 0, (m) => answers.push(m)));
    expect(tabs[0]).toEqual([[]]);
    room.command({ type: 'ack', deviceId: device.id, id: 'submit01', status: 'recorded' });
    for (const answers of tabs.slice(1)) expect(answers).toEqual([[{ type: 'ack', seq: 1, id: 'submit01', status: 'recorded' }]]);
  });

  it('shows the device as polling while it polls, and not once it stops', () => {
    const device = joined();
    events = [];
    const held = room.poll(device, 0, () => undefined);
    expect(events).toEqual([
      { type: 'device', device: expect.objectContaining({ connected: true, via: 'poll' }) },
      { type: 'view-wanted', deviceId: device.id },
    ]);
    held.cancel();
    vi.advanceTimersByTime(9_999);
    expect(events).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toEqual({ type: 'device', device: expect.objectContaining({ connected: false, via: 'none' }) });
  });
});

describe('removing and closing', () => {
  it('a removed device is told, its connections close, its token stops working, the host hears it', () => {
    const device = joined();
    const socket = new FakeSocket();
    room.attachSocket(device, socket);
    const polled: ServerMessage[][] = [];
    room.poll(device, 0, (m) => polled.push(m));
    events = [];
    room.command({ type: 'remove', deviceId: device.id });
    expect(socket.sent).toEqual([{ type: 'ended', seq: 1, reason: 'removed' }]);
    expect(socket.closed).toEqual([CLOSE_ENDED, 'removed']);
    expect(polled).toEqual([[{ type: 'ended', seq: 1, reason: 'removed' }]]);
    expect(room.registry.byToken(device.token)).toBeUndefined();
    expect(events).toEqual([{ type: 'device-removed', deviceId: device.id }]);
    room.command({ type: 'ack', deviceId: device.id, id: 'submit01', status: 'recorded' });
    expect(socket.sent).toHaveLength(1);
  });

  it('closing the room ends every device', () => {
    const sockets = [joined('A'), joined('B')].map((device) => {
      const socket = new FakeSocket();
      room.attachSocket(device, socket);
      return socket;
    });
    room.close();
    for (const socket of sockets) {
      expect(socket.sent).toEqual([{ type: 'ended', seq: 1, reason: 'room-closed' }]);
      expect(socket.closed).toEqual([CLOSE_ENDED, 'room-closed']);
    }
    expect(room.registry.all()).toEqual([]);
  });
});
