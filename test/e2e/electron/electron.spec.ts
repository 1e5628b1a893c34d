// Electron-only checks: the real app, its window and its guards. Needs the Electron binary,
// which cannot be downloaded on offline build machines; there every test is skipped with the
// reason. Run `npm run build` first (the renderer in dist/renderer, main in dist-electron).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../../build/electron-binary.mjs';

const SKIP_REASON =
  'Electron binary not installed (`npm start` downloads it where Electron\'s servers can be reached); Electron e2e tests skipped.';

interface Keel {
  app: ElectronApplication;
  page: Page;
}

let keel: Keel | undefined;
let userData: string | undefined;

test.beforeEach(async () => {
  const executablePath = electronBinary();
  test.skip(executablePath === undefined, SKIP_REASON);

  // A fresh profile per test: no window state or IndexedDB carried between tests.
  userData = await mkdtemp(path.join(tmpdir(), 'keel-e2e-'));
  let app: ElectronApplication;
  try {
    app = await electron.launch({
      executablePath,
      args: ['.'],
      cwd: process.cwd(),
      env: { ...process.env, KEEL_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 30_000,
    });
  } catch (error) {
    // A binary that exists but cannot start (e.g. a broken partial install) fails fast.
    const message = error instanceof Error ? error.message : String(error);
    test.skip(/failed to install correctly|spawn \S+ ENOENT/i.test(message), `${SKIP_REASON} (${message.split('\n')[0]})`);
    throw error;
  }
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  keel = { app, page };
});

test.afterEach(async () => {
  await keel?.app.close();
  keel = undefined;
  if (userData) await rm(userData, { recursive: true, force: true });
  userData = undefined;
});

function started(): Keel {
  if (!keel) throw new Error('Keel did not start');
  return keel;
}

async function windowCount(app: ElectronApplication): Promise<number> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
}

test('launches and shows one window titled Keel, served from app://keel', async () => {
  const { app, page } = started();
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false))
    .toBe(true);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  expect(title).toContain('Keel');
  expect(await page.title()).toContain('Keel');
  expect(page.url()).toBe('app://keel/index.html');
  expect(await windowCount(app)).toBe(1);
});

test('a navigation to an external URL is blocked and the app stays on app://keel', async () => {
  const { page } = started();
  for (const target of ['https://example.com/', 'file:///etc/passwd']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    // Give a (wrongly) allowed navigation time to commit before checking it did not.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).origin, target).toBe('app://keel');
    expect(await page.evaluate(() => location.protocol + '//' + location.host)).toBe('app://keel');
  }
});

test('window.open returns null and opens no window', async () => {
  const { app, page } = started();
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  const internal = await page.evaluate(() => window.open('app://keel/index.html') === null);
  expect(internal).toBe(true);
  await page.waitForTimeout(300);
  expect(await windowCount(app)).toBe(1);
  expect(app.windows()).toHaveLength(1);
});

test('window.keel exposes only the named bridge functions; no Node in the renderer', async () => {
  const { page } = started();
  const surface = await page.evaluate(() => {
    const bridge = (window as unknown as { keel?: Record<string, unknown> }).keel ?? {};
    const scope = window as unknown as Record<string, unknown>;
    return {
      keys: Object.keys(bridge).sort(),
      types: Object.fromEntries(Object.entries(bridge).map(([key, value]) => [key, typeof value])),
      isElectron: bridge.isElectron,
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
    };
  });
  expect(surface.keys).toEqual(['closePresenter', 'isElectron', 'keepDisplayAwake', 'onAppCommand', 'openExternal', 'openFile', 'openPresenter', 'saveFile']);
  expect(surface.types).toEqual({
    closePresenter: 'function',
    isElectron: 'boolean',
    keepDisplayAwake: 'function',
    onAppCommand: 'function',
    openExternal: 'function',
    openFile: 'function',
    openPresenter: 'function',
    saveFile: 'function',
  });
  expect(surface.isElectron).toBe(true);
  expect(surface).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
});

test('the main process refuses invalid calls and non-allowlisted links', async () => {
  const { page } = started();
  const results = await page.evaluate(async () => {
    const keel = (window as unknown as { keel: import('../../../electron/ipc-contract.js').KeelBridge }).keel;
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, value: String(error) }),
      );
    return {
      notAllowlisted: await outcome(keel.openExternal('https://example.com/')),
      notHttps: await outcome(keel.openExternal('file:///etc/passwd')),
      traversal: await outcome(keel.saveFile({ kind: 'csv', suggestedName: '../../.bashrc', data: 'x' })),
      extraKey: await outcome(
        keel.openFile({ kind: 'keel-json', path: '/etc/passwd' } as unknown as { kind: 'keel-json' }),
      ),
    };
  });
  expect(results.notAllowlisted).toEqual({ ok: true, value: false });
  expect(results.notHttps).toEqual({ ok: true, value: false });
  expect(results.traversal.ok).toBe(false);
  expect(results.traversal.value).toMatch(/Refused keel:save-file: invalid arguments/);
  expect(results.extraKey.ok).toBe(false);
  expect(results.extraKey.value).toMatch(/Refused keel:open-file: invalid arguments/);
});

test('the presenter window: one, on the presenter route, opened by the bridge or window.open, with no capabilities', async () => {
  const { app, page } = started();
  const opening = app.waitForEvent('window');
  expect(await page.evaluate(() => (window as unknown as { keel: import('../../../electron/ipc-contract.js').KeelBridge }).keel.openPresenter('p', 's'))).toBe(true);
  const presenter = await opening;
  await presenter.waitForLoadState('domcontentloaded');
  expect(presenter.url()).toBe('app://keel/index.html#/present/p/s');
  // window.open of the same route brings that window forward; no third window.
  expect(await page.evaluate(() => window.open('#/present/p/s', 'keel-presenter') === null)).toBe(true);
  await page.waitForTimeout(300);
  expect(await windowCount(app)).toBe(2);
  // The presenter asks for nothing: main refuses its calls.
  const refused = await presenter.evaluate(() =>
    (window as unknown as { keel: import('../../../electron/ipc-contract.js').KeelBridge }).keel.openExternal('https://example.com/').then(
      () => 'answered',
      (error: unknown) => String(error),
    ),
  );
  expect(refused).toMatch(/Refused keel:open-external/);
  await page.evaluate(() => (window as unknown as { keel: import('../../../electron/ipc-contract.js').KeelBridge }).keel.closePresenter());
  await expect.poll(() => windowCount(app)).toBe(1);
});
