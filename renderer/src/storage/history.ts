// The undo/redo history: a list of recorded edits, each a set of row changes with the row
// as it was before and after. Pure bookkeeping; applying entries to the database is in editor.ts.

export interface RowChange {
  table: string;
  key: string;
  /** The row before the edit; undefined when the edit created it. */
  before: unknown;
  /** The row after the edit; undefined when the edit deleted it. */
  after: unknown;
}

export interface HistoryEntry {
  label: string;
  changes: RowChange[];
  at: number;
  /** Consecutive edits with the same key (typing into one field) merge into one entry. */
  coalesceKey?: string;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_WINDOW_MS = 2000;

/** Folds row changes so each row appears once, from its first before to its last after. */
export function mergeChanges(earlier: readonly RowChange[], later: readonly RowChange[]): RowChange[] {
  const byRow = new Map<string, RowChange>();
  for (const change of [...earlier, ...later]) {
    const id = `${change.table}\u0000${change.key}`;
    const seen = byRow.get(id);
    byRow.set(id, seen ? { ...seen, after: change.after } : { ...change });
  }
  return [...byRow.values()].filter((c) => !(c.before === undefined && c.after === undefined));
}

function remove(list: HistoryEntry[], entry: HistoryEntry): boolean {
  const index = list.lastIndexOf(entry);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}

export class UndoHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly limit = HISTORY_LIMIT) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get nextUndo(): HistoryEntry | undefined {
    return this.done.at(-1);
  }
  get nextRedo(): HistoryEntry | undefined {
    return this.undone.at(-1);
  }

  /** Records a new edit; it clears the redo list, as in every editor. */
  record(entry: HistoryEntry): void {
    if (entry.changes.length === 0) return;
    const last = this.done.at(-1);
    if (
      last &&
      entry.coalesceKey !== undefined &&
      last.coalesceKey === entry.coalesceKey &&
      entry.at - last.at <= COALESCE_WINDOW_MS
    ) {
      // Merged in place: the entry keeps its identity, so an "Undo" offered for the first
      // keystroke of a typing session still undoes the session.
      last.at = entry.at;
      last.changes = mergeChanges(last.changes, entry.changes);
    } else {
      this.done.push(entry);
      if (this.done.length > this.limit) this.done.shift();
    }
    this.undone = [];
    this.emit();
  }

  /**
   * Moves an entry from the done list to the redo list (after it was applied backwards).
   * Entries are found by identity, so a newer edit recorded meanwhile is never the one moved.
   */
  markUndone(entry: HistoryEntry | undefined = this.nextUndo): void {
    if (entry && remove(this.done, entry)) this.undone.push({ ...entry, coalesceKey: undefined });
    this.emit();
  }

  /** Moves an entry from the redo list back to the done list (after it was re-applied). */
  markRedone(entry: HistoryEntry | undefined = this.nextRedo): void {
    if (entry && remove(this.undone, entry)) this.done.push({ ...entry, coalesceKey: undefined });
    this.emit();
  }

  /** Drops an entry that can no longer be applied (its rows changed elsewhere). */
  discard(entry: HistoryEntry): void {
    if (!remove(this.done, entry)) remove(this.undone, entry);
    this.emit();
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
