// Loads main.ts against a fake 'electron' module to check the wiring the pure modules cannot:
// what happens before ready, which handlers are registered, how the window is created.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../electron/ipc-contract.js';
import type { MenuOptions } from '../../../electron/menu.js';

const fake = vi.hoisted(() => ({ current: undefined as unknown as FakeElectron }));
// The options main.ts builds the menu with (the recent files), recorded; the menu is the real one.
const menuOptions = vi.hoisted(() => ({ calls: [] as MenuOptions[] }));
vi.mock('../../../electron/menu.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/menu.js')>();
  return {
    ...original,
    buildMenuTemplate: (...args: Parameters<typeof original.buildMenuTemplate>) => {
      menuOptions.calls.push(args[2]);
      return original.buildMenuTemplate(...args);
    },
  };
});

// The room server listens nowhere here: main's room wiring is what is checked.
const rooms = vi.hoisted(() => ({ made: [] as Array<{ options: { pageRoot: string; onEvent: (event: unknown) => void }; stopped: boolean }> }));
vi.mock('../../../electron/room/server.js', () => ({
  startRoomServer: async (options: { address: string; pageRoot: string; onEvent: (event: unknown) => void }) => {
    const room = {
      options,
      stopped: false,
      info: { address: options.address, port: 4100, url: `http://${options.address}:4100/`, joinUrl: '', code: 'ABCDEF', joiningOpen: true },
      devices: () => [],
      command: () => undefined,
      diagnose: async () => ({ address: options.address, port: 4100, reachable: true, addressPresent: true, advice: [] }),
      stop: async () => void (room.stopped = true),
    };
    rooms.made.push(room);
    return room;
  },
}));

vi.mock('electron', () => {
  const proxy = (name: keyof FakeElectron) =>
    new Proxy(
      {},
      {
        get: (_t, key) => Reflect.get(fake.current[name] as object, key),
        // EventEmitter methods write to `this` (the proxy): those writes belong to the fake.
        set: (_t, key, value) => Reflect.set(fake.current[name] as object, key, value),
      },
    );
  return {
    app: proxy('app'),
    protocol: proxy('protocol'),
    ipcMain: proxy('ipcMain'),
    Menu: proxy('Menu'),
    nativeTheme: proxy('nativeTheme'),
    powerSaveBlocker: proxy('powerSaveBlocker'),
    screen: proxy('screen'),
    shell: proxy('shell'),
    dialog: proxy('dialog'),
    BrowserWindow: new Proxy(function () {}, {
      construct: (_t, args: unknown[]) => new fake.current.BrowserWindow(args[0]),
      get: (_t, key) => Reflect.get(fake.current.BrowserWindow, key),
    }),
  };
});

type FakeElectron = ReturnType<typeof createFakeElectron>;
type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

interface FakeOptions {
  lock?: boolean;
  packaged?: boolean;
  appPath?: string;
}

function createFakeElectron(userData: string, { lock = true, packaged = false, appPath = '/opt/keel' }: FakeOptions = {}) {
  const calls: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let nextId = 1;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: packaged,
    name: 'Keel',
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : path.join(userData, name))),
    getAppPath: vi.fn(() => appPath),
    whenReady: vi.fn(() => ready),
    isReady: vi.fn(() => isReady),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: vi.fn(),
  });
  let isReady = false;
  void ready.then(() => (isReady = true));

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    static getFocusedWindow = () => BrowserWindow.instances[0] ?? null;
    static fromWebContents = (contents: unknown) => BrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
    webContents = { id: nextId++, send: vi.fn(), on: vi.fn() };
    options: unknown;
    show = vi.fn();
    focus = vi.fn();
    close = vi.fn(() => this.emit('closed'));
    setFullScreen = vi.fn();
    setBounds = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    setBackgroundColor = vi.fn();
    loadURL = vi.fn(async () => undefined);
    isMinimized = vi.fn(() => true);
    isMaximized = () => false;
    isFullScreen = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 900, height: 600 });
    constructor(options: unknown) {
      super();
      this.options = options;
      BrowserWindow.instances.push(this);
    }
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1050 };
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea };
  const screen = Object.assign(new EventEmitter(), {
    displays: [primary] as Array<typeof primary>,
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => primary,
    getDisplayMatching: (_bounds: unknown) => primary,
  });
  let nextBlocker = 1;
  const powerSaveBlocker = {
    running: new Set<number>(),
    start: vi.fn((_type: string) => {
      const id = nextBlocker++;
      powerSaveBlocker.running.add(id);
      return id;
    }),
    stop: vi.fn((id: number) => powerSaveBlocker.running.delete(id)),
  };
  return {
    calls,
    resolveReady,
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    nativeTheme: new FakeNativeTheme(),
    screen,
    powerSaveBlocker,
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (_path: string) => '') },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
  };
}

