import { describe, expect, it, vi } from 'vitest';
import type { DeviceMessage, ParticipantView, ServerMessage } from '../../../electron/room/protocol';
import type { ConnectionEvents } from '../../../renderer/src/participant/connection';
import { ParticipantRoom } from '../../../renderer/src/participant/room.svelte';
import { SAVED_KEYS, type TextStore } from '../../../renderer/src/participant/saved';

// The participant page's state with a fake line to the room: what it keeps, resends and shows.

function memoryStore(): TextStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** A server message, numbered by the fake room unless the test numbers it. */
type Incoming = ServerMessage extends infer M ? (M extends ServerMessage ? Omit<M, 'seq'> & { seq?: number } : never) : never;

const DEVICE = { deviceId: 'd1', token: 'token-aaaaaaaaaaaaaaaaaaaa', name: 'Ana' };

function admitted(over: Partial<ParticipantView> = {}): ParticipantView {
  return {
    sessionTitle: 'Kick-off',
    name: 'Ana',
    status: 'admitted',
    block: { id: 'b1', title: 'Risks', methodLabel: 'Review', outputs: '', timer: { state: 'running', remainingMs: 60_000, plannedMinutes: 5 }, accepts: ['idea', 'concern'] },
    round: null,
    mine: [],
    ...over,
  };
}

function setUp(store = memoryStore(), page = 'http://10.0.0.2:4000/') {
  const line = { events: null as ConnectionEvents | null, sent: [] as DeviceMessage[], up: false, stopped: 0 };
  const seq = { n: 0 };
  const connect = vi.fn((_token: string, events: ConnectionEvents) => {
    line.events = events;
    return {
      start: () => {},
      retryNow: () => {},
      stop: () => void (line.stopped += 1),
      send: (m: DeviceMessage) => (line.up ? (line.sent.push(m), true) : false),
    };
  });
  const room = new ParticipantRoom({ store, page, connect, now: () => 1000 });
  const receive = (m: Incoming) => line.events!.message({ seq: ++seq.n, ...m } as ServerMessage);
  const comeUp = () => {
    line.up = true;
    line.events!.up();
  };
  return { room, line, store, receive, comeUp, connect };
}

