import { describe, expect, it } from 'vitest';
import { COALESCE_WINDOW_MS, mergeChanges, UndoHistory } from '../../../renderer/src/storage/history';

const change = (key: string, before: unknown, after: unknown) => ({ table: 'programs', key, before, after });

describe('UndoHistory', () => {
  it('moves entries between undo and redo, and a new edit clears redo', () => {
    const history = new UndoHistory();
    history.record({ label: 'A', changes: [change('1', undefined, { v: 1 })], at: 0 });
    history.record({ label: 'B', changes: [change('1', { v: 1 }, { v: 2 })], at: 10_000 });
    expect(history.nextUndo?.label).toBe('B');
    history.markUndone();
    expect(history.nextUndo?.label).toBe('A');
    expect(history.nextRedo?.label).toBe('B');
    history.record({ label: 'C', changes: [change('1', { v: 1 }, { v: 3 })], at: 20_000 });
    expect(history.canRedo).toBe(false);
  });

  it('ignores edits that changed nothing', () => {
    const history = new UndoHistory();
    history.record({ label: 'noop', changes: [], at: 0 });
    expect(history.canUndo).toBe(false);
  });

  it('merges typing into one field within the window, keeping the first before', () => {
    const history = new UndoHistory();
    history.record({ label: 'Edit', changes: [change('1', { d: '' }, { d: 'a' })], at: 0, coalesceKey: 'd' });
    const first = history.nextUndo;
    history.record({ label: 'Edit', changes: [change('1', { d: 'a' }, { d: 'ab' })], at: 500, coalesceKey: 'd' });
    expect(history.nextUndo?.changes).toEqual([change('1', { d: '' }, { d: 'ab' })]);
    // Still the same entry, so an Undo offered after the first keystroke undoes the session.
    expect(history.nextUndo).toBe(first);
    history.record({
      label: 'Edit',
      changes: [change('1', { d: 'ab' }, { d: 'abc' })],
      at: 500 + COALESCE_WINDOW_MS + 1,
      coalesceKey: 'd',
    });
    history.markUndone();
    expect(history.nextUndo?.changes).toEqual([change('1', { d: '' }, { d: 'ab' })]);
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const history = new UndoHistory(3);
    for (let i = 0; i < 5; i++) history.record({ label: `E${i}`, changes: [change(String(i), undefined, {})], at: i * 10_000 });
    const labels: string[] = [];
    while (history.canUndo) {
      labels.push(history.nextUndo!.label);
      history.markUndone();
    }
    expect(labels).toEqual(['E4', 'E3', 'E2']);
  });

  it('notifies subscribers on every change', () => {
    const history = new UndoHistory();
    let calls = 0;
    const unsubscribe = history.subscribe(() => calls++);
    history.record({ label: 'A', changes: [change('1', undefined, {})], at: 0 });
    history.markUndone();
    unsubscribe();
    history.markRedone();
    expect(calls).toBe(2);
  });
});

describe('mergeChanges', () => {
  it('drops a row created and deleted within the merged span', () => {
    expect(mergeChanges([change('1', undefined, { v: 1 })], [change('1', { v: 1 }, undefined)])).toEqual([]);
  });
});
