// TEMPORARY STUB, made by the facilitator-views part only so that RoomPanel.svelte typechecks
// before the room-host-state part lands. The lead takes that part's real file in its place.
import type { RoomHostApi } from './room-host';

const unavailable: RoomHostApi = {
  phase: 'unavailable',
  problem: 'Room mode is not built yet.',
  sessionId: '',
  interfaces: [],
  info: null,
  people: [],
  submissions: [],
  loadInterfaces: async () => undefined,
  start: async () => false,
  stop: async () => false,
  admit: async () => undefined,
  remove: async () => undefined,
  setJoining: async () => undefined,
  accept: async () => undefined,
  decline: async () => undefined,
  diagnose: async () => ({ address: '', port: 0, reachable: false, addressPresent: false, advice: [] }),
};

/** The window's one room host. */
export function roomHost(): RoomHostApi {
  return unavailable;
}
