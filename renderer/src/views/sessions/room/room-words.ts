import type { DeviceStatus, RoomDevice, RoomInterface } from '../../../../../electron/room/protocol';
import type { Submission } from '../../../domain/room/model';
import { relativeTime } from '../../../domain/time';

// What the room panel says about networks, people and the inbox, in plain words, written once
// so the panel, its rows and its tests agree.

type InterfaceKind = RoomInterface['kind'];

/** Each kind of network in words, and when it is probably not the one to choose, why. */
export const INTERFACE_KINDS: Record<InterfaceKind, { label: string; warning: string }> = {
  wifi: { label: 'Wi-Fi', warning: '' },
  ethernet: { label: 'Wired', warning: '' },
  other: { label: 'Network', warning: '' },
  vpn: { label: 'VPN', warning: 'Others on the Wi-Fi probably cannot reach this.' },
  virtual: { label: 'Virtual adapter', warning: 'Probably not the room’s network.' },
  loopback: { label: 'This computer only', warning: 'For trying it on this computer.' },
};

// The room's network is most likely the Wi-Fi, then a cable; loopback reaches no phone.
const LIKELIHOOD: InterfaceKind[] = ['wifi', 'ethernet', 'other', 'vpn', 'virtual', 'loopback'];

/** The address to preselect: the one chosen last time when it is still listed, else the likeliest. */
export function preferredAddress(interfaces: readonly RoomInterface[], remembered: string): string {
  if (interfaces.some((i) => i.address === remembered)) return remembered;
  for (const kind of LIKELIHOOD) {
    const found = interfaces.find((i) => i.kind === kind);
    if (found) return found.address;
  }
  return '';
}

export const DEVICE_STATUS_WORDS: Record<DeviceStatus, string> = {
  waiting: 'Waiting',
  admitted: 'In the room',
};

/** "Connected", "Connected, slow connection" (the polling fallback), "Lost connection 2 minutes ago". */
export function connectionWords(device: Pick<RoomDevice, 'connected' | 'via' | 'lastSeenAt'>, now: number): string {
  if (!device.connected) return `Lost connection ${relativeTime(device.lastSeenAt, now)}`;
  return device.via === 'poll' ? 'Connected, slow connection' : 'Connected';
}

/** "Accepted 5, declined 1": the folded list of items already decided. */
export function decidedSummary(decided: readonly Pick<Submission, 'status'>[]): string {
  const accepted = decided.filter((s) => s.status === 'accepted').length;
  const declined = decided.filter((s) => s.status === 'declined').length;
  return `Accepted ${accepted}, declined ${declined}`;
}

/**
 * The pending items that arrived since the inbox last looked (`seen`), which it then remembers:
 * the inbox announces them ("3 new items"), never the ones already there when it opened.
 */
export function arrivals(seen: Set<string>, pending: readonly Pick<Submission, 'id'>[]): number {
  let fresh = 0;
  for (const item of pending) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    fresh += 1;
  }
  return fresh;
}
