// Finds a Chromium for tests and benchmarks: an explicit env var, a browser on PATH, or
// Playwright's own download on a developer laptop. Never downloads anything.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const PATH_CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name) {
  try {
    const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

async function playwrightDownload() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {Promise<string>} the executable path; throws with install advice when none. */
export async function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE points at ${fromEnv}, which does not exist.`);
  }
  for (const name of PATH_CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  const downloaded = await playwrightDownload();
  if (downloaded) return downloaded;
  throw new Error(
    'No Chromium found for the browser tests. Install one: on Debian/Ubuntu ' +
      '`sudo apt-get install chromium`, on macOS or Windows `npx playwright install chromium`, ' +
      'or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chrome/Chromium binary.',
  );
}
