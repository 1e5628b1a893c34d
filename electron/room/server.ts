// The room server: one HTTP listener on the address the facilitator chose, serving the
// participant page and the participant API (join, WebSocket, polling fallback). It checks every
// request (Host and Origin against the chosen address, the device token, size and rate limits,
// the protocol's schemas) and passes intentions to the host. Node only (no Electron), so it runs
// in Electron's main process and in the Node process behind `vite preview` alike.
//
// What a device sees: HTTP refusals are plain text (421 wrong Host, 403 wrong Origin) or JSON
// `{ ok: false, message }` (400, 401 unknown or removed token, 403 waiting, 413, 429). A socket
// closes with 4401 (no hello in time, or a token that is not, or no longer, valid: join again),
// 4000 after an `ended` frame (removed, or the room closed: do not reconnect), 1008 (too many tabs)
// or 1009 (a frame over the size limit).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv4 } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkReachable, listenErrorMessage, listenerLostMessage, roomAdvice } from './diagnosis.js';
import { deviceState, type Device } from './devices.js';
import { checkRequest, newRoomCode, newSecret, type Refusal } from './guard.js';
import { listRoomInterfaces } from './interfaces.js';
import { MESSAGE_REFUSALS, parseHello } from './messages.js';
import { ROOM_MESSAGE_MAX_BYTES, ROOM_PATHS, ROOM_TOKEN_HEADER } from './protocol.js';
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo } from './protocol.js';
import { CLOSE_UNAUTHORIZED, POLL_HOLD_MS, POLL_IDLE_MS, Room, type RoomTimings } from './room.js';
import { contentTypeOf, indexFile, insidePageRoot, PAGE_NOT_BUILT, pageFileFor, securityHeaders } from './static-files.js';

export interface RoomServerOptions {
  /** The IPv4 address to listen on (one of listRoomInterfaces()); the port is chosen by the OS. */
  address: string;
  sessionTitle: string;
  /** The built participant page's folder (dist/participant): index.html and assets/. */
  pageRoot: string;
  /** Every event for the host, in order. */
  onEvent(event: RoomEvent): void;
  /** The clock, for tests. */
  now?: () => number;
  /** Shorter waits, for tests. */
  timings?: Partial<ServerTimings>;
}

export interface ServerTimings extends RoomTimings {
  /** How long a socket may take to say hello. */
  helloMs: number;
  /** How often sockets are pinged; one that did not answer the last ping is dropped (a phone that left the Wi-Fi). */
  heartbeatMs: number;
}

const DEFAULT_TIMINGS: ServerTimings = { pollHoldMs: POLL_HOLD_MS, pollIdleMs: POLL_IDLE_MS, helloMs: 5000, heartbeatMs: 15_000 };

export interface RoomServer {
  readonly info: RoomInfo;
  devices(): RoomDevice[];
  /** A host command (admit, remove, joining, ack, publish). */
  command(command: RoomCommand): void;
  diagnose(): Promise<RoomDiagnosis>;
  /** Stops listening; devices are told the room closed. */
  stop(): Promise<void>;
}

