// The network interfaces the facilitator may open the room on. Laptops often have several
// adapters (Wi-Fi, a dock's Ethernet, a VPN, Docker's or Hyper-V's virtual switches): each gets a
// kind guessed from its name and address, so the likely one comes first and a VPN or virtual switch
// can be flagged. IPv4 only: phones are given the address to type, and IPv6 link-local addresses
// are neither typeable nor usable in a URL without a zone.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { RoomInterface } from './protocol.js';

type InterfaceKind = RoomInterface['kind'];

/** The order the list shows: the room's usual network first, loopback (for testing alone) last. */
const KIND_ORDER: readonly InterfaceKind[] = ['wifi', 'ethernet', 'other', 'vpn', 'virtual', 'loopback'];

const VPN_NAME = /^(tun|tap|utun|wg|ppp|ipsec|zt)\d*|vpn|tailscale|zerotier|wireguard|nordlynx|openvpn|anyconnect|globalprotect/i;
const VIRTUAL_NAME = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxcbr|lxdbr|cni|flannel|podman)|vethernet|hyper-v|virtualbox|vmware|wsl/i;
const WIFI_NAME = /^(wl|wlan|ath|ra\d)|wi-?fi|wireless|802\.11/i;
const ETHERNET_NAME = /^(eth|enp|eno|ens|enx|em\d)|ethernet/i;

function inRange(address: string, first: number, secondFrom: number, secondTo: number): boolean {
  const [a, b] = address.split('.').map(Number);
  return a === first && b !== undefined && b >= secondFrom && b <= secondTo;
}

/** A guess at what kind of network an interface is, from its OS name and IPv4 address. */
export function interfaceKind(name: string, address: string, internal: boolean): InterfaceKind {
  if (internal || address.startsWith('127.')) return 'loopback';
  // Names first: a VPN may hand out any private range.
  if (VIRTUAL_NAME.test(name)) return 'virtual';
  if (VPN_NAME.test(name)) return 'vpn';
  // Carrier-grade NAT space, which Tailscale and other overlay VPNs use.
  if (inRange(address, 100, 64, 127)) return 'vpn';
  // Docker's default bridge network.
  if (inRange(address, 172, 17, 17)) return 'virtual';
  if (WIFI_NAME.test(name)) return 'wifi';
  if (ETHERNET_NAME.test(name)) return 'ethernet';
  // macOS's en0/en1 may be Wi-Fi or Ethernet depending on the model: no guess.
  return 'other';
}

/** The IPv4 interfaces of an `os.networkInterfaces()` result, most likely room network first. */
export function roomInterfacesFrom(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): RoomInterface[] {
  const found: RoomInterface[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      // Node 18.0-18.3 reported family as a number; accept both.
      const ipv4 = entry.family === 'IPv4' || (entry.family as unknown) === 4;
      if (!ipv4) continue;
      found.push({ name, address: entry.address, kind: interfaceKind(name, entry.address, entry.internal) });
    }
  }
  return found
    .map((item, index) => ({ item, index }))
    .sort((a, b) => KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind) || a.index - b.index)
    .map(({ item }) => item);
}

/** This machine's IPv4 interfaces now. */
export function listRoomInterfaces(): RoomInterface[] {
  return roomInterfacesFrom(networkInterfaces());
}
