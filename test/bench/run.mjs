// Runs Keel's benchmark suite: Node benchmarks (benches/*.node.mjs) here, page benchmarks
// (benches/*.page.ts) in headless Chromium against a Vite server whose root is test/bench.
// Prints value, baseline and ratio for each; BENCH_JSON=<path> also writes them as JSON.
// Exit code: 0 even when a target is missed (reported as OVER), 1 when a benchmark crashed.
//
//   npm run bench                      build, then run everything
//   node test/bench/run.mjs storage    only benchmarks whose name contains "storage"
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../build/find-chromium.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS) || 5 * 60_000;
const filters = process.argv.slice(2);
const selected = (name) => filters.length === 0 || filters.some((f) => name.includes(f));

// Production Svelte and Vite conditions, as shipped (dev-mode Svelte adds checks that skew times).
process.env.NODE_ENV ??= 'production';

/** @typedef {{ name: string, unit: string, target: number, baselineLabel: string, where: string,
 *   value?: number, baseline?: number, ratio?: number, samples?: { value: number[], baseline: number[] },
 *   note?: string, error?: string }} Row */
/** @type {Row[]} */
const rows = [];

function withTimeout(promise, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A port nobody listens on now (Vite's client needs the real port, so port 0 will not do). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function errorText(error) {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function record(info, where, result) {
  const row = { ...info, where, ...result };
  if (!row.error) {
    if (!Number.isFinite(row.value) || !Number.isFinite(row.baseline) || row.baseline <= 0) {
      row.error = `returned value ${row.value} and baseline ${row.baseline}; both must be finite, baseline > 0`;
    } else {
      row.ratio = row.value / row.baseline;
    }
  }
  rows.push(row);
  const status = row.error ? 'CRASHED' : `${fmt(row.value)} ${row.unit}, ratio ${row.ratio.toFixed(3)}`;
  console.log(`  ${row.name}: ${status}`);
}

async function runNodeBenches() {
  const files = (await readdir(join(BENCH_DIR, 'benches'))).filter((f) => f.endsWith('.node.mjs')).sort();
  for (const file of files) {
    let bench;
    try {
      bench = (await import(pathToFileURL(join(BENCH_DIR, 'benches', file)).href)).default;
      if (!bench || typeof bench.run !== 'function') throw new Error(`${file} must export default a Benchmark`);
    } catch (error) {
      record({ name: file, unit: '', target: NaN, baselineLabel: '' }, 'node', { error: errorText(error) });
      continue;
    }
    if (!selected(bench.name)) continue;
    const { name, unit, target, baselineLabel } = bench;
    try {
      const { value, baseline, samples, note } = await withTimeout(bench.run(), name);
      record({ name, unit, target, baselineLabel }, 'node', { value, baseline, samples, note });
    } catch (error) {
      record({ name, unit, target, baselineLabel }, 'node', { error: errorText(error) });
    }
  }
}

async function runPageBenches() {
  const { createServer } = await import('vite');
  const { chromium } = await import('@playwright/test');
  const cacheDir = await mkdtemp(join(tmpdir(), 'keel-bench-vite-'));
  const profile = await mkdtemp(join(tmpdir(), 'keel-bench-profile-'));
  let server;
  let context;
  try {
    server = await createServer({
      configFile: join(REPO, 'vite.config.ts'),
      root: BENCH_DIR,
      cacheDir,
      logLevel: 'warn',
      clearScreen: false,
      define: { __APP_VERSION__: JSON.stringify('bench') },
      server: {
        host: '127.0.0.1',
        port: await freePort(),
        strictPort: false,
        // No HMR or watching: other work on the renderer must not reload the page mid-run.
        hmr: false,
        watch: null,
        fs: { allow: [REPO] },
      },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('Vite server has no TCP address');
    const url = `http://127.0.0.1:${address.port}/index.html`;

    // A fresh profile on disk (not an in-memory incognito context), so IndexedDB writes to disk
    // as it does in the app. --expose-gc lets benchmarks collect garbage between repetitions.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
      headless: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(errorText(error)));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') console.log(`  [page ${msg.type()}] ${msg.text()}`);
    });
    await page.goto(url);
    try {
      await page.waitForFunction(() => window.__keelBench !== undefined, null, { timeout: 60_000 });
    } catch (error) {
      throw new Error(`The bench page did not start.\n${pageErrors.join('\n') || errorText(error)}`);
    }

    const infos = await page.evaluate(() => window.__keelBench.list());
    for (const info of infos) {
      if ('error' in info) {
        record({ name: info.file, unit: '', target: NaN, baselineLabel: '' }, 'page', { error: info.error });
        continue;
      }
      if (!selected(info.name)) continue;
      const { name, unit, target, baselineLabel } = info;
      try {
        const result = await withTimeout(
          page.evaluate((file) => window.__keelBench.run(file), info.file),
          name,
        );
        record({ name, unit, target, baselineLabel }, 'page', result);
      } catch (error) {
        record({ name, unit, target, baselineLabel }, 'page', { error: errorText(error) });
      }
    }
  } finally {
    await context?.close().catch(() => {});
    await server?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}

function fmt(n) {
  if (!Number.isFinite(n)) return '-';
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function printTable() {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'target', 'result'];
  const body = rows.map((r) =>
    r.error
      ? [r.name, '-', r.unit, '-', '-', Number.isFinite(r.target) ? `<= ${r.target.toFixed(2)}` : '-', 'CRASHED']
      : [r.name, fmt(r.value), r.unit, fmt(r.baseline), r.ratio.toFixed(3), `<= ${r.target.toFixed(2)}`,
          r.ratio <= r.target ? 'pass' : 'OVER TARGET'],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 2 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const b of body) console.log(line(b));
  console.log('\nratio = value / baseline; both measured in this run (speed is only ever compared as a ratio).');
  for (const r of rows) {
    if (r.error) continue;
    const spread = r.samples
      ? ` Median of ${r.samples.value.length}; value ${fmt(Math.min(...r.samples.value))}-${fmt(Math.max(...r.samples.value))}, ` +
        `baseline ${fmt(Math.min(...r.samples.baseline))}-${fmt(Math.max(...r.samples.baseline))} ${r.unit}.`
      : '';
    console.log(`- ${r.name} [${r.where}]: baseline = ${r.baselineLabel}.${spread}`);
    if (r.note) console.log(`  ${r.note.replace(/\n/g, '\n  ')}`);
  }
  const over = rows.filter((r) => !r.error && r.ratio > r.target);
  if (over.length > 0) console.log(`\nOVER TARGET: ${over.map((r) => `${r.name} (${r.ratio.toFixed(3)} > ${r.target})`).join(', ')}`);
  for (const r of rows.filter((r) => r.error)) console.log(`\nCRASHED: ${r.name} [${r.where}]\n${r.error}`);
}

async function writeJson(path) {
  const out = {};
  for (const r of rows) {
    if (r.error) continue;
    const round = (n) => Math.round(n * 1000) / 1000;
    out[r.name] = { value: round(r.value), unit: r.unit, baseline: round(r.baseline), ratio: round(r.ratio) };
  }
  await writeFile(path, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${path}`);
}

let fatal;
console.log('Keel benchmarks');
try {
  await runNodeBenches();
  await runPageBenches();
} catch (error) {
  fatal = error;
}
printTable();
if (process.env.BENCH_JSON) await writeJson(process.env.BENCH_JSON);
if (fatal) console.error(`\nThe benchmark run failed:\n${errorText(fatal)}`);
process.exit(fatal || rows.some((r) => r.error) ? 1 : 0);