const UNKNOWN_DEVICE = 'This device is not in the room (it was removed, or the room restarted). Join again.';

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Reads a request body up to the room's message limit; null (after answering 413) when it is larger. */
function readBody(req: IncomingMessage, res: ServerResponse, refuse: (refusal: Refusal) => void): Promise<string | null> {
  const tooLarge = (): null => {
    res.setHeader('Connection', 'close');
    refuse({ status: 413, message: MESSAGE_REFUSALS.tooLarge });
    req.resume();
    return null;
  };
  if (Number(req.headers['content-length'] ?? 0) > ROOM_MESSAGE_MAX_BYTES) return Promise.resolve(tooLarge());
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > ROOM_MESSAGE_MAX_BYTES) {
        req.off('data', onData);
        done(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => size <= ROOM_MESSAGE_MAX_BYTES && done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => done(null));
  });
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const { address, pageRoot } = options;
  // 0.0.0.0 would listen on every network at once: the room opens on one chosen address only.
  if (!isIPv4(address) || address === '0.0.0.0') {
    throw new Error(`${address} is not an IPv4 address of this computer. Pick a network from the list.`);
  }
  const now = options.now ?? Date.now;
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  let stopped = false;
  const emit = (event: RoomEvent): void => {
    try {
      options.onEvent(event);
    } catch {
      // A host listener's failure must not take the room down with it.
    }
  };
  const room = new Room(newRoomCode(), newSecret(), emit, now, timings);
  const http = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: ROOM_MESSAGE_MAX_BYTES, perMessageDeflate: false });
  http.headersTimeout = 10_000;
  http.requestTimeout = 15_000;

  const port = await new Promise<number>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => reject(new Error(listenErrorMessage(error.code, address)));
    http.once('error', failed);
    http.listen({ host: address, port: 0, exclusive: true }, () => {
      http.off('error', failed);
      const bound = http.address();
      resolve(typeof bound === 'object' && bound ? bound.port : 0);
    });
  });
  const headers = securityHeaders(address, port);
  const apiHeaders = { ...headers, 'Cache-Control': 'no-store' };
  const url = `http://${address}:${port}/`;
  const info = (): RoomInfo => ({
    address,
    port,
    url,
    joinUrl: `${url}?j=${room.registry.joinToken}`,
    code: room.registry.code,
    joiningOpen: room.registry.joiningOpen,
  });

  const text = (res: ServerResponse, refusal: Refusal): void =>
    send(res, refusal.status, refusal.message, { ...apiHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  const json = (res: ServerResponse, status: number, body: unknown): void =>
    send(res, status, JSON.stringify(body), { ...apiHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  const refuseJson = (res: ServerResponse) => (refusal: Refusal) => json(res, refusal.status, { ok: false, message: refusal.message });

  const deviceOf = (req: IncomingMessage): Device | undefined => {
    const token = req.headers[ROOM_TOKEN_HEADER];
    return typeof token === 'string' ? room.registry.byToken(token) : undefined;
  };

  async function servePage(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const target = pageFileFor(pageRoot, pathname);
    if (target.kind === 'not-found') return text(res, { status: 404, message: 'Not found.' });
    const file = target.kind === 'index' ? indexFile(pageRoot) : target.file;
    const body = (await insidePageRoot(pageRoot, file)) ? await readFile(file).catch(() => null) : null;
    if (!body) {
      return target.kind === 'index'
        ? text(res, { status: 503, message: PAGE_NOT_BUILT })
        : text(res, { status: 404, message: 'Not found.' });
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeOf(file),
      'Content-Length': body.length,
      // The page must pick up a new build; its assets have hashed names.
      'Cache-Control': target.kind === 'index' ? 'no-cache' : 'max-age=86400',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = checkRequest({ host: req.headers.host, origin: req.headers.origin }, address, port, false);
    if (refusal) return text(res, refusal);
    const { pathname, searchParams } = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';
    const only = (allowed: string): boolean => {
      if (method === allowed) return true;
      res.setHeader('Allow', allowed);
      text(res, { status: 405, message: `Use ${allowed} here.` });
      return false;
    };
    switch (pathname) {
      case ROOM_PATHS.health:
        if (only('GET')) text(res, { status: 200, message: 'ok' });
        return;
      case ROOM_PATHS.join: {
        if (!only('POST')) return;
        const body = await readBody(req, res, refuseJson(res));
        if (body === null) return;
        const joined = room.join(body, req.socket.remoteAddress ?? '');
        return json(res, joined.status, joined.response);
      }
      case ROOM_PATHS.send: {
        if (!only('POST')) return;
        const device = deviceOf(req);
        if (!device) return json(res, 401, { ok: false, message: UNKNOWN_DEVICE });
        const body = await readBody(req, res, refuseJson(res));
        if (body === null) return;
        const outcome = room.receive(device, body);
        return outcome.kind === 'refused' ? json(res, outcome.status, { ok: false, message: outcome.message }) : json(res, 202, { ok: true });
      }
      case ROOM_PATHS.poll: {
        if (!only('GET')) return;
        const device = deviceOf(req);
        if (!device) return json(res, 401, { ok: false, message: UNKNOWN_DEVICE });
        const after = Number(searchParams.get('after') ?? '0');
        if (!Number.isSafeInteger(after) || after < 0) return json(res, 400, { ok: false, message: 'after must be a message number.' });
        const held = room.poll(device, after, (messages) => {
          if (!res.writableEnded) json(res, 200, messages);
        });
        res.on('close', () => held.cancel());
        return;
      }
      case ROOM_PATHS.socket:
        return text(res, { status: 426, message: 'Connect with a WebSocket here.' });
      default:
        if (method !== 'GET' && method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          return text(res, { status: 405, message: 'Only GET here.' });
        }
        return servePage(req, res, pathname);
    }
  }

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) text(res, { status: 500, message: 'Something went wrong on the facilitator’s computer.' });
      else res.destroy();
    });
  });

  // ---- WebSockets: same listener, checked before the upgrade is accepted ----

  const alive = new WeakMap<WebSocket, boolean>();

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = checkRequest({ host: req.headers.host, origin: req.headers.origin }, address, port, true) ??
      (new URL(req.url ?? '/', url).pathname === ROOM_PATHS.socket ? null : { status: 404, message: 'Not found.' });
    if (refusal) {
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(refusal.message)}\r\nConnection: close\r\n\r\n${refusal.message}`,
      );
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => greet(ws));
  });

  function greet(ws: WebSocket): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    let device: Device | undefined;
    const helloTimer = setTimeout(() => ws.close(CLOSE_UNAUTHORIZED, 'Say hello first.'), timings.helloMs);
    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? '' : data.toString();
      if (!device) {
        clearTimeout(helloTimer);
        const hello = parseHello(frame);
        device = hello.ok ? room.registry.byToken(hello.value.token) : undefined;
        if (!device) return ws.close(CLOSE_UNAUTHORIZED, hello.ok ? UNKNOWN_DEVICE : 'The first message must be a hello with the device’s token.');
        room.attachSocket(device, ws);
        return;
      }
      if (!room.registry.get(device.id)) return ws.close(CLOSE_UNAUTHORIZED, UNKNOWN_DEVICE);
      room.receive(device, frame, ws);
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (device) room.detachSocket(device, ws);
    });
    ws.on('error', () => ws.terminate());
  }

  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, timings.heartbeatMs);
  heartbeat.unref();

  // ---- Stopping ----

  async function shutDown(reason: string): Promise<void> {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    room.close();
    const closed = new Promise<void>((done) => http.close(() => done()));
    // Answers just written (the `ended` of held polls, the sockets' close frames) get a moment to leave.
    setTimeout(() => {
      http.closeAllConnections();
      for (const ws of sockets.clients) ws.terminate();
    }, 500).unref();
    await closed;
    sockets.close();
    emit({ type: 'stopped', reason });
  }

  http.on('error', (error: NodeJS.ErrnoException) => void shutDown(listenerLostMessage(error.code, address)));

  return {
    get info() {
      return info();
    },
    devices: () => room.registry.all().map(deviceState),
    command: (command) => {
      if (!stopped) room.command(command);
    },
    diagnose: async () => {
      const present = listRoomInterfaces().find((i) => i.address === address);
      const reachable = !stopped && (await checkReachable(address, port));
      const facts = { address, port, addressPresent: present !== undefined, reachable, kind: present?.kind, platform: process.platform };
      return { address, port, reachable, addressPresent: facts.addressPresent, advice: roomAdvice(facts) };
    },
    stop: () => shutDown('Room mode was turned off.'),
  };
}
