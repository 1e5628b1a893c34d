import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const ELECTRON_ONLY_CONTRACT = {
  regex: '^(\\.\\./)+electron/(?!ipc-contract|text-decoding|room/protocol)',
  message: 'Import only electron/ipc-contract, electron/text-decoding and electron/room/protocol from the renderer.',
};

/** A layer's import rule: the renderer-wide one plus what this layer may not import. */
function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON_ONLY_CONTRACT, ...patterns] }] } };
}

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
  // The layers of the renderer (see "How the code is laid out" in README.md). Each file is in one
  // layer; its rule lists what it may not import. ESLint does not merge two settings of one rule,
  // so every layer repeats the renderer-wide one.
  layer(['renderer/**/*.ts', 'renderer/**/*.svelte'], []),
  layer(['renderer/src/domain/**/*.ts'], [
    {
      regex: '^(dexie|svelte)|/(storage|io|state|views|ui|platform|charts)/',
      message: 'domain/ is pure: it imports nothing from the rest of the app.',
    },
  ]),
  layer(['renderer/src/charts/**/*.ts'], [
    {
      regex: '^(?!d3-|\\./|\\.\\./domain/)',
      message: 'charts/ is pure geometry: it imports only domain/ and d3.',
    },
  ]),
  layer(['renderer/src/storage/**/*.ts'], [
    { regex: '^svelte|/(state|views|ui|io|platform|charts)/', message: 'storage/ reads and writes data; state/ and views/ build on it, not the other way round.' },
  ]),
  layer(['renderer/src/io/**/*.ts'], [
    { regex: '^(svelte|dexie)|/(state|views|ui)/', message: 'io/ turns data into files and back; it knows nothing of the screens.' },
  ]),
  layer(['renderer/src/state/**/*.ts'], [{ regex: '/(views|ui)/', message: 'state/ serves the views; it does not import them.' }]),
  layer(['renderer/src/views/**/*.ts', 'renderer/src/views/**/*.svelte', 'renderer/src/Shell.svelte'], [
    {
      regex: '^dexie|/storage/|/state/services',
      message: 'Views talk to their area\'s state class (state/*.svelte.ts), never to storage: it writes, reports failures and offers undo.',
    },
  ]),
  layer(['renderer/src/ui/**/*.ts', 'renderer/src/ui/**/*.svelte'], [
    {
      regex: '^dexie|/(storage|views)/|/state/services',
      message: 'ui/ holds shared components: they get what they show as props, never from storage or an area.',
    },
  ]),
  layer(['renderer/src/App.svelte'], [{ regex: '^dexie|/storage/', message: 'The app shell reaches storage only through state/.' }]),
);
