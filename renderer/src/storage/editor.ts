import type { Table } from 'dexie';
import type { KeelDB } from './db';
import { ChangedElsewhereError } from './errors';
import { type HistoryEntry, type RowChange, UndoHistory } from './history';

type Row = { id: string };

/**
 * The only way rows are written. Each edit runs in one transaction and records what it changed,
 * so every edit in every area gets undo/redo without writing undo code of its own.
 */
export class EditTransaction {
  readonly changes: RowChange[] = [];

  constructor(private readonly db: KeelDB) {}

  private table(name: string): Table<Row, string> {
    return this.db.table(name);
  }

  // Each method returns Dexie's own promise chain rather than being an async function: Dexie
  // follows its transaction across native awaits only so deep, and a helper that awaits these
  // inside an edit (storage/links.ts) would otherwise leave the edit's later steps to find the
  // transaction committed (PrematureCommitError).

  /**
   * Adds new rows (fails if an id exists). Nothing is read first, so bulk inserts stay fast.
   * No early return for an empty list: every call awaits a Dexie operation, which keeps the
   * transaction's zone alive across the caller's next await.
   */
  insert(tableName: string, rows: readonly Row[]): Promise<void> {
    return this.table(tableName)
      .bulkAdd(rows as Row[])
      .then(() => {
        for (const row of rows) this.changes.push({ table: tableName, key: row.id, before: undefined, after: row });
      });
  }

  /** Merges a patch into an existing row and returns the new row. */
  update<T extends Row>(tableName: string, id: string, patch: Partial<Omit<T, 'id'>>): Promise<T> {
    const table = this.table(tableName);
    return table.get(id).then((found) => {
      const before = found as T | undefined;
      if (!before) throw new Error(`No ${tableName} row ${id}`);
      const after = { ...before, ...patch } as T;
      return table.put(after).then(() => {
        this.changes.push({ table: tableName, key: id, before, after });
        return after;
      });
    });
  }

  /** Deletes rows, keeping what they were so the deletion can be undone. */
  remove(tableName: string, ids: readonly string[]): Promise<void> {
    const table = this.table(tableName);
    return table.bulkGet(ids as string[]).then((before) =>
      table.bulkDelete(ids as string[]).then(() => {
        ids.forEach((id, i) => {
          if (before[i] !== undefined) this.changes.push({ table: tableName, key: id, before: before[i], after: undefined });
        });
      }),
    );
  }
}

export interface EditOptions {
  /** Merge with the previous edit of the same key made within a couple of seconds. */
  coalesceKey?: string;
  /** Leave the edit out of the undo history (e.g. an import, undone by deleting the copy). */
  undoable?: boolean;
}

type Fields = Record<string, unknown>;

/** `updatedAt` is bookkeeping stamped by every edit: never a reason to refuse an undo. */
const IGNORED = new Set(['updatedAt']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields an edit changed on a row it updated, apart from bookkeeping. */
function changedFields(before: Fields, after: Fields): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !IGNORED.has(k) && !same(before[k], after[k]));
}

function sameIgnoringBookkeeping(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return same(a, b);
  return changedFields(a as Fields, b as Fields).length === 0;
}

/** Drops row changes that only restamped bookkeeping (e.g. a program's updatedAt). */
export function meaningfulChanges(changes: readonly RowChange[]): RowChange[] {
  return changes.filter((c) => !(c.before !== undefined && c.after !== undefined && sameIgnoringBookkeeping(c.before, c.after)));
}

export class Editor {
  /** Edits, undos and redos run one at a time, in the order asked, so history stays true. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: KeelDB,
    readonly history: UndoHistory = new UndoHistory(),
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` in one read-write transaction over every table and records it for undo. */
  edit<T>(label: string, work: (tx: EditTransaction) => Promise<T>, options: EditOptions = {}): Promise<T> {
    return this.serial(async () => {
      const tx = new EditTransaction(this.db);
      const result = await this.db.transaction('rw', this.db.tables, () => work(tx));
      if (options.undoable !== false) {
        // An edit that changed nothing real (a drag dropped where it started) is not a step.
        const changes = meaningfulChanges(tx.changes);
        if (changes.length) this.history.record({ label, changes, at: this.now(), coalesceKey: options.coalesceKey });
      }
      return result;
    });
  }

  /** Undoes the newest edit; returns its label, or undefined when there is nothing to undo. */
  undo(): Promise<string | undefined> {
    return this.serial(async () => {
      const entry = this.history.nextUndo;
      if (!entry) return undefined;
      await this.apply(entry, [...entry.changes].reverse(), 'backward');
      this.history.markUndone(entry);
      return entry.label;
    });
  }

  redo(): Promise<string | undefined> {
    return this.serial(async () => {
      const entry = this.history.nextRedo;
      if (!entry) return undefined;
      await this.apply(entry, entry.changes, 'forward');
      this.history.markRedone(entry);
      return entry.label;
    });
  }

  /**
   * Writes each change's before (backward) or after (forward) value, but only if the fields the
   * edit touched are still as it left them: a field changed since in another window is never
   * clobbered, and other fields of the same row changed elsewhere are kept.
   */
  private async apply(entry: HistoryEntry, changes: readonly RowChange[], direction: 'backward' | 'forward'): Promise<void> {
    const { label } = entry;
    try {
      await this.db.transaction('rw', this.db.tables, async () => {
        for (const change of changes) {
          const table = this.db.table(change.table);
          const expected = (direction === 'backward' ? change.after : change.before) as Fields | undefined;
          const target = (direction === 'backward' ? change.before : change.after) as Fields | undefined;
          const current = (await table.get(change.key)) as Fields | undefined;
          if (expected === undefined) {
            // Re-creating a row: refused if a row with that id exists again.
            if (current !== undefined) throw new ChangedElsewhereError(label);
            await table.put(target);
          } else if (target === undefined) {
            // Removing a row the edit created: refused if it was changed since.
            if (current === undefined || !sameIgnoringBookkeeping(current, expected)) throw new ChangedElsewhereError(label);
            await table.delete(change.key);
          } else {
            if (current === undefined) throw new ChangedElsewhereError(label);
            const fields = changedFields(change.before as Fields, change.after as Fields);
            if (fields.some((f) => !same(current[f], expected[f]))) throw new ChangedElsewhereError(label);
            const merged: Fields = { ...current };
            for (const f of fields) {
              if (target[f] === undefined) delete merged[f];
              else merged[f] = target[f];
            }
            // As it was, unless the row was touched elsewhere since (then keep that newer stamp).
            if ('updatedAt' in target && same(current.updatedAt, expected.updatedAt)) merged.updatedAt = target.updatedAt;
            await table.put(merged);
          }
        }
      });
    } catch (error) {
      if (error instanceof ChangedElsewhereError) this.history.discard(entry);
      throw error;
    }
  }
}
