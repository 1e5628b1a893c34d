import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './electron/content-security-policy.js';
import { roomWebHost } from './electron/room/web-host.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Writes the CSP <meta> tag first in index.html's <head> (a meta policy covers only what comes
 * after it), from the same source as the headers, so the page never carries a copy of its own.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'keel:content-security-policy-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset paths so Electron can load the build from its custom protocol or from disk.
  base: './',
  // roomWebHost: room mode's host endpoints (/__keel/room/) on the preview and dev servers.
  plugins: [contentSecurityPolicyMeta(), svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }), roomWebHost()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: true,
    // Everything index.html loads at start-up ('$initial': the entry's static imports) in one
    // chunk: Rolldown otherwise splits modules the lazy areas share into ~20 tiny start-up files.
    // The same bytes (fewer, as one file compresses better), one request; lazy areas stay lazy.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'startup', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5177, strictPort: true },
  // Web mode (`npm run web`, the end-to-end tests): the policy as a header too, with the
  // frame-ancestors a <meta> tag cannot carry.
  preview: {
    host: '127.0.0.1',
    port: 5178,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  },
});
