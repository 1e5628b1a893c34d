import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../renderer/src/participant/outbox';
import { SAVED_KEYS, type TextStore } from '../../../renderer/src/participant/saved';

function memoryStore(): TextStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const submit = (id: string) => ({ type: 'submit' as const, id, blockId: 'b1', kind: 'idea' as const, text: `text ${id}` });

describe('the outbox', () => {
  it('keeps a message before it is sent, so a new page (a reload) still has it', () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    expect(outbox.add(submit('id-aaaaaaaa'))).toBe(true);
    expect(JSON.parse(store.data.get(SAVED_KEYS.outbox)!)).toHaveLength(1);
    expect(new Outbox(store).unsent).toEqual([submit('id-aaaaaaaa')]);
  });

  it('resends the same message with the same id until its ack, then drops it', () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    outbox.add(submit('id-aaaaaaaa'));
    outbox.add(submit('id-bbbbbbbb'));
    expect(outbox.unsent.map((m) => m.id)).toEqual(['id-aaaaaaaa', 'id-bbbbbbbb']);
    expect(outbox.unsent.map((m) => m.id)).toEqual(['id-aaaaaaaa', 'id-bbbbbbbb']);
    expect(outbox.acknowledge('id-aaaaaaaa', 'recorded')?.message).toEqual(submit('id-aaaaaaaa'));
    expect(new Outbox(store).unsent.map((m) => m.id)).toEqual(['id-bbbbbbbb']);
    // An ack that comes again (the host answers a resent id the same) changes nothing.
    expect(outbox.acknowledge('id-aaaaaaaa', 'recorded')).toBeUndefined();
  });

  it('keeps a refused message with the reason, not to be resent, until it is dismissed', () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    outbox.add(submit('id-aaaaaaaa'));
    outbox.acknowledge('id-aaaaaaaa', 'refused', 'This block has ended.');
    const reloaded = new Outbox(store);
    expect(reloaded.unsent).toEqual([]);
    expect(reloaded.items).toEqual([{ message: submit('id-aaaaaaaa'), refused: 'This block has ended.' }]);
    reloaded.dismiss('id-aaaaaaaa');
    expect(new Outbox(store).items).toEqual([]);
  });

  it('gives a refusal without a reason a sentence of its own', () => {
    const outbox = new Outbox(memoryStore());
    outbox.add(submit('id-aaaaaaaa'));
    outbox.acknowledge('id-aaaaaaaa', 'refused');
    expect(outbox.items[0]?.refused).toMatch(/did not take this/);
  });

  it('reads past a damaged saved list, keeping what it can', () => {
    const store = memoryStore();
    store.setItem(SAVED_KEYS.outbox, JSON.stringify([{ message: submit('id-aaaaaaaa'), refused: null }, { nonsense: true }, 3]));
    expect(new Outbox(store).unsent.map((m) => m.id)).toEqual(['id-aaaaaaaa']);
    store.setItem(SAVED_KEYS.outbox, '{not json');
    expect(new Outbox(store).items).toEqual([]);
  });

  it('says when the browser would not keep it, and still holds it for this page', () => {
    const store = { ...memoryStore(), setItem: () => { throw new Error('QuotaExceededError'); } };
    const outbox = new Outbox(store);
    expect(outbox.add(submit('id-aaaaaaaa'))).toBe(false);
    expect(outbox.unsent).toHaveLength(1);
  });
});
