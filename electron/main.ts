// Keel's main process: lifecycle, the app:// protocol, the single window. Every decision is
// made in a small pure module (security, protocol-paths, ipc-handlers, window-state, menu...);
// this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeTheme, powerSaveBlocker, protocol, screen, shell } from 'electron';
import { createFileService } from './files.js';
import { createBackupService } from './backups.js';
import { createReportService } from './report-pdf.js';
import { IPC_CHANNELS, type AppCommand, type MenuState, type ThemeChoice } from './ipc-contract.js';
import { registerIpcHandlers, type DesktopService, type PresenterService } from './ipc.js';
import { OpenPresenterArgsSchema } from './ipc-schemas.js';
import { aboutPanelOptions, buildMenuTemplate, sameMenuState, type RecentFile } from './menu.js';
import { serveRendererRequest } from './renderer-protocol.js';
import { textContextMenuTemplate } from './text-context-menu.js';
import { DisplayAwakeKeeper, PresenterWindows } from './presenter-window.js';
import { APP_SCHEME, APP_START_URL, guardAllWebContents, type PresenterRoute } from './security.js';
import { mainWindowOptions, presenterWindowOptions, windowBackgroundColor } from './window-options.js';
import {
  readSavedWindowState,
  restoreBounds,
  trackWindowState,
  WINDOW_STATE_FILE,
  type DebouncedWriter,
  type WindowStateSnapshot,
} from './window-state.js';

// --- Before ready: only synchronous code here (an ESM entry must not await before ready). ---

// Standard + secure: app://keel is a real origin (relative URLs, IndexedDB, fetch, module
// scripts) that counts as a secure context, like https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer is sandboxed, including any a future feature forgets to configure.
app.enableSandbox();

// Lets the Electron e2e tests run each launch against a fresh profile; ignored when packaged.
const testUserData = app.isPackaged ? undefined : process.env.KEEL_USER_DATA_DIR;
if (testUserData) app.setPath('userData', testUserData);

const openExternal = (url: string): Promise<void> => shell.openExternal(url);
const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');

/** webContents ids of Keel's own windows: the only ones IPC answers. */
const ourWebContents = new Set<number>();
let mainWindow: BrowserWindow | undefined;
let presenterWindows: PresenterWindows | undefined;
let displayAwake: DisplayAwakeKeeper | undefined;
let windowStateWriter: DebouncedWriter<WindowStateSnapshot> | undefined;

if (!app.requestSingleInstanceLock()) {
  // Another Keel is running; it focuses its window (second-instance below) and we leave.
  app.quit();
} else {
  // window.open of the presenter route (from Keel's own page) opens the presenter window main makes.
  guardAllWebContents(app, openExternal, openPresenterFromPage);
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow().catch(reportFatal);
  });
  app.on('will-quit', (event) => {
    // Let the last window-state write finish before the process exits.
    const writer = windowStateWriter;
    if (!writer) return;
    windowStateWriter = undefined;
    event.preventDefault();
    void writer.flush().finally(() => app.quit());
  });
  app.whenReady().then(onReady).catch(reportFatal);
}

async function onReady(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererRoot));
  registerIpcHandlers(
    createFileService(app.getPath('documents')),
    createPresenterService(),
    createReportService(),
    createBackupService(path.join(app.getPath('userData'), 'backups')),
    createDesktopService(),
    (id) => ourWebContents.has(id),
  );
  installMenu();
  await createMainWindow();
}

// What the menu shows; rebuilt when the recent files or the renderer's menu state change.
// eslint-disable-next-line prefer-const -- the open-files part reassigns it when a file opens
let recentFiles: readonly RecentFile[] = [];
let menuState: MenuState = { programOpen: false };

function installMenu(): void {
  app.setAboutPanelOptions(aboutPanelOptions(app.name, app.getVersion(), new Date().getFullYear()));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, sendToFocusedWindow, {
        appName: app.name,
        isPackaged: app.isPackaged,
        state: menuState,
        theme: nativeTheme.themeSource,
        recentFiles,
        openRecent: (filePath) => void filePath, // wired by the open-files part
        clearRecent: () => undefined, // wired by the open-files part
        openDataFolder: () => void shell.openPath(app.getPath('userData')),
      }),
    ),
  );
}

