import { describe, expect, it } from 'vitest';
import { movedBy, movedTo, renumbered } from '../../../renderer/src/domain/order';

const list = (...ids: string[]) => ids.map((id, order) => ({ id, order: order * 10 }));

describe('ordered lists', () => {
  it('numbers from 0 without gaps, in their order', () => {
    expect(renumbered([{ id: 'b', order: 7 }, { id: 'a', order: 2 }])).toEqual([
      { id: 'a', order: 0 },
      { id: 'b', order: 1 },
    ]);
  });

  it('moves one entry to a place, kept within the list, and says when it is not there', () => {
    expect(movedTo(list('a', 'b', 'c'), 'c', 0)?.map((x) => `${x.id}${x.order}`)).toEqual(['c0', 'a1', 'b2']);
    expect(movedTo(list('a', 'b', 'c'), 'a', 99)?.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(movedTo(list('a'), 'gone', 0)).toBeUndefined();
  });

  it('moves one entry a place up or down, and leaves the list alone at either end', () => {
    const abc = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(movedBy(abc, 'b', -1).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(movedBy(abc, 'c', 1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(movedBy(abc, 'gone', 1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
