import type { Editor } from '../storage/editor';
import { useServices, type Services } from './services';
import { redoWithFeedback, undoWithFeedback } from './writes';

/** Undo and redo for the toolbar, the keyboard and the menu: the labels to show, and the actions. */
export class HistoryState {
  undoLabel = $state<string | undefined>(undefined);
  redoLabel = $state<string | undefined>(undefined);
  private readonly editor: Editor;

  constructor(services: Services = useServices()) {
    this.editor = services.editor;
    const history = this.editor.history;
    const sync = () => {
      this.undoLabel = history.nextUndo?.label;
      this.redoLabel = history.nextRedo?.label;
    };
    sync();
    $effect(() => history.subscribe(sync));
  }

  /** Undoes the newest edit (saving pending typing first) and says what was undone. */
  undo(): Promise<void> {
    return undoWithFeedback(this.editor);
  }

  redo(): Promise<void> {
    return redoWithFeedback(this.editor);
  }
}
