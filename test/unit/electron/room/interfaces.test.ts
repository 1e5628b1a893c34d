import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { interfaceKind, listRoomInterfaces, roomInterfacesFrom } from '../../../../electron/room/interfaces.js';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0,
});

describe('interfaceKind', () => {
  it.each([
    ['wlp2s0', '192.168.1.20', 'wifi'],
    ['wlan0', '10.0.0.5', 'wifi'],
    ['Wi-Fi', '192.168.1.20', 'wifi'],
    ['WLAN', '192.168.1.20', 'wifi'],
    ['eth0', '192.168.1.21', 'ethernet'],
    ['enp0s31f6', '10.1.2.3', 'ethernet'],
    ['eno1', '10.1.2.3', 'ethernet'],
    ['Ethernet 2', '192.168.5.2', 'ethernet'],
    ['en0', '192.168.1.22', 'other'],
    ['Local Area Connection* 10', '192.168.137.1', 'other'],
    ['bridge100', '192.168.2.1', 'other'],
    ['tun0', '10.8.0.2', 'vpn'],
    ['utun3', '10.9.0.2', 'vpn'],
    ['wg0', '10.6.0.1', 'vpn'],
    ['ppp0', '10.64.64.1', 'vpn'],
    ['tailscale0', '100.101.102.103', 'vpn'],
    ['ProtonVPN', '10.2.0.2', 'vpn'],
    ['ztks5abcd', '10.147.17.4', 'vpn'],
    ['en5', '100.80.1.2', 'vpn'],
    ['docker0', '172.17.0.1', 'virtual'],
    ['br-1a2b3c', '172.18.0.1', 'virtual'],
    ['veth12ab', '169.254.1.1', 'virtual'],
    ['virbr0', '192.168.122.1', 'virtual'],
    ['vmnet8', '192.168.56.1', 'virtual'],
    ['vboxnet0', '192.168.56.1', 'virtual'],
    ['vEthernet (WSL)', '172.24.160.1', 'virtual'],
    ['vEthernet (Default Switch)', '172.20.0.1', 'virtual'],
    ['unnamed', '172.17.0.5', 'virtual'],
    ['lo', '127.0.0.1', 'loopback'],
    ['Loopback Pseudo-Interface 1', '127.0.0.1', 'loopback'],
  ] as const)('%s (%s) is %s', (name, address, kind) => {
    expect(interfaceKind(name, address, address.startsWith('127.'))).toBe(kind);
  });

  it('a wi-fi name with a tunnel-like address range still reads as a VPN only for 100.64/10', () => {
    expect(interfaceKind('wlan0', '100.63.0.1', false)).toBe('wifi');
    expect(interfaceKind('wlan0', '100.128.0.1', false)).toBe('wifi');
  });
});

describe('roomInterfacesFrom', () => {
  it('lists IPv4 only, Wi-Fi first and loopback last (Linux)', () => {
    const list = roomInterfacesFrom({
      lo: [v4('127.0.0.1', true), v6('::1')],
      docker0: [v4('172.17.0.1')],
      tun0: [v4('10.8.0.2')],
      enp3s0: [v4('10.1.2.3')],
      wlp2s0: [v4('192.168.1.20'), v6('fe80::1')],
    });
    expect(list).toEqual([
      { name: 'wlp2s0', address: '192.168.1.20', kind: 'wifi' },
      { name: 'enp3s0', address: '10.1.2.3', kind: 'ethernet' },
      { name: 'tun0', address: '10.8.0.2', kind: 'vpn' },
      { name: 'docker0', address: '172.17.0.1', kind: 'virtual' },
      { name: 'lo', address: '127.0.0.1', kind: 'loopback' },
    ]);
  });

  it('sorts Windows names (Wi-Fi, Ethernet, hotspot, VPN, Hyper-V)', () => {
    const list = roomInterfacesFrom({
      'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true)],
      'vEthernet (WSL)': [v4('172.24.160.1')],
      'NordLynx': [v4('10.5.0.2')],
      'Local Area Connection* 10': [v4('192.168.137.1')],
      Ethernet: [v4('192.168.0.10')],
      'Wi-Fi': [v4('192.168.1.23')],
    });
    expect(list.map((i) => [i.name, i.kind])).toEqual([
      ['Wi-Fi', 'wifi'],
      ['Ethernet', 'ethernet'],
      ['Local Area Connection* 10', 'other'],
      ['NordLynx', 'vpn'],
      ['vEthernet (WSL)', 'virtual'],
      ['Loopback Pseudo-Interface 1', 'loopback'],
    ]);
  });

  it('keeps the OS order within a kind (macOS en0 and en1 both "other")', () => {
    const list = roomInterfacesFrom({
      lo0: [v4('127.0.0.1', true)],
      en0: [v4('192.168.1.30')],
      utun2: [v4('10.0.0.9')],
      en1: [v4('192.168.2.30')],
      awdl0: [v6('fe80::2')],
    });
    expect(list.map((i) => i.name)).toEqual(['en0', 'en1', 'utun2', 'lo0']);
  });

  it('accepts the numeric family of older Node versions and skips missing entries', () => {
    const numeric = { ...v4('192.168.1.40'), family: 4 } as unknown as NetworkInterfaceInfo;
    expect(roomInterfacesFrom({ eth0: [numeric], gone: undefined })).toEqual([{ name: 'eth0', address: '192.168.1.40', kind: 'ethernet' }]);
  });

  it('lists this machine with loopback included', () => {
    expect(listRoomInterfaces().some((i) => i.kind === 'loopback' && i.address === '127.0.0.1')).toBe(true);
  });
});
