// Compiles electron/ (main process and preload) to dist-electron/ with the project's own tsc.
// The output folder is emptied first so a renamed or deleted module cannot linger in a package.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-electron');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

rmSync(outDir, { recursive: true, force: true });

const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'electron', 'tsconfig.json')], {
  cwd: root,
  stdio: 'inherit',
});

if (result.error) {
  console.error(`build:electron could not run tsc: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`build:electron failed: tsc exited with ${result.status ?? result.signal}.`);
  process.exit(result.status || 1);
}

// Electron loads these two by name (package.json "main" and the BrowserWindow preload option).
const expected = ['main.js', 'preload.cjs'].map((name) => join(outDir, name));
const missing = expected.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`build:electron failed: missing ${missing.join(', ')}.`);
  process.exit(1);
}
console.log('build:electron: wrote dist-electron/main.js and dist-electron/preload.cjs');
