// The real room server on 127.0.0.1, spoken to as a participant's browser would (HTTP and ws).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { JoinResponse, ParticipantView, RoomEvent, ServerMessage } from '../../../../electron/room/protocol.js';
import { ROOM_MESSAGE_MAX_BYTES, ROOM_RATE_BURST, ROOM_TOKEN_HEADER } from '../../../../electron/room/protocol.js';
import { startRoomServer, type RoomServer } from '../../../../electron/room/server.js';

const dir = mkdtempSync(joinPath(tmpdir(), 'keel-room-server-'));
const pageRoot = joinPath(dir, 'participant');
mkdirSync(joinPath(pageRoot, 'assets'), { recursive: true });
writeFileSync(joinPath(pageRoot, 'index.html'), '<!doctype html><title>Join</title><script type="module" src="./assets/page.js"></script>');
writeFileSync(joinPath(pageRoot, 'assets', 'page.js'), 'console.log("page")');
writeFileSync(joinPath(dir, 'secret.txt'), 'do not serve');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let server: RoomServer | undefined;
let events: RoomEvent[] = [];
const opened: WebSocket[] = [];

async function start(root = pageRoot): Promise<RoomServer> {
  events = [];
  server = await startRoomServer({
    address: '127.0.0.1',
    sessionTitle: 'Kick-off',
    pageRoot: root,
    onEvent: (e) => events.push(e),
    timings: { helloMs: 300, pollHoldMs: 400 },
  });
  return server;
}

