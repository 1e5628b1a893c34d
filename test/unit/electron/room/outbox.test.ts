import { describe, expect, it } from 'vitest';
import { Outbox, OUTBOX_KEPT } from '../../../../electron/room/outbox.js';
import type { ParticipantView } from '../../../../electron/room/protocol.js';

const view = (name: string): ParticipantView => ({ sessionTitle: 'S', name, status: 'admitted', block: null, round: null, mine: [] });

describe('Outbox', () => {
  it('numbers every message in order', () => {
    const outbox = new Outbox();
    expect(outbox.add({ type: 'ack', id: 'aaaaaaaa', status: 'recorded' }).seq).toBe(1);
    expect(outbox.add({ type: 'view', view: view('A') }).seq).toBe(2);
    expect(outbox.lastSeq).toBe(2);
  });

  it('catches up after a seq, with only the newest view and every ack between', () => {
    const outbox = new Outbox();
    outbox.add({ type: 'view', view: view('first') });
    outbox.add({ type: 'ack', id: 'aaaaaaaa', status: 'recorded' });
    outbox.add({ type: 'view', view: view('second') });
    outbox.add({ type: 'ack', id: 'bbbbbbbb', status: 'refused', message: 'Too late' });
    expect(outbox.since(0).map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(outbox.since(3).map((m) => m.seq)).toEqual([4]);
    expect(outbox.since(4)).toEqual([]);
  });

  it('keeps the last hundred, and the newest view even when acks pushed it out', () => {
    const outbox = new Outbox();
    outbox.add({ type: 'view', view: view('kept') });
    for (let i = 0; i < OUTBOX_KEPT + 10; i++) outbox.add({ type: 'ack', id: `id${String(i).padStart(6, '0')}`, status: 'recorded' });
    const all = outbox.since(0);
    expect(all).toHaveLength(OUTBOX_KEPT + 1);
    expect(all[0]).toMatchObject({ type: 'view', seq: 1 });
    expect(all[1]?.seq).toBe(12);
    expect(outbox.since(1)).toHaveLength(OUTBOX_KEPT);
    expect(outbox.lastView()).toMatchObject({ seq: 1 });
  });

  it('keeps an ack however many views followed it (old views are dropped, not kept)', () => {
    const outbox = new Outbox();
    outbox.add({ type: 'ack', id: 'aaaaaaaa', status: 'recorded' });
    for (let i = 0; i < OUTBOX_KEPT * 2; i++) outbox.add({ type: 'view', view: view(`v${i}`) });
    expect(outbox.since(0).map((m) => [m.type, m.seq])).toEqual([
      ['ack', 1],
      ['view', OUTBOX_KEPT * 2 + 1],
    ]);
  });

  it('numbers errors but does not keep them', () => {
    const outbox = new Outbox();
    expect(outbox.add({ type: 'error', message: 'Bad' }).seq).toBe(1);
    outbox.add({ type: 'ack', id: 'aaaaaaaa', status: 'recorded' });
    expect(outbox.since(0).map((m) => m.type)).toEqual(['ack']);
  });
});
