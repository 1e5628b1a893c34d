import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './build/find-chromium.mjs';

// KEEL_E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.KEEL_E2E_PORT) || 5178;
const executablePath = await findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  // One worker: these 2-core machines are steadier that way, and each test has its own context.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // Dates and numbers are shown in the user's language; the tests read them in English.
    locale: 'en-US',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', testDir: 'test/e2e/web' },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite build --config build/vite.participant.config.ts --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
