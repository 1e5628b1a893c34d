// Electron-only checks: the real app, its window and its guards. Needs the Electron binary,
// which cannot be downloaded on offline build machines; there every test is skipped with the
// reason. Run `npm run build` first (the renderer in dist/renderer, main in dist-electron).
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
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

/** The full program of the fixtures, a file a user might double-click. */
const WORKSHOP_FILE = path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json');

/** The app's environment: this test's own profile (userData is also the single-instance lock's key). */
function keelEnv(): Record<string, string> {
  if (!userData) throw new Error('no profile');
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(inherited), KEEL_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' };
}

/** Starts Keel on this test's profile, with `files` on its command line as a user's shell would pass them. */
async function launch(files: string[] = []): Promise<Keel> {
  const executablePath = electronBinary();
  if (executablePath === undefined) throw new Error(SKIP_REASON);
  let app: ElectronApplication;
  try {
    app = await electron.launch({ executablePath, args: ['.', ...files], cwd: process.cwd(), env: keelEnv(), timeout: 30_000 });
  } catch (error) {
    // A binary that exists but cannot start (e.g. a broken partial install) fails fast.
    const message = error instanceof Error ? error.message : String(error);
    test.skip(/failed to install correctly|spawn \S+ ENOENT/i.test(message), `${SKIP_REASON} (${message.split('\n')[0]})`);
    throw error;
  }
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  keel = { app, page };
  return keel;
}

/** Quits the running Keel as a user does (its windows close, its last writes finish). */
async function quit(): Promise<void> {
  await keel?.app.close();
  keel = undefined;
}

test.beforeEach(async () => {
  test.skip(electronBinary() === undefined, SKIP_REASON);
  // A fresh profile per test: no window state or IndexedDB carried between tests.
  userData = await mkdtemp(path.join(tmpdir(), 'keel-e2e-'));
  await launch();
});

test.afterEach(async () => {
  await quit();
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
  const functions = [
    'closePresenter',
    'keepDisplayAwake',
    'listBackups',
    'onAppCommand',
    'onFileOpened',
    'openExternal',
    'openFile',
    'openPresenter',
    'onRoomEvent',
    'readBackup',
    'removeBackup',
    'roomCommand',
    'roomCurrent',
    'roomDiagnose',
    'roomInterfaces',
    'roomStart',
    'roomStop',
    'saveFile',
    'saveReportPdf',
    'setMenuState',
    'setTheme',
    'writeBackup',
  ];
  expect(surface.keys).toEqual([...functions, 'isElectron'].sort());
  expect(surface.types).toEqual({ isElectron: 'boolean', ...Object.fromEntries(functions.map((name) => [name, 'function'])) });
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
      badKind: await outcome(keel.saveFile({ kind: 'exe', suggestedName: 'run', data: 'x' } as unknown as Parameters<typeof keel.saveFile>[0])),
      badTheme: await outcome(keel.setTheme('neon' as unknown as 'dark')),
      extraKey: await outcome(
        keel.openFile({ kind: 'keel-json', path: '/etc/passwd' } as unknown as { kind: 'keel-json' }),
      ),
    };
  });
  expect(results.notAllowlisted).toEqual({ ok: true, value: false });
  expect(results.notHttps).toEqual({ ok: true, value: false });
  expect(results.traversal.ok).toBe(false);
  expect(results.traversal.value).toMatch(/Refused keel:save-file: invalid arguments/);
  expect(results.badKind.ok).toBe(false);
  expect(results.badKind.value).toMatch(/Refused keel:save-file: invalid arguments \(kind: /);
  expect(results.badTheme.ok).toBe(false);
  expect(results.badTheme.value).toMatch(/Refused keel:set-theme: invalid arguments/);
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

/** Creates a program through the home screen as a user does; its id, from the address. */
async function createProgram(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New program' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New program' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create program' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const programId = /#\/programs\/([^/?]+)/.exec(page.url())?.[1];
  if (!programId) throw new Error(`no program id in ${page.url()}`);
  return programId;
}

test('creates a program and exports its report as a PDF through IPC to a chosen path', async () => {
  const { app, page } = started();
  const programId = await createProgram(page, 'Support bot');
  const target = path.join(userData!, 'Support bot report.pdf');
  // The user's choice in the save dialog, made in main (the renderer never names a path).
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, target);
  const result = await page.evaluate(
    (route) =>
      (window as unknown as { keel: import('../../../electron/ipc-contract.js').KeelBridge }).keel.saveReportPdf({
        route,
        suggestedName: 'Support bot report.pdf',
      }),
    `#/report/${programId}?sections=cover`,
  );
  expect(result).toEqual({ status: 'saved', fileName: 'Support bot report.pdf' });
  const bytes = await readFile(target);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1000);
});

test('a .keel.json named on the command line is shown before it is imported, then imported', async () => {
  await quit();
  const file = path.join(userData!, 'Workshop.keel.json');
  await copyFile(WORKSHOP_FILE, file);
  const { page } = await launch([file]);
  const preview = page.getByRole('dialog', { name: 'Import Workshop.keel.json?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Programs in Workshop.keel.json' })).toContainText('Support assistant');
  await expect(preview.getByTestId('opened-file-kind')).toContainText('One program.');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
});

test('a second launch with a file hands it to the running Keel and exits; the first shows the preview', async () => {
  const { app, page } = started();
  const file = path.join(userData!, 'Second.keel.json');
  await copyFile(WORKSHOP_FILE, file);
  // The same binary and profile, as the OS starts it for a double-click while Keel runs; started
  // in the file's folder with a relative path, which resolves against that launch's folder.
  const again = spawn(electronBinary()!, [path.resolve('.'), path.basename(file)], { cwd: path.dirname(file), env: keelEnv(), stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve) => again.once('exit', resolve));
  expect(exitCode).toBe(0);
  await expect(page.getByRole('dialog', { name: 'Import Second.keel.json?' })).toBeVisible();
  expect(await windowCount(app)).toBe(1);
});

test('quits cleanly with nothing lost: a program made before quitting is there after a relaunch', async () => {
  const { page } = started();
  await createProgram(page, 'Kept across launches');
  await quit();
  const { page: relaunched } = await launch();
  await expect(relaunched.getByRole('link', { name: 'Kept across launches' })).toBeVisible();
});
