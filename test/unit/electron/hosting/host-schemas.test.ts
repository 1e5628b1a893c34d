import { describe, expect, it } from 'vitest';
import { RoomCommandSchema, RoomStartRequestSchema } from '../../../../electron/room/host-schemas.js';
import { parseIpcArgs, RoomCommandArgsSchema, RoomListenArgsSchema, RoomNoArgsSchema, RoomStartArgsSchema } from '../../../../electron/ipc-schemas.js';
import { VIEW } from './fake-room-server.js';


describe('RoomStartRequestSchema', () => {
  it('takes one IPv4 address and a session title', () => {
    expect(RoomStartRequestSchema.parse({ address: '192.168.1.20', sessionTitle: 'Kick-off' })).toEqual({ address: '192.168.1.20', sessionTitle: 'Kick-off' });
  });

  it.each([
    ['every interface', { address: '0.0.0.0', sessionTitle: 'S' }],
    ['a name', { address: 'localhost', sessionTitle: 'S' }],
    ['an IPv6 address', { address: '::1', sessionTitle: 'S' }],
    ['an address with a port', { address: '127.0.0.1:80', sessionTitle: 'S' }],
    ['a title over 200 characters', { address: '127.0.0.1', sessionTitle: 'x'.repeat(201) }],
    ['a title with a line break', { address: '127.0.0.1', sessionTitle: 'a\nb' }],
    ['an extra key', { address: '127.0.0.1', sessionTitle: 'S', port: 80 }],
  ])('refuses %s', (_name, request) => {
    expect(RoomStartRequestSchema.safeParse(request).success).toBe(false);
  });
});

describe('RoomCommandSchema', () => {
  it.each([
    { type: 'admit', deviceId: 'd1', participantId: 'p1' },
    { type: 'remove', deviceId: 'd1' },
    { type: 'joining', open: false },
    { type: 'ack', deviceId: 'd1', id: 'idea-0001', status: 'recorded' },
    { type: 'ack', deviceId: 'd1', id: 'idea-0001', status: 'refused', message: 'That block has ended.' },
    { type: 'publish', views: { d1: VIEW, d2: { ...VIEW, status: 'waiting', block: null, round: null, mine: [] } } },
  ])('accepts %o', (command) => {
    expect(RoomCommandSchema.parse(command)).toEqual(command);
  });

  it.each([
    ['an unknown type', { type: 'shutdown' }],
    ['joining that is not a boolean', { type: 'joining', open: 'yes' }],
    ['an ack with a client id that is not one', { type: 'ack', deviceId: 'd1', id: 'a b', status: 'recorded' }],
    ['an ack with another status', { type: 'ack', deviceId: 'd1', id: 'idea-0001', status: 'maybe' }],
    ['an empty device id', { type: 'remove', deviceId: '' }],
    ['a view with a field the protocol does not have', { type: 'publish', views: { d1: { ...VIEW, ballots: [] } } }],
    ['a view with a wrong timer state', { type: 'publish', views: { d1: { ...VIEW, block: { ...VIEW.block, timer: { state: 'stopped', remainingMs: 0, plannedMinutes: 1 } } } } }],
    ['a view whose item is longer than any session holds', { type: 'publish', views: { d1: { ...VIEW, mine: [{ id: 's', kind: 'idea', text: 'x'.repeat(10_001), status: 'pending' }] } } }],
    ['a view whose name has a line break', { type: 'publish', views: { d1: { ...VIEW, name: 'Ada\nLovelace' } } }],
  ])('refuses %s', (_name, command) => {
    expect(RoomCommandSchema.safeParse(command).success).toBe(false);
  });

  it('accepts what a valid session may hold: 5,000-character outputs and items, 200-character names, 500 candidates', () => {
    const full = {
      ...VIEW,
      name: 'n'.repeat(200),
      block: VIEW.block && { ...VIEW.block, outputs: 'o'.repeat(5000) },
      round: VIEW.round && { ...VIEW.round, candidates: Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, label: 'l'.repeat(200) })) },
      mine: [{ id: 's1', kind: 'idea' as const, text: 't'.repeat(5000), status: 'accepted' as const }],
    };
    expect(RoomCommandSchema.safeParse({ type: 'publish', views: { d1: full } }).success).toBe(true);
  });

  it('refuses a publish naming more devices than a room holds', () => {
    const views = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`d${i}`, VIEW]));
    expect(RoomCommandSchema.safeParse({ type: 'publish', views }).success).toBe(false);
    delete views.d200;
    expect(RoomCommandSchema.safeParse({ type: 'publish', views }).success).toBe(true);
  });
});

describe('room IPC argument lists', () => {
  it('take exactly their arguments', () => {
    expect(parseIpcArgs(RoomStartArgsSchema, [{ address: '127.0.0.1', sessionTitle: 'S' }], 'keel:room-start')).toEqual([{ address: '127.0.0.1', sessionTitle: 'S' }]);
    expect(() => parseIpcArgs(RoomStartArgsSchema, [{ address: '0.0.0.0', sessionTitle: 'S' }], 'keel:room-start')).toThrow(/^Refused keel:room-start: invalid arguments \(address: /);
    expect(() => parseIpcArgs(RoomNoArgsSchema, ['x'], 'keel:room-stop')).toThrow(/invalid arguments/);
    expect(() => parseIpcArgs(RoomCommandArgsSchema, [{ type: 'joining', open: true }, 1], 'keel:room-command')).toThrow(/invalid arguments/);
    expect(() => parseIpcArgs(RoomListenArgsSchema, [], 'keel:room-listen')).toThrow(/invalid arguments/);
  });
});
