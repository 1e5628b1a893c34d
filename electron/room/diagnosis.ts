// When nobody can connect: what this machine can find out (is the address still its own, does the
// room answer on it) and plain advice for the usual causes, most likely first.
import { request } from 'node:http';
import { ROOM_PATHS, type RoomInterface } from './protocol.js';

export const REACHABLE_TIMEOUT_MS = 2000;

export interface AdviceFacts {
  address: string;
  port: number;
  addressPresent: boolean;
  reachable: boolean;
  /** The interface the room listens on, when it is still there. */
  kind: RoomInterface['kind'] | undefined;
  /** process.platform: Windows has its own firewall story. */
  platform: string;
}

const HOTSPOT =
  'If nothing else works, turn on this computer’s own hotspot (mobile hotspot or Internet Sharing), have everyone join it, and start room mode again on its address.';

/** Plain sentences for the usual causes, most likely first. */
export function roomAdvice(facts: AdviceFacts): string[] {
  const where = `${facts.address}:${facts.port}`;
  if (!facts.addressPresent) {
    return [
      `This computer no longer has the address ${facts.address}: the network changed (another Wi-Fi, a cable unplugged, or the computer slept). Stop room mode and start it again, picking the network everyone is on.`,
      HOTSPOT,
    ];
  }
  const advice: string[] = [];
  if (!facts.reachable) {
    advice.push(
      `This computer cannot reach its own room at ${where}. A firewall probably blocked Keel: allow Keel on private networks (or answer the firewall’s prompt with Allow), then check again.`,
    );
    if (facts.platform === 'win32') {
      advice.push(
        'On Windows, a network set to Public blocks devices from connecting: in Settings, Network & internet, set this Wi-Fi to Private.',
      );
    }
  }
  if (facts.kind === 'loopback') {
    advice.push(`${facts.address} works only on this computer. To let other devices join, start room mode on the Wi-Fi address.`);
  } else if (facts.kind === 'vpn') {
    advice.push(`${facts.address} belongs to a VPN, which phones in the room cannot reach. Start room mode again on the Wi-Fi address.`);
  } else if (facts.kind === 'virtual') {
    advice.push(
      `${facts.address} belongs to a virtual network adapter (Docker, Hyper-V, a virtual machine), which other devices cannot reach. Start room mode again on the Wi-Fi address.`,
    );
  }
  if (facts.reachable) {
    advice.push(
      'If this computer reaches the room but phones cannot, the Wi-Fi probably keeps devices apart (guest and many office networks do).',
    );
  }
  advice.push(
    `Phones must be on the same Wi-Fi as this computer, not on mobile data, and must open http://${where}/ exactly (http, not https).`,
    HOTSPOT,
  );
  return advice;
}

/** Why listening on an address failed, in a sentence the facilitator can act on. */
export function listenErrorMessage(code: string | undefined, address: string): string {
  switch (code) {
    case 'EADDRNOTAVAIL':
      return `This computer no longer has the address ${address}: the network changed. Pick the network again.`;
    case 'EACCES':
    case 'EPERM':
      return `This computer did not allow Keel to listen on ${address}. Check the firewall or security software, then try again.`;
    case 'EADDRINUSE':
      return `No free port on ${address}. Try again in a moment.`;
    default:
      return `Keel could not listen on ${address}${code ? ` (${code})` : ''}. Pick the network again, or try again in a moment.`;
  }
}

/** Why a running room stopped because its listener failed (the address went away, mostly). */
export function listenerLostMessage(code: string | undefined, address: string): string {
  return code === 'EADDRNOTAVAIL' || code === 'ENETDOWN' || code === 'ENETUNREACH'
    ? `Room mode stopped: this computer lost the address ${address} (the network changed). Start room mode again.`
    : `Room mode stopped: the connection on ${address} failed${code ? ` (${code})` : ''}. Start room mode again.`;
}

/** Whether this machine reaches the room's health check at the address and port, within the timeout. */
export function checkReachable(address: string, port: number, timeoutMs = REACHABLE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((done) => {
    const req = request(
      { host: address, port, path: ROOM_PATHS.health, method: 'GET', headers: { Host: `${address}:${port}` }, timeout: timeoutMs, agent: false },
      (res) => {
        res.resume();
        done(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}
