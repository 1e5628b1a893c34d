import type { DeviceMessage, ServerMessage } from '../../../electron/room/protocol';
import { roomUrl, socketUrl } from './api';
import { backoffDelay } from './backoff';
import { ROOM_PATHS, ROOM_TOKEN_HEADER } from './room-constants';
import { SeqFilter } from './seq';

// The page's line to the room: a WebSocket, and when sockets fail (a proxy, a captive Wi-Fi, an
// old browser) polling over plain HTTP. It reconnects by itself, passes each server message on
// once, and says when a transport is up again so unacknowledged messages can be resent.

export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'offline';
export type Transport = 'socket' | 'poll' | 'none';

export interface ConnectionEvents {
  /** A server message not seen before. */
  message(message: ServerMessage): void;
  state(state: LinkState, via: Transport): void;
  /** A transport came up (again): what was not acknowledged should be sent again. */
  up(): void;
  /** The room no longer knows this device's token (removed, or a new room on the same address). */
  refused(): void;
}

export interface ConnectionOptions {
  page: string;
  token: string;
  events: ConnectionEvents;
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  random?: () => number;
}

/** Socket attempts that fail in a row before polling takes over. */
export const SOCKET_TRIES_BEFORE_POLLING = 2;
/** While polling, how often to see whether a socket works again. */
export const SOCKET_RETRY_WHILE_POLLING_MS = 30_000;
/** Failed attempts in a row after which the page says it is offline. */
const FAILURES_BEFORE_OFFLINE = 3;
/** A socket ping keeps routers from dropping an idle connection. */
const PING_EVERY_MS = 25_000;
/** The server holds a poll 25 s; give up on one that takes longer. */
const POLL_TIMEOUT_MS = 35_000;
/** The close code the room server uses for a token it does not accept. */
const CLOSE_TOKEN_REFUSED = 4401;

export class RoomConnection {
  private readonly seq = new SeqFilter();
  private readonly o: Required<ConnectionOptions>;
  private socket: WebSocket | null = null;
  /** The socket delivered its first message (the hello was accepted). */
  private socketUp = false;
  private socketFailures = 0;
  private socketTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private pollUp = false;
  private pollAbort: AbortController | null = null;
  private failures = 0;
  private stopped = false;
  private state: LinkState = 'connecting';

  constructor(options: ConnectionOptions) {
    this.o = {
      WebSocket: globalThis.WebSocket,
      fetch: globalThis.fetch.bind(globalThis),
      random: Math.random,
      ...options,
    };
  }

  get via(): Transport {
    return this.socketUp ? 'socket' : this.pollUp ? 'poll' : 'none';
  }

  start(): void {
    this.openSocket();
  }

  /** Tries at once instead of waiting out the backoff (the page became visible, the network came back). */
  retryNow(): void {
    if (this.stopped || this.socketUp || this.socket) return;
    clearTimeout(this.socketTimer);
    this.openSocket();
  }

