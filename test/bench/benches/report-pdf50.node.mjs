// The PDF of a report of about 50 pages, as Electron makes it: the report route renders in a
// window (reading the program from IndexedDB, laying out every section, loading the font), then
// Chromium prints it with the CSS page size, tags and bookmarks. Timed from opening the route to
// the PDF's bytes, against the target of 50 ms per page plus 200 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../../build/find-chromium.mjs';
import { writeProgramWithItems } from '../lib/report-program.mjs';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Items added to the fixture: with every section, about 50 A4 pages. */
const ITEMS = 190;
const REPETITIONS = 5;
const PER_PAGE_MS = 50;
const FIXED_MS = 200;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Pages in a PDF Chromium wrote: one "/Type /Page" object each (the tree is "/Type /Pages"). */
const pageCount = (pdf) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'report.pdf50',
  unit: 'ms',
  target: 1.0,
  baselineLabel: `the issue's target for the PDF's page count: ${PER_PAGE_MS} ms per page + ${FIXED_MS} ms`,
  async run() {
    const { preview } = await import('vite');
    const { chromium } = await import('@playwright/test');
    const dir = await mkdtemp(join(tmpdir(), 'keel-bench-report-'));
    // Port 0: the system gives a free one (the page needs no HMR client, so no fixed port).
    const server = await preview({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('the preview server has no TCP address');
    const port = address.port;
    const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ locale: 'en-US' });
      await page.goto(`http://127.0.0.1:${port}/`);
      const file = writeProgramWithItems(ITEMS, 'Report bench', join(dir, 'report-bench.keel.json'));
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import…' }).first().click();
      await (await choosing).setFiles(file);
      await page.getByRole('heading', { level: 1, name: 'Report bench' }).waitFor();
      const programId = decodeURIComponent(/#\/programs\/([^/?]+)/.exec(page.url())[1]);
      const route = `#/report/${programId}?page=a4`;

      const total = [];
      const ready = [];
      let pages = 0;
      for (let i = 0; i < REPETITIONS + 1; i++) {
        await page.evaluate(() => (window.location.hash = '#/'));
        await page.waitForFunction(() => document.documentElement.dataset.reportReady === undefined);
        const start = performance.now();
        await page.evaluate((hash) => (window.location.hash = hash), route);
        await page.waitForFunction(() => document.documentElement.dataset.reportReady === 'true', null, { polling: 'raf', timeout: 120_000 });
        const laidOut = performance.now();
        const pdf = await page.pdf({ preferCSSPageSize: true, outline: true, tagged: true, printBackground: true });
        const end = performance.now();
        pages = pageCount(pdf);
        // The first round warms the browser up (fonts, code), as a window already open would be.
        if (i === 0) continue;
        total.push(end - start);
        ready.push(laidOut - start);
      }
      const value = median(total);
      const baseline = PER_PAGE_MS * pages + FIXED_MS;
      return {
        value,
        baseline,
        samples: { value: total, baseline: total.map(() => baseline) },
        note: `${pages} A4 pages (${ITEMS + 7} uncertainty items, every section): ${(value / pages).toFixed(1)} ms per page in all; route to ready ${median(ready).toFixed(0)} ms, printing ${(value - median(ready)).toFixed(0)} ms`,
      };
    } finally {
      await browser.close();
      await new Promise((done) => server.httpServer.close(done));
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
