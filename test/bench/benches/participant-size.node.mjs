// The participant page's size: gzip (level 9) of the JS and CSS its index.html loads, in Node.
// Phones on a room's Wi-Fi load it cold; it is held well under the app's own start-up budget.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { STARTUP_BUDGET_KIB } from './bundle-gzip.node.mjs';

const DIST = fileURLToPath(new URL('../../../dist/renderer/participant/', import.meta.url));

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'participant.gzip',
  unit: 'KiB',
  target: 0.35,
  baselineLabel: `the app's start-up budget (${STARTUP_BUDGET_KIB} KiB); the page is held to about a third of it`,
  async run() {
    const html = await readFile(`${DIST}index.html`, 'utf8').catch(() => {
      throw new Error('dist/renderer/participant/index.html is missing: run `npm run build:renderer` first.');
    });
    const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    if (files.length === 0) throw new Error('the participant page loads no JS or CSS from assets/');
    const sizes = await Promise.all(files.map(async (file) => ({ file, kib: gzipSync(await readFile(DIST + file), { level: 9 }).length / 1024 })));
    const total = sizes.reduce((sum, s) => sum + s.kib, 0);
    const note = sizes.map((s) => `${s.file.replace('assets/', '')} ${s.kib.toFixed(1)} KiB`).join(', ');
    return { value: total, baseline: STARTUP_BUDGET_KIB, samples: { value: [total], baseline: [STARTUP_BUDGET_KIB] }, note };
  },
};

export default bench;
