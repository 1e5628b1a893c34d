// `npm start`: launches the built app in Electron, downloading Electron's binary the first time.
// Where it cannot be had (no access to Electron's downloads, CI machines) it says so and serves
// the same build on 127.0.0.1 instead. `npm run web` (--web) serves it on purpose.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { downloadElectronBinary, electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const wantWeb = process.argv.includes('--web');

async function serveWeb() {
  if (!existsSync(`${root}dist/renderer/index.html`)) {
    console.error('The app is not built yet: run `npm run build:renderer` first.');
    process.exit(1);
  }
  const port = Number(process.env.KEEL_PORT ?? 5178);
  const server = await preview({
    root: `${root}renderer`,
    configFile: `${root}vite.config.ts`,
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Keel is running at ${url}  (your data stays in this browser profile; press Ctrl-C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (wantWeb) {
  await serveWeb();
} else {
  let binary = electronBinary();
  if (!binary) {
    console.log('Downloading Electron for this computer (first start only)…');
    const download = await downloadElectronBinary();
    binary = download.binary;
    if (!binary) console.log(`Electron could not be downloaded (${download.problem}), so Keel opens in your browser instead.`);
  }
  if (!binary) {
    await serveWeb();
  } else {
    const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
