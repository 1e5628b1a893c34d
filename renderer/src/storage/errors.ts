// Storage failures a user can meet, as typed values with a plain sentence and a next step.
// None of them ever leads to wiping data.

import type { Check } from '../domain/check';

export type StorageProblemKind =
  | 'quota'
  | 'blocked-upgrade'
  | 'newer-database'
  | 'changed-elsewhere'
  | 'closed'
  | 'deleted'
  | 'unavailable'
  | 'cannot-open'
  | 'unknown';

export interface StorageProblem {
  kind: StorageProblemKind;
  title: string;
  message: string;
  /** The original error's text, for a bug report; never shown as the main message. */
  detail?: string;
}

/** Thrown by a repository for input it refuses; the message is the sentence to show. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

/** The checked value, or an InvalidInputError with the check's sentence. */
export function valid<T>(check: Check<T>): T {
  if (!check.ok) throw new InvalidInputError(check.message);
  return check.value;
}

/** Thrown when an undo or redo finds its rows changed since (another window, another edit). */
export class ChangedElsewhereError extends Error {
  override readonly name = 'ChangedElsewhereError';
  constructor(readonly label: string) {
    super(`"${label}" was changed elsewhere since`);
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The chain of an error and the errors it wraps (Dexie puts the real cause in `inner`). */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 6) {
    const e = current as ErrorLike;
    chain.push(e);
    current = e.inner ?? e.cause;
  }
  return chain;
}

function hasName(chain: ErrorLike[], ...names: string[]): boolean {
  return chain.some((e) => typeof e.name === 'string' && names.includes(e.name));
}

function mentions(chain: ErrorLike[], pattern: RegExp): boolean {
  return chain.some((e) => typeof e.message === 'string' && pattern.test(e.message));
}

export const PROBLEMS: Record<StorageProblemKind, Omit<StorageProblem, 'kind' | 'detail'>> = {
  quota: {
    title: 'Your disk is full',
    message:
      'Keel could not save the last change because there is no storage space left. Free some disk space, then try again. Everything saved before is safe.',
  },
  'blocked-upgrade': {
    title: 'Close the other Keel windows',
    message:
      'Keel needs to update its storage, but another Keel window is still open with an older version. Close or reload the other windows to continue. No data is lost.',
  },
  'newer-database': {
    title: 'This data needs a newer Keel',
    message:
      'Your programs were saved by a newer version of Keel. Install the newer version to open them. Nothing has been changed.',
  },
  'changed-elsewhere': {
    title: 'Changed elsewhere',
    message: 'That change was edited again since (perhaps in another window), so it was not undone.',
  },
  closed: {
    title: 'Reload this window',
    message:
      'Keel was updated in another window, and this window has stopped saving so as not to overwrite it. Everything saved is safe, and what you typed in the last moments is kept on this computer: it is saved when you reload.',
  },
  deleted: {
    title: "Keel's data was deleted",
    message:
      "Another window deleted Keel's storage on this computer, so this window has stopped saving and what it shows is no longer stored. Reload to start again; a plan you exported as a .keel.json file can be imported back.",
  },
  unavailable: {
    title: 'Storage is not available',
    message:
      'Keel cannot open its storage. If you are in a private browsing window, open Keel in a normal window. Otherwise restart Keel.',
  },
  'cannot-open': {
    title: 'Keel cannot open its storage',
    message:
      "Keel could not open the storage that holds your programs, so nothing can be shown or saved yet. Restart Keel; if this keeps happening, check that the disk has space and that Keel's data folder can be written. Nothing has been changed.",
  },
  unknown: {
    title: 'Could not save',
    message: 'Keel could not save the last change. Try again; if it keeps failing, restart Keel. Everything saved before is safe.',
  },
};

export function storageProblem(kind: StorageProblemKind, detail?: string): StorageProblem {
  return { kind, ...PROBLEMS[kind], ...(detail ? { detail } : {}) };
}

/** Turns anything thrown by Dexie/IndexedDB into a StorageProblem. */
export function classifyStorageError(error: unknown): StorageProblem {
  const chain = errorChain(error);
  const detail = chain
    .map((e) => [e.name, e.message].filter((s) => typeof s === 'string').join(': '))
    .filter(Boolean)
    .join(' <- ');
  if (error instanceof ChangedElsewhereError) return storageProblem('changed-elsewhere', detail);
  if (hasName(chain, 'QuotaExceededError') || mentions(chain, /quota/i)) return storageProblem('quota', detail);
  if (hasName(chain, 'VersionError', 'NewerDatabaseError')) return storageProblem('newer-database', detail);
  if (hasName(chain, 'DatabaseClosedError')) return storageProblem('closed', detail);
  if (hasName(chain, 'MissingAPIError', 'SecurityError')) return storageProblem('unavailable', detail);
  return storageProblem('unknown', detail || String(error));
}
