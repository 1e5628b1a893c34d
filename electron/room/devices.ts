// The devices in a room: who joined (waiting), who the facilitator admitted and as which
// participant, how each is connected, and what was sent to it. Pure: the clock and the secrets are
// given by the caller, transport lives in server.ts.
import { newSecret, normalizeCode, secretsEqual } from './guard.js';
import { Outbox } from './outbox.js';
import { ROOM_DEVICES_MAX, ROOM_RATE_BURST, ROOM_RATE_PER_SECOND, type JoinRequest, type JoinResponse, type RoomDevice } from './protocol.js';
import { TokenBucket } from './rate-limit.js';

export interface Device {
  readonly id: string;
  readonly token: string;
  readonly name: string;
  readonly function: string;
  readonly joinedAt: number;
  status: RoomDevice['status'];
  participantId: string;
  lastSeenAt: number;
  /** Open sockets (a page open in two tabs shares the token), and whether a poll is being held or was just answered. */
  sockets: number;
  polling: boolean;
  readonly outbox: Outbox;
  readonly bucket: TokenBucket;
}

export type JoinRefusal = Extract<JoinResponse, { ok: false }>['reason'];

export const JOIN_REFUSALS: Record<JoinRefusal, string> = {
  'wrong-code': 'That room code is not right. Check the code on the facilitator’s screen and try again.',
  'joining-closed': 'The facilitator has closed joining for now. Ask them to open it again.',
  'room-full': `The room is full (${ROOM_DEVICES_MAX} devices). Ask the facilitator to remove a device that left.`,
  'bad-request': 'Give your name and your function, and the room code.',
  'too-many-requests': 'Too many wrong codes from this device. Wait a minute, then try again.',
};

export function refusedJoin(reason: JoinRefusal): JoinResponse {
  return { ok: false, reason, message: JOIN_REFUSALS[reason] };
}

export function deviceState(device: Device): RoomDevice {
  const connected = device.sockets > 0 || device.polling;
  return {
    id: device.id,
    name: device.name,
    function: device.function,
    status: device.status,
    connected,
    via: device.sockets > 0 ? 'socket' : device.polling ? 'poll' : 'none',
    participantId: device.participantId,
    joinedAt: device.joinedAt,
    lastSeenAt: device.lastSeenAt,
  };
}

export class DeviceRegistry {
  private readonly byId = new Map<string, Device>();
  joiningOpen = true;

  constructor(
    readonly code: string,
    readonly joinToken: string,
    private readonly makeSecret: () => string = newSecret,
  ) {}

  /** Whether a join request names this room (its code, or the join token from the QR code). */
  private admitsEntry(request: JoinRequest): boolean {
    // Both are compared in full (no early return) so the time taken says nothing about either.
    const byCode = request.code !== undefined && secretsEqual(normalizeCode(request.code), this.code);
    const byToken = request.joinToken !== undefined && secretsEqual(request.joinToken, this.joinToken);
    return byCode || byToken;
  }

  /** A new waiting device, or why not. */
  join(request: JoinRequest, now: number): { ok: true; device: Device } | { ok: false; reason: JoinRefusal } {
    if (!this.admitsEntry(request)) return { ok: false, reason: 'wrong-code' };
    if (!this.joiningOpen) return { ok: false, reason: 'joining-closed' };
    if (this.byId.size >= ROOM_DEVICES_MAX) return { ok: false, reason: 'room-full' };
    const device: Device = {
      id: `d-${this.makeSecret().slice(0, 12)}`,
      token: this.makeSecret(),
      name: request.name,
      function: request.function,
      joinedAt: now,
      status: 'waiting',
      participantId: '',
      lastSeenAt: now,
      sockets: 0,
      polling: false,
      outbox: new Outbox(),
      bucket: new TokenBucket(ROOM_RATE_BURST, ROOM_RATE_PER_SECOND, now),
    };
    this.byId.set(device.id, device);
    return { ok: true, device };
  }

  /**
   * The device a token belongs to. Every device's token is compared, in constant time each, so
   * neither the answer's time nor an early stop tells how close a forged token came.
   */
  byToken(token: string): Device | undefined {
    let found: Device | undefined;
    for (const device of this.byId.values()) {
      if (secretsEqual(token, device.token)) found = device;
    }
    return found;
  }

  get(deviceId: string): Device | undefined {
    return this.byId.get(deviceId);
  }

  all(): Device[] {
    return [...this.byId.values()];
  }

  /** Admits a device as a session participant (again, to change who it is); false for an unknown device. */
  admit(deviceId: string, participantId: string): Device | undefined {
    const device = this.byId.get(deviceId);
    if (!device) return undefined;
    device.status = 'admitted';
    device.participantId = participantId;
    return device;
  }

  /** Forgets a device: its token stops working at once. */
  remove(deviceId: string): Device | undefined {
    const device = this.byId.get(deviceId);
    this.byId.delete(deviceId);
    return device;
  }
}
