// Renderer bundle size, gzipped file by file (level 9), in Node. Held to two budgets: what every
// window loads at start-up (the files index.html references), and each area's on-demand load
// (its chunk plus the shared chunks it imports). The whole renderer is reported in the note.
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const STARTUP_BUDGET_KIB = 100;
export const AREA_BUDGET_KIB = 60;
const DIST = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
const ASSETS = `${DIST}assets/`;

async function gzipKiB(file) {
  return gzipSync(await readFile(ASSETS + file), { level: 9 }).length / 1024;
}

/** Files a JS chunk imports statically (`from"./x.js"` / `import"./x.js"`), by file name. */
async function staticImports(file) {
  const text = await readFile(ASSETS + file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'bundle.gzip',
  unit: 'KiB',
  target: 1.0,
  baselineLabel: `the start-up budget (${STARTUP_BUDGET_KIB} KiB): gzip -9 of the JS and CSS index.html loads; each lazily loaded area is held to ${AREA_BUDGET_KIB} KiB in the note`,
  async run() {
    const files = (await readdir(ASSETS).catch(() => [])).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
    if (files.length === 0) throw new Error(`No JS or CSS in ${ASSETS}: run \`npx vite build\` first.`);
    let total = 0;
    let newest = 0;
    for (const file of files) {
      total += await gzipKiB(file);
      newest = Math.max(newest, (await stat(ASSETS + file)).mtimeMs);
    }
    const ageMinutes = (Date.now() - newest) / 60_000;
    if (ageMinutes > 10) console.warn(`bundle.gzip: dist/renderer is ${Math.round(ageMinutes)} min old; run \`npx vite build\` for a current figure.`);

    const html = await readFile(`${DIST}index.html`, 'utf8');
    const startupFiles = [...html.matchAll(/(?:src|href)="\.\/assets\/([\w.-]+\.(?:js|css))"/g)].map((m) => m[1]);
    if (startupFiles.length === 0) throw new Error('index.html references no JS or CSS under ./assets/');
    let startup = 0;
    for (const file of startupFiles) startup += await gzipKiB(file);

    // Areas: chunks named after an *Area component, with their CSS and the shared chunks they import.
    const loaded = new Set(startupFiles);
    const areas = [];
    for (const file of files.filter((f) => /Area-[\w-]+\.js$/.test(f))) {
      const name = file.replace(/-[\w-]+\.js$/, '');
      const parts = new Set([file, ...files.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.css'))]);
      for (const dep of await staticImports(file)) if (!loaded.has(dep)) parts.add(dep);
      let kib = 0;
      for (const part of parts) kib += await gzipKiB(part);
      areas.push({ name, kib });
    }
    const over = areas.filter((a) => a.kib > AREA_BUDGET_KIB);
    const note = [
      // One request each: vite.config.ts keeps start-up to one chunk (see startup.cold100).
      `start-up in ${startupFiles.length} files (${startupFiles.join(', ')})`,
      `whole renderer ${total.toFixed(1)} KiB`,
      ...areas.map((a) => `${a.name} on first visit ${a.kib.toFixed(1)} KiB (budget ${AREA_BUDGET_KIB})`),
      over.length ? `OVER the area budget: ${over.map((a) => a.name).join(', ')}` : 'every area within its budget',
    ].join('; ');
    return { value: startup, baseline: STARTUP_BUDGET_KIB, note };
  },
};

export default bench;
