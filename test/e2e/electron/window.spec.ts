// The window across launches: where it reopens, and the colours of its first frame. Each test
// launches Keel twice on one profile. Skipped, with the reason, without the Electron binary.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { KeelBridge } from '../../../electron/ipc-contract.js';
import { electronBinary } from '../../../build/electron-binary.mjs';
import { APP_BACKGROUND } from '../../../electron/theme-colors.js';

const SKIP_REASON =
  'Electron binary not installed (`npm start` downloads it where Electron\'s servers can be reached); Electron e2e tests skipped.';

let userData: string | undefined;

test.beforeEach(async () => {
  test.skip(electronBinary() === undefined, SKIP_REASON);
  userData = await mkdtemp(path.join(tmpdir(), 'keel-e2e-window-'));
});

test.afterEach(async () => {
  if (userData) await rm(userData, { recursive: true, force: true });
  userData = undefined;
});

async function launch(): Promise<ElectronApplication> {
  if (!userData) throw new Error('no profile');
  const app = await electron.launch({
    executablePath: electronBinary(),
    args: ['.'],
    cwd: process.cwd(),
    env: { ...process.env, KEEL_USER_DATA_DIR: userData },
    timeout: 30_000,
  });
  await (await app.firstWindow()).waitForLoadState('domcontentloaded');
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)).toBe(true);
  return app;
}

const mainWindowBounds = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds());

test('reopens with the size and position it was closed with', async () => {
  const first = await launch();
  const wanted = await first.evaluate(({ BrowserWindow, screen }) => {
    const { workArea } = screen.getPrimaryDisplay();
    const bounds = { x: workArea.x + 40, y: workArea.y + 30, width: 900, height: 640 };
    BrowserWindow.getAllWindows()[0]?.setBounds(bounds);
    return bounds;
  });
  await expect.poll(() => mainWindowBounds(first)).toEqual(wanted);
  await first.close(); // main writes the last bounds before it quits

  const second = await launch();
  try {
    expect(await mainWindowBounds(second)).toEqual(wanted);
  } finally {
    await second.close();
  }
});

test('opens in the theme chosen in the app, its first frame the colour the page paints', async () => {
  const first = await launch();
  // The OS is asked for the opposite of the choice, so a window that followed it would show.
  const osDark = await first.evaluate(({ nativeTheme }) => nativeTheme.shouldUseDarkColors);
  const choice: 'light' | 'dark' = osDark ? 'light' : 'dark';
  await (await first.firstWindow()).evaluate(async (theme: 'light' | 'dark') => {
    await (window as unknown as { keel: KeelBridge }).keel.setTheme(theme);
  }, choice);
  await first.close();

  const second = await launch();
  try {
    expect(await second.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe(choice);
    const windowColour = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBackgroundColor());
    expect(windowColour?.toLowerCase()).toBe(APP_BACKGROUND[choice]);
    const pageColour = await (await second.firstWindow()).evaluate(() => getComputedStyle(document.body).backgroundColor);
    const hex = APP_BACKGROUND[choice];
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');
    expect(pageColour).toBe(`rgb(${rgb})`);
  } finally {
    await second.close();
  }
});
