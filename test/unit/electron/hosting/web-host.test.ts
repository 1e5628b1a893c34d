// The browser fallback's control endpoints: the request checks as pure functions, then the
// plugin's handler on a real http server (no Vite) over a host service with a fake room server.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoomHostService } from '../../../../electron/room/host-service.js';
import type { RoomEvent } from '../../../../electron/room/protocol.js';
import {
  checkControlRequest,
  controlRoute,
  createRoomControlHandler,
  ROOM_CONTROL_BODY_MAX_BYTES,
  roomWebHost,
  type RoomControlHandler,
  type RoomControlTiming,
} from '../../../../electron/room/web-host.js';
import { device, fakeServers, INTERFACES, VIEW } from './fake-room-server.js';

describe('checkControlRequest', () => {
  const get = { method: 'GET', host: '127.0.0.1:5178', origin: undefined, contentType: undefined };
  const post = { method: 'POST', host: '127.0.0.1:5178', origin: 'http://127.0.0.1:5178', contentType: 'application/json' };

  it("accepts the app's own page on 127.0.0.1 or localhost", () => {
    expect(checkControlRequest(get, 5178)).toEqual({ ok: true });
    expect(checkControlRequest({ ...get, host: 'localhost:5178' }, 5178)).toEqual({ ok: true });
    expect(checkControlRequest({ ...get, origin: 'http://127.0.0.1:5178' }, 5178)).toEqual({ ok: true });
    expect(checkControlRequest(post, 5178)).toEqual({ ok: true });
    expect(checkControlRequest({ ...post, host: 'LOCALHOST:5178', origin: 'http://localhost:5178', contentType: 'application/json; charset=utf-8' }, 5178)).toEqual({ ok: true });
  });

  it.each([
    ['a rebound name', { ...get, host: 'evil.example:5178' }],
    ['another port', { ...get, host: '127.0.0.1:5179' }],
    ['no port', { ...get, host: '127.0.0.1' }],
    ['no Host', { ...get, host: undefined }],
    ["the room's network address", { ...get, host: '192.168.1.20:5178' }],
  ])('refuses a Host that is %s', (_name, request) => {
    expect(checkControlRequest(request, 5178)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/another host/) });
  });

  it.each([
    ['a POST without an Origin', { ...post, origin: undefined }],
    ['a POST from another page', { ...post, origin: 'http://localhost:3000' }],
    ['a POST whose Origin is the other name of the app', { ...post, origin: 'http://localhost:5178' }],
    ['a GET from another page', { ...get, origin: 'https://evil.example' }],
    ['a GET with the null origin', { ...get, origin: 'null' }],
  ])('refuses %s', (_name, request) => {
    expect(checkControlRequest(request, 5178)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/another page/) });
  });

  it('refuses a POST that is not JSON (what a plain form could send)', () => {
    expect(checkControlRequest({ ...post, contentType: 'text/plain' }, 5178)).toMatchObject({ ok: false, status: 415 });
    expect(checkControlRequest({ ...post, contentType: undefined }, 5178)).toMatchObject({ ok: false, status: 415 });
  });
});

