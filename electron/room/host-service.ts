// One room at a time for the host, the same in Electron's main process (through IPC) and in the
// Node process that serves the web build (through HTTP on the app's own address). Keeps the
// server's events for a host that is not listening (the facilitator's window reloading) and
// hands them over when it listens again. Built by the room-hosting part.
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo, RoomInterface, RoomStartRequest, RoomStartResult } from './protocol.js';

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

export function createRoomHostService(options: { pageRoot: string }): RoomHostService {
  void options;
  throw new Error('Room hosting is not built yet.');
}
