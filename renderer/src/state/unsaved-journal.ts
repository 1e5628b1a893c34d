// Typing that had not reached IndexedDB when the window closed. IndexedDB transactions started
// while a page unloads are aborted, but localStorage writes are synchronous, so pending text is
// parked here on `pagehide` and written to the database on the next start.

import { InvalidInputError } from '../storage/errors';

const KEY = 'keel.unsaved';

export interface UnsavedEdit {
  /** What kind of field, for the replay handler: e.g. "program-description". */
  kind: string;
  /** The record's id. */
  id: string;
  /** The stored value the typing started from: replayed only if it is still the stored value. */
  base: string;
  value: string;
  at: number;
}

function read(): Record<string, UnsavedEdit> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, UnsavedEdit>) : {};
  } catch {
    return {};
  }
}

function write(entries: Record<string, UnsavedEdit>): void {
  try {
    if (Object.keys(entries).length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // Storage full or unavailable: nothing more can be done while the window closes.
  }
}

export function parkUnsaved(edit: UnsavedEdit): void {
  const entries = read();
  entries[`${edit.kind}:${edit.id}`] = edit;
  write(entries);
}

export function forgetUnsaved(kind: string, id: string): void {
  const entries = read();
  if (`${kind}:${id}` in entries) {
    delete entries[`${kind}:${id}`];
    write(entries);
  }
}

export type ReplayHandler = (edit: UnsavedEdit) => Promise<void>;

/**
 * Writes parked edits through their handlers, then forgets them. An edit the rules refuse, or of
 * an unknown kind, is dropped; one the database could not take (full, closed) is kept for the
 * next start rather than lost.
 */
export async function replayUnsaved(handlers: Record<string, ReplayHandler>): Promise<number> {
  const entries = read();
  const kept: Record<string, UnsavedEdit> = {};
  let replayed = 0;
  for (const [key, edit] of Object.entries(entries)) {
    const handler = handlers[edit.kind];
    if (!handler || typeof edit.value !== 'string' || typeof edit.id !== 'string') continue;
    try {
      await handler(edit);
      replayed++;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) kept[key] = edit;
    }
  }
  // Typing parked while this ran (another window closing) stays too.
  write({ ...kept, ...Object.fromEntries(Object.entries(read()).filter(([key]) => !(key in entries))) });
  return replayed;
}