  /** Sends now if a transport is up; false otherwise (the outbox keeps it for the next `up`). */
  send(message: DeviceMessage): boolean {
    if (this.socketUp && this.socket?.readyState === 1) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    if (this.pollUp) {
      void this.post(message);
      return true;
    }
    return false;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.socketTimer);
    clearInterval(this.pingTimer);
    this.polling = false;
    this.pollAbort?.abort();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
    this.socketUp = false;
    this.pollUp = false;
  }

  // ---- The socket ----

  private openSocket(): void {
    let socket: WebSocket;
    try {
      socket = new this.o.WebSocket(socketUrl(this.o.page));
    } catch {
      this.socketFailed();
      return;
    }
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: this.o.token }));
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      const message = parse(event.data);
      if (!message) return;
      if (!this.socketUp) this.socketOpened();
      this.receive(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      if (event.code === CLOSE_TOKEN_REFUSED) return this.refused();
      if (this.socketUp) {
        // It worked and dropped: try again soon, as a first failure.
        this.socketUp = false;
        this.socketFailures = 0;
        this.scheduleSocket(backoffDelay(0, this.o.random));
        this.report();
      } else {
        this.socketFailed();
      }
    };
  }

  private socketOpened(): void {
    this.socketUp = true;
    this.socketFailures = 0;
    this.failures = 0;
    // The socket does the work again; polling stops.
    this.stopPolling();
    this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
    this.report();
    this.o.events.up();
  }

  private socketFailed(): void {
    this.socketFailures += 1;
    if (!this.pollUp) this.failures += 1;
    if (this.socketFailures >= SOCKET_TRIES_BEFORE_POLLING) {
      this.startPolling();
      this.scheduleSocket(SOCKET_RETRY_WHILE_POLLING_MS * (0.75 + 0.25 * this.o.random()));
    } else {
      this.scheduleSocket(backoffDelay(this.socketFailures - 1, this.o.random));
    }
    this.report();
  }

  private scheduleSocket(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.socketTimer);
    this.socketTimer = setTimeout(() => this.openSocket(), delay);
  }

  // ---- Polling ----

  private startPolling(): void {
    if (this.polling || this.stopped) return;
    this.polling = true;
    void this.pollLoop();
  }

  private stopPolling(): void {
    this.polling = false;
    this.pollUp = false;
    this.pollAbort?.abort();
  }

  async pollLoop(): Promise<void> {
    let failures = 0;
    while (this.polling && !this.stopped) {
      const url = roomUrl(ROOM_PATHS.poll, this.o.page);
      url.searchParams.set('after', String(this.seq.highest));
      const abort = new AbortController();
      this.pollAbort = abort;
      const timeout = setTimeout(() => abort.abort(), POLL_TIMEOUT_MS);
      let status = 0;
      let messages: unknown = null;
      try {
        const response = await this.o.fetch(url, { headers: { [ROOM_TOKEN_HEADER]: this.o.token }, signal: abort.signal });
        status = response.status;
        if (response.ok) messages = await response.json();
      } catch {
        status = 0;
      } finally {
        clearTimeout(timeout);
      }
      if (!this.polling || this.stopped) return;
      if (status === 401 || status === 403) return this.refused();
      if (Array.isArray(messages)) {
        failures = 0;
        if (!this.pollUp) {
          this.pollUp = true;
          this.failures = 0;
          this.report();
          this.o.events.up();
        }
        for (const raw of messages) {
          const message = parse(raw);
          if (message) this.receive(message);
        }
        continue;
      }
      failures += 1;
      this.failures += 1;
      this.pollUp = false;
      this.report();
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures - 1, this.o.random)));
    }
  }

  async post(message: DeviceMessage): Promise<void> {
    try {
      const response = await this.o.fetch(roomUrl(ROOM_PATHS.send, this.o.page), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ROOM_TOKEN_HEADER]: this.o.token },
        body: JSON.stringify(message),
      });
      if (response.status === 401 || response.status === 403) return this.refused();
      if (response.ok) return;
    } catch {
      // Below: the message stays in the outbox.
    }
    // It did not get through: the next successful poll counts as a new connection and resends.
    this.pollUp = false;
    this.report();
  }

  // ---- Both ----

  private receive(message: ServerMessage): void {
    if (!this.seq.accept(message.seq)) return;
    this.o.events.message(message);
  }

  private refused(): void {
    this.stop();
    this.o.events.refused();
  }

  private report(): void {
    const up = this.socketUp || this.pollUp;
    const state: LinkState = up ? 'connected' : this.failures >= FAILURES_BEFORE_OFFLINE ? 'offline' : this.failures > 0 || this.state !== 'connecting' ? 'reconnecting' : 'connecting';
    this.state = state;
    this.o.events.state(state, this.via);
  }
}

/** A server message from a frame or a poll's list; anything else is ignored. */
function parse(data: unknown): ServerMessage | null {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const m = value as Partial<ServerMessage> | null;
  return m && typeof m === 'object' && typeof m.type === 'string' && typeof m.seq === 'number' ? (m as ServerMessage) : null;
}
