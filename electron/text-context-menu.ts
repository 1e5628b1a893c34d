// Electron shows no context menu of its own: Keel's menus are in the page (ui/ContextMenu.svelte),
// and a text field gets the usual edit menu here. Pure: main.ts pops it up.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type TextMenuParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

/** The menu for a right-click the page left alone: edit roles in a text field, Copy on selected text, else none. */
export function textContextMenuTemplate(params: TextMenuParams): MenuItemConstructorOptions[] | undefined {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', enabled: flags.canCopy }];
  return undefined;
}
