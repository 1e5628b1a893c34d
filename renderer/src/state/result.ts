import { classifyStorageError, InvalidInputError } from '../storage/errors';

/**
 * What an action gives back to the view: its value, or that it failed with the sentence that
 * was shown. Unlike `undefined`, it keeps "failed" apart from "succeeded with nothing".
 */
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** A refusal's own sentence, or a storage problem with its next step. */
export function describeFailure(error: unknown): string {
  if (error instanceof InvalidInputError) return error.message;
  const problem = classifyStorageError(error);
  if (problem.kind === 'unknown') console.error(problem.detail);
  return `${problem.title}. ${problem.message}`;
}

/** Runs `work`; never throws. */
export async function settle<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, message: describeFailure(error) };
  }
}

/** Why something could not be read, to show in place of its (unknown) contents: never as an empty list. */
export interface ReadProblem {
  message: string;
  /** The original error's text (Live logs the error itself; an action's read logs this). */
  detail?: string;
}

const READ_AGAIN = 'Reload this window to try again. If it keeps happening, restart Keel; nothing has been changed.';

/** A failed query as the sentence to show; undefined when there was no error. */
export function readProblem(error: unknown): ReadProblem | undefined {
  if (error === undefined) return undefined;
  return describeReadError(error);
}

/** Why a read failed, for an action that needed it: "Could not {what}. {next step}" */
export function describeReadFailure(error: unknown, what: string): string {
  const problem = describeReadError(error);
  if (problem.detail) console.error(problem.detail);
  return `Could not ${what}. ${problem.message}`;
}

/** A code-split part of the app (an area, a dialog, the file reader) that failed to load. */
export const PART_NOT_LOADED = 'This part of Keel could not be loaded. Restart Keel; your data is safe.';

function describeReadError(error: unknown): ReadProblem {
  const problem = classifyStorageError(error);
  // The problems that say what to do when reading fails too; the others speak of saving.
  const own = problem.kind === 'closed' || problem.kind === 'blocked-upgrade' || problem.kind === 'newer-database' || problem.kind === 'unavailable';
  return { message: own ? problem.message : READ_AGAIN, detail: problem.detail };
}