/** Right-clicks the page leaves alone: the edit menu in text fields, Copy on a selection (menus part). */
function showTextContextMenus(window: BrowserWindow): void {
  window.webContents.on('context-menu', (_event, params) => {
    const template = textContextMenuTemplate(params);
    if (template) Menu.buildFromTemplate(template).popup({ window });
  });
}

/** Files opened from the OS, the theme and the menu state (IPC from the renderer). */
function createDesktopService(): DesktopService {
  return {
    fileOpenReady: (contentsId) => void contentsId, // wired by the open-files part
    setTheme: (theme: ThemeChoice) => {
      nativeTheme.themeSource = theme;
      installMenu(); // View > Theme shows the choice (menus part)
    },
    setMenuState: (state) => {
      // Rebuilt only when something the menu shows changed (every window sends its state).
      if (sameMenuState(state, menuState)) return;
      menuState = state;
      installMenu();
    },
  };
}

async function createMainWindow(): Promise<void> {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const restored = restoreBounds(
    await readSavedWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const window = new BrowserWindow(
    mainWindowOptions({ bounds: restored.bounds, preloadPath, prefersDark: nativeTheme.shouldUseDarkColors }),
  );
  mainWindow = window;
  const contentsId = window.webContents.id;
  ourWebContents.add(contentsId);
  windowStateWriter = trackWindowState(window, stateFile);

  const onThemeUpdated = (): void => window.setBackgroundColor(windowBackgroundColor(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', onThemeUpdated);

  showTextContextMenus(window);
  window.once('ready-to-show', () => {
    if (restored.isMaximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    ourWebContents.delete(contentsId);
    // A window that closes mid-session no longer needs the display awake.
    displayAwake?.hold(`window:${contentsId}`, false);
    nativeTheme.off('updated', onThemeUpdated);
    if (mainWindow === window) mainWindow = undefined;
  });

  try {
    await window.loadURL(APP_START_URL);
  } catch (error) {
    // The window still shows (with Chromium's error page); quitting would hide the cause.
    console.error(`Keel could not load ${APP_START_URL}:`, error);
  }
}

/**
 * The presenter window (on the second display when there is one, following displays plugged in
 * or out) and the power-save blocker, made on ready. The presenter window is not one of "our"
 * windows for IPC: it shows, it asks for nothing.
 */
function createPresenterService(): PresenterService {
  const keeper = new DisplayAwakeKeeper(powerSaveBlocker);
  displayAwake = keeper;
  const windows = new PresenterWindows({
    screen,
    createWindow: (placement) =>
      new BrowserWindow(
        presenterWindowOptions({ ...placement, preloadPath, prefersDark: nativeTheme.shouldUseDarkColors }),
      ),
    onOpenChange: (open) => keeper.hold('presenter', open),
  });
  presenterWindows = windows;
  return {
    open: (route) => windows.open(route),
    close: () => windows.close(),
    keepAwake: (contentsId, on) => keeper.hold(`window:${contentsId}`, on),
  };
}

function openPresenterFromPage(route: PresenterRoute): void {
  // The same rule as the IPC call: ids only, checked before main builds the URL.
  if (OpenPresenterArgsSchema.safeParse([route.programId, route.sessionId]).success) presenterWindows?.open(route);
}

function focusMainWindow(): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function sendToFocusedWindow(command: AppCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed() && ourWebContents.has(target.webContents.id)) {
    target.webContents.send(IPC_CHANNELS.appCommand, command);
  }
}

function reportFatal(error: unknown): void {
  console.error('Keel could not start:', error);
  dialog.showErrorBox('Keel could not start', 'Something went wrong while starting Keel. Start it again; your programs have not been changed.');
  app.exit(1);
}
