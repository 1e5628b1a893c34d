// Room mode in the browser fallback (`npm start` without Electron, `npm run web`, the e2e tests):
// the host's side of RoomLink as HTTP endpoints under /__keel/room/ on the app's own 127.0.0.1
// server (a Vite plugin on the preview and dev servers), the room's events as Server-Sent Events.
// Only the app's own page may call them: the Host header must be the app's own address (DNS
// rebinding), an Origin must be the app's (a page elsewhere cannot start a room), bodies are
// JSON, at most 1 MiB, checked with the same schemas as Electron's IPC. The room server itself
// listens only on the address the facilitator chose, never on the app's.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import type { z } from 'zod';
import { RoomCommandsSchema, RoomStartRequestSchema } from './host-schemas.js';
import { createRoomHostService, ROOM_OFF_MESSAGE, type RoomHostOptions, type RoomHostService } from './host-service.js';
import type { RoomEvent } from './protocol.js';

export const ROOM_CONTROL_PREFIX = '/__keel/room/';
export const ROOM_CONTROL_BODY_MAX_BYTES = 1024 * 1024;
export const ROOM_EVENTS_HEARTBEAT_MS = 15_000;
/**
 * How long a room stays on with no page listening before it ends: long enough for a reload or a
 * laptop waking up, short enough that a closed tab does not leave a room open to the network.
 */
export const ROOM_UNHOSTED_STOP_MS = 10 * 60_000;
/** The SSE event a replaced stream gets before it ends: its page must not reconnect and take the room back. */
export const ROOM_EVENTS_REPLACED = 'replaced';

/** Each endpoint and the one method it answers. */
export const ROOM_CONTROL_ROUTES = {
  interfaces: 'GET',
  start: 'POST',
  stop: 'POST',
  current: 'GET',
  command: 'POST',
  diagnose: 'GET',
  events: 'GET',
} as const;
export type RoomControlRoute = keyof typeof ROOM_CONTROL_ROUTES;

export interface ControlRequest {
  method: string | undefined;
  /** The Host header. */
  host: string | undefined;
  origin: string | undefined;
  contentType: string | undefined;
}

export type ControlCheck = { ok: true } | { ok: false; status: number; message: string };

const refused = (status: number, message: string): ControlCheck => ({ ok: false, status, message });

/**
 * Whether a control request comes from the app's own page on the app's own server (`port`).
 * Pure: the plugin's handler and the tests use it the same way.
 */
export function checkControlRequest(request: ControlRequest, port: number): ControlCheck {
  const host = request.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return refused(403, "Room mode's controls answer Keel's own page only (the request named another host).");
  }
  // A POST must say where it comes from; a GET may not say, but if it does it must be the app.
  const ownOrigin = `http://${host}`;
  const originOk = request.origin === ownOrigin || (request.method !== 'POST' && request.origin === undefined);
  if (!originOk) return refused(403, "Room mode's controls answer Keel's own page only (the request came from another page).");
  if (request.method === 'POST' && request.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return refused(415, 'Room mode expects JSON.');
  }
  return { ok: true };
}

