// Room mode in the real app: the main window starts a room on the loopback address through the
// bridge, the room server answers there, and stopping it (or quitting) closes it. Skipped where
// the Electron binary is absent, like the other Electron tests. Needs `npm run build` (the
// participant page is built into dist/renderer/participant).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../../build/electron-binary.mjs';
import type { KeelBridge } from '../../../electron/ipc-contract.js';
import type { RoomStartResult } from '../../../electron/room/protocol.js';

const SKIP_REASON =
  'Electron binary not installed (`npm start` downloads it where Electron\'s servers can be reached); Electron e2e tests skipped.';

let app: ElectronApplication | undefined;
let userData: string | undefined;

test.beforeEach(async () => {
  const executablePath = electronBinary();
  test.skip(executablePath === undefined, SKIP_REASON);
  userData = await mkdtemp(path.join(tmpdir(), 'keel-e2e-room-'));
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  app = await electron.launch({
    executablePath,
    args: ['.'],
    cwd: process.cwd(),
    env: { ...Object.fromEntries(inherited), KEEL_USER_DATA_DIR: userData },
    timeout: 30_000,
  });
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (userData) await rm(userData, { recursive: true, force: true });
});

async function mainPage(): Promise<Page> {
  if (!app) throw new Error('Keel did not start');
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

test('starts a room on 127.0.0.1 through the bridge; the room answers there until it is stopped', async () => {
  const page = await mainPage();
  const interfaces = await page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomInterfaces());
  expect(interfaces.map((entry) => entry.address)).toContain('127.0.0.1');

  const started = await page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomStart({ address: '127.0.0.1', sessionTitle: 'E2E room' }));
  expect(started.ok, JSON.stringify(started)).toBe(true);
  const { info } = started as Extract<RoomStartResult, { ok: true }>;
  expect(info.url).toBe(`http://127.0.0.1:${info.port}/`);
  const health = await fetch(new URL('api/health', info.url));
  expect(health.status).toBe(200);
  expect(await health.text()).toBe('ok');

  const again = await page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomStart({ address: '127.0.0.1', sessionTitle: 'Another' }));
  expect(again).toEqual({ ok: false, message: expect.stringMatching(/^Room mode is already on for “E2E room”/) });
  await expect(page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomCurrent())).resolves.toMatchObject({ info: { port: info.port } });

  await page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomStop());
  await expect(fetch(new URL('api/health', info.url))).rejects.toThrow();
  await expect(page.evaluate(() => (window as unknown as { keel: KeelBridge }).keel.roomCurrent())).resolves.toBeNull();
});

test('refuses to listen on every interface', async () => {
  const page = await mainPage();
  const refused = await page.evaluate(() =>
    (window as unknown as { keel: KeelBridge }).keel.roomStart({ address: '0.0.0.0', sessionTitle: 'Everywhere' }).then(
      () => 'started',
      (error: unknown) => String(error),
    ),
  );
  expect(refused).toMatch(/invalid arguments \(address: /);
});