/** Like Electron's: dark colours follow themeSource, or the OS (`osDark`) for 'system'. */
class FakeNativeTheme extends EventEmitter {
  themeSource: 'system' | 'light' | 'dark' = 'system';
  osDark = true;
  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'system' ? this.osDark : this.themeSource === 'dark';
  }
  set shouldUseDarkColors(dark: boolean) {
    this.osDark = dark;
  }
}

let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'keel-main-'));
  menuOptions.calls = [];
  vi.resetModules();
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

async function startMain(options: FakeOptions = {}): Promise<FakeElectron> {
  fake.current = createFakeElectron(userData, options);
  await import('../../../electron/main.js');
  return fake.current;
}

async function becomeReady(electron: FakeElectron): Promise<void> {
  electron.resolveReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalled());
}

/** An entry of the application menu main.ts built. */
function menuEntry(electron: FakeElectron, menuLabel: string, entryLabel: string) {
  const template = (electron.Menu.buildFromTemplate.mock.calls[0]?.[0] ?? []) as Array<{
    label?: string;
    submenu?: Array<{ label?: string; click?: () => void }>;
  }>;
  return template.find((menu) => menu.label === menuLabel)?.submenu?.find((entry) => entry.label === entryLabel);
}

describe('main process wiring', () => {
  it('registers the privileged app scheme and enables the sandbox before ready', async () => {
    const electron = await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(electron.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(electron.protocol.handle).not.toHaveBeenCalled(); // handle() needs ready
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('guards every webContents from the start', async () => {
    const electron = await startMain();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('on ready: serves app://, registers one IPC handler per capability, sets the menu, opens the window', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      [
        IPC_CHANNELS.saveFile,
        IPC_CHANNELS.openFile,
        IPC_CHANNELS.openExternal,
        IPC_CHANNELS.presenterOpen,
        IPC_CHANNELS.presenterClose,
        IPC_CHANNELS.keepDisplayAwake,
        IPC_CHANNELS.reportPdf,
        IPC_CHANNELS.backupList,
        IPC_CHANNELS.backupWrite,
        IPC_CHANNELS.backupRead,
        IPC_CHANNELS.backupRemove,
        IPC_CHANNELS.fileOpenReady,
        IPC_CHANNELS.setTheme,
        IPC_CHANNELS.setMenuState,
        IPC_CHANNELS.roomInterfaces,
        IPC_CHANNELS.roomStart,
        IPC_CHANNELS.roomStop,
        IPC_CHANNELS.roomCurrent,
        IPC_CHANNELS.roomCommand,
        IPC_CHANNELS.roomDiagnose,
        IPC_CHANNELS.roomListen,
      ].sort(),
    );
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    const [window] = electron.BrowserWindow.instances;
    expect(window?.loadURL).toHaveBeenCalledWith('app://keel/index.html');
    expect(window?.options).toMatchObject({
      show: false,
      backgroundColor: '#12161c',
      webPreferences: {
        contextIsolation: true,
        nodeIntegration: false,
        sandbox: true,
        preload: path.join('/opt/keel', 'dist-electron', 'preload.cjs'),
      },
    });
  });

  it('IPC answers the top frame of its own window only, and not once that window has closed', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const registered = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>);
    const openExternal = registered.get(IPC_CHANNELS.openExternal);
    const [window] = electron.BrowserWindow.instances;
    if (!openExternal || !window) throw new Error('no handler or no window');
    const from = (id: number) => ({ sender: { id }, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } });

    // Our window is answered (and the link refused: it is not on the allowlist).
    await expect(openExternal(from(window.webContents.id), 'https://example.org/')).resolves.toBe(false);
    await expect(openExternal(from(window.webContents.id + 100), 'https://example.org/')).rejects.toThrow(/^Refused/);
    window.emit('closed');
    await expect(openExternal(from(window.webContents.id), 'https://example.org/')).rejects.toThrow(/^Refused/);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('file dialogs asked for over IPC are modal to the window that asked', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const registered = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>);
    const [window] = electron.BrowserWindow.instances;
    const event = { sender: window?.webContents, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } };
    const save = { kind: 'csv', suggestedName: 'Metrics', data: 'a,b' };
    await expect(registered.get(IPC_CHANNELS.saveFile)?.(event, save)).resolves.toEqual({ status: 'cancelled' });
    await expect(registered.get(IPC_CHANNELS.openFile)?.(event, { kind: 'keel-json' })).resolves.toEqual({ status: 'cancelled' });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Save' }));
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Import a Keel file' }));
  });

  it('serves the renderer from dist/renderer under the app path', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://keel/index.html'));
    // /opt/keel does not exist here, so the answer is the "not built" message, proving the path.
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/npm run build/);
    expect((await handler(new Request('app://keel/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
  });

  it('shows the window only when it is ready to show', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
  });

  it('a second instance focuses (and restores) the existing window', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    electron.app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('quits at once without a window when another instance holds the lock', async () => {
    const electron = await startMain({ lock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('menu commands go to the focused window on the app-command channel', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    menuEntry(electron, 'Edit', 'Undo')?.click?.();
    expect(electron.BrowserWindow.instances[0]?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.appCommand, 'undo');
  });

  it('the menu: about with the version, the data folder, rebuilt when the theme or the menu state changes', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Keel', applicationVersion: '0.1.0' }));
    menuEntry(electron, 'Help', 'Open the data folder')?.click?.();
    expect(electron.shell.openPath).toHaveBeenCalledWith(userData);

    const registered = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>);
    const [window] = electron.BrowserWindow.instances;
    const event = { sender: window?.webContents, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } };
    const built = () => electron.Menu.setApplicationMenu.mock.calls.length;
    const before = built();
    await registered.get(IPC_CHANNELS.setMenuState)?.(event, { programOpen: true, undoLabel: 'Rename program' });
    expect(built()).toBe(before + 1);
    const template = electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as Array<{ label?: string; submenu?: Array<{ id?: string; label?: string }> }>;
    expect(template.find((menu) => menu.label === 'Edit')?.submenu?.find((entry) => entry.id === 'undo')?.label).toBe('Undo Rename program');
    // The same state again (another window, or nothing changed): no rebuild.
    await registered.get(IPC_CHANNELS.setMenuState)?.(event, { programOpen: true, undoLabel: 'Rename program' });
    expect(built()).toBe(before + 1);
    await registered.get(IPC_CHANNELS.setTheme)?.(event, 'dark');
    expect(electron.nativeTheme.themeSource).toBe('dark');
    expect(built()).toBe(before + 2);
  });

  it('menu commands never go to a window that is not one of ours', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    window?.emit('closed'); // no longer ours, though the fake still reports it focused
    menuEntry(electron, 'Edit', 'Undo')?.click?.();
    expect(window?.webContents.send).not.toHaveBeenCalled();
  });
  it('uses KEEL_USER_DATA_DIR in development only: a packaged app ignores it', async () => {
    vi.stubEnv('KEEL_USER_DATA_DIR', '/tmp/elsewhere');
    try {
      expect((await startMain()).app.setPath).toHaveBeenCalledWith('userData', '/tmp/elsewhere');
      vi.resetModules();
      expect((await startMain({ packaged: true })).app.setPath).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('serves the files of dist/renderer under the app path', async () => {
    const appPath = path.join(userData, 'app');
    await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<title>Built Keel</title>');
    const electron = await startMain({ appPath });
    await becomeReady(electron);
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://keel/programs/3'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<title>Built Keel</title>');
  });

  it.skipIf(process.platform === 'darwin')('quits when the last window closes (outside macOS)', async () => {
    const electron = await startMain();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('opens a window again on activate when none is open', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    electron.app.emit('activate');
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    electron.BrowserWindow.instances.length = 0;
    electron.app.emit('activate');
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  });

  it('on quit, waits for the window size to be saved, then quits', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const first = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it.each([true, false])('restores a window saved maximized (%s) as it was', async (isMaximized) => {
    const state = { x: 10, y: 10, width: 900, height: 600, isMaximized };
    await writeFile(path.join(userData, 'window-state.json'), JSON.stringify(state));
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    window?.emit('ready-to-show');
    expect(window?.maximize).toHaveBeenCalledTimes(isMaximized ? 1 : 0);
  });

  it('a second instance focuses a window that is not minimized without restoring it', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    window?.isMinimized.mockReturnValue(false);
    electron.app.emit('second-instance');
    expect(window?.focus).toHaveBeenCalled();
    expect(window?.restore).not.toHaveBeenCalled();
  });

  it('follows the system theme while the window is open, and stops when it closes', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    electron.nativeTheme.shouldUseDarkColors = false;
    electron.nativeTheme.emit('updated');
    expect(window?.setBackgroundColor).toHaveBeenCalledWith('#f6f7f9');
    window?.emit('closed');
    expect(electron.nativeTheme.listenerCount('updated')).toBe(0);
  });

  it.each([
    ['dark', false, '#12161c'],
    ['light', true, '#f6f7f9'],
    ['system', true, '#12161c'],
  ] as const)('opens with the theme chosen in the app (%s, OS dark: %s) before the first frame', async (theme, osDark, background) => {
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ theme }));
    const electron = await startMain();
    electron.nativeTheme.osDark = osDark;
    await becomeReady(electron);
    expect(electron.nativeTheme.themeSource).toBe(theme);
    expect(electron.BrowserWindow.instances[0]?.options).toMatchObject({ backgroundColor: background });
  });

  it('applies a theme chosen over IPC at once and keeps it for the next launch', async () => {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    const handler = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>).get(IPC_CHANNELS.setTheme);
    const event = { sender: { id: window?.webContents.id }, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } };
    await handler?.(event, 'light');
    expect(electron.nativeTheme.themeSource).toBe('light');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8'))).toEqual({ theme: 'light' }),
    );
    await expect(handler?.(event, 'sepia')).rejects.toThrow();
    expect(electron.nativeTheme.themeSource).toBe('light');
  });

  it('restores a window saved full screen as full screen', async () => {
    const state = { x: 10, y: 10, width: 900, height: 600, isFullScreen: true };
    await writeFile(path.join(userData, 'window-state.json'), JSON.stringify(state));
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    window?.emit('ready-to-show');
    expect(window?.setFullScreen).toHaveBeenCalledWith(true);
  });

  it('says so and exits when the window cannot be created', async () => {
    const electron = await startMain();
    electron.screen.getAllDisplays = () => {
      throw new Error('no display');
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    electron.resolveReady();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Keel could not start', expect.stringMatching(/Start it again/));
  });
});

