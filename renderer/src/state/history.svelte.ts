import type { UndoHistory } from '../storage/history';

/** Reactive mirror of the undo history for buttons and menus. */
export class HistoryState {
  undoLabel = $state<string | undefined>(undefined);
  redoLabel = $state<string | undefined>(undefined);

  constructor(history: UndoHistory) {
    const sync = () => {
      this.undoLabel = history.nextUndo?.label;
      this.redoLabel = history.nextRedo?.label;
    };
    sync();
    $effect(() => history.subscribe(sync));
  }
}
