import { describe, expect, it } from 'vitest';
import { applyItemPatch, initialHistory, positionAt } from '../../../../renderer/src/domain/uncertainty/history';
import { makeItem } from './items-factory';

describe('item history', () => {
  const start = makeItem({ impact: 4, uncertainty: 5, status: 'open' });
  const created = { ...start, history: initialHistory(start, 100) };

  it('records a point when the position changes, with its time', () => {
    const moved = applyItemPatch(created, { uncertainty: 2.04 }, 200);
    expect(moved.uncertainty).toBe(2);
    expect(moved.history).toEqual([
      { at: 100, impact: 4, uncertainty: 5, status: 'open' },
      { at: 200, impact: 4, uncertainty: 2, status: 'open' },
    ]);
    expect(moved.updatedAt).toBe(200);
  });

  it('records a status change', () => {
    const tested = applyItemPatch(created, { status: 'testing' }, 300);
    expect(tested.history.at(-1)).toEqual({ at: 300, impact: 4, uncertainty: 5, status: 'testing' });
  });

  it('records nothing for edits that do not move the item', () => {
    expect(applyItemPatch(created, { title: 'Renamed', impact: 4 }, 400).history).toHaveLength(1);
  });

  it('tells where an item was at a given time', () => {
    const a = applyItemPatch(created, { impact: 2 }, 200);
    const b = applyItemPatch(a, { impact: 1 }, 300);
    expect(positionAt(b, 50)).toBeUndefined();
    expect(positionAt(b, 250)?.impact).toBe(2);
    expect(positionAt(b, 1000)?.impact).toBe(1);
  });

  it('merges a run of nudges into one point, and a run that ends where it started leaves none', () => {
    const first = applyItemPatch(created, { impact: 4.1 }, 10_000, 2000);
    const second = applyItemPatch(first, { impact: 4.2 }, 10_500, 2000);
    expect(second.history.map((p) => p.impact)).toEqual([4, 4.2]);
    const back = applyItemPatch(second, { impact: 4 }, 11_000, 2000);
    expect(back.history.map((p) => p.impact)).toEqual([4]);
    // Later than the window, a nudge is a move of its own.
    expect(applyItemPatch(second, { impact: 4 }, 20_000, 2000).history.map((p) => p.impact)).toEqual([4, 4.2, 4]);
  });
});