describe('the participant page’s state', () => {
  it('reconnects with the kept token without joining again', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, connect } = setUp(store);
    expect(room.phase).toBe('room');
    expect(connect).toHaveBeenCalledWith(DEVICE.token, expect.anything());
  });

  it('keeps an item before sending, resends it with the same id on every reconnect until the ack, then never again', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, line, receive, comeUp } = setUp(store);
    receive({ type: 'view', view: admitted() });
    room.submit('concern', '  Refunds differ by country ');
    expect(line.sent).toEqual([]);
    expect(room.items.map((i) => [i.text, i.status])).toEqual([['Refunds differ by country', 'sending']]);
    expect(JSON.parse(store.getItem(SAVED_KEYS.outbox)!)).toHaveLength(1);
    expect(room.draft.text).toBe('');

    comeUp();
    comeUp();
    expect(line.sent).toHaveLength(2);
    expect(line.sent[0]).toEqual(line.sent[1]);
    const id = (line.sent[0] as { id: string }).id;

    receive({ type: 'ack', id, status: 'recorded' });
    expect(room.items.map((i) => i.status)).toEqual(['sent']);
    comeUp();
    expect(line.sent).toHaveLength(2);

    // The view after the ack lists it: shown once, with the view's status.
    receive({ type: 'view', view: admitted({ mine: [{ id: 's1', kind: 'concern', text: 'Refunds differ by country', status: 'accepted' }] }) });
    expect(room.items.map((i) => [i.key, i.status])).toEqual([['s1', 'accepted']]);
  });

  it('shows a refusal next to the item and does not resend it', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, line, receive, comeUp } = setUp(store);
    receive({ type: 'view', view: admitted() });
    comeUp();
    room.submit('idea', 'Late idea');
    const id = (line.sent[0] as { id: string }).id;
    receive({ type: 'ack', id, status: 'refused', message: 'This block has ended.' });
    expect(room.items).toMatchObject([{ status: 'refused', problem: 'This block has ended.' }]);
    comeUp();
    expect(line.sent).toHaveLength(1);
    room.dismiss(id);
    expect(room.items).toEqual([]);
  });

  it('ignores a view older than the one shown', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, receive } = setUp(store);
    receive({ type: 'view', seq: 5, view: admitted({ sessionTitle: 'New' }) });
    receive({ type: 'view', seq: 4, view: admitted({ sessionTitle: 'Old' }) });
    expect(room.view?.sessionTitle).toBe('New');
  });

  it('keeps the text being written and the dots being placed across a new page', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const first = setUp(store);
    first.room.saveDraft({ kind: 'concern', text: 'Half a thought' });
    const round = { id: 'r1', title: 'R', dotsPerVoter: 3, maxPerCandidate: 2, secret: true, candidates: [{ id: 'c1', label: 'A' }], canVote: true, voted: false, votedCount: 0, voterCount: 2 };
    first.room.placeDots(round, { c1: 2 });
    const second = setUp(store);
    expect(second.room.draft).toEqual({ kind: 'concern', text: 'Half a thought' });
    expect(second.room.dotsFor(round)).toEqual({ c1: 2 });
    expect(second.room.dotsFor({ ...round, id: 'r2' })).toEqual({});
  });

  it('casts a ballot once: sending, then in; a refused one can be cast again', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, line, receive, comeUp } = setUp(store);
    const round = { id: 'r1', title: 'R', dotsPerVoter: 3, maxPerCandidate: 2, secret: true, candidates: [{ id: 'c1', label: 'A' }, { id: 'c2', label: 'B' }], canVote: true, voted: false, votedCount: 0, voterCount: 2 };
    comeUp();
    room.placeDots(round, { c2: 1, c1: 2 });
    room.castVote(round);
    expect(line.sent[0]).toMatchObject({ type: 'ballot', roundId: 'r1', dots: [{ candidateId: 'c1', dots: 2 }, { candidateId: 'c2', dots: 1 }] });
    expect(room.ballotState(round).state).toBe('sending');
    receive({ type: 'ack', id: (line.sent[0] as { id: string }).id, status: 'refused', message: 'The round is closed.' });
    expect(room.ballotState(round)).toEqual({ state: 'refused', problem: 'The round is closed.' });
    room.castVote(round);
    expect(room.ballotState(round).state).toBe('sending');
    receive({ type: 'ack', id: (line.sent[1] as { id: string }).id, status: 'recorded' });
    expect(room.ballotState(round).state).toBe('in');
    expect(store.getItem('keel.room.dots')).toBeNull();
  });

  it('ends when the room says so, and forgets the token', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.device, JSON.stringify(DEVICE));
    const { room, line, receive } = setUp(store);
    receive({ type: 'ended', reason: 'removed' });
    expect(room.phase).toBe('ended');
    expect(room.endReason).toBe('removed');
    expect(line.stopped).toBe(1);
    expect(store.getItem(SAVED_KEYS.device)).toBeNull();
    room.joinAgain();
    expect(room.phase).toBe('join');
  });

  it('joins, keeping the device; a join link that no longer works asks for the code', async () => {
    const store = memoryStore();
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ ok: false, reason: 'wrong-code', message: 'No.' }), { status: 403 }));
    const room = new ParticipantRoom({ store, page: 'http://10.0.0.2:4000/?j=join-token-aaaaaaaaaaaaaaaa', connect: () => ({ start() {}, stop() {}, retryNow() {}, send: () => false }), fetch: fetchFn as unknown as typeof fetch });
    expect(room.joinToken).toBe('join-token-aaaaaaaaaaaaaaaa');
    expect(await room.join({ name: ' Ana ', function: 'Product' }, '')).toMatch(/join link no longer works/);
    expect(room.joinToken).toBe('');
    fetchFn.mockResolvedValueOnce(new Response(JSON.stringify({ ok: true, ...DEVICE, status: 'waiting' })));
    expect(await room.join({ name: 'Ana', function: 'Product' }, 'abc-234')).toBe('');
    expect(JSON.parse((fetchFn.mock.calls as unknown as [URL, RequestInit][])[1]![1].body as string)).toEqual({ code: 'ABC234', name: 'Ana', function: 'Product' });
    expect(JSON.parse(store.getItem(SAVED_KEYS.device)!)).toEqual({ deviceId: 'd1', token: DEVICE.token, name: 'Ana' });
    expect(room.phase).toBe('room');
  });
});
