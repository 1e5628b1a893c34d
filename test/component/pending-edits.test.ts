import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Journal from '../../renderer/src/state/pending-edits';

// Each test loads the journal afresh: a new module is a new window (its own id), so what an
// earlier "window" left in localStorage is what a reload finds.
async function newWindow(): Promise<typeof Journal> {
  vi.resetModules();
  return import('../../renderer/src/state/pending-edits');
}

const handler = (seen: Journal.PendingEdit[], outcome: Journal.ReplayOutcome = 'stored'): Journal.ReplayHandler => async (edit) => {
  seen.push(edit);
  return outcome;
};

beforeEach(() => localStorage.clear());

/** Web Locks as windows hold them: a window's lock is held for its life; a request waits for a held lock. */
function fakeLocks() {
  const held = new Set<string>();
  const order: string[] = [];
  const waiting = new Map<string, (() => void)[]>();
  const run = (name: string, callback: () => unknown) => {
    held.add(name);
    order.push(name);
    return Promise.resolve(callback());
  };
  return {
    request(name: string, callback: () => unknown): Promise<unknown> {
      if (!held.has(name)) return run(name, callback);
      return new Promise((resolve) => {
        const queue = waiting.get(name) ?? [];
        queue.push(() => resolve(run(name, callback)));
        waiting.set(name, queue);
      });
    },
    async query() {
      return { held: [...held].map((name) => ({ name })) };
    },
    /** The first lock taken: the first window's own. */
    first: () => order[0]!,
    /** Windows going away: their locks come free and waiting requests get them. */
    releaseAll(which: (name: string) => boolean) {
      for (const name of [...held].filter(which)) {
        held.delete(name);
        waiting.get(name)?.shift()?.();
      }
    },
  };
}

