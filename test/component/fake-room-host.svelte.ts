import { vi } from 'vitest';
import type { RoomDevice, RoomDiagnosis, RoomInfo, RoomInterface } from '../../electron/room/protocol';
import type { Submission } from '../../renderer/src/domain/room/model';
import type { RoomHostApi, RoomPerson, RoomPhase } from '../../renderer/src/state/room-host';

// A RoomHostApi for the room views' tests: reactive fields the test sets, and spies for every
// action, so a test checks what the views show for a state and what they ask the room to do.

export class FakeRoomHost implements RoomHostApi {
  phase = $state<RoomPhase>('off');
  problem = $state('');
  sessionId = $state('');
  interfaces = $state<RoomInterface[]>([]);
  info = $state<RoomInfo | null>(null);
  people = $state<RoomPerson[]>([]);
  submissions = $state<Submission[]>([]);

  loadInterfaces = vi.fn(async () => undefined);
  start = vi.fn(async (_programId: string, sessionId: string, address: string) => {
    this.phase = 'on';
    this.sessionId = sessionId;
    this.info = roomInfo({ address });
    return true;
  });
  stop = vi.fn(async () => true);
  admit = vi.fn(async (_ids: string[]) => undefined);
  remove = vi.fn(async (_id: string) => undefined);
  setJoining = vi.fn(async (_open: boolean) => undefined);
  accept = vi.fn(async (_ids: string[], _how: 'each' | 'group') => undefined);
  decline = vi.fn(async (_ids: string[]) => undefined);
  diagnose = vi.fn(
    async (): Promise<RoomDiagnosis> => ({
      address: '192.168.1.20',
      port: 51234,
      reachable: true,
      addressPresent: true,
      advice: ['Guest Wi-Fi often keeps devices apart: use a network that lets phones see each other.', 'Allow Keel through the firewall if your computer asked.'],
    }),
  );

  /** An open room for a session, as the host shows it once started. */
  static open(sessionId: string, info: Partial<RoomInfo> = {}): FakeRoomHost {
    const room = new FakeRoomHost();
    room.phase = 'on';
    room.sessionId = sessionId;
    room.info = roomInfo(info);
    return room;
  }
}

export function roomInfo(info: Partial<RoomInfo> = {}): RoomInfo {
  const address = info.address ?? '192.168.1.20';
  return {
    address,
    port: 51234,
    url: `http://${address}:51234/`,
    joinUrl: `http://${address}:51234/?join=abcdefghijklmnopqrstuvwx`,
    code: 'KX7P2M',
    joiningOpen: true,
    ...info,
  };
}

let nextId = 1;

export function person(fields: Partial<RoomDevice & { submitted: number }> = {}): RoomPerson {
  const id = fields.id ?? `device-${nextId++}`;
  return {
    id,
    name: 'Ana',
    function: 'Product',
    status: 'admitted',
    connected: true,
    via: 'socket',
    participantId: fields.status === 'waiting' ? '' : `p-${id}`,
    joinedAt: 0,
    lastSeenAt: 0,
    submitted: 0,
    ...fields,
  };
}

export function submission(fields: Partial<Submission> = {}): Submission {
  const id = fields.id ?? `sub-${nextId++}`;
  return {
    id,
    programId: 'program-1',
    sessionId: 'session-1',
    blockId: '',
    participantId: 'p-1',
    author: 'Ana',
    function: 'Product',
    kind: 'idea',
    text: `Item ${id}`,
    clientId: `client-${id}`,
    status: 'pending',
    captureId: '',
    at: 0,
    decidedAt: null,
    ...fields,
  };
}
