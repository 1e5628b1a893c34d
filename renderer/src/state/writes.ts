import type { Editor } from '../storage/editor';
import { retryFailedEdits } from './pending-edits';
import { flushAllDrafts, markHistoryStep } from './text-draft.svelte';
import { describeReadFailure, settle, type Result } from './result';
import { toasts, type Toast } from './toasts.svelte';

type ToastAction = NonNullable<Toast['action']>;

/** What a successful write says: a sentence, with Undo of exactly that write when asked. */
export interface Report<T> {
  success?: string | ((value: T) => string | undefined);
  undo?: boolean;
  /** Another action for the toast, instead of Undo (e.g. "Open"). */
  action?: (value: T) => ToastAction;
}

/** Undoes the newest edit (saving pending typing first) and says what was undone. */
export async function undoWithFeedback(editor: Editor): Promise<void> {
  await flushAllDrafts();
  const undone = await settle(() => editor.undo());
  markHistoryStep();
  if (!undone.ok) toasts.show(undone.message, 'error');
  else if (undone.value) toasts.show(`Undid: ${undone.value}.`, 'info');
}

export async function redoWithFeedback(editor: Editor): Promise<void> {
  await flushAllDrafts();
  const redone = await settle(() => editor.redo());
  markHistoryStep();
  if (!redone.ok) toasts.show(redone.message, 'error');
  else if (redone.value) toasts.show(`Redid: ${redone.value}.`, 'info');
}

/**
 * The one way state classes write: run the repository call, turn a failure into a plain toast,
 * say what was done (offering Undo), and hand the view a Result.
 */
export class Writes {
  constructor(private readonly editor: Editor) {}

  async run<T>(work: () => Promise<T>, report: Report<T> = {}): Promise<Result<T>> {
    const result = await settle(work);
    if (!result.ok) {
      toasts.show(result.message, 'error');
      return result;
    }
    // Storage works again: edits whose save failed earlier go in now.
    void retryFailedEdits();
    const message = typeof report.success === 'function' ? report.success(result.value) : report.success;
    if (message) toasts.show(message, 'success', report.action?.(result.value) ?? (report.undo ? this.undoOffer() : undefined));
    return result;
  }

  /**
   * Reads what an action must know before it asks or writes (e.g. which matrices a deletion
   * touches). On failure the toast says what could not be checked and the action should stop.
   */
  async read<T>(work: () => Promise<T>, what: string): Promise<Result<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const message = describeReadFailure(error, what);
      toasts.show(message, 'error');
      return { ok: false, message };
    }
  }

  /** A toast action that undoes exactly the edit just made, and nothing newer. */
  undoOffer(): ToastAction {
    const entry = this.editor.history.nextUndo;
    return {
      label: 'Undo',
      run: () => {
        if (this.editor.history.nextUndo !== entry) {
          toasts.show('Newer changes were made since; use Undo in the toolbar to step back through them.', 'info');
          return;
        }
        void undoWithFeedback(this.editor);
      },
    };
  }
}
