// Renderer bundle size: every JS and CSS file `vite build` wrote to dist/renderer/assets, gzipped
// one by one (level 9), summed, against the stated budget. Runs in Node, not in the page.
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_KIB = 150;
const ASSETS = fileURLToPath(new URL('../../../dist/renderer/assets/', import.meta.url));

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'bundle.gzip',
  unit: 'KiB',
  target: 1.0,
  baselineLabel: `the budget (${BUDGET_KIB} KiB): gzip -9 of dist/renderer/assets/*.js + *.css, summed`,
  async run() {
    const files = (await readdir(ASSETS).catch(() => [])).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
    if (files.length === 0) throw new Error(`No JS or CSS in ${ASSETS}: run \`npx vite build\` first.`);
    let bytes = 0;
    let newest = 0;
    for (const file of files) {
      const path = ASSETS + file;
      bytes += gzipSync(await readFile(path), { level: 9 }).length;
      newest = Math.max(newest, (await stat(path)).mtimeMs);
    }
    const ageMinutes = (Date.now() - newest) / 60_000;
    if (ageMinutes > 10) console.warn(`bundle.gzip: dist/renderer is ${Math.round(ageMinutes)} min old; run \`npx vite build\` for a current figure.`);
    return { value: bytes / 1024, baseline: BUDGET_KIB };
  },
};

export default bench;
