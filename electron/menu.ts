// The application menu as a plain template. Pure: main.ts turns it into a Menu and supplies
// `send` (to the focused window), so the shape is unit-tested.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, MenuState } from './ipc-contract.js';

export interface MenuOptions {
  appName: string;
  /** Developer tools are offered only in unpackaged (development) runs. */
  isPackaged: boolean;
  /** What the renderer last said: a program is open, what Undo and Redo would do. */
  state: MenuState;
  /** Files opened before, newest first, for File > Open Recent (electron/recent-files.ts). */
  recentFiles: readonly RecentFile[];
  /** Opens a recent file (main reads it and sends it to the window like any opened file). */
  openRecent: (filePath: string) => void;
  /** Empties the recent files list. */
  clearRecent: () => void;
}

export interface RecentFile {
  /** What the menu shows: the file's name. */
  label: string;
  filePath: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: AppCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, appCommand: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(appCommand),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New program', 'new-program', 'CmdOrCtrl+N'),
      command('Import…', 'import', 'CmdOrCtrl+O'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Keel's own undo history, not the text field's: the renderer handles the keys itself
      // (registerAccelerator: false), the menu items are for mouse users and discoverability.
      { ...command('Undo', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      { ...command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'), registerAccelerator: false },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('Find', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [separator, { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu];
}