describe('presenter window and display sleep', () => {
  const trusted = (id: number) => ({ sender: { id }, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } });

  async function ready() {
    const electron = await startMain();
    await becomeReady(electron);
    const registered = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>);
    const [main] = electron.BrowserWindow.instances;
    if (!main) throw new Error('no main window');
    const call = (channel: string, from: number, ...args: unknown[]) => {
      const handler = registered.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(trusted(from), ...args);
    };
    return { electron, main, call };
  }

  it('opens the presenter route in a second window with the same secure preferences, windowed on a single display', async () => {
    const { electron, main, call } = await ready();
    await expect(call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'program-1', 'session 2')).resolves.toBe(true);
    const presenter = electron.BrowserWindow.instances[1];
    expect(presenter?.loadURL).toHaveBeenCalledWith('app://keel/index.html#/present/program-1/session%202');
    expect(presenter?.options).toMatchObject({
      show: false,
      fullscreen: false,
      webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, webviewTag: false },
    });
    // A second call brings the same window forward instead of opening another.
    await call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'program-1', 'session 2');
    expect(electron.BrowserWindow.instances).toHaveLength(2);
    expect(presenter?.focus).toHaveBeenCalled();
  });

  it('puts the presenter full screen on the second display, and moves it there when one is plugged in', async () => {
    const { electron, main, call } = await ready();
    await call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p', 's');
    const presenter = electron.BrowserWindow.instances[1];
    const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 700 } };
    electron.screen.displays = [...electron.screen.displays, projector];
    electron.screen.emit('display-added');
    expect(presenter?.setBounds).toHaveBeenLastCalledWith(projector.bounds);
    expect(presenter?.setFullScreen).toHaveBeenLastCalledWith(true);

    presenter?.emit('closed');
    await call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p', 's');
    expect(electron.BrowserWindow.instances[2]?.options).toMatchObject({ ...projector.bounds, fullscreen: true });
  });

  it('gives the presenter window no IPC capabilities', async () => {
    const { electron, main, call } = await ready();
    await call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p', 's');
    const presenter = electron.BrowserWindow.instances[1];
    if (!presenter) throw new Error('no presenter');
    await expect(call(IPC_CHANNELS.openExternal, presenter.webContents.id, 'https://example.org/')).rejects.toThrow(/^Refused/);
    await expect(call(IPC_CHANNELS.presenterClose, presenter.webContents.id)).rejects.toThrow(/^Refused/);
  });

  it('keeps the display awake while a session runs or the presenter is open, and lets it sleep after', async () => {
    const { electron, main, call } = await ready();
    const blocker = electron.powerSaveBlocker;
    await call(IPC_CHANNELS.keepDisplayAwake, main.webContents.id, true);
    expect(blocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(blocker.running.size).toBe(1);
    await call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p', 's');
    expect(blocker.start).toHaveBeenCalledTimes(1); // one blocker for every reason
    await call(IPC_CHANNELS.keepDisplayAwake, main.webContents.id, false);
    expect(blocker.running.size).toBe(1); // the presenter is still open
    await call(IPC_CHANNELS.presenterClose, main.webContents.id);
    expect(blocker.running.size).toBe(0);

    await call(IPC_CHANNELS.keepDisplayAwake, main.webContents.id, true);
    main.emit('closed'); // the window that ran the session closed mid-session
    expect(blocker.running.size).toBe(0);
  });

  it('refuses presenter calls with bad arguments without opening anything', async () => {
    const { electron, main, call } = await ready();
    await expect(call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p')).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC_CHANNELS.presenterOpen, main.webContents.id, 'p', 'a\u0000b')).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC_CHANNELS.keepDisplayAwake, main.webContents.id, 'yes')).rejects.toThrow(/invalid arguments/);
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(electron.powerSaveBlocker.start).not.toHaveBeenCalled();
  });

  it("window.open of the presenter route opens main's presenter window; any other URL is denied", async () => {
    const { electron } = await ready();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    });
    electron.app.emit('web-contents-created', {}, contents);
    expect(openHandler?.({ url: 'app://keel/index.html#/programs/p' })).toEqual({ action: 'deny' });
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(openHandler?.({ url: 'app://keel/index.html#/present/p/s' })).toEqual({ action: 'deny' });
    expect(electron.BrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith('app://keel/index.html#/present/p/s');
  });
});

