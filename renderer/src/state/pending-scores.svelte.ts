/* eslint-disable svelte/prefer-svelte-reactivity -- each Map is a snapshot, replaced whole and never mutated once stored */
import { cellKey, landedScores, withPendingScores } from '../domain/tradeoffs/matrix';
import type { Matrix } from '../domain/tradeoffs/model';

/**
 * Scores typed into the grid, shown at once while their save to IndexedDB (a durable write,
 * tens of milliseconds for a large matrix) is under way. A value leaves when the stored matrix
 * holds it, or when its save fails and the stored value shows again.
 */
export class PendingScores {
  private values = $state.raw<ReadonlyMap<string, number | null>>(new Map());

  set(optionId: string, criterionId: string, value: number | null): string {
    const key = cellKey(optionId, criterionId);
    this.values = new Map(this.values).set(key, value);
    return key;
  }

  drop(keys: readonly string[]): void {
    if (!keys.some((k) => this.values.has(k))) return;
    const next = new Map(this.values);
    for (const key of keys) next.delete(key);
    this.values = next;
  }

  apply(matrix: Matrix): Matrix {
    return withPendingScores(matrix, this.values);
  }

  /** Call with each stored matrix that arrives. */
  reconcile(matrix: Matrix): void {
    this.drop(landedScores(matrix, this.values));
  }
}
