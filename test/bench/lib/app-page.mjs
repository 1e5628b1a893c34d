// The built app (dist/renderer) in headless Chromium, for the benchmarks that need the whole app
// rather than one component: start-up and memory. Serves the build with `vite preview` (same
// headers as web mode), opens a persistent profile (IndexedDB on disk, kept between pages), puts
// benchmark records straight into the app's database and reads the renderer's JS heap.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../../build/find-chromium.mjs';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `vite preview` of dist/renderer on a free port, plus `extraFiles` (path -> { type, body }) served
 * from the same origin, so a raw baseline page reads the same IndexedDB as the app.
 * @param {Record<string, { type: string, body: string }>} [extraFiles]
 */
export async function previewApp(extraFiles = {}) {
  const { preview } = await import('vite');
  const server = await preview({
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0 },
    plugins: [
      {
        name: 'keel-bench:extra-files',
        configurePreviewServer(preview) {
          preview.middlewares.use((req, res, next) => {
            const file = extraFiles[(req.url ?? '').split('?')[0]];
            if (!file) return next();
            res.setHeader('Content-Type', file.type);
            res.setHeader('Cache-Control', 'no-store');
            res.end(file.body);
          });
        },
      },
    ],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.httpServer.close(done)),
  };
}

/** Chromium with a fresh on-disk profile (as the app's own window has), and a way to close both. */
export async function launchProfile() {
  const { chromium } = await import('@playwright/test');
  const profile = await mkdtemp(join(tmpdir(), 'keel-bench-app-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Builds seed rows in Node from a TypeScript module of test/bench/lib (Vite's module runner), so
 * the app benchmarks use the same generators as the page benchmarks.
 * @param {string} file e.g. 'app-seed.ts'  @param {string} fn exported function  @param {unknown[]} args
 */
export async function seedRows(file, fn, ...args) {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(join(REPO, 'test/bench/lib', file), { configFile: false, root: REPO, logLevel: 'warn' });
  return module[fn](...args);
}

/**
 * Writes rows into the app's database ('keel', opened by the app at least once so its stores
 * exist) with raw IndexedDB puts in one transaction; snapshot rows get `snapshotState`.
 * @param {import('@playwright/test').Page} page  @param {{ tables: Record<string, object[]>, snapshotState?: unknown }} rows
 */
export async function putRows(page, rows) {
  await page.evaluate(async ({ tables, snapshotState }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('keel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Object.keys(tables).filter((name) => tables[name].length > 0);
    const missing = names.filter((name) => !db.objectStoreNames.contains(name));
    if (missing.length) throw new Error(`The app's database has no store ${missing.join(', ')}`);
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      for (const row of tables[name]) store.put(name === 'snapshots' ? { ...row, state: snapshotState } : row);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  }, rows);
}

/**
 * The renderer's JS heap in MB after a full garbage collection: CDP's JSHeapUsedSize, which
 * counts what is reachable now (performance.memory is coarse and delayed). Collected twice, as
 * one pass can leave objects a finalizer freed.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
  return used.value / 1024 / 1024;
}

/**
 * Waits until the page's element count has not changed for `quietMs` (an area's lazy parts and
 * live queries have all answered), up to `timeoutMs`. Returns the element count.
 * @param {import('@playwright/test').Page} page
 */
export async function domSettled(page, quietMs = 600, timeoutMs = 60_000) {
  return page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        let count = -1;
        let since = started;
        const poll = () => {
          const now = performance.now();
          const next = document.getElementsByTagName('*').length;
          if (next !== count) {
            count = next;
            since = now;
          } else if (now - since >= quietMs) return resolve(count);
          if (now - started > timeoutMs) return reject(new Error(`the page kept changing for ${timeoutMs} ms`));
          setTimeout(poll, 50);
        };
        poll();
      }),
    { quietMs, timeoutMs },
  );
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
