// The renderer's JS heap with the largest benchmark program open, area by area, in the built app:
// the plan program (5,000 uncertainty items, 500 metrics, 50 matrices, 500 roadmap items, 1,000
// actions, 500 decisions, 50 scope changes) with 50 closed sessions and 100 snapshots, against
// the same app on an empty database. Then a leak check: five rounds of entering every area and
// going back home; the heap at home after the fifth round against the first.
import { domSettled, heapMB, launchProfile, median, previewApp, putRows, seedRows } from '../lib/app-page.mjs';

/** The areas the issue names, in the order a facilitator tends to visit them. */
const AREAS = [
  { area: 'uncertainty', heading: 'Uncertainty' },
  { area: 'metrics', heading: 'Shared metrics' },
  { area: 'tradeoffs', heading: 'Trade-offs' },
  { area: 'roadmap', heading: 'Roadmap' },
  { area: 'sessions', heading: 'Sessions' },
];
const ROUNDS = 5;
/** Heap growth from the first round to the last that counts as a leak in the note. */
const LEAK_RATIO = 1.1;
const PROGRAM_ID = 'bench-program';
/**
 * Dexie keeps a live query's last answer for 3 s after its last subscriber leaves
 * (`enqueForDeletion` in dexie.mjs), so what an area held is measured at home after that.
 */
const DEXIE_CACHE_MS = 3000;

/** Goes to a route as a link does, and waits until the page has settled. */
async function visit(page, hash, heading) {
  await page.evaluate((to) => (window.location.hash = to), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ timeout: 60_000 });
  return domSettled(page);
}

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'memory.largest',
  unit: 'MB',
  target: 16,
  baselineLabel: 'the same built app on an empty database, at its home screen, JS heap after a full GC (CDP JSHeapUsedSize)',
  async run() {
    const rows = await seedRows('app-seed.ts', 'largestProgram');
    const server = await previewApp();
    const browser = await launchProfile();
    try {
      const page = await browser.context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.origin}/`);
      await visit(page, '#/', 'Your programs');
      const empty = median([await heapMB(cdp), await heapMB(cdp), await heapMB(cdp)]);

      await putRows(page, rows);
      await page.reload();
      await visit(page, '#/', 'Your programs');
      const home = await heapMB(cdp);
      const perArea = [];
      for (const { area, heading } of AREAS) {
        const elements = await visit(page, `#/programs/${PROGRAM_ID}/${area}`, heading);
        // So the area before's cached answers have gone and only this area's are counted.
        await page.waitForTimeout(DEXIE_CACHE_MS + 500);
        perArea.push({ area, elements, mb: await heapMB(cdp) });
      }

      /** Home, once Dexie's cache of the areas' queries has expired. */
      const settledHome = async () => {
        await visit(page, '#/', 'Your programs');
        await page.waitForTimeout(DEXIE_CACHE_MS + 500);
        return heapMB(cdp);
      };
      const retained = await settledHome();

      const atHome = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const { area, heading } of AREAS) {
          await visit(page, `#/programs/${PROGRAM_ID}/${area}`, heading);
          await visit(page, '#/', 'Your programs');
        }
        atHome.push(await settledHome());
      }
      const growth = atHome[ROUNDS - 1] / atHome[0];
      const value = Math.max(...perArea.map((a) => a.mb));
      const mb = (n) => n.toFixed(1);
      const note = [
        `per area (heap MB, elements): ${perArea.map((a) => `${a.area} ${mb(a.mb)} (${a.elements})`).join(', ')}; home with the program stored ${mb(home)}, and after leaving the areas ${mb(retained)}`,
        `leak check, heap at home after each of ${ROUNDS} rounds through every area: ${atHome.map(mb).join(', ')} MB; ` +
          `last / first ${growth.toFixed(3)} ${growth > LEAK_RATIO ? `GROWS (over ${LEAK_RATIO})` : `(no growth beyond ${LEAK_RATIO})`}`,
      ].join('\n');
      return { value, baseline: empty, note };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

export default bench;
