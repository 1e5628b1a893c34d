// Mutation testing (`npm run mutate`, not part of `npm test`): Stryker changes the code under
// `mutate` one small edit at a time and checks that some unit test fails. A surviving mutant is
// behaviour no test pins down. Reports go to reports/mutation/ (git-ignored).
// `KEEL_MUTATE=electron npm run mutate` (or tradeoffs, io) mutates one area only.
// @ts-check

/** The areas mutated, each with its own report and incremental file. */
const AREAS = {
  // preload.cts is left out: its test runs the source text in a sandboxed vm, which cannot load
  // Stryker's instrumented code.
  electron: ['electron/**/*.ts'],
  // The trade-off maths.
  tradeoffs: [
    'renderer/src/domain/tradeoffs/scoring.ts',
    'renderer/src/domain/tradeoffs/ahp.ts',
    'renderer/src/domain/tradeoffs/sensitivity.ts',
    'renderer/src/domain/tradeoffs/analysis.ts',
  ],
  // The .keel.json format.
  io: ['renderer/src/io/format.ts', 'renderer/src/io/keel-file.ts', 'renderer/src/io/migrations.ts'],
};

const area = process.env.KEEL_MUTATE ?? 'all';
if (area !== 'all' && !(area in AREAS)) {
  throw new Error(`KEEL_MUTATE must be one of ${Object.keys(AREAS).join(', ')} (or unset for all), not "${area}".`);
}
const out = `reports/mutation/${area}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'build/vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: area === 'all' ? Object.values(AREAS).flat() : AREAS[/** @type {keyof typeof AREAS} */ (area)],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as tables and schemas) rerun every test for each
  // one: a quarter of the mutants but three quarters of the time. They are reported as ignored.
  ignoreStatic: true,
  // Type errors from a mutant are not worth a test run; TypeScript is checked by `npm run check`.
  disableTypeChecks: true,
  // Two cores shared with everything else: one test runner at a time.
  concurrency: 1,
  // Reruns only the mutants whose code or tests changed since the last run of this area.
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  tempDirName: '.tmp/stryker', // .tmp/ is ignored by git and ESLint
  cleanTempDir: true,
};
export default config;
