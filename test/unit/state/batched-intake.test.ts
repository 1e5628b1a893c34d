import { describe, expect, it } from 'vitest';
import { BatchedIntake } from '../../../renderer/src/state/batched-intake';

describe('BatchedIntake', () => {
  it('writes an item alone at once, and those that arrive meanwhile together next, each answered in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const intake = new BatchedIntake<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((n) => `#${n}`);
    });
    const first = intake.add(1);
    const rest = [2, 3, 4].map((n) => intake.add(n));
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['#1', '#2', '#3', '#4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches to their limit, and a failed batch fails its own items only', async () => {
    const batches: number[][] = [];
    const intake = new BatchedIntake<number, number>(async (items) => {
      batches.push(items);
      if (items.includes(3)) throw new Error('disk full');
      return items;
    }, 2);
    const all = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => intake.add(n)));
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
    expect(all.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
  });
});
