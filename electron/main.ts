// Keel's main process: lifecycle, the app:// protocol, the single window. Every decision is
// made in a small pure module (security, protocol-paths, ipc-handlers, window-state, menu...);
// this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeTheme, powerSaveBlocker, protocol, screen, shell, type WebContents } from 'electron';
import { createFileService, readOpenedFile } from './files.js';
import { createBackupService } from './backups.js';
import { createReportService } from './report-pdf.js';
import { IPC_CHANNELS, type AppCommand, type MenuState, type ThemeChoice } from './ipc-contract.js';
import { registerIpcHandlers, type DesktopService, type PresenterService } from './ipc.js';
import { OpenPresenterArgsSchema } from './ipc-schemas.js';
import { createRoomHostService } from './room/host-service.js';
import { MainRoom } from './room/main-room.js';
import { aboutPanelOptions, buildMenuTemplate, sameMenuState, type RecentFile } from './menu.js';
import { keelFilesInArgv, OpenFileQueue, tooManyFilesMessage } from './open-files.js';
import { osRecentDocuments, RecentFiles, recentFilesPath } from './recent-files.js';
import { serveRendererRequest } from './renderer-protocol.js';
import { textContextMenuTemplate } from './text-context-menu.js';
import { DisplayAwakeKeeper, PresenterWindows } from './presenter-window.js';
import { APP_SCHEME, APP_START_URL, guardAllWebContents, type PresenterRoute } from './security.js';
import { mainWindowOptions, presenterWindowOptions, windowBackgroundColor } from './window-options.js';
import { createSettingsStore, SETTINGS_FILE } from './settings.js';
import {
  readSavedWindowState,
  restoreWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
  type DebouncedWriter,
  type DisplayInfo,
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

// Files the OS asks us to open wait here until the main window listens. macOS sends open-file
// (a double-click in Finder, a drop on the Dock icon) as early as before ready, so the listener
// is registered now, synchronously.
const openQueue = new OpenFileQueue(
  {
    // One after another, so the window gets the files in the order they came.
    deliver: (filePath, contentsId) => {
      delivering = delivering.then(() => deliverOpenedFile(filePath, contentsId));
    },
    leftOut: sendLeftOut,
  },
  process.platform,
);
let delivering: Promise<void> = Promise.resolve();
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  openQueue.add([filePath]);
  if (app.isReady()) showMainWindow();
});

// Lets the Electron e2e tests run each launch against a fresh profile; ignored when packaged.
const testUserData = app.isPackaged ? undefined : process.env.KEEL_USER_DATA_DIR;
if (testUserData) app.setPath('userData', testUserData);

const openExternal = (url: string): Promise<void> => shell.openExternal(url);
const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');
// Room mode: one room at a time, hosted by the main window; the participant page is built beside the app's.
const room = new MainRoom(createRoomHostService({ pageRoot: path.join(app.getAppPath(), 'dist', 'renderer', 'participant') }), (id) => mainContents(id));
// The theme chosen in the app, read before the first window so its first frame has the right colours.
const settings = createSettingsStore(path.join(app.getPath('userData'), SETTINGS_FILE));

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
  openQueue.add(keelFilesInArgv(process.argv, { isPackaged: app.isPackaged, workingDirectory: process.cwd(), platform: process.platform }));
  app.on('second-instance', (_event, argv: string[] | undefined, workingDirectory: string | undefined) => {
    // The second launch's own folder: "keel ../plan.keel.json" means relative to where it ran.
    const context = { isPackaged: app.isPackaged, workingDirectory: workingDirectory ?? process.cwd(), platform: process.platform };
    openQueue.add(keelFilesInArgv(argv ?? [], context));
    showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow().catch(reportFatal);
  });
  // Devices are told the room closed, and nothing keeps listening on the room's address.
  app.on('before-quit', () => void room.stop());
  app.on('will-quit', (event) => {
    // Let the last window-state and settings writes finish before the process exits.
    const writer = windowStateWriter;
    if (!writer) return;
    windowStateWriter = undefined;
    event.preventDefault();
    void Promise.all([writer.flush(), settings.flush()]).finally(() => app.quit());
  });
  app.whenReady().then(onReady).catch(reportFatal);
}

