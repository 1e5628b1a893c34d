import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../../electron/room/protocol';
import { RoomConnection, SOCKET_RETRY_WHILE_POLLING_MS, type LinkState } from '../../../renderer/src/participant/connection';

// The page's line to the room with a fake socket and a fake fetch: reconnecting, the fallback
// to polling after two failed sockets, messages passed on once, and a refused token.

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const view = (seq: number): ServerMessage => ({ type: 'view', seq, view: { sessionTitle: 'S', name: 'A', status: 'waiting', block: null, round: null, mine: [] } });

function connect(fetchFn: typeof fetch = vi.fn(() => new Promise<Response>(() => {}))) {
  const log = { messages: [] as ServerMessage[], states: [] as LinkState[], ups: 0, refused: 0 };
  const connection = new RoomConnection({
    page: 'http://192.168.1.20:5000/',
    token: 'token-aaaaaaaaaaaaaaaaaaaa',
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    fetch: fetchFn,
    random: () => 0.5,
    events: {
      message: (m) => log.messages.push(m),
      state: (s) => log.states.push(s),
      up: () => (log.ups += 1),
      refused: () => (log.refused += 1),
    },
  });
  connection.start();
  return { connection, log, last: () => FakeSocket.all.at(-1)! };
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the connection to the room', () => {
  it('says hello with the token and is up once the room answers', () => {
    const { log, last } = connect();
    expect(last().url).toBe('ws://192.168.1.20:5000/api/socket');
    last().open();
    expect(last().sent).toEqual([{ type: 'hello', token: 'token-aaaaaaaaaaaaaaaaaaaa' }]);
    expect(log.ups).toBe(0);
    last().receive(view(1));
    expect(log.ups).toBe(1);
    expect(log.states.at(-1)).toBe('connected');
    expect(log.messages).toEqual([view(1)]);
  });

  it('passes each message on once', () => {
    const { log, last } = connect();
    last().open();
    last().receive(view(1));
    last().receive(view(2));
    last().receive(view(2));
    last().receive(view(1));
    expect(log.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('reconnects after a drop, and counts up again (the outbox resends then)', () => {
    const { log, last } = connect();
    last().open();
    last().receive(view(1));
    last().drop();
    expect(log.states.at(-1)).toBe('reconnecting');
    // Half a second, less the jitter.
    vi.advanceTimersByTime(437);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    last().open();
    last().receive(view(1));
    last().receive(view(2));
    expect(log.ups).toBe(2);
    expect(log.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('falls back to polling after two failed sockets, and tries the socket again now and then', async () => {
    const polls: string[] = [];
    const answers = [[view(1)], [view(2), view(1)]];
    const fetchFn = vi.fn(async (url: URL | RequestInfo, init?: RequestInit) => {
      polls.push(String(url));
      expect((init?.headers as Record<string, string>)['x-keel-device']).toBe('token-aaaaaaaaaaaaaaaaaaaa');
      const next = answers.shift();
      if (!next) return new Promise<Response>(() => {});
      return new Response(JSON.stringify(next), { status: 200 });
    }) as unknown as typeof fetch;
    const { log, last } = connect(fetchFn);
    last().drop();
    expect(polls).toEqual([]);
    vi.advanceTimersByTime(500);
    last().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls[0]).toBe('http://192.168.1.20:5000/api/poll?after=0');
    expect(polls[1]).toBe('http://192.168.1.20:5000/api/poll?after=1');
    expect(log.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(log.ups).toBe(1);
    expect(log.states.at(-1)).toBe('connected');

    // A socket is tried again later; when it works, polling stops.
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(SOCKET_RETRY_WHILE_POLLING_MS);
    expect(FakeSocket.all).toHaveLength(3);
    last().open();
    last().receive(view(3));
    expect(log.ups).toBe(2);
  });

  it('says offline after three failures in a row, and reconnects at once when woken', () => {
    const { log, last, connection } = connect(vi.fn(async () => Promise.reject(new Error('no network'))) as unknown as typeof fetch);
    last().drop();
    expect(log.states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    last().drop();
    return vi.advanceTimersByTimeAsync(0).then(() => {
      expect(log.states.at(-1)).toBe('offline');
      const before = FakeSocket.all.length;
      connection.retryNow();
      expect(FakeSocket.all).toHaveLength(before + 1);
      connection.stop();
    });
  });

  it('stops and says so when the room refuses the token (closed 4401, or HTTP 401)', async () => {
    const { log, last } = connect();
    last().open();
    last().drop(4401);
    expect(log.refused).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);

    FakeSocket.all = [];
    const polled = connect(vi.fn(async () => new Response('', { status: 401 })) as unknown as typeof fetch);
    polled.last().drop();
    vi.advanceTimersByTime(500);
    polled.last().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(polled.log.refused).toBe(1);
  });

  it('sends over the socket when it is up, over HTTP while polling, and not at all when down', async () => {
    const posts: unknown[] = [];
    let polls = 0;
    const fetchFn = vi.fn(async (_url: URL | RequestInfo, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return new Response('{"ok":true}', { status: 202 });
      }
      polls += 1;
      return polls === 1 ? new Response('[]', { status: 200 }) : new Promise<Response>(() => {});
    }) as unknown as typeof fetch;
    const { connection, last } = connect(fetchFn);
    expect(connection.send({ type: 'ping' })).toBe(false);
    last().open();
    last().receive(view(1));
    expect(connection.send({ type: 'ping' })).toBe(true);
    expect(last().sent.at(-1)).toEqual({ type: 'ping' });
    last().drop();
    expect(connection.send({ type: 'ping' })).toBe(false);
    vi.advanceTimersByTime(500);
    last().drop();
    vi.advanceTimersByTime(500);
    last().drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.via).toBe('poll');
    expect(connection.send({ type: 'ping' })).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toEqual([{ type: 'ping' }]);
  });
});
