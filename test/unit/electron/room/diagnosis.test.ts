import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkReachable, listenErrorMessage, listenerLostMessage, roomAdvice, type AdviceFacts } from '../../../../electron/room/diagnosis.js';

const facts = (over: Partial<AdviceFacts>): AdviceFacts => ({
  address: '192.168.1.20',
  port: 50123,
  addressPresent: true,
  reachable: true,
  kind: 'wifi',
  platform: 'linux',
  ...over,
});

describe('roomAdvice', () => {
  it('says first that the address is gone when the network changed', () => {
    const advice = roomAdvice(facts({ addressPresent: false, reachable: false, kind: undefined }));
    expect(advice[0]).toMatch(/no longer has the address 192\.168\.1\.20: the network changed/);
    expect(advice.at(-1)).toMatch(/hotspot/);
    expect(advice.join(' ')).not.toMatch(/firewall/);
  });

  it('blames a firewall first when this computer cannot reach its own room, and Public networks on Windows', () => {
    const linux = roomAdvice(facts({ reachable: false }));
    expect(linux[0]).toMatch(/cannot reach its own room at 192\.168\.1\.20:50123.*firewall.*allow Keel on private networks/);
    expect(linux.join(' ')).not.toMatch(/Public/);
    const windows = roomAdvice(facts({ reachable: false, platform: 'win32' }));
    expect(windows[1]).toMatch(/Public.*Private/);
  });

  it('points at device isolation when the room is reachable here, then mobile data, then the hotspot', () => {
    const advice = roomAdvice(facts({}));
    expect(advice[0]).toMatch(/keeps devices apart/);
    expect(advice[1]).toMatch(/same Wi-Fi.*mobile data.*http:\/\/192\.168\.1\.20:50123\//);
    expect(advice[2]).toMatch(/own hotspot/);
  });

  it.each([
    ['vpn', /VPN/],
    ['virtual', /virtual network adapter/],
    ['loopback', /only on this computer/],
  ] as const)('warns about a %s address before the general advice', (kind, pattern) => {
    const advice = roomAdvice(facts({ kind }));
    expect(advice[0]).toMatch(pattern);
    expect(advice[0]).toMatch(/Wi-Fi address/);
  });

  it('writes plain sentences', () => {
    for (const over of [{}, { reachable: false, platform: 'win32' }, { addressPresent: false }, { kind: 'vpn' as const }]) {
      for (const line of roomAdvice(facts(over))) expect(line).toMatch(/^[A-Z0-9].*[.)]$/);
    }
  });
});

describe('listen errors', () => {
  it('says what happened and what to do', () => {
    expect(listenErrorMessage('EADDRNOTAVAIL', '10.0.0.9')).toMatch(/no longer has the address 10\.0\.0\.9.*Pick the network again/);
    expect(listenErrorMessage('EACCES', '10.0.0.9')).toMatch(/did not allow Keel/);
    expect(listenErrorMessage(undefined, '10.0.0.9')).toMatch(/could not listen on 10\.0\.0\.9\./);
    expect(listenErrorMessage('EWHAT', '10.0.0.9')).toMatch(/\(EWHAT\)/);
    expect(listenerLostMessage('EADDRNOTAVAIL', '10.0.0.9')).toMatch(/lost the address 10\.0\.0\.9/);
    expect(listenerLostMessage('ECONNRESET', '10.0.0.9')).toMatch(/failed \(ECONNRESET\)/);
  });
});

describe('checkReachable', () => {
  it('is true for a server answering 200 at /api/health with the room Host', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.host, req.url);
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    expect(await checkReachable('127.0.0.1', port)).toBe(true);
    expect(seen).toEqual([`127.0.0.1:${port}`, '/api/health']);
    await new Promise((done) => server.close(done));
    expect(await checkReachable('127.0.0.1', port)).toBe(false);
  });

  it('gives up after the timeout when nothing answers', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    expect(await checkReachable('127.0.0.1', port, 200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
});
