// The Electron binary: found where `npm install` would have put it, or fetched by Electron's own
// installer on first use. The project's .npmrc keeps dependency install scripts from running, so
// an install that reaches only the npm registry still succeeds; this is where the download
// happens instead, and where its failure is a message rather than a broken install.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The Electron executable, or undefined when only the npm package (no binary) is there. */
export function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    // The package throws "Electron failed to install correctly" while its binary is missing.
    return undefined;
  }
}

/**
 * Runs Electron's installer (node_modules/electron/install.js), which downloads the binary for
 * this machine. Resolves the executable, or `{ problem }` with the installer's last words.
 */
export async function downloadElectronBinary({ timeoutMs = 10 * 60_000 } = {}) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { problem: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return { problem: 'the electron package is not installed (run npm install)' };
  }
  const output = [];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => output.push(String(chunk));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (error) => {
      output.push(error.message);
      resolve(1);
    });
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
  const binary = electronBinary();
  if (code === 0 && binary) return { binary };
  // The first line of an error stack says what went wrong (e.g. getaddrinfo ENOTFOUND github.com).
  const firstLine = output.join('').split('\n').map((line) => line.trim()).find(Boolean);
  return { problem: firstLine ?? `the installer exited with ${code}` };
}

// `node build/electron-binary.mjs`: makes sure the binary is there before the Electron tests,
// saying plainly when it cannot be had (they are then skipped). Never fails the run.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  if (!electronBinary()) {
    const download = await downloadElectronBinary();
    console.log(
      download.binary
        ? 'Downloaded Electron for the Electron tests.'
        : `Electron could not be downloaded (${download.problem}); the Electron tests will be skipped.`,
    );
  }
}
