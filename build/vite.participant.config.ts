import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The participant page of room mode (renderer/participant.html, renderer/src/participant/): a
// build of its own, apart from the app, into dist/renderer/participant/ where the room server
// serves it (run after the app's build, which empties dist/renderer). Phones of every age open
// it over plain HTTP, so it targets older browsers and stays small (no zod: protocol types only).

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer/participant', import.meta.url));

/** The page is served as the room's index: participant.html becomes index.html in the output. */
function pageAsIndex(): Plugin {
  return {
    name: 'keel:participant-page-as-index',
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      renameSync(join(dir, 'participant.html'), join(dir, 'index.html'));
    },
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [svelte({ configFile: fileURLToPath(new URL('../svelte.config.js', import.meta.url)) }), pageAsIndex()],
  build: {
    outDir,
    emptyOutDir: true,
    target: ['es2020', 'safari14', 'chrome90'],
    cssTarget: ['safari14', 'chrome90'],
    sourcemap: false,
    // Only modern browsers load it as a module; the preload polyfill is dead weight here.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rolldownOptions: { input: fileURLToPath(new URL('../renderer/participant.html', import.meta.url)) },
  },
});
