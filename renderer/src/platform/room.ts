import type { RoomLink } from '../../../electron/room/protocol';

// The host's link to the room server: Electron's bridge (main process) when it is there, else the
// Node process that serves the web build (HTTP on the app's own address). Undefined where neither
// can host a room (a static copy of the build). Built by the room-hosting part.
export function roomLink(): RoomLink | undefined {
  return undefined;
}