/** The endpoint a path names, or undefined (not a room control path, or an unknown one). */
export function controlRoute(url: string | undefined): RoomControlRoute | undefined {
  const pathname = (url ?? '').split('?')[0] ?? '';
  if (!pathname.startsWith(ROOM_CONTROL_PREFIX)) return undefined;
  const name = pathname.slice(ROOM_CONTROL_PREFIX.length);
  return Object.hasOwn(ROOM_CONTROL_ROUTES, name) ? (name as RoomControlRoute) : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendEmpty(res: ServerResponse): void {
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The raw body; one over the limit is read to its end (so the answer reaches the client) and refused. */
function readRaw(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = new BodyError(413, `The request is larger than ${ROOM_CONTROL_BODY_MAX_BYTES} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > ROOM_CONTROL_BODY_MAX_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= ROOM_CONTROL_BODY_MAX_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > ROOM_CONTROL_BODY_MAX_BYTES ? reject(tooLarge) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Reads a JSON body of at most the limit and checks it with `schema`. */
async function readBody<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const raw = await readRaw(req);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError(400, 'The request was not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new BodyError(400, `The request was refused (${where}${issue?.message ?? 'unknown problem'}).`);
  }
  return parsed.data;
}

/**
 * The room's events as Server-Sent Events, one JSON object per `data:` line, a heartbeat comment
 * every 15 s. One stream at a time, like the service's one listener: a newer stream (the page
 * reloaded, a second tab) replaces it, and the older one is told so before it ends. With no
 * stream for ROOM_UNHOSTED_STOP_MS (the tab was closed), the room ends: in Electron closing the
 * window does the same.
 */
class EventStreams {
  private current: { res: ServerResponse; close: () => void } | undefined;
  private unhosted: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: RoomHostService,
    private readonly timing: RoomControlTiming,
  ) {}

  /** A room is being started or a page listens: no earlier room's countdown may end it. */
  cancelUnhostedStop(): void {
    if (this.unhosted !== undefined) clearTimeout(this.unhosted);
    this.unhosted = undefined;
  }

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    this.cancelUnhostedStop();
    const previous = this.current;
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.timing.heartbeatMs);
    heartbeat.unref?.();
    let unsubscribe = (): void => undefined;
    const close = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      if (this.current?.res !== res) return; // replaced: the newer stream hosts
      this.current = undefined;
      if (!this.service.current()) return;
      this.unhosted = setTimeout(() => {
        this.unhosted = undefined;
        if (!this.current) void this.service.stop();
      }, this.timing.unhostedStopMs);
      this.unhosted.unref?.();
    };
    this.current = { res, close };
    if (previous) {
      previous.close();
      previous.res.end(`event: ${ROOM_EVENTS_REPLACED}\ndata: {}\n\n`);
    }
    req.on('close', close);
    unsubscribe = this.service.subscribe((event: RoomEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  }

  closeAll(): void {
    this.cancelUnhostedStop();
    const current = this.current;
    current?.close();
    current?.res.end();
  }
}

export interface RoomControlTiming {
  heartbeatMs: number;
  unhostedStopMs: number;
}

export interface RoomControlHandler {
  handle: Connect.NextHandleFunction;
  /** Ends the event stream and the room: the app's server is closing. */
  close(): Promise<void>;
}

/**
 * The control endpoints over a host service. `port()` is the app server's own port (read per
 * request: the preview may have moved to a free one).
 */
export function createRoomControlHandler(
  service: RoomHostService,
  port: () => number | undefined,
  timing: RoomControlTiming = { heartbeatMs: ROOM_EVENTS_HEARTBEAT_MS, unhostedStopMs: ROOM_UNHOSTED_STOP_MS },
): RoomControlHandler {
  const streams = new EventStreams(service, timing);

  async function answer(route: RoomControlRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (route) {
      case 'interfaces':
        return sendJson(res, 200, service.interfaces());
      case 'start':
        streams.cancelUnhostedStop();
        return sendJson(res, 200, await service.start(await readBody(req, RoomStartRequestSchema)));
      case 'stop':
        await service.stop();
        return sendEmpty(res);
      case 'current':
        return sendJson(res, 200, service.current());
      case 'command': {
        const commands = await readBody(req, RoomCommandsSchema);
        for (const command of Array.isArray(commands) ? commands : [commands]) service.send(command);
        return sendEmpty(res);
      }
      case 'diagnose':
        if (!service.current()) return sendJson(res, 409, { message: ROOM_OFF_MESSAGE });
        return sendJson(res, 200, await service.diagnose());
      case 'events':
        return streams.open(req, res);
    }
  }

  const handle: Connect.NextHandleFunction = (req, res, next) => {
    if (!(req.url ?? '').startsWith(ROOM_CONTROL_PREFIX)) return next();
    const appPort = port();
    const check =
      appPort === undefined
        ? refused(503, "Keel's server is not listening yet.")
        : checkControlRequest({ method: req.method, host: req.headers.host, origin: req.headers.origin, contentType: req.headers['content-type'] }, appPort);
    if (!check.ok) return sendJson(res, check.status, { message: check.message });
    const route = controlRoute(req.url);
    if (!route) return sendJson(res, 404, { message: 'Room mode has no such endpoint.' });
    const method = ROOM_CONTROL_ROUTES[route];
    if (req.method !== method) {
      res.setHeader('Allow', method);
      return sendJson(res, 405, { message: `Use ${method} for ${route}.` });
    }
    answer(route, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof BodyError) return sendJson(res, error.status, { message: error.message });
      sendJson(res, 500, { message: `Room mode failed: ${error instanceof Error ? error.message : String(error)}` });
    });
  };

  return {
    handle,
    async close() {
      streams.closeAll();
      await service.stop();
    },
  };
}

/** The port an http server listens on, once it does. */
function listeningPort(server: Server | null | undefined): number | undefined {
  const address = server?.address();
  return typeof address === 'object' && address !== null ? address.port : undefined;
}

/**
 * The Vite plugin: the control endpoints on the preview server (`npm start`'s web fallback,
 * `npm run web`, the e2e webServer) and on the dev server. The participant page is the build's
 * (dist/renderer/participant), so `npm run dev` needs a build first for devices to load it.
 */
export function roomWebHost(options: Partial<RoomHostOptions> = {}): Plugin {
  let handler: RoomControlHandler | undefined;
  function mount(config: ResolvedConfig, middlewares: Connect.Server, httpServer: Server | null): void {
    // The app's build folder (dist/renderer), whose participant/ folder the participant build fills.
    const pageRoot = path.resolve(config.root, config.build.outDir, 'participant');
    const service = createRoomHostService({ pageRoot, ...options });
    const mounted = createRoomControlHandler(service, () => listeningPort(httpServer));
    handler = mounted;
    middlewares.use(mounted.handle);
    httpServer?.on('close', () => void mounted.close());
  }
  return {
    name: 'keel:room-web-host',
    configurePreviewServer(server) {
      mount(server.config, server.middlewares, server.httpServer as Server);
    },
    configureServer(server) {
      mount(server.config, server.middlewares, server.httpServer as Server | null);
    },
    // The preview's close() awaits this (Ctrl-C in `npm start`): the room is gone before the process.
    async closePreviewServer() {
      await handler?.close();
    },
  };
}
