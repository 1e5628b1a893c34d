// `npm run scan:electron`: a static security scan of Keel's Electron code with electronegativity,
// offline. It is run by npx at a pinned version, not installed as a dependency (it brings eslint 7
// and typescript 4.2 into the lockfile and `npm audit`). What it reads: the main-process and
// preload sources (electron/, TypeScript, which it parses) and the built renderer (dist/renderer:
// its index.html with the CSP, and the bundles). High and medium findings fail the scan unless
// build/electronegativity-accepted.json accepts them with a written reason; README.md "Security"
// lists them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsFromCsv, judgeFindings } from './electronegativity-findings.mjs';

const PACKAGE = '@doyensec/electronegativity@1.10.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererBuild = path.join(root, 'dist', 'renderer');

if (!existsSync(path.join(rendererBuild, 'index.html'))) {
  console.error('No renderer build in dist/renderer: run `npm run build:renderer` first (npm run scan:electron does).');
  process.exit(2);
}

// A copy of what is scanned, so the report names files as they are in the repository.
const stage = mkdtempSync(path.join(tmpdir(), 'keel-scan-'));
const report = path.join(tmpdir(), `${path.basename(stage)}.csv`);
try {
  // Every main-process module, room mode's folder too.
  for (const name of readdirSync(path.join(root, 'electron'), { recursive: true })) {
    // The tool reads .ts but not .cts: the preload is scanned under a .ts name.
    const target = name.endsWith('.cts') ? `${name}.ts` : name;
    if (/\.(c?ts)$/.test(name)) cpSync(path.join(root, 'electron', name), path.join(stage, 'electron', target));
  }
  cpSync(rendererBuild, path.join(stage, 'dist', 'renderer'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));

  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  // Once in a CI run the tool's CSV came out garbled (two rows written over each other): a report
  // whose rows are not findings is read again from a fresh scan rather than judged.
  let findings = scanOnce(electronVersion);
  for (let attempt = 2; attempt <= 3 && !findings.every(wellFormed); attempt++) {
    console.warn(`electronegativity's report did not read as findings; scanning again (attempt ${attempt} of 3).`);
    findings = scanOnce(electronVersion);
  }
  if (!findings.every(wellFormed)) {
    console.error(`electronegativity's report did not read as findings three times:\n${findings.filter((f) => !wellFormed(f)).map((f) => `  ${JSON.stringify(f)}`).join('\n')}`);
    process.exit(2);
  }
  const accepted = JSON.parse(readFileSync(path.join(root, 'build', 'electronegativity-accepted.json'), 'utf8')).accepted;
  const result = judgeFindings(findings, accepted);
  const line = (f) => `  ${f.severity.padEnd(13)} ${f.id.padEnd(34)} ${f.file}:${f.location}  ${f.sample.slice(0, 70)}`;

  console.log(`Electronegativity (${PACKAGE}, Electron ${electronVersion}): ${findings.length} findings.`);
  if (result.accepted.length) console.log(`Accepted after review (reasons in build/electronegativity-accepted.json):\n${result.accepted.map(line).join('\n')}`);
  if (result.informational.length) console.log(`Low and informational:\n${result.informational.map(line).join('\n')}`);
  if (result.unaccepted.length) {
    console.error(`\nHigh or medium findings nobody has reviewed:\n${result.unaccepted.map(line).join('\n')}`);
    console.error('Fix them, or add each to build/electronegativity-accepted.json with the reason it is safe.');
  }
  if (result.stale.length) {
    console.error(`\nAccepted findings the scan no longer reports (the code changed: review and remove them):`);
    for (const entry of result.stale) console.error(`  ${entry.id} ${entry.file}  ${entry.sample}`);
  }
  if (result.unaccepted.length || result.stale.length) process.exit(1);
  console.log('No unreviewed high or medium findings.');
} finally {
  rmSync(stage, { recursive: true, force: true });
  rmSync(report, { force: true });
}

/** A finding as the tool writes them: a rule's name and a known severity. */
function wellFormed(finding) {
  return /^[A-Z_]+_CHECK$/.test(finding.id) && ['LOW', 'MEDIUM', 'HIGH', 'INFORMATIONAL'].includes(finding.severity);
}

/** One run of the tool over the staged copy: its findings, read from its CSV report. */
function scanOnce(electronVersion) {
  const run = spawnSync(
    'npx',
    [
      '--yes',
      '--package',
      PACKAGE,
      '--',
      'node',
      path.join(root, 'build', 'electronegativity-offline.mjs'),
      '--input',
      stage,
      // The version Keel ships, so no release list is fetched to guess it.
      '--electron-version',
      electronVersion,
      '--relative',
      '--verbose',
      'false',
      '--output',
      report,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LANG: 'en-US' }, shell: process.platform === 'win32' },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`electronegativity did not finish (exit ${run.status ?? run.signal}).`);
    process.exit(2);
  }
  const findings = findingsFromCsv(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  return findings;
}
