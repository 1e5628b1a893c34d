// The application menu as a plain template. Pure: main.ts turns it into a Menu and supplies
// `send` (to the focused window) and the callbacks, so the shape is unit-tested per platform.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, MenuState, ThemeChoice } from './ipc-contract.js';

export interface MenuOptions {
  appName: string;
  /** Developer tools are offered only in unpackaged (development) runs. */
  isPackaged: boolean;
  /** What the renderer last said: a program is open, what Undo and Redo would do. */
  state: MenuState;
  /** The app's theme choice, checked in View > Theme. */
  theme: ThemeChoice;
  /** Files opened before, newest first, for File > Open Recent (electron/recent-files.ts). */
  recentFiles: readonly RecentFile[];
  /** Opens a recent file (main reads it and sends it to the window like any opened file). */
  openRecent: (filePath: string) => void;
  /** Empties the recent files list. */
  clearRecent: () => void;
  /** Shows the app's data folder (backups, window state) in the file manager. */
  openDataFolder: () => void;
}

export interface RecentFile {
  /** What the menu shows: the file's name. */
  label: string;
  filePath: string;
}

/**
 * What the menu calls each command, with its keys. The labels are the renderer's command
 * registry's (renderer/src/state/commands.ts), which a unit test checks item by item; inside a
 * submenu an item drops the submenu's word ("Export" > "Markdown summary…"). Keys are
 * Electron accelerators for the registry's "Mod+…" keys.
 */
export const MENU_ITEMS: Record<AppCommand, { label: string; accelerator?: string }> = {
  'new-program': { label: 'New program…', accelerator: 'CmdOrCtrl+N' },
  import: { label: 'Import or open a file…', accelerator: 'CmdOrCtrl+O' },
  'export-program': { label: 'Program file (.keel.json)…', accelerator: 'CmdOrCtrl+S' },
  'export-workspace': { label: 'All programs (workspace file)…' },
  'export-markdown': { label: 'Markdown summary…' },
  'export-decisions': { label: 'Decision records (MADR)…' },
  'export-csv': { label: 'CSV tables…' },
  'export-openslo': { label: 'Metrics as OpenSLO…' },
  report: { label: 'PDF report or print…', accelerator: 'CmdOrCtrl+P' },
  backups: { label: 'Backups…' },
  undo: { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  find: { label: 'Find', accelerator: 'CmdOrCtrl+F' },
  palette: { label: 'Go to anything…', accelerator: 'CmdOrCtrl+K' },
  presenter: { label: 'Presenter window' },
  'theme-system': { label: 'Follow the system' },
  'theme-light': { label: 'Light' },
  'theme-dark': { label: 'Dark' },
  shortcuts: { label: 'Keyboard shortcuts' },
  guide: { label: 'First-workshop guide' },
  'sample-program': { label: 'Create the sample program' },
};

/** Commands that apply to the open program: disabled while none is open. */
const NEEDS_PROGRAM: ReadonlySet<AppCommand> = new Set([
  'export-program',
  'export-markdown',
  'export-decisions',
  'export-csv',
  'export-openslo',
  'report',
  'presenter',
]);

const THEME_COMMANDS: Record<ThemeChoice, AppCommand> = { system: 'theme-system', light: 'theme-light', dark: 'theme-dark' };

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: AppCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const { state } = options;

  // The renderer handles every key of the registry itself (in the web too), so the menu shows
  // the keys but does not register them: one key press runs a command once. On macOS the
  // renderer's preventDefault keeps the menu's key equivalent from firing as well.
  const command = (appCommand: AppCommand, label = MENU_ITEMS[appCommand].label): MenuItemConstructorOptions => {
    const { accelerator } = MENU_ITEMS[appCommand];
    return {
      id: appCommand,
      label,
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      enabled: !NEEDS_PROGRAM.has(appCommand) || state.programOpen,
      click: () => send(appCommand),
    };
  };

  const recentItems: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : options.recentFiles.map((file) => ({ label: file.label, click: () => options.openRecent(file.filePath) }));

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
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
      command('new-program'),
      command('import'),
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          separator,
          { label: 'Clear recent files', enabled: options.recentFiles.length > 0, click: () => options.clearRecent() },
        ],
      },
      separator,
      {
        label: 'Export',
        submenu: [
          command('export-program'),
          command('export-workspace'),
          separator,
          command('export-markdown'),
          command('export-decisions'),
          command('export-csv'),
          command('export-openslo'),
        ],
      },
      command('report'),
      separator,
      command('backups'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Keel's own undo history, not the text field's: "Undo Rename program", disabled when empty.
      { ...command('undo', state.undoLabel ? `Undo ${state.undoLabel}` : 'Undo'), enabled: !!state.undoLabel },
      { ...command('redo', state.redoLabel ? `Redo ${state.redoLabel}` : 'Redo'), enabled: !!state.redoLabel },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      command('find'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('palette'),
      command('presenter'),
      separator,
      {
        label: 'Theme',
        submenu: (Object.keys(THEME_COMMANDS) as ThemeChoice[]).map((theme) => ({
          ...command(THEME_COMMANDS[theme]),
          type: 'radio' as const,
          checked: options.theme === theme,
        })),
      },
      separator,
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

  const helpMenu: MenuItemConstructorOptions = {
    // role 'help' gives macOS's search field; elsewhere it is a plain menu.
    ...(isMac ? { role: 'help' as const } : {}),
    label: 'Help',
    submenu: [
      command('shortcuts'),
      command('guide'),
      command('sample-program'),
      separator,
      { label: 'Open the data folder', click: () => options.openDataFolder() },
      // On macOS About sits in the app menu.
      ...(isMac ? [] : [separator, { role: 'about', label: `About ${options.appName}` } satisfies MenuItemConstructorOptions]),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** The about panel's text: name, version and copyright (set once by main.ts). */
export function aboutPanelOptions(appName: string, version: string, year: number) {
  return {
    applicationName: appName,
    applicationVersion: version,
    version,
    copyright: `© ${year} the ${appName} authors`,
  };
}

/** Whether the menu would look the same (main rebuilds it only when not). */
export function sameMenuState(a: MenuState, b: MenuState): boolean {
  return a.programOpen === b.programOpen && a.undoLabel === b.undoLabel && a.redoLabel === b.redoLabel;
}
