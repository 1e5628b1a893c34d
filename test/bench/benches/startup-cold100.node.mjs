// Cold start of the built app to an interactive home screen with 100 programs stored, against a
// raw page that reads the same database and draws the same rows with plain DOM.
//
// Cold: each start is a new tab opened after the previous one closed (a new renderer process: no
// JS heap, no compiled code in memory), in the same profile (IndexedDB on disk is kept), with the
// HTTP cache disabled, so every script is fetched, parsed and compiled again. That is the first
// window after installing or updating Keel; later launches of the desktop app can reuse V8's code
// cache (its app:// scheme is registered with codeCache), which the note gives as "cache on".
//
// Interactive, in the page's own clock from navigation start: the home list shows all 100 rows,
// then the first keyboard action has taken effect: '/' (dispatched as soon as the rows are there)
// has moved focus to the search field, the typed name has filtered the list to its one program,
// and the next animation frame has run (so that state can paint). The same probe runs on both pages.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchProfile, median, previewApp, putRows, seedRows } from '../lib/app-page.mjs';

const PROGRAMS = 100;
/** The largest program's name: no other program's name or description has these words. */
const QUERY = 'Bench plan';
const WARMUP = 1;
const REPS = 7;
const RAW_HOME = '/bench-raw-home.html';
const RAW_DIST = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

/**
 * Runs in the page before its own scripts: resolves `window.__coldStart` with the moments (ms
 * from navigation start) the list showed `rows` rows and the search had filtered it to one.
 */
function probe({ rows, query }) {
  window.__coldStart = new Promise((resolve, reject) => {
    const count = () => document.querySelectorAll('[data-testid="program-row"]').length;
    let listed;
    const observer = new MutationObserver(() => {
      if (listed === undefined && count() >= rows) {
        listed = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
        const search = document.activeElement;
        if (!(search instanceof HTMLInputElement) || search.id !== 'program-search') {
          observer.disconnect();
          reject(new Error(`'/' did not focus the search field (focus is on ${search?.tagName})`));
          return;
        }
        search.value = query;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (listed !== undefined && count() === 1) {
        observer.disconnect();
        requestAnimationFrame(() => resolve({ listed, interactive: performance.now() }));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** The raw page: the app's own stylesheet (same styles to apply) and the raw script. */
async function rawHomeFiles() {
  const html = await readFile(`${RAW_DIST}index.html`, 'utf8');
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n');
  return {
    [RAW_HOME]: {
      type: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>raw home</title>${styles.replaceAll('./assets/', '/assets/')}<script type="module" src="/bench-raw-home.js"></script></head><body><div id="app"></div></body></html>`,
    },
    '/bench-raw-home.js': { type: 'text/javascript', body: await readFile(new URL('../lib/raw-home.js', import.meta.url), 'utf8') },
  };
}

/** One cold start of `url` in a new tab: the probe's moments and the scripts and styles fetched before interactive. */
async function coldStart(context, url, { cache = false } = {}) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
    await page.addInitScript(probe, { rows: PROGRAMS, query: QUERY });
    await page.goto(url, { waitUntil: 'commit' });
    const marks = await page.evaluate(() => window.__coldStart);
    const loaded = await page.evaluate(
      (before) =>
        performance
          .getEntriesByType('resource')
          .filter((r) => r.startTime < before && /\.(js|css)$/.test(new URL(r.name).pathname))
          .map((r) => ({ name: new URL(r.name).pathname, bytes: r.decodedBodySize })),
      marks.interactive,
    );
    return { ...marks, loaded };
  } finally {
    await page.close();
  }
}

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'startup.cold100',
  unit: 'ms',
  target: 2.5,
  baselineLabel: `a raw page on the same origin: raw IndexedDB getAll of the programs, the ${PROGRAMS} rows built with createElement, the same stylesheet and the same probe ('/' then typing filters)`,
  async run() {
    const rows = await seedRows('app-seed.ts', 'manyPrograms', PROGRAMS);
    const server = await previewApp(await rawHomeFiles());
    const browser = await launchProfile();
    try {
      // A tab kept open on a blank page, so closing each measured tab never ends the browser.
      const keeper = await browser.context.newPage();
      await keeper.goto(`${server.origin}/`);
      await keeper.getByRole('heading', { level: 1, name: 'Your programs' }).waitFor();
      await putRows(keeper, rows);
      await keeper.goto('about:blank');

      const app = `${server.origin}/`;
      const raw = `${server.origin}${RAW_HOME}`;
      const value = [];
      const baseline = [];
      const listed = [];
      let startup;
      for (let rep = 0; rep < WARMUP + REPS; rep++) {
        // ABBA, so drift in the machine's load falls on both alike.
        const order = rep % 2 === 0 ? ['app', 'raw'] : ['raw', 'app'];
        for (const which of order) {
          const run = await coldStart(browser.context, which === 'app' ? app : raw);
          if (rep < WARMUP) continue;
          if (which === 'raw') baseline.push(run.interactive);
          else {
            value.push(run.interactive);
            listed.push(run.listed);
            startup = run.loaded;
          }
        }
      }
      const cached = [];
      for (let rep = 0; rep < 3 + REPS; rep++) {
        const run = await coldStart(browser.context, app, { cache: true });
        // The first loads fill the HTTP cache and V8's code cache (made on a script's second run).
        if (rep >= 3) cached.push(run.interactive);
      }
      const js = startup.filter((r) => r.name.endsWith('.js'));
      const css = startup.filter((r) => r.name.endsWith('.css'));
      const kib = (list) => (list.reduce((sum, r) => sum + r.bytes, 0) / 1024).toFixed(1);
      const note = [
        `the list's ${PROGRAMS} rows shown at ${median(listed).toFixed(0)} ms, interactive at ${median(value).toFixed(0)} ms; with the HTTP and code cache on ${median(cached).toFixed(0)} ms`,
        `fetched before interactive: ${js.length} scripts (${kib(js)} KiB uncompressed) and ${css.length} stylesheets (${kib(css)} KiB): ${startup.map((r) => r.name.replace('/assets/', '')).join(', ')}`,
        `stored: ${PROGRAMS} programs, one the plan program with 50 sessions and 100 snapshots, two with 2,000 uncertainty items`,
      ].join('\n');
      return { value: median(value), baseline: median(baseline), samples: { value, baseline }, note };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

export default bench;
