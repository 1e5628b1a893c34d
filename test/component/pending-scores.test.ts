import { describe, expect, it } from 'vitest';
import { newMatrix, type Matrix } from '../../renderer/src/domain/tradeoffs/model';
import { PendingScores } from '../../renderer/src/state/pending-scores.svelte';

function stored(value: number | null): Matrix {
  const matrix = newMatrix('p', 'Which?', 1, () => 'm');
  matrix.options = [{ id: 'A', title: 'A', description: '' }];
  matrix.criteria = [{ id: 'x', name: 'X', metricId: '', direction: 'benefit' }];
  matrix.scores = value === null ? [] : [{ optionId: 'A', criterionId: 'x', value, rationale: '', confidence: null, expected: null }];
  return matrix;
}
const shown = (pending: PendingScores, matrix: Matrix) => pending.apply(matrix).scores.find((s) => s.criterionId === 'x')?.value ?? null;

describe('PendingScores', () => {
  it('shows a typed score until the stored matrix holds it', () => {
    const pending = new PendingScores();
    const typing = pending.set('A', 'x', 4);
    expect(shown(pending, stored(2))).toBe(4);
    pending.reconcile(stored(2));
    expect(shown(pending, stored(2))).toBe(4);
    pending.landed(typing, stored(2));
    pending.reconcile(stored(4));
    expect(pending.apply(stored(2))).toEqual(stored(2));
  });

  it('after its save, gives way to whatever the next stored matrix says (another window wrote the cell)', () => {
    const pending = new PendingScores();
    const typing = pending.set('A', 'x', 3);
    pending.landed(typing, stored(2));
    expect(shown(pending, stored(2))).toBe(3);
    pending.reconcile(stored(1));
    expect(shown(pending, stored(1))).toBe(1);
  });

  it('keeps a newer typing when an older save finishes, and keeps showing a typing not stored yet', () => {
    const pending = new PendingScores();
    const first = pending.set('A', 'x', 3);
    pending.set('A', 'x', 5);
    pending.landed(first, stored(3));
    pending.reconcile(stored(3));
    expect(shown(pending, stored(3))).toBe(5);
    // Its save failed (nothing landed): it still shows, as the journal still holds it.
    pending.reconcile(stored(3));
    expect(shown(pending, stored(3))).toBe(5);
  });

  it('keeps showing a typing whose save is under way when another window happens to store the same value (its own save may still change the cell)', () => {
    const pending = new PendingScores();
    pending.set('A', 'x', 1);
    const last = pending.set('A', 'x', 3);
    // The other window stored 3, then 1, while this window's saves of 1 and 3 are still going.
    pending.reconcile(stored(3));
    pending.reconcile(stored(1));
    expect(shown(pending, stored(1))).toBe(3);
    pending.landed(last, stored(1));
    pending.reconcile(stored(3));
    expect(shown(pending, stored(3))).toBe(3);
    expect(pending.apply(stored(3))).toEqual(stored(3));
  });

  it('lets a failed typing go once the stored matrix holds it (the journal replayed it)', () => {
    const pending = new PendingScores();
    const typing = pending.set('A', 'x', 4);
    pending.failed(typing);
    pending.reconcile(stored(2));
    expect(shown(pending, stored(2))).toBe(4);
    pending.reconcile(stored(4));
    expect(pending.apply(stored(2))).toEqual(stored(2));
  });
});
