// The host's room link in the browser (fetch and EventSource on /__keel/room/, stubbed here) and
// over Electron's bridge. Each test loads the module afresh: it remembers whether the app's
// server hosts rooms.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeelBridge } from '../../../electron/ipc-contract';
import type { ParticipantView, RoomEvent } from '../../../electron/room/protocol';

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  private named = new Map<string, () => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: () => void): void {
    this.named.set(type, listener);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  message(data: string): void {
    this.onmessage?.({ data } as MessageEvent<string>);
  }
  fire(type: string): void {
    this.named.get(type)?.();
  }
}

type Answer = { status: number; body?: unknown };
let answers: Map<string, Answer>;
let fetchMock: ReturnType<typeof vi.fn>;

function json(answer: Answer): Response {
  const text = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(() => {
  vi.resetModules();
  FakeEventSource.instances = [];
  answers = new Map();
  fetchMock = vi.fn(async (url: string) => json(answers.get(url) ?? { status: 404, body: '<html>Not found</html>' }));
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  delete (window as { keel?: KeelBridge }).keel;
});

const load = () => import('../../../renderer/src/platform/room');

const VIEW: ParticipantView = { sessionTitle: 'Kick-off', name: 'Ada', status: 'waiting', block: null, round: null, mine: [] };

describe('roomLink in the browser', () => {
  it('calls the control endpoints on the app’s own server', async () => {
    const { roomLink } = await load();
    const interfaces = [{ name: 'lo', address: '127.0.0.1', kind: 'loopback' }];
    answers.set('/__keel/room/interfaces', { status: 200, body: interfaces });
    answers.set('/__keel/room/start', { status: 200, body: { ok: false, message: 'Room mode is already on for “Retro”.' } });
    answers.set('/__keel/room/current', { status: 200, body: null });
    answers.set('/__keel/room/stop', { status: 204 });
    answers.set('/__keel/room/command', { status: 204 });
    const link = roomLink();
    if (!link) throw new Error('no link');
    await expect(link.interfaces()).resolves.toEqual(interfaces);
    await expect(link.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' })).resolves.toEqual({ ok: false, message: 'Room mode is already on for “Retro”.' });
    await expect(link.current()).resolves.toBeNull();
    await expect(link.stop()).resolves.toBeUndefined();
    await link.send({ type: 'joining', open: false });

    const [, start] = fetchMock.mock.calls.find(([url]) => url === '/__keel/room/start') as [string, RequestInit];
    expect(start).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ address: '127.0.0.1', sessionTitle: 'Kick-off' }) });
    const [, command] = fetchMock.mock.calls.find(([url]) => url === '/__keel/room/command') as [string, RequestInit];
    expect(JSON.parse(String(command.body))).toEqual({ type: 'joining', open: false });
  });

  it('passes the server’s sentence on when it refuses, and says when it does not answer', async () => {
    const { roomLink } = await load();
    answers.set('/__keel/room/diagnose', { status: 409, body: { message: 'Room mode is off: there is nothing to diagnose.' } });
    answers.set('/__keel/room/current', { status: 500, body: 'oops' });
    const link = roomLink();
    await expect(link?.diagnose()).rejects.toThrow('Room mode is off: there is nothing to diagnose.');
    await expect(link?.current()).rejects.toThrow(/did not answer as expected \(HTTP 500\)/);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(link?.interfaces()).rejects.toThrow(/did not answer\. Check that Keel/);
    expect(roomLink()).toBeDefined(); // a server that is down may come back
  });

  it('is undefined once the app’s server answered 404 (a static copy of the build)', async () => {
    const { roomLink, detectRoomLink, ROOM_UNAVAILABLE_MESSAGE } = await load();
    await expect(detectRoomLink()).resolves.toBeUndefined();
    expect(roomLink()).toBeUndefined();
    expect(ROOM_UNAVAILABLE_MESSAGE).toMatch(/needs the Keel app/);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('detects a server that hosts rooms once', async () => {
    const { detectRoomLink } = await load();
    answers.set('/__keel/room/interfaces', { status: 200, body: [] });
    const link = await detectRoomLink();
    expect(link).toBeDefined();
    await detectRoomLink();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('splits a large publish into requests under the limit, every view sent once', async () => {
    const { roomLink, publishChunks, PUBLISH_CHUNK_BYTES } = await load();
    answers.set('/__keel/room/command', { status: 204 });
    const big = { ...VIEW, mine: Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, kind: 'idea' as const, text: 'x'.repeat(900), status: 'pending' as const })) };
    const views = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`d${i}`, big]));
    await roomLink()?.send({ type: 'publish', views });
    const bodies = fetchMock.mock.calls.map(([, init]) => String((init as RequestInit).body));
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(new TextEncoder().encode(body).length).toBeLessThan(PUBLISH_CHUNK_BYTES + 100);
    expect(bodies.flatMap((body) => Object.keys((JSON.parse(body) as { views: object }).views))).toEqual(Object.keys(views));

    expect(publishChunks({})).toEqual([]);
    expect(publishChunks({ a: VIEW, b: VIEW }, 10)).toEqual([{ a: VIEW }, { b: VIEW }]);
    expect(publishChunks({ a: VIEW, b: VIEW })).toEqual([{ a: VIEW, b: VIEW }]);
  });

  it('sends commands in order, those queued meanwhile together in the next request, and a refused request fails its commands only', async () => {
    const { roomLink } = await load();
    const requests: string[][] = [];
    const releases: (() => void)[] = [];
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { type: string } | { type: string }[];
      const types = (Array.isArray(body) ? body : [body]).map((c) => c.type);
      // Each request is held until released: a link sending them together would let the later ones pass.
      await new Promise<void>((resolve) => releases.push(resolve));
      requests.push(types);
      return json(types.includes('joining') ? { status: 500, body: { message: 'no' } } : { status: 204 });
    });
    const link = roomLink()!;
    const sent = [
      link.send({ type: 'publish', views: { d1: VIEW } }),
      link.send({ type: 'joining', open: false }),
      link.send({ type: 'admit', deviceId: 'd1', participantId: 'p1' }),
    ];
    // Settled as they go, so a refusal is never an unhandled rejection while the test waits.
    const settling = Promise.allSettled(sent);
    await vi.waitFor(() => expect(releases.length).toBe(1));
    releases[0]!();
    await vi.waitFor(() => expect(releases.length).toBe(2));
    releases[1]!();
    const after = link.send({ type: 'remove', deviceId: 'd2' });
    await vi.waitFor(() => expect(releases.length).toBe(3));
    releases[2]!();
    const settled = [...(await settling), ...(await Promise.allSettled([after]))];
    expect(requests).toEqual([['publish'], ['joining', 'admit'], ['remove']]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  });

  it('shares one event stream among listeners, passes room events only, and closes it when the last leaves', async () => {
    const { roomLink } = await load();
    const link = roomLink();
    const first: RoomEvent[] = [];
    const second: RoomEvent[] = [];
    const stopFirst = link?.onEvent((event) => first.push(event));
    const stopSecond = link?.onEvent((event) => second.push(event));
    expect(FakeEventSource.instances.map((source) => source.url)).toEqual(['/__keel/room/events']);
    const stream = FakeEventSource.instances[0];
    stream?.message(JSON.stringify({ type: 'view-wanted', deviceId: 'd1' }));
    stream?.message('not json');
    stream?.message(JSON.stringify({ type: 'eval', code: 'x' }));
    expect(first).toEqual([{ type: 'view-wanted', deviceId: 'd1' }]);
    expect(second).toEqual(first);
    stopFirst?.();
    expect(stream?.readyState).toBe(FakeEventSource.OPEN);
    stopSecond?.();
    expect(stream?.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('opens the stream again later when the server refused it, but not after another page took it', async () => {
    vi.useFakeTimers();
    const { roomLink } = await load();
    const link = roomLink();
    link?.onEvent(() => undefined);
    const refusedStream = FakeEventSource.instances[0];
    refusedStream?.close();
    refusedStream?.onerror?.();
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeEventSource.instances).toHaveLength(2);

    FakeEventSource.instances[1]?.fire('replaced');
    expect(FakeEventSource.instances[1]?.readyState).toBe(FakeEventSource.CLOSED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(2);
  });
});

it('does not keep asking for the event stream once the server turned out to be a static copy', async () => {
  vi.useFakeTimers();
  const { roomLink } = await load();
  const link = roomLink();
  link?.onEvent(() => undefined);
  await expect(link?.current()).rejects.toThrow(/needs the Keel app/);
  FakeEventSource.instances[0]?.close();
  FakeEventSource.instances[0]?.onerror?.();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(FakeEventSource.instances).toHaveLength(1);
});

describe('roomLink in Electron', () => {
  it('uses the bridge, with IPC’s wrapping taken off refusals', async () => {
    const unsubscribe = vi.fn();
    const keel = {
      roomInterfaces: vi.fn(async () => []),
      roomStart: vi.fn(async () => ({ ok: true })),
      roomStop: vi.fn(async () => undefined),
      roomCurrent: vi.fn(async () => null),
      roomCommand: vi.fn(async () => undefined),
      roomDiagnose: vi.fn(async () => Promise.reject(new Error("Error invoking remote method 'keel:room-diagnose': Error: Room mode is off: start it for a running session first."))),
      onRoomEvent: vi.fn(() => unsubscribe),
    };
    (window as unknown as { keel: unknown }).keel = keel;
    const { roomLink, detectRoomLink } = await load();
    const link = roomLink();
    await link?.start({ address: '127.0.0.1', sessionTitle: 'S' });
    expect(keel.roomStart).toHaveBeenCalledWith({ address: '127.0.0.1', sessionTitle: 'S' });
    await link?.send({ type: 'remove', deviceId: 'd1' });
    expect(keel.roomCommand).toHaveBeenCalledWith({ type: 'remove', deviceId: 'd1' });
    await expect(link?.diagnose()).rejects.toThrow(/^Room mode is off: start it/);
    const listener = vi.fn();
    expect(link?.onEvent(listener)).toBe(unsubscribe);
    expect(keel.onRoomEvent).toHaveBeenCalledWith(listener);
    await expect(detectRoomLink()).resolves.toBeDefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
