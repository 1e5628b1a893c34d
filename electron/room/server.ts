// The room server: one HTTP listener on the address the facilitator chose, serving the
// participant page and the participant API (join, WebSocket, polling fallback). It checks every
// request (Host and Origin against the chosen address, the device token, size and rate limits,
// the protocol's schemas) and passes intentions to the host. Built by the room-server part.
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo } from './protocol.js';

export interface RoomServerOptions {
  /** The IPv4 address to listen on (one of listRoomInterfaces()); the port is chosen by the OS. */
  address: string;
  sessionTitle: string;
  /** The built participant page's folder (dist/participant): index.html and assets/. */
  pageRoot: string;
  /** Every event for the host, in order. */
  onEvent(event: RoomEvent): void;
  /** The clock, for tests. */
  now?: () => number;
}

export interface RoomServer {
  readonly info: RoomInfo;
  devices(): RoomDevice[];
  /** A host command (admit, remove, joining, ack, publish). */
  command(command: RoomCommand): void;
  diagnose(): Promise<RoomDiagnosis>;
  /** Stops listening; devices are told the room closed. */
  stop(): Promise<void>;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  void options;
  throw new Error('The room server is not built yet.');
}
