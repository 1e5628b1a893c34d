// A room server that listens nowhere: it records the host's commands and lets a test emit the
// events a real one would. Shaped like electron/room/server.ts's RoomServer.
import type { ParticipantView, RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInterface } from '../../../../electron/room/protocol.js';
import type { RoomServer, RoomServerOptions } from '../../../../electron/room/server.js';

export const INTERFACES: RoomInterface[] = [
  { name: 'lo', address: '127.0.0.1', kind: 'loopback' },
  { name: 'Wi-Fi', address: '192.168.1.20', kind: 'wifi' },
];

/** A view with every part filled in. */
export const VIEW: ParticipantView = {
  sessionTitle: 'Kick-off',
  name: 'Ada',
  status: 'admitted',
  block: {
    id: 'b1',
    title: 'Uncertainties',
    methodLabel: 'Review uncertainties',
    outputs: 'A ranked list',
    timer: { state: 'running', remainingMs: -1500, plannedMinutes: 20 },
    accepts: ['uncertainty', 'idea'],
  },
  round: {
    id: 'r1',
    title: 'What first?',
    dotsPerVoter: 3,
    maxPerCandidate: 2,
    secret: true,
    candidates: [{ id: 'c1', label: 'Search' }],
    canVote: true,
    voted: false,
    votedCount: 2,
    voterCount: 5,
    results: [{ candidateId: 'c1', label: 'Search', dots: 7 }],
  },
  mine: [{ id: 's1', kind: 'idea', text: 'Ask support', status: 'pending' }],
};

export interface FakeRoomServer extends RoomServer {
  readonly options: RoomServerOptions;
  readonly commands: RoomCommand[];
  stopped: boolean;
  emit(event: RoomEvent): void;
}

export function device(id: string, overrides: Partial<RoomDevice> = {}): RoomDevice {
  return { id, name: `Person ${id}`, function: 'Design', status: 'waiting', connected: true, via: 'socket', participantId: '', joinedAt: 1, lastSeenAt: 1, ...overrides };
}

/** startServer for createRoomHostService: every server it made, newest last. */
export function fakeServers() {
  const made: FakeRoomServer[] = [];
  async function startServer(options: RoomServerOptions): Promise<FakeRoomServer> {
    const port = 40000 + made.length;
    const url = `http://${options.address}:${port}/`;
    const devices: RoomDevice[] = [];
    const server: FakeRoomServer = {
      options,
      commands: [],
      stopped: false,
      info: { address: options.address, port, url, joinUrl: `${url}#join=abcdefghijklmnopqrstu`, code: 'K7M2QX', joiningOpen: true },
      devices: () => devices,
      command: (command) => void server.commands.push(command),
      diagnose: async (): Promise<RoomDiagnosis> => ({ address: options.address, port, reachable: true, addressPresent: true, advice: [] }),
      stop: async () => {
        server.stopped = true;
      },
      emit: (event) => {
        if (event.type === 'device') devices.push(event.device);
        options.onEvent(event);
      },
    };
    made.push(server);
    return server;
  }
  return { made, startServer, last: (): FakeRoomServer => made.at(-1) ?? failNoServer() };
}

function failNoServer(): never {
  throw new Error('no server was started');
}
