import { beforeEach, describe, expect, it } from 'vitest';
import { pendingCount, pendingEdit, recordEdit } from '../../renderer/src/state/pending-edits';
import { sameWhenCleaned, TextDraft } from '../../renderer/src/state/text-draft.svelte';

const anyText = () => ({ ok: true as const, value: undefined });

beforeEach(() => localStorage.clear());

describe('TextDraft', () => {
  it('takes its own text stored as the rules clean it for its own, keeping what was typed', async () => {
    let stored = 'Old';
    const draft = new TextDraft('item-title', 'cleaned', stored, async (text) => ((stored = text.trim()), true), anyText);
    draft.input('Reduce ');
    await draft.flush();
    draft.sync(stored);
    expect(stored).toBe('Reduce');
    // The space typed stays, so the next key press carries on from it; nothing was replaced.
    expect(draft.value).toBe('Reduce ');
    expect(draft.displaced).toBeUndefined();
    await draft.close();
  });

  it('reopened after its save landed, it shows the text without calling it replaced or pending', async () => {
    recordEdit('item-title', 'reopened', 'Typed', 'Old');
    const draft = new TextDraft('item-title', 'reopened', 'Typed', async () => true, anyText);
    expect(draft.value).toBe('Typed');
    expect(draft.status).toBe('idle');
    expect(draft.displaced).toBeUndefined();
    expect(pendingEdit('item-title', 'reopened')).toBeUndefined();
    expect(pendingCount()).toBe(0);
    await draft.close();
  });

  it('tells cleaning apart from a real change', () => {
    expect(sameWhenCleaned('latency, cost ', 'latency,cost')).toBe(true);
    expect(sameWhenCleaned('Reduce latency', 'Reduce cost')).toBe(false);
  });
});
