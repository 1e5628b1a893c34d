import { describe, expect, it } from 'vitest';
import { deviceState, DeviceRegistry, JOIN_REFUSALS, refusedJoin } from '../../../../electron/room/devices.js';
import { newSecret } from '../../../../electron/room/guard.js';
import { ROOM_DEVICES_MAX } from '../../../../electron/room/protocol.js';

const joinToken = newSecret();
const registry = () => new DeviceRegistry('ABC234', joinToken);
const person = { name: 'Ada', function: 'Engineering' };

describe('DeviceRegistry', () => {
  it('lets a device in with the code (typed loosely) or the join token, waiting', () => {
    const room = registry();
    const byCode = room.join({ ...person, code: 'abc-234' }, 5);
    const byToken = room.join({ ...person, joinToken }, 6);
    expect(byCode.ok && byToken.ok).toBe(true);
    if (!byCode.ok || !byToken.ok) return;
    expect(byCode.device).toMatchObject({ status: 'waiting', participantId: '', joinedAt: 5, name: 'Ada', function: 'Engineering' });
    expect(byCode.device.token).not.toBe(byToken.device.token);
    expect(byCode.device.id).not.toBe(byToken.device.id);
    expect(room.all()).toHaveLength(2);
  });

  it('refuses a wrong code or join token, then a closed room, then a full one', () => {
    const room = registry();
    expect(room.join({ ...person, code: 'ABC235' }, 0)).toEqual({ ok: false, reason: 'wrong-code' });
    expect(room.join({ ...person, joinToken: newSecret() }, 0)).toEqual({ ok: false, reason: 'wrong-code' });
    room.joiningOpen = false;
    expect(room.join({ ...person, code: 'ABC234' }, 0)).toEqual({ ok: false, reason: 'joining-closed' });
    // A wrong code is still wrong while joining is closed (it tells nothing about the room).
    expect(room.join({ ...person, code: 'XXXXXX' }, 0)).toEqual({ ok: false, reason: 'wrong-code' });
    room.joiningOpen = true;
    for (let i = 1; i < ROOM_DEVICES_MAX + 1; i++) expect(room.join({ ...person, code: 'ABC234' }, i).ok).toBe(true);
    expect(room.join({ ...person, code: 'ABC234' }, 0)).toEqual({ ok: false, reason: 'room-full' });
  });

  it('finds a device by its token only, and forgets it when removed', () => {
    const room = registry();
    const a = room.join({ ...person, code: 'ABC234' }, 0);
    const b = room.join({ ...person, code: 'ABC234' }, 0);
    if (!a.ok || !b.ok) throw new Error('join failed');
    expect(room.byToken(a.device.token)).toBe(a.device);
    expect(room.byToken(b.device.token)).toBe(b.device);
    expect(room.byToken(newSecret())).toBeUndefined();
    expect(room.byToken(a.device.token.slice(0, 20))).toBeUndefined();
    expect(room.remove(a.device.id)).toBe(a.device);
    expect(room.byToken(a.device.token)).toBeUndefined();
    expect(room.get(a.device.id)).toBeUndefined();
    expect(room.remove(a.device.id)).toBeUndefined();
  });

  it('admits a device as a participant, and again as another', () => {
    const room = registry();
    const joined = room.join({ ...person, code: 'ABC234' }, 0);
    if (!joined.ok) throw new Error('join failed');
    expect(room.admit(joined.device.id, 'p1')).toMatchObject({ status: 'admitted', participantId: 'p1' });
    expect(room.admit(joined.device.id, 'p2')?.participantId).toBe('p2');
    expect(room.admit('d-nobody', 'p1')).toBeUndefined();
  });

  it('shows how a device is connected: sockets before polling', () => {
    const room = registry();
    const joined = room.join({ ...person, code: 'ABC234' }, 7);
    if (!joined.ok) throw new Error('join failed');
    const device = joined.device;
    expect(deviceState(device)).toEqual({
      id: device.id,
      name: 'Ada',
      function: 'Engineering',
      status: 'waiting',
      connected: false,
      via: 'none',
      participantId: '',
      joinedAt: 7,
      lastSeenAt: 7,
    });
    device.polling = true;
    expect(deviceState(device)).toMatchObject({ connected: true, via: 'poll' });
    device.sockets = 1;
    expect(deviceState(device)).toMatchObject({ connected: true, via: 'socket' });
    expect(JSON.stringify(deviceState(device))).not.toContain(device.token);
  });

  it('says every refusal in a sentence', () => {
    for (const [reason, message] of Object.entries(JOIN_REFUSALS)) {
      expect(refusedJoin(reason as keyof typeof JOIN_REFUSALS)).toEqual({ ok: false, reason, message });
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
