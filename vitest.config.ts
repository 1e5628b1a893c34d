import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/**/*.svelte.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        // State classes (*.svelte.ts) use runes, so their tests are compiled by Svelte too and run
        // with a DOM (localStorage, location, storage events) over fake IndexedDB.
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'state',
          environment: 'jsdom',
          include: ['test/unit/**/*.svelte.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', 'test/component/setup.ts'],
        },
      },
    ],
  },
});