describe('controlRoute', () => {
  it('names the endpoint of a control path, ignoring the query', () => {
    expect(controlRoute('/__keel/room/events?x=1')).toBe('events');
    expect(controlRoute('/__keel/room/start')).toBe('start');
    expect(controlRoute('/__keel/room/constructor')).toBeUndefined();
    expect(controlRoute('/__keel/room/')).toBeUndefined();
    expect(controlRoute('/index.html')).toBeUndefined();
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server | undefined;
let handler: RoomControlHandler | undefined;

afterEach(async () => {
  await handler?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  handler = undefined;
});

async function serve(timing?: Partial<RoomControlTiming>) {
  const servers = fakeServers();
  const real = createRoomHostService({ pageRoot: '/p', startServer: servers.startServer, listInterfaces: () => INTERFACES });
  // Counts the streams that let go of the service, so a test knows the server saw a close.
  const released = { count: 0 };
  const service = {
    ...real,
    subscribe: (listener: (event: RoomEvent) => void) => {
      const unsubscribe = real.subscribe(listener);
      return () => {
        released.count += 1;
        unsubscribe();
      };
    },
  };
  const http = createServer();
  const mounted = createRoomControlHandler(service, () => (http.address() as AddressInfo | null)?.port, { heartbeatMs: 15_000, unhostedStopMs: 60_000, ...timing });
  http.on('request', (req, res) =>
    mounted.handle(req, res, () => {
      res.statusCode = 418; // what the next middleware (the static files) would have answered
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server = http;
  handler = mounted;
  const port = (http.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  function call(method: string, route: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = method === 'POST' ? { Origin: origin, 'Content-Type': 'application/json', ...options.headers } : { ...options.headers };
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path: route, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  /** Opens the event stream; `events` fills as they come. */
  function stream(): Promise<{ events: RoomEvent[]; raw: () => string; close: () => void; ended: Promise<void> }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/__keel/room/events' }, (res) => {
        const events: RoomEvent[] = [];
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          for (const line of chunk.split('\n')) if (line.startsWith('data: {"type"')) events.push(JSON.parse(line.slice(6)) as RoomEvent);
        });
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        resolve({ events, raw: () => raw, close: () => req.destroy(), ended });
      });
      req.on('error', reject);
      req.end();
    });
  }
  return { servers, service, call, stream, port, released };
}

describe('the control endpoints on a real http server', () => {
  it('lists interfaces, starts a room, reports it, takes commands and stops it', async () => {
    const { servers, call } = await serve();
    expect(JSON.parse((await call('GET', '/__keel/room/interfaces')).body)).toEqual(INTERFACES);
    expect(JSON.parse((await call('GET', '/__keel/room/current')).body)).toBeNull();

    const started = await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    expect(started.status).toBe(200);
    expect(JSON.parse(started.body)).toEqual({ ok: true, info: servers.last().info });
    expect(started.headers['cache-control']).toBe('no-store');

    const publish = { type: 'publish', views: { d1: VIEW } };
    expect((await call('POST', '/__keel/room/command', { body: JSON.stringify(publish) })).status).toBe(204);
    expect(servers.last().commands).toEqual([publish]);
    // Several queued commands in one request, carried out in their order; one bad command refuses the lot.
    const batch = [{ type: 'admit', deviceId: 'd1', participantId: 'p1' }, { type: 'ack', deviceId: 'd1', id: 'client-id-1', status: 'recorded' }, publish];
    expect((await call('POST', '/__keel/room/command', { body: JSON.stringify(batch) })).status).toBe(204);
    expect(servers.last().commands).toEqual([publish, ...batch]);
    expect((await call('POST', '/__keel/room/command', { body: JSON.stringify([publish, { type: 'admit', deviceId: 'd1' }]) })).status).toBe(400);
    expect((await call('POST', '/__keel/room/command', { body: '[]' })).status).toBe(400);
    expect(servers.last().commands).toHaveLength(4);
    expect(JSON.parse((await call('GET', '/__keel/room/diagnose')).body)).toMatchObject({ address: '127.0.0.1', reachable: true });

    expect((await call('POST', '/__keel/room/stop', { body: '{}' })).status).toBe(204);
    expect(servers.last().stopped).toBe(true);
    const diagnoseOff = await call('GET', '/__keel/room/diagnose');
    expect(diagnoseOff.status).toBe(409);
    expect(JSON.parse(diagnoseOff.body)).toEqual({ message: expect.stringMatching(/Room mode is off/) });
  });

  it('passes other paths on to the next middleware', async () => {
    const { call } = await serve();
    expect(await call('GET', '/index.html')).toMatchObject({ status: 418, body: 'next' });
  });

  it('refuses a wrong Host, a foreign or missing Origin and a non-JSON POST without doing anything', async () => {
    const { servers, call, port } = await serve();
    const body = JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    expect((await call('GET', '/__keel/room/interfaces', { headers: { Host: `attacker.example:${port}` } })).status).toBe(403);
    expect((await call('POST', '/__keel/room/start', { body, headers: { Origin: 'http://localhost:3000' } })).status).toBe(403);
    expect((await call('POST', '/__keel/room/start', { body, headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    const noOrigin = await call('POST', '/__keel/room/start', { body, headers: { Origin: '' } });
    expect(noOrigin.status).toBe(403);
    expect(servers.made).toHaveLength(0);
  });

  it('refuses bodies that are not JSON, fail the schema or are over 1 MiB', async () => {
    const { servers, call } = await serve();
    expect(await call('POST', '/__keel/room/start', { body: '{nope' })).toMatchObject({ status: 400, body: expect.stringMatching(/not JSON/) });
    const wide = await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '0.0.0.0', sessionTitle: 'S' }) });
    expect(wide.status).toBe(400);
    expect(JSON.parse(wide.body)).toEqual({ message: expect.stringMatching(/^The request was refused \(address: /) });
    const huge = await call('POST', '/__keel/room/command', { body: JSON.stringify({ type: 'joining', open: true, pad: 'x'.repeat(ROOM_CONTROL_BODY_MAX_BYTES) }) });
    expect(huge.status).toBe(413);
    expect(servers.made).toHaveLength(0);
  });

  it('answers an unknown endpoint with 404 and a wrong method with 405 and Allow', async () => {
    const { call } = await serve();
    expect((await call('GET', '/__keel/room/secrets')).status).toBe(404);
    const wrong = await call('GET', '/__keel/room/start');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('streams events as JSON lines, with what was held while nobody listened first', async () => {
    const { servers, call, stream } = await serve();
    await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    servers.last().emit({ type: 'device', device: device('held') });
    const events = await stream();
    await expect.poll(() => events.events).toEqual([{ type: 'device', device: device('held') }]);
    servers.last().emit({ type: 'view-wanted', deviceId: 'live' });
    await expect.poll(() => events.events).toHaveLength(2);
    expect(events.raw()).toMatch(/^retry: 2000\n\n/);
    events.close();
  });

  it('holds events again once the stream closes (a reload) and gives them to the next stream', async () => {
    const { servers, call, stream, released } = await serve();
    await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    const first = await stream();
    first.close();
    await expect.poll(() => released.count).toBe(1); // the server saw the close
    servers.last().emit({ type: 'view-wanted', deviceId: 'during-reload' });
    const second = await stream();
    await expect.poll(() => second.events).toEqual([{ type: 'view-wanted', deviceId: 'during-reload' }]);
    expect(first.events).toEqual([]);
    second.close();
  });

  it('a newer stream replaces the older, which is told so and ended', async () => {
    const { servers, call, stream } = await serve();
    await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    const first = await stream();
    const second = await stream();
    await first.ended;
    expect(first.raw()).toContain('event: replaced\ndata: {}\n\n');
    servers.last().emit({ type: 'view-wanted', deviceId: 'd1' });
    await expect.poll(() => second.events).toHaveLength(1);
    second.close();
  });

  it('sends a heartbeat comment on a quiet stream', async () => {
    const { stream } = await serve({ heartbeatMs: 30 });
    const events = await stream();
    await expect.poll(() => events.raw()).toContain(': heartbeat\n\n');
    events.close();
  });

  it('ends the room when no page has listened for a while (the tab was closed), not when a page comes back in time', async () => {
    const { servers, call, stream, released } = await serve({ unhostedStopMs: 150 });
    await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    const first = await stream();
    first.close();
    await expect.poll(() => released.count).toBe(1);
    const back = await stream(); // a reload: the room stays
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(servers.last().stopped).toBe(false);
    back.close();
    await expect.poll(() => servers.last().stopped).toBe(true); // the tab closed
  });

  it("an earlier room's countdown does not end a room started after it", async () => {
    const { servers, call, stream, released } = await serve({ unhostedStopMs: 200 });
    const body = JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await call('POST', '/__keel/room/start', { body });
    const first = await stream();
    first.close();
    await expect.poll(() => released.count).toBe(1);
    await call('POST', '/__keel/room/stop', { body: '{}' });
    await call('POST', '/__keel/room/start', { body });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(servers.made).toHaveLength(2);
    expect(servers.last().stopped).toBe(false);
  });

  it('stops the room and ends the stream when closed (the app server closing)', async () => {
    const { servers, call, stream } = await serve();
    await call('POST', '/__keel/room/start', { body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    const events = await stream();
    await handler?.close();
    await events.ended;
    expect(servers.last().stopped).toBe(true);
  });
});

describe('roomWebHost in a Vite preview server', () => {
  it("answers on the preview's own address, with the build's participant folder as the page root, and stops the room when the preview closes", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'keel-web-host-'));
    const servers = fakeServers();
    const previewServer = await preview({
      configFile: false,
      root: folder,
      logLevel: 'silent',
      build: { outDir: 'dist/renderer' },
      preview: { host: '127.0.0.1', port: 0 },
      plugins: [roomWebHost({ startServer: servers.startServer, listInterfaces: () => INTERFACES })],
    });
    try {
      const { port } = previewServer.httpServer.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}/__keel/room/`;
      expect(await (await fetch(`${base}interfaces`)).json()).toEqual(INTERFACES);
      const start = await fetch(`${base}start`, {
        method: 'POST',
        headers: { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }),
      });
      expect(await start.json()).toMatchObject({ ok: true });
      expect(servers.last().options.pageRoot).toBe(path.join(folder, 'dist', 'renderer', 'participant'));
    } finally {
      await previewServer.close();
      await rm(folder, { recursive: true, force: true });
    }
    expect(servers.last().stopped).toBe(true);
  });
});
