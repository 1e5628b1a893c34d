import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['.tmp/**', 'node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.bench/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    // The renderer never reaches into the main process, except for the shared IPC contract.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+electron/(?!ipc-contract)', message: 'Import only electron/ipc-contract from the renderer.' }] },
      ],
    },
  },
  {
    // Pure domain code: no storage, no views, no DOM frameworks.
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(dexie|svelte)|/(storage|io|state|views|ui|platform)/', message: 'domain/ is pure: it imports nothing from the rest of the app.' }] },
      ],
    },
  },
);