describe('room mode', () => {
  const from = (id: number) => ({ sender: { id }, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } });

  async function roomMain() {
    rooms.made = [];
    const electron = await startMain();
    await becomeReady(electron);
    const registered = new Map(electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>);
    const [window] = electron.BrowserWindow.instances;
    if (!window) throw new Error('no window');
    const call = (channel: string, ...args: unknown[]) => registered.get(channel)?.(from(window.webContents.id), ...args);
    const roomEvents = () => window.webContents.send.mock.calls.filter(([channel]) => channel === IPC_CHANNELS.roomEvent).map(([, event]) => event);
    const contentsHandler = (name: string) => {
      const found = (window.webContents.on.mock.calls as unknown as Array<[string, (details?: unknown) => void]>).find(([event]) => event === name);
      if (!found) throw new Error(`no ${name} handler`);
      return found[1];
    };
    return { electron, window, call, roomEvents, contentsHandler };
  }

  it('opens the room with the participant page built beside the app, and sends its events to the listening window', async () => {
    const { call, roomEvents } = await roomMain();
    await expect(call(IPC_CHANNELS.roomStart, { address: '127.0.0.1', sessionTitle: 'Kick-off' })).resolves.toMatchObject({ ok: true });
    const room = rooms.made[0];
    expect(room?.options.pageRoot).toBe(path.join('/opt/keel', 'dist', 'renderer', 'participant'));
    room?.options.onEvent({ type: 'view-wanted', deviceId: 'held' });
    expect(roomEvents()).toEqual([]);
    await call(IPC_CHANNELS.roomListen, true);
    room?.options.onEvent({ type: 'view-wanted', deviceId: 'live' });
    expect(roomEvents()).toEqual([
      { type: 'view-wanted', deviceId: 'held' },
      { type: 'view-wanted', deviceId: 'live' },
    ]);
    await expect(call(IPC_CHANNELS.roomCurrent)).resolves.toMatchObject({ info: { port: 4100 } });
  });

  it('holds events while the page reloads (not for an in-page navigation) and hands them over when it listens again', async () => {
    const { call, roomEvents, contentsHandler } = await roomMain();
    await call(IPC_CHANNELS.roomStart, { address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await call(IPC_CHANNELS.roomListen, true);
    const room = rooms.made[0];
    contentsHandler('did-start-navigation')({ isMainFrame: true, isSameDocument: true });
    room?.options.onEvent({ type: 'view-wanted', deviceId: 'a' });
    contentsHandler('did-start-navigation')({ isMainFrame: true, isSameDocument: false });
    room?.options.onEvent({ type: 'view-wanted', deviceId: 'b' });
    expect(roomEvents()).toEqual([{ type: 'view-wanted', deviceId: 'a' }]);
    await call(IPC_CHANNELS.roomListen, true);
    expect(roomEvents()).toHaveLength(2);
  });

  it('ends the room when the main window closes', async () => {
    const { window, call } = await roomMain();
    await call(IPC_CHANNELS.roomStart, { address: '127.0.0.1', sessionTitle: 'Kick-off' });
    window.emit('closed');
    await vi.waitFor(() => expect(rooms.made[0]?.stopped).toBe(true));
  });

  it('ends the room before quitting', async () => {
    const { call, electron } = await roomMain();
    await call(IPC_CHANNELS.roomStart, { address: '127.0.0.1', sessionTitle: 'Kick-off' });
    electron.app.emit('before-quit');
    await vi.waitFor(() => expect(rooms.made[0]?.stopped).toBe(true));
  });

  it('refuses an address that is not one of the machine\'s, without listening', async () => {
    const { call } = await roomMain();
    await expect(call(IPC_CHANNELS.roomStart, { address: '203.0.113.9', sessionTitle: 'Kick-off' })).resolves.toMatchObject({ ok: false });
    expect(rooms.made).toEqual([]);
  });
});

describe('files opened from the OS', () => {
  const from = (id: number) => ({ sender: { id }, senderFrame: { url: 'app://keel/index.html', parent: null, detached: false } });

  async function keelFile(name: string, text = '{"format":"keel"}'): Promise<string> {
    const filePath = path.join(userData, name);
    await writeFile(filePath, text);
    return filePath;
  }

  function handler(electron: FakeElectron, channel: string): IpcHandler {
    const found = (electron.ipcMain.handle.mock.calls as unknown as Array<[string, IpcHandler]>).find(([name]) => name === channel);
    if (!found) throw new Error(`no handler for ${channel}`);
    return found[1];
  }

  function sentFiles(electron: FakeElectron, index = 0): unknown[] {
    const window = electron.BrowserWindow.instances[index];
    return (window?.webContents.send.mock.calls ?? []).filter(([channel]) => channel === IPC_CHANNELS.fileOpened).map(([, file]) => file);
  }

  function menuOptionsOf(_electron: FakeElectron): MenuOptions {
    const options = menuOptions.calls.at(-1);
    if (!options) throw new Error('no menu built');
    return options;
  }
  /** Main started, its window made and its page listening for opened files. */
  async function listeningMain() {
    const electron = await startMain();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    if (!window) throw new Error('no window');
    await handler(electron, IPC_CHANNELS.fileOpenReady)(from(window.webContents.id));
    return { electron, window };
  }
  const recentEntriesOf = (electron: FakeElectron) => menuOptionsOf(electron).recentFiles;
  const openRecentOf = (electron: FakeElectron) => menuOptionsOf(electron).openRecent;

  it('a macOS open-file before ready waits for the page to listen, then the page gets the file', async () => {
    const filePath = await keelFile('Early.keel.json');
    const electron = await startMain();
    const event = { preventDefault: vi.fn() };
    electron.app.emit('open-file', event, filePath);
    expect(event.preventDefault).toHaveBeenCalled();
    await becomeReady(electron);
    const [window] = electron.BrowserWindow.instances;
    expect(sentFiles(electron)).toEqual([]);
    await handler(electron, IPC_CHANNELS.fileOpenReady)(from(window!.webContents.id));
    await vi.waitFor(() => expect(sentFiles(electron)).toEqual([{ status: 'opened', fileName: 'Early.keel.json', text: '{"format":"keel"}' }]));
  });

  it('opens a Keel file named on the first launch\'s command line, and not the app path', async () => {
    const filePath = await keelFile('Argv.keel.json');
    const argv = process.argv;
    process.argv = ['/x/electron', '--inspect=0', '.', filePath, 'notes.txt'];
    try {
      const electron = await startMain();
      await becomeReady(electron);
      const [window] = electron.BrowserWindow.instances;
      await handler(electron, IPC_CHANNELS.fileOpenReady)(from(window!.webContents.id));
      await vi.waitFor(() => expect(sentFiles(electron)).toEqual([expect.objectContaining({ status: 'opened', fileName: 'Argv.keel.json' })]));
    } finally {
      process.argv = argv;
    }
  });

  it('a second launch with a relative path opens it from that launch\'s folder and brings the window forward', async () => {
    await keelFile('Second.keel.json');
    const { electron, window } = await listeningMain();
    electron.app.emit('second-instance', {}, ['/x/electron', '.', 'Second.keel.json', '--allow-file-access-from-files'], userData);
    expect(window?.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(sentFiles(electron)).toEqual([expect.objectContaining({ status: 'opened', fileName: 'Second.keel.json' })]));
  });

  it('a ready from a window that is not the main one gets nothing', async () => {
    const filePath = await keelFile('Mine.keel.json');
    const electron = await startMain();
    electron.app.emit('open-file', { preventDefault: vi.fn() }, filePath);
    await becomeReady(electron);
    await expect(handler(electron, IPC_CHANNELS.fileOpenReady)(from(999))).rejects.toThrow(/^Refused/);
    expect(sentFiles(electron)).toEqual([]);
  });

  it('a file opened goes to the recent files (menu and disk); a recent file that has gone is removed with a plain message', async () => {
    const filePath = await keelFile('Recent.keel.json');
    const { electron } = await listeningMain();
    const menusBefore = electron.Menu.buildFromTemplate.mock.calls.length;
    electron.app.emit('second-instance', {}, ['/x/electron', '.', filePath], userData);
    await vi.waitFor(() => expect(sentFiles(electron)).toHaveLength(1));
    await vi.waitFor(() => expect(recentEntriesOf(electron)).toEqual([{ label: 'Recent.keel.json', filePath }]));
    expect(electron.Menu.buildFromTemplate.mock.calls.length).toBeGreaterThan(menusBefore);

    await rm(filePath);
    openRecentOf(electron)(filePath);
    await vi.waitFor(() => expect(sentFiles(electron)).toHaveLength(2));
    expect(sentFiles(electron)[1]).toEqual({ status: 'failed', message: expect.stringMatching(/"Recent\.keel\.json" is no longer there: it was moved, renamed or deleted/) });
    await vi.waitFor(() => expect(recentEntriesOf(electron)).toEqual([]));
  });

  it('Clear Recent empties the list', async () => {
    const filePath = await keelFile('Clear.keel.json');
    const { electron } = await listeningMain();
    openRecentOf(electron)(filePath);
    await vi.waitFor(() => expect(recentEntriesOf(electron)).toHaveLength(1));
    menuOptionsOf(electron).clearRecent();
    expect(recentEntriesOf(electron)).toEqual([]);
  });
});
