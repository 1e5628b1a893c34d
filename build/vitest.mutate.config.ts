// The Vitest setup `npm run mutate` (stryker.config.mjs) runs against each mutant: only the
// node-environment unit tests of the mutated areas, so a mutant is judged in seconds.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    environment: 'node',
    include: [
      'test/unit/electron/**/*.test.ts',
      'test/unit/content-security-policy.test.ts',
      'test/unit/domain/tradeoffs/**/*.test.ts',
      'test/unit/io/**/*.test.ts',
    ],
    exclude: ['test/unit/**/*.svelte.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
