import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh journal per test: a new module is a new window, so a reload can be played.
async function fresh() {
  vi.resetModules();
  const journal = await import('../../renderer/src/state/pending-edits');
  const { CoalescedWriter } = await import('../../renderer/src/state/coalesced-writer');
  const { markHistoryStep } = await import('../../renderer/src/state/text-draft.svelte');
  return { journal, CoalescedWriter, markHistoryStep };
}

/** A save that waits to be told how it ends, like a durable write still under way. */
function controlledSaves<V>() {
  const calls: { value: V; finish: (stored: boolean) => void }[] = [];
  const save = (_id: string, value: V) => new Promise<boolean>((resolve) => calls.push({ value, finish: resolve }));
  return { calls, save };
}

beforeEach(() => localStorage.clear());

describe('CoalescedWriter', () => {
  it('stores a burst of 2,000 moves as the newest one, with at most one save under way', async () => {
    const { journal, CoalescedWriter } = await fresh();
    const { calls, save } = controlledSaves<{ impact: number; uncertainty: number }>();
    const writer = new CoalescedWriter('item-position', save);
    const done: Promise<boolean>[] = [];
    for (let i = 1; i <= 2000; i++) done.push(writer.put('i1', { impact: i % 6, uncertainty: i % 5 }, { impact: 0, uncertainty: 0 }, undefined));
    expect(calls).toHaveLength(1);
    // What the screen shows is in the journal already, whatever happens to the saves.
    expect(journal.pendingEdit('item-position', 'i1')?.value).toEqual({ impact: 2000 % 6, uncertainty: 0 });
    calls[0]!.finish(true);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.value).toEqual({ impact: 2000 % 6, uncertainty: 0 });
    calls[1]!.finish(true);
    expect(await Promise.all(done)).toEqual(Array(2000).fill(true));
    expect(journal.pendingCount()).toBe(0);
  });

  it('keeps a newer edit replayable when an older save lands first, and its base is what that save stored', async () => {
    const { journal, CoalescedWriter } = await fresh();
    const { calls, save } = controlledSaves<number | null>();
    const writer = new CoalescedWriter<number | null>('score-value', save);
    void writer.put('m/o/c', 4, null, undefined);
    void writer.put('m/o/c', 4.5, null, undefined);
    calls[0]!.finish(true);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    // The window closes now, with 4.5 still on its way: the stored 4 is its base, so it replays.
    const next = await fresh();
    const replayed: unknown[] = [];
    next.journal.useReplayHandlers({
      'score-value': (edit) => next.journal.writeIfUnchanged(4, edit, async () => void replayed.push(edit.value)),
    });
    await next.journal.replayPending({ adopt: true });
    expect(replayed).toEqual([4.5]);
    expect(journal).not.toBe(next.journal);
  });

  it('replays the newest edit when the window went just as a save landed, before it could learn so', async () => {
    const { CoalescedWriter } = await fresh();
    const { calls, save } = controlledSaves<number>();
    const writer = new CoalescedWriter<number>('score-value', save);
    void writer.put('m/o/c', 1, 0, undefined);
    void writer.put('m/o/c', 2, 0, undefined);
    expect(calls).toHaveLength(1);
    // 1 reached the disk, but the window closed before its save answered: the record holds 1.
    const next = await fresh();
    const replayed: unknown[] = [];
    next.journal.useReplayHandlers({
      'score-value': (edit) => next.journal.writeIfUnchanged(1, edit, async () => void replayed.push(edit.value)),
    });
    await next.journal.replayPending({ adopt: true });
    expect(replayed).toEqual([2]);
  });

  it('keeps a failed save journaled and answers false, then stores on the next edit', async () => {
    const { journal, CoalescedWriter } = await fresh();
    const { calls, save } = controlledSaves<number>();
    const writer = new CoalescedWriter<number>('score-value', save);
    const first = writer.put('m/o/c', 3, 1, undefined);
    calls[0]!.finish(false);
    expect(await first).toBe(false);
    expect(journal.pendingEdit('score-value', 'm/o/c')).toMatchObject({ value: 3, base: 1, failed: true });
    const second = writer.put('m/o/c', 5, 1, undefined);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.finish(true);
    expect(await second).toBe(true);
    expect(journal.pendingCount()).toBe(0);
  });

  it("takes what it stored last as the base while the caller's view of the record still lags", async () => {
    const { journal, CoalescedWriter } = await fresh();
    const { calls, save } = controlledSaves<number>();
    const writer = new CoalescedWriter<number>('score-value', save);
    const first = writer.put('m/o/c', 3, 0, undefined);
    calls[0]!.finish(true);
    await first;
    // The live matrix still says 0 when 4 is typed; 4's save then fails.
    const second = writer.put('m/o/c', 4, 0, undefined);
    calls[1]!.finish(false);
    expect(await second).toBe(false);
    expect(journal.pendingEdit('score-value', 'm/o/c')).toMatchObject({ base: 3, value: 4, failed: true });
  });

  it('takes the caller\'s base again once an undo has changed the record since its last save', async () => {
    const { journal, CoalescedWriter, markHistoryStep } = await fresh();
    const { calls, save } = controlledSaves<number | null>();
    const writer = new CoalescedWriter<number | null>('score-value', save);
    const first = writer.put('m/o/c', 4, null, undefined);
    calls[0]!.finish(true);
    await first;
    markHistoryStep(); // Ctrl+Z took the 4 back out: the record is empty again
    const second = writer.put('m/o/c', 5, null, undefined);
    calls[1]!.finish(false);
    await second;
    expect(journal.pendingEdit('score-value', 'm/o/c')).toMatchObject({ base: null, value: 5 });
  });

  it('treats a save that throws as failed, never as stored', async () => {
    const { journal, CoalescedWriter } = await fresh();
    const writer = new CoalescedWriter<number>('score-value', async () => {
      throw new Error('closed');
    });
    expect(await writer.put('m/o/c', 2, 1, undefined)).toBe(false);
    expect(journal.pendingEdit('score-value', 'm/o/c')?.failed).toBe(true);
  });
});