async function onReady(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererRoot));
  registerIpcHandlers(
    createFileService(app.getPath('documents'), undefined, (filePath) => void recentFiles?.add(filePath)),
    createPresenterService(),
    createReportService(),
    createBackupService(path.join(app.getPath('userData'), 'backups')),
    createDesktopService(),
    room,
    (id) => ourWebContents.has(id),
  );
  recentFiles = new RecentFiles(recentFilesPath(app.getPath('userData')), process.platform, osRecentDocuments(app, process.platform), (entries) => {
    recentEntries = entries;
    installMenu();
  });
  await recentFiles.load();
  await createMainWindow();
}

// What the menu shows; rebuilt when the recent files or the renderer's menu state change.
let recentEntries: readonly RecentFile[] = [];
let recentFiles: RecentFiles | undefined;
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
        recentFiles: recentEntries,
        openRecent: (filePath) => {
          openQueue.add([filePath]);
          showMainWindow();
        },
        clearRecent: () => void recentFiles?.clear(),
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
    fileOpenReady: (contentsId) => void openQueue.ready(contentsId),
    setTheme: (theme: ThemeChoice) => {
      // 'system' follows the OS (title bar and dark mode included); the choice is kept for the next launch.
      nativeTheme.themeSource = theme;
      void settings.update({ theme });
      installMenu(); // View > Theme shows the choice
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
  nativeTheme.themeSource = (await settings.load()).theme;
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const restored = restoreWindowState(
    await readSavedWindowState(stateFile),
    screen.getAllDisplays().map(displayInfo),
    displayInfo(screen.getPrimaryDisplay()),
  );

  const window = new BrowserWindow(
    mainWindowOptions({ bounds: restored.bounds, preloadPath, prefersDark: nativeTheme.shouldUseDarkColors }),
  );
  mainWindow = window;
  const contentsId = window.webContents.id;
  ourWebContents.add(contentsId);
  windowStateWriter = trackWindowState(window, stateFile, (bounds) => displayInfo(screen.getDisplayMatching(bounds)));
  openQueue.attach(contentsId);

  const onThemeUpdated = (): void => window.setBackgroundColor(windowBackgroundColor(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', onThemeUpdated);

  showTextContextMenus(window);
  // A reload or a crash: the room's events wait in main until the new page listens.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) room.pageLeft(contentsId);
  });
  window.webContents.on('render-process-gone', () => room.pageLeft(contentsId));
  window.once('ready-to-show', () => {
    if (restored.isMaximized) window.maximize();
    if (restored.isFullScreen) window.setFullScreen(true);
    window.show();
  });
  window.on('closed', () => {
    ourWebContents.delete(contentsId);
    // A window that closes mid-session no longer needs the display awake.
    displayAwake?.hold(`window:${contentsId}`, false);
    nativeTheme.off('updated', onThemeUpdated);
    if (mainWindow === window) mainWindow = undefined;
    openQueue.detach(contentsId);
    void room.windowClosed(contentsId); // nobody hosts the room any more
  });

  try {
    await window.loadURL(APP_START_URL);
  } catch (error) {
    // The window still shows (with Chromium's error page); quitting would hide the cause.
    console.error(`Keel could not load ${APP_START_URL}:`, error);
  }
}

function displayInfo({ id, bounds, workArea, scaleFactor }: Electron.Display): DisplayInfo {
  return { id, bounds, workArea, scaleFactor };
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

/** Brings the main window forward (a second launch, a file opened); makes one if it was closed (macOS). */
function showMainWindow(): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) {
    if (app.isReady()) void createMainWindow().catch(reportFatal);
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The main window's page, when `contentsId` is still it; files go to no other window. */
function mainContents(contentsId: number): WebContents | undefined {
  const window = mainWindow;
  if (!window || window.isDestroyed() || window.webContents.id !== contentsId) return undefined;
  return window.webContents;
}

/** Reads a file the OS (or Open Recent) named and sends it, or why it could not be read, to the page. */
async function deliverOpenedFile(filePath: string, contentsId: number): Promise<void> {
  const { opened, gone } = await readOpenedFile(filePath);
  if (opened.status === 'opened') void recentFiles?.add(filePath);
  if (gone) void recentFiles?.remove(filePath);
  mainContents(contentsId)?.send(IPC_CHANNELS.fileOpened, opened);
}

function sendLeftOut(count: number, contentsId: number): void {
  mainContents(contentsId)?.send(IPC_CHANNELS.fileOpened, { status: 'failed', message: tooManyFilesMessage(count) });
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