afterEach(async () => {
  for (const ws of opened.splice(0)) ws.terminate();
  await server?.stop();
  server = undefined;
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const { port } = server!.info;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  http(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

async function join(body: Record<string, string> = { code: server!.info.code }): Promise<Extract<JoinResponse, { ok: true }>> {
  const answer = await post('/api/join', { name: 'Ada', function: 'Product', ...body });
  const response = JSON.parse(answer.body) as JoinResponse;
  if (!response.ok) throw new Error(response.message);
  return response;
}

/** A socket as a browser on the room page opens it, collecting what it is sent. */
function socket(origin = `http://127.0.0.1:${server!.info.port}`, host?: string) {
  const { port } = server!.info;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/socket`, { origin, headers: host ? { Host: host } : {} });
  opened.push(ws);
  const received: ServerMessage[] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  const closed = new Promise<{ code: number; reason: string }>((done) => ws.on('close', (code, reason) => done({ code, reason: String(reason) })));
  const open = new Promise<void>((done, fail) => {
    ws.on('open', () => done());
    ws.on('error', fail);
  });
  return { ws, received, closed, open };
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error(`waited in vain for ${what}`);
}

const view = (name: string): ParticipantView => ({ sessionTitle: 'Kick-off', name, status: 'admitted', block: null, round: null, mine: [] });
const submit = { type: 'submit', id: 'submit-0001', blockId: 'b1', kind: 'uncertainty', text: 'Will users trust the answers?' };

async function admittedOnSocket(name = 'Ada') {
  const joined = await join({ code: server!.info.code, name });
  server!.command({ type: 'admit', deviceId: joined.deviceId, participantId: `p-${name}` });
  const s = socket();
  await s.open;
  s.ws.send(JSON.stringify({ type: 'hello', token: joined.token }));
  await until(() => events.find((e) => e.type === 'view-wanted' && e.deviceId === joined.deviceId), 'the hello');
  return { ...joined, ...s };
}

describe('the room server', () => {
  it('listens on the address on a port the OS chose, with a code and a join link', async () => {
    const { info } = await start();
    expect(info.port).toBeGreaterThan(0);
    expect(info).toMatchObject({ address: '127.0.0.1', url: `http://127.0.0.1:${info.port}/`, joiningOpen: true });
    expect(info.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(info.joinUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${info.port}/\\?j=[A-Za-z0-9_-]{43}$`));
    expect((await http('/api/health')).body).toBe('ok');
  });

  it('refuses an address that is not IPv4, and one this machine does not have, in a sentence', async () => {
    for (const address of ['evil.example', '0.0.0.0', '::1']) {
      await expect(startRoomServer({ address, sessionTitle: '', pageRoot, onEvent: () => undefined })).rejects.toThrow(/not an IPv4 address/);
    }
    await expect(startRoomServer({ address: '203.0.113.77', sessionTitle: '', pageRoot, onEvent: () => undefined })).rejects.toThrow(
      /no longer has the address 203\.0\.113\.77/,
    );
  });

  it('serves the page and its assets with a strict policy, and nothing outside them', async () => {
    const { port } = (await start()).info;
    const page = await http('/?j=abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Join</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await http('/assets/page.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log("page")' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const head = await http('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const path of ['/assets/../../secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/../../etc/passwd', '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd', '/secret.txt', '/index.html', '/assets/missing.js']) {
      const answer = await http(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('do not serve');
      expect(answer.body, path).not.toContain('root:');
    }
    expect((await http('/', { method: 'POST' })).status).toBe(405);
  });

  it('says plainly when the page is not built', async () => {
    await start(joinPath(dir, 'nothing-here'));
    const answer = await http('/');
    expect(answer.status).toBe(503);
    expect(answer.body).toBe('The participant page is not built: run npm run build:renderer.');
  });

  it('refuses a wrong Host (DNS rebinding) and a wrong Origin before anything else', async () => {
    const { port } = (await start()).info;
    for (const path of ['/', '/api/health', '/api/join']) {
      const rebound = await http(path, { headers: { Host: `evil.example:${port}` } });
      expect(rebound.status).toBe(421);
      expect(rebound.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    const crossSite = await post('/api/join', { code: server!.info.code, name: 'Eve', function: 'X' }, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(events).toEqual([]);
    const sameSite = await post('/api/join', { code: server!.info.code, name: 'Ada', function: 'X' }, { Origin: `http://127.0.0.1:${port}` });
    expect(sameSite.status).toBe(200);
  });

  it('joins by code and by join token, refuses a wrong code, and tells the host', async () => {
    const info = (await start()).info;
    const byCode = await join({ code: info.code.toLowerCase() });
    expect(byCode).toMatchObject({ ok: true, status: 'waiting' });
    expect(byCode.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const joinToken = new URL(info.joinUrl).searchParams.get('j')!;
    const byToken = await join({ joinToken });
    expect(byToken.deviceId).not.toBe(byCode.deviceId);
    const wrong = await post('/api/join', { code: 'ZZZZZZ', name: 'Eve', function: 'X' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, reason: 'wrong-code' });
    expect(events.map((e) => e.type)).toEqual(['device', 'device']);
    expect(server!.devices().map((d) => d.status)).toEqual(['waiting', 'waiting']);
    const bad = await post('/api/join', '{"code":');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, reason: 'bad-request' });
  });

  it('closes joining on the host’s command, and opens it again', async () => {
    const info = (await start()).info;
    server!.command({ type: 'joining', open: false });
    expect(server!.info.joiningOpen).toBe(false);
    const closed = await post('/api/join', { code: info.code, name: 'Late', function: 'X' });
    expect(JSON.parse(closed.body)).toMatchObject({ reason: 'joining-closed' });
    server!.command({ type: 'joining', open: true });
    expect((await post('/api/join', { code: info.code, name: 'Late', function: 'X' })).status).toBe(200);
  });

  it('limits wrong codes from one address to ten a minute', async () => {
    const info = (await start()).info;
    for (let i = 0; i < 10; i++) expect((await post('/api/join', { code: 'ZZZZZZ', name: 'Eve', function: 'X' })).status).toBe(403);
    const limited = await post('/api/join', { code: info.code, name: 'Eve', function: 'X' });
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ reason: 'too-many-requests' });
  });

  it('a socket says hello, sends a submission that reaches the host, and receives its ack and its view alone', async () => {
    await start();
    const ada = await admittedOnSocket('Ada');
    const bob = await admittedOnSocket('Bob');
    expect(server!.devices().find((d) => d.id === ada.deviceId)).toMatchObject({ connected: true, via: 'socket', participantId: 'p-Ada' });
    ada.ws.send(JSON.stringify(submit));
    const intention = await until(() => events.find((e) => e.type === 'intention'), 'the intention');
    expect(intention).toEqual({ type: 'intention', deviceId: ada.deviceId, participantId: 'p-Ada', intention: submit, receivedAt: expect.any(Number) });
    server!.command({ type: 'ack', deviceId: ada.deviceId, id: submit.id, status: 'recorded' });
    server!.command({ type: 'publish', views: { [ada.deviceId]: view('Ada') } });
    await until(() => (ada.received.length >= 2 ? true : undefined), 'the ack and view');
    expect(ada.received).toEqual([
      { type: 'ack', seq: 1, id: submit.id, status: 'recorded' },
      { type: 'view', seq: 2, view: view('Ada') },
    ]);
    await new Promise((done) => setTimeout(done, 50));
    expect(bob.received).toEqual([]);
  });

  it('a secret ballot goes to the host only, never to another device', async () => {
    await start();
    const ada = await admittedOnSocket('Ada');
    const bob = await admittedOnSocket('Bob');
    const ballot = { type: 'ballot', id: 'ballot-0001', roundId: 'r1', dots: [{ candidateId: 'c1', dots: 3 }] };
    ada.ws.send(JSON.stringify(ballot));
    await until(() => events.find((e) => e.type === 'intention'), 'the ballot');
    await new Promise((done) => setTimeout(done, 50));
    expect(ada.received).toEqual([]);
    expect(bob.received).toEqual([]);
  });

  it('answers a bad frame with an error frame and keeps the socket open', async () => {
    await start();
    const ada = await admittedOnSocket();
    ada.ws.send('{not json');
    ada.ws.send(JSON.stringify({ ...submit, kind: 'secret-admin' }));
    await until(() => (ada.received.length >= 2 ? true : undefined), 'two errors');
    expect(ada.received.map((m) => m.type)).toEqual(['error', 'error']);
    expect(ada.received[0]).toMatchObject({ message: 'The message could not be read.' });
    expect(ada.ws.readyState).toBe(WebSocket.OPEN);
    ada.ws.send(JSON.stringify(submit));
    await until(() => events.find((e) => e.type === 'intention'), 'the intention after errors');
  });

  it('closes a socket whose frame is over the size limit', async () => {
    await start();
    const ada = await admittedOnSocket();
    ada.ws.send('x'.repeat(ROOM_MESSAGE_MAX_BYTES + 1));
    expect((await ada.closed).code).toBe(1009);
  });

  it('refuses a forged token: HTTP 401 and socket close 4401', async () => {
    await start();
    const forged = 'A'.repeat(43);
    const sent = await post('/api/send', submit, { [ROOM_TOKEN_HEADER]: forged });
    expect(sent.status).toBe(401);
    expect(JSON.parse(sent.body)).toMatchObject({ ok: false, message: expect.stringContaining('Join again') });
    expect((await http('/api/poll?after=0', { headers: { [ROOM_TOKEN_HEADER]: forged } })).status).toBe(401);
    expect((await post('/api/send', submit)).status).toBe(401);
    const s = socket();
    await s.open;
    s.ws.send(JSON.stringify({ type: 'hello', token: forged }));
    expect(await s.closed).toMatchObject({ code: 4401, reason: expect.stringContaining('not in the room') });
    expect(events).toEqual([]);
  });

  it('closes a socket that does not say hello in time', async () => {
    await start();
    const s = socket();
    await s.open;
    expect((await s.closed).code).toBe(4401);
  });

  it('drops a socket that stops answering pings (a phone that left the Wi-Fi)', async () => {
    await server?.stop();
    events = [];
    server = await startRoomServer({ address: '127.0.0.1', sessionTitle: '', pageRoot, onEvent: (e) => events.push(e), timings: { heartbeatMs: 100 } });
    const joined = await join();
    const ws = new WebSocket(`ws://127.0.0.1:${server.info.port}/api/socket`, { origin: `http://127.0.0.1:${server.info.port}`, autoPong: false });
    opened.push(ws);
    await new Promise((done) => ws.on('open', done));
    ws.send(JSON.stringify({ type: 'hello', token: joined.token }));
    await until(() => (server!.devices()[0]?.connected ? true : undefined), 'the connection');
    await until(() => (server!.devices()[0]?.connected === false ? true : undefined), 'the drop');
    expect(events.at(-1)).toMatchObject({ type: 'device', device: { connected: false, via: 'none' } });
  });

  it('refuses a socket from another origin, without an origin, or to a wrong Host', async () => {
    const { port } = (await start()).info;
    const refusedWith = async (origin: string | undefined, host?: string) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/socket`, { ...(origin ? { origin } : {}), headers: host ? { Host: host } : {} });
      opened.push(ws);
      return new Promise<number>((done) => {
        ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
        ws.on('open', () => done(101));
        ws.on('error', () => done(-1));
      });
    };
    expect(await refusedWith('http://evil.example')).toBe(403);
    expect(await refusedWith(undefined)).toBe(403);
    expect(await refusedWith(`http://127.0.0.1:${port}`, `evil.example:${port}`)).toBe(421);
    expect(await refusedWith(`http://127.0.0.1:${port}`)).toBe(101);
  });

  it('a removed device is told, its socket closes, and its token is dead at once', async () => {
    await start();
    const ada = await admittedOnSocket();
    server!.command({ type: 'remove', deviceId: ada.deviceId });
    expect((await ada.closed).code).toBe(4000);
    expect(ada.received).toEqual([{ type: 'ended', seq: 1, reason: 'removed' }]);
    expect(events.at(-1)).toEqual({ type: 'device-removed', deviceId: ada.deviceId });
    expect((await post('/api/send', submit, { [ROOM_TOKEN_HEADER]: ada.token })).status).toBe(401);
    const again = socket();
    await again.open;
    again.ws.send(JSON.stringify({ type: 'hello', token: ada.token }));
    expect((await again.closed).code).toBe(4401);
  });

  it('refuses an intention from a waiting device, over HTTP and on a socket', async () => {
    await start();
    const waiting = await join();
    const sent = await post('/api/send', submit, { [ROOM_TOKEN_HEADER]: waiting.token });
    expect(sent.status).toBe(403);
    expect(JSON.parse(sent.body)).toEqual({ ok: false, message: 'Wait until the facilitator lets you in.' });
    const s = socket();
    await s.open;
    s.ws.send(JSON.stringify({ type: 'hello', token: waiting.token }));
    s.ws.send(JSON.stringify(submit));
    const error = await until(() => s.received.find((m) => m.type === 'error'), 'the error frame');
    expect(error).toMatchObject({ message: 'Wait until the facilitator lets you in.' });
    expect(events.some((e) => e.type === 'intention')).toBe(false);
  });

  it('refuses an oversize body with 413', async () => {
    await start();
    const ada = await join();
    const big = JSON.stringify({ ...submit, text: 'x'.repeat(ROOM_MESSAGE_MAX_BYTES) });
    expect((await post('/api/send', big, { [ROOM_TOKEN_HEADER]: ada.token })).status).toBe(413);
    expect((await post('/api/join', big)).status).toBe(413);
  });

  it('refuses a streamed body without a length once it passes the limit', async () => {
    const { port } = (await start()).info;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/join', method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(4096);
      // Keeps sending until the answer comes: the server must not wait for the end.
      const pump = setInterval(() => req.write(chunk), 5);
      req.on('response', () => clearInterval(pump));
      req.on('close', () => clearInterval(pump));
    });
    expect(status).toBe(413);
    expect(events).toEqual([]);
  });

  it('limits a device to its burst: 429 after it', async () => {
    await start();
    const joined = await join();
    server!.command({ type: 'admit', deviceId: joined.deviceId, participantId: 'p1' });
    const statuses: number[] = [];
    for (let i = 0; i <= ROOM_RATE_BURST; i++) {
      statuses.push((await post('/api/send', { ...submit, id: `submit-${1000 + i}` }, { [ROOM_TOKEN_HEADER]: joined.token })).status);
    }
    expect(statuses.slice(0, ROOM_RATE_BURST).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('the polling fallback sends intentions and delivers the same messages a socket would', async () => {
    await start();
    const joined = await join();
    server!.command({ type: 'admit', deviceId: joined.deviceId, participantId: 'p1' });
    const auth = { [ROOM_TOKEN_HEADER]: joined.token };
    const sent = await post('/api/send', submit, auth);
    expect(sent.status).toBe(202);
    expect(JSON.parse(sent.body)).toEqual({ ok: true });
    expect(events.at(-1)).toMatchObject({ type: 'intention', deviceId: joined.deviceId, participantId: 'p1', intention: submit });
    // A poll with nothing newer is held, then answered when the host acknowledges.
    const held = http('/api/poll?after=0', { headers: auth });
    await until(() => (server!.devices()[0]?.via === 'poll' ? true : undefined), 'the poll');
    server!.command({ type: 'ack', deviceId: joined.deviceId, id: submit.id, status: 'recorded' });
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toEqual([{ type: 'ack', seq: 1, id: submit.id, status: 'recorded' }]);
    server!.command({ type: 'publish', views: { [joined.deviceId]: view('Ada') } });
    expect(JSON.parse((await http('/api/poll?after=1', { headers: auth })).body)).toEqual([{ type: 'view', seq: 2, view: view('Ada') }]);
    // Caught up after a drop: everything since 0, the newest view included.
    expect(JSON.parse((await http('/api/poll?after=0', { headers: auth })).body).map((m: ServerMessage) => m.seq)).toEqual([1, 2]);
    // Nothing new: answered empty when the hold ends.
    expect(JSON.parse((await http('/api/poll?after=2', { headers: auth })).body)).toEqual([]);
    expect((await http('/api/poll?after=-1', { headers: auth })).status).toBe(400);
  });

  it('a reconnecting socket catches up on what it missed', async () => {
    await start();
    const ada = await admittedOnSocket();
    ada.ws.close();
    await ada.closed;
    server!.command({ type: 'ack', deviceId: ada.deviceId, id: submit.id, status: 'recorded' });
    server!.command({ type: 'publish', views: { [ada.deviceId]: view('Ada') } });
    const again = socket();
    await again.open;
    again.ws.send(JSON.stringify({ type: 'hello', token: ada.token }));
    await until(() => (again.received.length >= 2 ? true : undefined), 'the catch-up');
    expect(again.received.map((m) => [m.type, m.seq])).toEqual([
      ['ack', 1],
      ['view', 2],
    ]);
  });

  it('diagnoses its own address as present and reachable', async () => {
    const { port } = (await start()).info;
    const diagnosis = await server!.diagnose();
    expect(diagnosis).toMatchObject({ address: '127.0.0.1', port, reachable: true, addressPresent: true });
    expect(diagnosis.advice[0]).toMatch(/only on this computer/);
  });

  it('stop() ends sockets and held polls, closes the listener and tells the host', async () => {
    const { port } = (await start()).info;
    const ada = await admittedOnSocket();
    const polling = await join({ code: server!.info.code, name: 'Bob' });
    const held = http('/api/poll?after=0', { headers: { [ROOM_TOKEN_HEADER]: polling.token } });
    await until(() => (server!.devices().find((d) => d.id === polling.deviceId)?.via === 'poll' ? true : undefined), 'the poll');
    await server!.stop();
    expect(ada.received.at(-1)).toMatchObject({ type: 'ended', reason: 'room-closed' });
    expect((await ada.closed).code).toBe(4000);
    expect(JSON.parse((await held).body)).toEqual([{ type: 'ended', seq: 1, reason: 'room-closed' }]);
    expect(events.at(-1)).toEqual({ type: 'stopped', reason: 'Room mode was turned off.' });
    const refused = await new Promise<boolean>((done) => {
      const probe = connect(port, '127.0.0.1');
      probe.on('connect', () => (probe.destroy(), done(false)));
      probe.on('error', () => done(true));
    });
    expect(refused).toBe(true);
    await server!.stop();
    expect(events.filter((e) => e.type === 'stopped')).toHaveLength(1);
    server = undefined;
  });
});
