import { describe, expect, it } from 'vitest';
import type { RoomInterface } from '../../../../../electron/room/protocol';
import { arrivals, connectionWords, decidedSummary, INTERFACE_KINDS, preferredAddress } from '../../../../../renderer/src/views/sessions/room/room-words';

const net = (address: string, kind: RoomInterface['kind']): RoomInterface => ({ name: kind, address, kind });

describe('preferredAddress', () => {
  const list = [net('10.8.0.2', 'vpn'), net('127.0.0.1', 'loopback'), net('10.0.0.5', 'ethernet'), net('192.168.1.20', 'wifi')];

  it('keeps the address chosen last time while it is listed', () => {
    expect(preferredAddress(list, '127.0.0.1')).toBe('127.0.0.1');
  });

  it('otherwise picks the likeliest room network: Wi-Fi, then wired, then others, loopback last', () => {
    expect(preferredAddress(list, '172.16.0.9')).toBe('192.168.1.20');
    expect(preferredAddress(list.filter((n) => n.kind !== 'wifi'), '')).toBe('10.0.0.5');
    expect(preferredAddress([net('127.0.0.1', 'loopback'), net('172.17.0.1', 'virtual')], '')).toBe('172.17.0.1');
    expect(preferredAddress([net('127.0.0.1', 'loopback')], '')).toBe('127.0.0.1');
    expect(preferredAddress([], '10.0.0.5')).toBe('');
  });

  it('warns about the kinds that are probably not the room’s network', () => {
    const warned = Object.entries(INTERFACE_KINDS).filter(([, k]) => k.warning).map(([kind]) => kind);
    expect(warned.sort()).toEqual(['loopback', 'virtual', 'vpn']);
  });
});

describe('connectionWords', () => {
  it('says connected, slow over the polling fallback, or when the connection was lost', () => {
    expect(connectionWords({ connected: true, via: 'socket', lastSeenAt: 0 }, 0)).toBe('Connected');
    expect(connectionWords({ connected: true, via: 'poll', lastSeenAt: 0 }, 0)).toBe('Connected, slow connection');
    expect(connectionWords({ connected: false, via: 'none', lastSeenAt: 0 }, 120_000)).toBe('Lost connection 2 minutes ago');
    expect(connectionWords({ connected: false, via: 'none', lastSeenAt: 0 }, 10_000)).toBe('Lost connection just now');
  });
});

describe('decidedSummary', () => {
  it('counts the accepted and the declined', () => {
    expect(decidedSummary([{ status: 'accepted' }, { status: 'declined' }, { status: 'accepted' }])).toBe('Accepted 2, declined 1');
    expect(decidedSummary([])).toBe('Accepted 0, declined 0');
  });
});

describe('arrivals', () => {
  it('counts only the items not seen before, and remembers them', () => {
    const seen = new Set<string>();
    expect(arrivals(seen, [{ id: 'a' }, { id: 'b' }])).toBe(2);
    expect(arrivals(seen, [{ id: 'a' }, { id: 'b' }])).toBe(0);
    expect(arrivals(seen, [{ id: 'b' }, { id: 'c' }])).toBe(1);
    expect([...seen]).toEqual(['a', 'b', 'c']);
  });
});
