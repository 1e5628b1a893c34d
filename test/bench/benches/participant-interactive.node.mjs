// The participant page's time to interactive on a phone-sized window, cold: a new tab each time,
// HTTP cache off, as a phone opening the room's address for the first time. Interactive, in the
// page's own clock from navigation start: the room-code field is there, a typed code has reached
// it (an input event the page's script handles), and the next animation frame has run. Against a
// raw page on the same origin: the same three fields and button built with createElement, the
// page's own stylesheet, and the same probe.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchProfile, median, previewApp } from '../lib/app-page.mjs';

const REPS = 7;
const WARMUP = 1;
const DIST = fileURLToPath(new URL('../../../dist/renderer/participant/', import.meta.url));
const RAW = '/participant-raw.html';

/** Runs before the page's scripts: resolves `window.__interactive` with the moment the page took a typed code. */
function probe() {
  window.__interactive = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const field = document.getElementById('room-code');
      if (!(field instanceof HTMLInputElement)) return;
      observer.disconnect();
      // The page's own script has to be running to take input: typed once its handlers are bound.
      queueMicrotask(() => {
        field.focus();
        field.value = 'abc234';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => resolve(performance.now()));
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const RAW_SCRIPT = `
const form = document.createElement('form');
for (const [id, text] of [['room-code', 'Room code'], ['your-name', 'Your name'], ['your-function', 'Your function']]) {
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  const input = document.createElement('input');
  input.id = id;
  input.addEventListener('input', () => { input.dataset.value = input.value; });
  form.append(label, input);
}
const button = document.createElement('button');
button.textContent = 'Join';
form.append(button);
document.getElementById('app').append(form);
`;

async function rawFiles() {
  const html = await readFile(`${DIST}index.html`, 'utf8');
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n');
  return {
    [RAW]: {
      type: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>raw join</title>${styles.replaceAll('./assets/', '/participant/assets/')}<script type="module" src="/participant-raw.js"></script></head><body><div id="app"></div></body></html>`,
    },
    '/participant-raw.js': { type: 'text/javascript', body: RAW_SCRIPT },
  };
}

async function coldLoad(context, url) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 640 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(probe);
    await page.goto(url, { waitUntil: 'commit' });
    return await page.evaluate(() => window.__interactive);
  } finally {
    await page.close();
  }
}

/** @type {import('../lib/types').Benchmark} */
const bench = {
  name: 'participant.interactive',
  unit: 'ms',
  target: 2.5,
  baselineLabel: 'a raw page on the same origin: the join form built with createElement, the same stylesheet, the same probe',
  async run() {
    const server = await previewApp(await rawFiles());
    const browser = await launchProfile();
    try {
      const app = `${server.origin}/participant/index.html`;
      const raw = `${server.origin}${RAW}`;
      const value = [];
      const baseline = [];
      for (let rep = 0; rep < WARMUP + REPS; rep++) {
        const order = rep % 2 === 0 ? ['page', 'raw'] : ['raw', 'page'];
        for (const which of order) {
          const ms = await coldLoad(browser.context, which === 'page' ? app : raw);
          if (rep < WARMUP) continue;
          (which === 'page' ? value : baseline).push(ms);
        }
      }
      const note = `cold loads at 360x640 with the HTTP cache off, median of ${REPS}: the participant page ${median(value).toFixed(0)} ms, the raw form ${median(baseline).toFixed(0)} ms`;
      return { value: median(value), baseline: median(baseline), samples: { value, baseline }, note };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

export default bench;
