// One room at a time for the host, the same in Electron's main process (through IPC) and in the
// Node process that serves the web build (through HTTP on the app's own address). Keeps the
// server's events for a host that is not listening (the facilitator's window reloading) and
// hands them over when it listens again.
import { listRoomInterfaces } from './interfaces.js';
import { EventQueue } from './event-queue.js';
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo, RoomInterface, RoomStartRequest, RoomStartResult } from './protocol.js';
import { startRoomServer, type RoomServer, type RoomServerOptions } from './server.js';

export interface RoomHostService {
  interfaces(): RoomInterface[];
  start(request: RoomStartRequest): Promise<RoomStartResult>;
  stop(): Promise<void>;
  current(): { info: RoomInfo; devices: RoomDevice[] } | null;
  send(command: RoomCommand): void;
  /** Subscribes the host; events held while nobody listened are delivered first. Returns the unsubscribe function. */
  subscribe(listener: (event: RoomEvent) => void): () => void;
  diagnose(): Promise<RoomDiagnosis>;
}

/** What the service runs; tests pass fakes, the app the real room server. */
export interface RoomHostDependencies {
  startServer(options: RoomServerOptions): Promise<RoomServer>;
  listInterfaces(): RoomInterface[];
}

export interface RoomHostOptions extends Partial<RoomHostDependencies> {
  /** The built participant page's folder (dist/renderer/participant). */
  pageRoot: string;
  /** Events kept while no host listens (see EventQueue). */
  queueLimit?: number;
}

/** Said when the room is off and something needs it on. */
export const ROOM_OFF_MESSAGE = 'Room mode is off: start it for a running session first.';

/** Why a room could not open, in a sentence, from the error the listener gave. */
export function startFailureMessage(address: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'EADDRNOTAVAIL') return `Keel could not open the room on ${address}: that address is no longer this computer's. Choose the network again.`;
  if (code === 'EACCES' || code === 'EPERM') return `Keel could not open the room on ${address}: the system did not allow it to listen there. Check the firewall, or choose another network.`;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Keel could not open the room on ${address}${detail}. Try again, or choose another network.`;
}

export function createRoomHostService(options: RoomHostOptions): RoomHostService {
  const startServer = options.startServer ?? startRoomServer;
  const listInterfaces = options.listInterfaces ?? listRoomInterfaces;
  const queue = new EventQueue(options.queueLimit, (dropped) => refuseUnheard(dropped));

  let server: RoomServer | undefined;
  let sessionTitle = '';
  /** A start under way: a second start is refused, and stop waits for it. */
  let starting: Promise<RoomStartResult> | undefined;
  /** Which server's events count: a stopped server's late events are ignored. */
  let generation = 0;
  let listener: ((event: RoomEvent) => void) | undefined;

  function deliver(event: RoomEvent): void {
    if (listener) listener(event);
    else queue.push(event);
  }

  // An intention the queue could not keep is answered, so the device knows to send it again.
  function refuseUnheard(dropped: RoomEvent): void {
    if (dropped.type !== 'intention') return;
    server?.command({
      type: 'ack',
      deviceId: dropped.deviceId,
      id: dropped.intention.id,
      status: 'refused',
      message: "The facilitator's screen is not listening right now. Send it again in a moment.",
    });
  }

  async function open(request: RoomStartRequest, mine: number): Promise<RoomStartResult> {
    try {
      const opened = await startServer({
        address: request.address,
        sessionTitle: request.sessionTitle,
        pageRoot: options.pageRoot,
        onEvent: (event) => {
          if (mine !== generation) return;
          if (event.type === 'stopped') server = undefined;
          deliver(event);
        },
      });
      if (mine !== generation) {
        // Stopped while it was starting: it must not stay open.
        await opened.stop();
        return { ok: false, message: 'Room mode was turned off while it was starting.' };
      }
      server = opened;
      sessionTitle = request.sessionTitle;
      return { ok: true, info: opened.info };
    } catch (error) {
      return { ok: false, message: startFailureMessage(request.address, error) };
    }
  }

  return {
    interfaces: () => listInterfaces(),

    async start(request) {
      if (server || starting) {
        const where = server ? ` at ${server.info.url}` : '';
        const title = server ? sessionTitle : request.sessionTitle;
        return { ok: false, message: `Room mode is already on for “${title}”${where}. Turn it off before starting another.` };
      }
      // Never every interface, never an address this machine does not have now.
      if (!listInterfaces().some((entry) => entry.address === request.address) || request.address === '0.0.0.0') {
        return { ok: false, message: `${request.address} is not one of this computer's network addresses now. Choose a network from the list again.` };
      }
      generation += 1;
      queue.clear(); // a new room: what an earlier one left unheard no longer applies
      starting = open(request, generation);
      try {
        return await starting;
      } finally {
        starting = undefined;
      }
    },

    async stop() {
      generation += 1;
      const pending = starting;
      const running = server;
      server = undefined;
      sessionTitle = '';
      if (running) await running.stop();
      if (pending) await pending;
    },

    current: () => (server ? { info: server.info, devices: server.devices() } : null),

    send(command) {
      server?.command(command);
    },

    subscribe(next) {
      listener = next; // one host at a time: a reloaded window replaces the one before
      for (const event of queue.drain()) next(event);
      return () => {
        if (listener === next) listener = undefined;
      };
    },

    async diagnose() {
      if (!server) throw new Error(ROOM_OFF_MESSAGE);
      return server.diagnose();
    },
  };
}
