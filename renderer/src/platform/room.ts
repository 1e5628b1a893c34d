import type { KeelBridge } from '../../../electron/ipc-contract';
import type { ParticipantView, RoomCommand, RoomEvent, RoomLink } from '../../../electron/room/protocol';
import { bridge } from './files';

// The host's link to the room server: Electron's bridge (main process) when it is there, else the
// Node process that serves the web build (HTTP under /__keel/room/ on the app's own address, the
// events as Server-Sent Events; electron/room/web-host.ts). Undefined where neither can host a
// room: a static copy of the build, found out by its 404 the first time it is asked.
// Types only from the protocol: zod stays out of the renderer's bundle.

export const ROOM_CONTROL_BASE = '/__keel/room/';
export const ROOM_UNAVAILABLE_MESSAGE =
  'Room mode needs the Keel app, or Keel started with `npm start`: this copy of Keel is served as plain files, which cannot host a room.';
const NO_ANSWER_MESSAGE = "Keel's server did not answer. Check that Keel (`npm start`) is still running, then try again.";
/** A publish is sent in requests of at most this many bytes (the server takes 1 MiB). */
export const PUBLISH_CHUNK_BYTES = 768 * 1024;
/** The most commands in one request (the server takes up to ROOM_COMMAND_BATCH_MAX). */
const COMMAND_BATCH_MAX = 500;
const EVENT_TYPES: ReadonlySet<string> = new Set(['device', 'device-removed', 'intention', 'view-wanted', 'stopped']);
/** After the server refused the event stream outright (EventSource gives up), try again after this long. */
const STREAM_RETRY_MS = 5000;

/** Whether the app's own server hosts rooms: undefined until asked, false after a 404. */
let webAvailable: boolean | undefined;
let web: RoomLink | undefined;

export function roomLink(): RoomLink | undefined {
  const keel = bridge();
  if (keel) return electronLink(keel);
  if (webAvailable === false) return undefined;
  web ??= webLink();
  return web;
}

/** roomLink(), after asking the app's server once whether it hosts rooms (web only). */
export async function detectRoomLink(): Promise<RoomLink | undefined> {
  const link = roomLink();
  if (!link || bridge() || webAvailable !== undefined) return link;
  await link.interfaces().catch(() => undefined);
  return roomLink();
}

/** Electron rejects an invoke with "Error invoking remote method '…': Error: <message>": keep the message. */
function plainError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
}

function electronLink(keel: KeelBridge): RoomLink {
  const plain = <T>(call: () => Promise<T>): Promise<T> => call().catch((error: unknown) => Promise.reject(plainError(error)));
  return {
    interfaces: () => plain(() => keel.roomInterfaces()),
    start: (request) => plain(() => keel.roomStart(request)),
    stop: () => plain(() => keel.roomStop()),
    current: () => plain(() => keel.roomCurrent()),
    send: (command) => plain(() => keel.roomCommand(command)),
    onEvent: (listener) => keel.onRoomEvent(listener),
    diagnose: () => plain(() => keel.roomDiagnose()),
  };
}

/** Splits a publish's views into groups whose JSON stays under `maxBytes` (a view over it goes alone). */
export function publishChunks(views: Record<string, ParticipantView>, maxBytes = PUBLISH_CHUNK_BYTES): Record<string, ParticipantView>[] {
  const encoder = new TextEncoder();
  const chunks: Record<string, ParticipantView>[] = [];
  let chunk: Record<string, ParticipantView> = {};
  let size = 0;
  for (const [deviceId, view] of Object.entries(views)) {
    const bytes = encoder.encode(JSON.stringify({ [deviceId]: view })).length;
    if (size > 0 && size + bytes > maxBytes) {
      chunks.push(chunk);
      chunk = {};
      size = 0;
    }
    chunk[deviceId] = view;
    size += bytes;
  }
  if (size > 0) chunks.push(chunk);
  return chunks;
}

function isRoomEvent(value: unknown): value is RoomEvent {
  return typeof value === 'object' && value !== null && EVENT_TYPES.has(String((value as { type?: unknown }).type));
}

async function call<T>(route: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${ROOM_CONTROL_BASE}${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      cache: 'no-store',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error(NO_ANSWER_MESSAGE);
  }
  if (response.status === 404) {
    webAvailable = false;
    throw new Error(ROOM_UNAVAILABLE_MESSAGE);
  }
  webAvailable = true;
  if (!response.ok) {
    const answer: unknown = await response.json().catch(() => undefined);
    const message = (answer as { message?: unknown } | undefined)?.message;
    throw new Error(typeof message === 'string' ? message : `Room mode did not answer as expected (HTTP ${response.status}). Try again.`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function webLink(): RoomLink {
  const listeners = new Set<(event: RoomEvent) => void>();
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  // One stream for every listener. EventSource reconnects by itself after a dropped connection
  // (the events held meanwhile come first); when the server refused it outright, try later.
  function open(): void {
    const stream = new EventSource(`${ROOM_CONTROL_BASE}events`);
    source = stream;
    stream.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isRoomEvent(event)) for (const listener of [...listeners]) listener(event);
    };
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      source = undefined;
      retry = setTimeout(() => {
        retry = undefined;
        // Not on a static copy of the build (a 404 told us): nothing there will ever answer.
        if (listeners.size > 0 && !source && webAvailable !== false) open();
      }, STREAM_RETRY_MS);
    };
    // Another page (a second tab) took the room's events: this one must not take them back.
    stream.addEventListener('replaced', () => {
      stream.close();
      if (source === stream) source = undefined;
    });
  }

  function close(): void {
    source?.close();
    source = undefined;
    if (retry !== undefined) clearTimeout(retry);
    retry = undefined;
  }

  // Commands go in order, as IPC delivers them in Electron (concurrent requests may arrive out of
  // order: a view built before a device was admitted once overwrote the one after). Those queued
  // while a request is on its way go together in the next one: a full room's acks and views would
  // otherwise wait in single file for one round trip each.
  const queue: { command: RoomCommand; bytes: number; done: (error?: unknown) => void }[] = [];
  let flushing = false;
  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    while (queue.length) {
      let bytes = 0;
      let count = 0;
      while (count < queue.length && count < COMMAND_BATCH_MAX && (count === 0 || bytes + queue[count]!.bytes <= PUBLISH_CHUNK_BYTES)) bytes += queue[count++]!.bytes;
      const batch = queue.splice(0, count);
      try {
        await call('command', batch.length === 1 ? batch[0]!.command : batch.map((b) => b.command));
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    flushing = false;
  }
  function enqueue(command: RoomCommand): Promise<void> {
    return new Promise((resolve, reject) => {
      queue.push({ command, bytes: new TextEncoder().encode(JSON.stringify(command)).length, done: (error) => (error === undefined ? resolve() : reject(error)) });
      void flush();
    });
  }

  return {
    interfaces: () => call('interfaces'),
    start: (request) => call('start', request),
    stop: () => call('stop', {}),
    current: () => call('current'),
    async send(command: RoomCommand) {
      if (command.type !== 'publish') return enqueue(command);
      await Promise.all(publishChunks(command.views).map((views) => enqueue({ type: 'publish', views })));
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source && retry === undefined) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
    diagnose: () => call('diagnose'),
  };
}
