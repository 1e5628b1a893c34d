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
  /** The original error's text, for the developer console. */
  detail?: string;
}

const READ_AGAIN = 'Reload this window to try again. If it keeps happening, restart Keel; nothing has been changed.';

/** A failed query as the sentence to show; undefined when there was no error. */
export function readProblem(error: unknown): ReadProblem | undefined {
  if (error === undefined) return undefined;
  const problem = classifyStorageError(error);
  // The problems that say what to do when reading fails too; the others speak of saving.
  const own = problem.kind === 'closed' || problem.kind === 'blocked-upgrade' || problem.kind === 'newer-database' || problem.kind === 'unavailable';
  return { message: own ? problem.message : READ_AGAIN, detail: problem.detail };
}