describe('pending-edits journal', () => {
  it('keeps an edit from the moment it is made until it is stored, across a reload', async () => {
    const first = await newWindow();
    first.recordEdit('program-description', 'p1', 'typed', '');
    // The window goes before the save lands: the next start writes it.
    const next = await newWindow();
    const seen: Journal.PendingEdit[] = [];
    next.useReplayHandlers({ 'program-description': handler(seen) });
    expect(await next.replayPending({ adopt: true })).toEqual({ stored: 1, kept: 0, displaced: 0 });
    expect(seen.map((e) => [e.value, e.base])).toEqual([['typed', '']]);
    expect(next.pendingCount()).toBe(0);
    expect((await newWindow()).pendingCount()).toBe(0);
  });

  it('keeps the base of the first edit of a run, and moves it to what a save stored while newer edits wait', async () => {
    const j = await newWindow();
    j.recordEdit('score-value', 'm/o/c', 1, null);
    j.recordEdit('score-value', 'm/o/c', 2, null);
    expect(j.pendingEdit('score-value', 'm/o/c')).toMatchObject({ base: null, value: 2 });
    // The save of 1 lands while 2 is still on its way: 2 now replays over 1, not over null.
    j.editStored('score-value', 'm/o/c', 1);
    expect(j.pendingEdit('score-value', 'm/o/c')).toMatchObject({ base: 1, value: 2 });
    j.editStored('score-value', 'm/o/c', 2);
    expect(j.pendingEdit('score-value', 'm/o/c')).toBeUndefined();
  });

  it('keeps nothing for an edit that is what is stored, but keeps a way back while an earlier save is settling', async () => {
    const j = await newWindow();
    j.recordEdit('score-value', 'm/o/c', 0, 0);
    expect(j.pendingCount()).toBe(0);
    // 0 -> 5 -> 0 while 5 saves: when 5 lands, 0 must still be written after it.
    j.recordEdit('score-value', 'm/o/c', 5, 0);
    j.recordEdit('score-value', 'm/o/c', 0, 0);
    j.editStored('score-value', 'm/o/c', 5);
    expect(j.pendingEdit('score-value', 'm/o/c')).toMatchObject({ base: 5, value: 0 });
    j.editStored('score-value', 'm/o/c', 0);
    expect(j.pendingCount()).toBe(0);
  });

  it('replays an edit over a save that landed unseen, but never a way back to the base over one', async () => {
    const j = await newWindow();
    j.recordEdit('score-value', 'forward', 2, 0);
    j.editSaving('score-value', 'forward', 1);
    j.recordEdit('score-value', 'back', 5, 0);
    j.recordEdit('score-value', 'back', 0, 0);
    j.editSaving('score-value', 'back', 5);
    const written: string[] = [];
    // Both saves reached the disk, but the window went before it learned so.
    j.useReplayHandlers({ 'score-value': (edit) => j.writeIfUnchanged(edit.id === 'forward' ? 1 : 5, edit, async () => void written.push(edit.id)) });
    await j.replayPending();
    expect(written).toEqual(['forward']);
    expect(j.pendingCount()).toBe(0);
  });

  it('keeps an edit whose save failed, marked, and never forgets it as if stored', async () => {
    const j = await newWindow();
    j.recordEdit('item-title', 'i1', 'New', 'Old');
    j.editFailed('item-title', 'i1');
    expect(j.pendingEdit('item-title', 'i1')).toMatchObject({ value: 'New', failed: true });
    const next = await newWindow();
    const seen: Journal.PendingEdit[] = [];
    next.useReplayHandlers({ 'item-title': handler(seen) });
    await next.replayPending({ adopt: true });
    expect(seen.map((e) => e.value)).toEqual(['New']);
  });

  it('drops edits the rules refuse or of unknown kinds, and keeps those the database could not take', async () => {
    const j = await newWindow();
    j.recordEdit('k', 'refused', '', 'A');
    j.recordEdit('k', 'disk-full', 'kept', 'A');
    j.recordEdit('unknown-kind', 'x', 'dropped', '');
    j.useReplayHandlers({
      k: async (e) => {
        // The refusal as the journal's own copy of the modules knows it.
        const { InvalidInputError } = await import('../../renderer/src/storage/errors');
        if (e.id === 'refused') throw new InvalidInputError('Give the item a title.');
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      },
    });
    expect(await j.replayPending()).toEqual({ stored: 0, kept: 1, displaced: 0 });
    expect(j.pendingEdit('k', 'disk-full')).toMatchObject({ value: 'kept', failed: true });
    expect(j.pendingCount()).toBe(1);
  });

  it('keeps text whose record changed since, for the user to put back, and drops edits of deleted records', async () => {
    const j = await newWindow();
    j.recordEdit('item-title', 'i1', 'Mine', 'Old');
    j.recordEdit('item-title', 'gone', 'Lost record', 'Old');
    j.useReplayHandlers({ 'item-title': async (e) => j.writeIfUnchanged(e.id === 'i1' ? 'Theirs' : undefined, e, async () => undefined) });
    expect(await j.replayPending()).toEqual({ stored: 0, kept: 0, displaced: 1 });
    expect(j.displacedText('item-title', 'i1')?.text).toBe('Mine');
    expect(j.displacedText('item-title', 'gone')).toBeUndefined();
    expect(j.pendingCount()).toBe(0);
  });

  it("leaves a window that is still open its edits, and takes them over and writes them once that window goes", async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    try {
      const other = await newWindow();
      other.recordEdit('item-title', 'i1', 'Typing there', 'Old');
      const here = await newWindow();
      const seen: Journal.PendingEdit[] = [];
      here.useReplayHandlers({ 'item-title': handler(seen) });
      await here.replayPending({ adopt: true });
      expect(seen).toEqual([]);
      expect(other.pendingEdit('item-title', 'i1')?.value).toBe('Typing there');

      // The other window closes (or crashes) before its save lands: its lock comes free.
      locks.releaseAll((name) => name === locks.first());
      await vi.waitFor(() => expect(seen.map((e) => e.value)).toEqual(['Typing there']));
      expect(here.pendingCount()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers replaced text for a month, then lets it go', async () => {
    const j = await newWindow();
    j.keepDisplaced('item-title', 'old', 'Kept long ago');
    j.keepDisplaced('item-title', 'recent', 'Kept today');
    const monthAgo = Date.now() - 31 * 24 * 60 * 60 * 1000;
    localStorage.setItem('keel.displaced/item-title:old', JSON.stringify({ text: 'Kept long ago', at: monthAgo }));
    const next = await newWindow();
    next.useReplayHandlers({});
    await next.replayPending({ adopt: true });
    expect(next.displacedText('item-title', 'old')).toBeUndefined();
    expect(next.displacedText('item-title', 'recent')?.text).toBe('Kept today');
  });

  it("takes in an earlier Keel's journal", async () => {
    localStorage.setItem('keel.unsaved', JSON.stringify({ 'k:1': { kind: 'k', id: '1', base: '', value: 'parked', at: 1 } }));
    const j = await newWindow();
    const seen: Journal.PendingEdit[] = [];
    j.useReplayHandlers({ k: handler(seen) });
    await j.replayPending({ adopt: true });
    expect(seen.map((e) => e.value)).toEqual(['parked']);
    expect(localStorage.getItem('keel.unsaved')).toBeNull();
  });

  it('survives damaged entries', async () => {
    localStorage.setItem('keel.pending/gone-window/k:1', '{not json');
    localStorage.setItem('keel.pending/gone-window/k:2', JSON.stringify({ kind: 'k' }));
    localStorage.setItem('keel.unsaved', '[1,2');
    const j = await newWindow();
    j.useReplayHandlers({ k: handler([]) });
    expect(await j.replayPending({ adopt: true })).toEqual({ stored: 0, kept: 0, displaced: 0 });
    expect(localStorage.length).toBe(0);
  });

  it('keeps recording when localStorage refuses (full): the edit stays in this window', async () => {
    const j = await newWindow();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      j.recordEdit('k', '1', 'typed', '');
      expect(j.pendingEdit('k', '1')?.value).toBe('typed');
    } finally {
      setItem.mockRestore();
    }
  });
});
