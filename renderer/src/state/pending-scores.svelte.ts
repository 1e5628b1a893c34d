/* eslint-disable svelte/prefer-svelte-reactivity -- each Map is a snapshot, replaced whole and never mutated once stored */
import { cellKey, landedScores, withPendingScores } from '../domain/tradeoffs/matrix';
import type { Matrix } from '../domain/tradeoffs/model';

/**
 * Scores typed into the grid, shown at once while their save to IndexedDB (a durable write,
 * tens of milliseconds for a large matrix) is under way. Once its save has landed, a value leaves
 * when the stored matrix holds it, or with the next stored matrix that arrives (another window may
 * have written the cell since: what is stored is what shows). While its save is under way it stays,
 * even if another window stores the same value meanwhile: this window's save is still to land and
 * may change the cell again. A value whose save failed stays shown, as it stays in the
 * pending-edits journal, until it is stored.
 */
export class PendingScores {
  private values = $state.raw<ReadonlyMap<string, number | null>>(new Map());
  /** Keys whose save has landed: the next stored matrix is the truth for them. */
  private saved = new Set<string>();
  /** Each key's latest typing, so an older save finishing does not clear a newer value. */
  private typed = new Map<string, number>();
  /** Keys whose latest typing's save is under way. */
  private saving = new Set<string>();
  private count = 0;

  /** Shows a typed value; returns a token for `landed`. */
  set(optionId: string, criterionId: string, value: number | null): { key: string; token: number } {
    const key = cellKey(optionId, criterionId);
    const token = ++this.count;
    this.typed.set(key, token);
    this.saved.delete(key);
    this.saving.add(key);
    this.values = new Map(this.values).set(key, value);
    return { key, token };
  }

  /** The save of this typing finished; `current` is the stored matrix as this window has it now. */
  landed({ key, token }: { key: string; token: number }, current: Matrix): void {
    if (this.typed.get(key) !== token) return;
    this.saving.delete(key);
    this.saved.add(key);
    this.reconcile(current, false);
  }

  /** The save of this typing failed: the value stays shown until the journal's replay stores it. */
  failed({ key, token }: { key: string; token: number }): void {
    if (this.typed.get(key) === token) this.saving.delete(key);
  }

  apply(matrix: Matrix): Matrix {
    return withPendingScores(matrix, this.values);
  }

  /** Call with each stored matrix that arrives; `fresh` is false when it is not a new arrival. */
  reconcile(matrix: Matrix, fresh = true): void {
    const done = landedScores(matrix, this.values).filter((key) => !this.saving.has(key));
    if (fresh) done.push(...[...this.saved].filter((k) => this.values.has(k)));
    this.drop(done);
  }

  private drop(keys: readonly string[]): void {
    for (const key of keys) {
      this.saved.delete(key);
      this.typed.delete(key);
      this.saving.delete(key);
    }
    if (!keys.some((k) => this.values.has(k))) return;
    const next = new Map(this.values);
    for (const key of keys) next.delete(key);
    this.values = next;
  }
}
