// PLACEHOLDER so the room-hosting branch typechecks on its own: the room-server part owns this
// file and replaces it (at merge, take room-server's version). It lists this machine's IPv4
// addresses the way the real module's signature promises, without its kind guesses.
import { networkInterfaces } from 'node:os';
import type { RoomInterface } from './protocol.js';

export function listRoomInterfaces(): RoomInterface[] {
  return Object.entries(networkInterfaces()).flatMap(([name, entries]) =>
    (entries ?? [])
      .filter((entry) => entry.family === 'IPv4')
      .map((entry): RoomInterface => ({ name, address: entry.address, kind: entry.internal ? 'loopback' : 'other' })),
  );
}
