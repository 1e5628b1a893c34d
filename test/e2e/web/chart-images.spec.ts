import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// Every chart saves as SVG and PNG through the same menu: the SVG is a real SVG with its title,
// the embedded font and its legend as text; the PNG has the size the SVG declares, times the scale.

const FIXTURE = path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json');

/** The chart-image menu whose button says `label` (its hidden context included). */
const menu = (page: Page, label: string | RegExp) => page.locator('details.chart-image-menu').filter({ has: page.locator('summary', { hasText: label }) });

async function save(page: Page, chart: Locator, choice: 'SVG' | 'PNG (1x)' | 'PNG (2x)', testInfo: TestInfo, name: string): Promise<Buffer> {
  await chart.locator('summary').click();
  const downloading = page.waitForEvent('download');
  await chart.getByRole('button', { name: choice, exact: true }).click();
  const download = await downloading;
  const file = testInfo.outputPath(name);
  await download.saveAs(file);
  return readFileSync(file);
}

interface SvgFacts {
  parsed: boolean;
  width: number;
  height: number;
  texts: string[];
  fontFace: boolean;
}

/** Parses the SVG with the browser's own XML parser, as any other program would read it. */
async function readSvg(page: Page, svg: Buffer): Promise<SvgFacts> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      parsed: !doc.querySelector('parsererror') && root.localName === 'svg',
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      fontFace: /@font-face\{font-family:'Keel Export Inter';font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}/.test(doc.querySelector('style')?.textContent ?? ''),
    };
  }, svg.toString('utf8'));
}

/** A PNG's pixel size, from its IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Saves a chart as SVG, PNG and PNG 2x and checks each; gives the SVG's facts. */
async function checkChart(app: KeelApp, chart: Locator, testInfo: TestInfo, name: string, expected: { title: string; legend: string[] }) {
  const page = app.page;
  const svg = await readSvg(page, await save(page, chart, 'SVG', testInfo, `${name}.svg`));
  expect(svg.parsed, `${name}.svg parses`).toBe(true);
  expect(svg.fontFace, `${name}.svg embeds the font`).toBe(true);
  expect(svg.texts[0]).toBe(expected.title);
  // The subtitle (which wraps on a narrow chart): which chart, the program, the date.
  expect(svg.texts.join(' ')).toMatch(/ · Support assistant · exported .+ · Keel /);
  for (const label of expected.legend) expect(svg.texts, `${name}.svg legend`).toContain(label);
  await expect(app.toast(`Saved the`).last()).toContainText('.svg');

  const one = pngSize(await save(page, chart, 'PNG (1x)', testInfo, `${name}.png`));
  expect(one).toEqual({ width: Math.round(svg.width), height: Math.round(svg.height) });
  const two = pngSize(await save(page, chart, 'PNG (2x)', testInfo, `${name}@2x.png`));
  expect(two).toEqual({ width: Math.round(svg.width * 2), height: Math.round(svg.height * 2) });
  await expect(app.toast(/@2x\.png\.$/).last()).toBeVisible();
  return svg;
}

test('every chart of a full program saves as SVG and PNG with its title, legend and font', async ({ app, page }, testInfo) => {
  test.setTimeout(90_000);
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');

  await app.openArea('Uncertainty');
  const mapSvg = await checkChart(app, menu(page, 'Export map'), testInfo, 'map', { title: 'Support assistant: uncertainty map', legend: ['Assumption'] });
  expect(mapSvg.texts[1]).toMatch(/^7 of 7 items · /);

  await app.openArea('Shared metrics');
  await app.openMetric('Task success rate');
  await checkChart(app, menu(page, 'Export chart (readings of Task success rate)'), testInfo, 'metric', {
    title: 'Task success rate',
    legend: ['Readings', 'Target', 'Guardrail ≥ 75%', 'Reading past the guardrail'],
  });

  await app.openArea('Trade-offs');
  await app.openMatrix('Which retrieval upgrade ships next quarter?');
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  const question = 'Which retrieval upgrade ships next quarter?';
  const ranking = await checkChart(app, menu(page, 'Export chart (ranking)'), testInfo, 'ranking', { title: question, legend: [] });
  expect(ranking.texts[1]).toMatch(/^Ranking by weighted score · /);
  expect(ranking.texts.some((t) => /^1\. /.test(t))).toBe(true);
  const perFunction = await checkChart(app, menu(page, "Export chart (each function's ranking)"), testInfo, 'functions', { title: question, legend: ['Combined'] });
  expect(perFunction.texts[1]).toMatch(/^Each function's ranking · /);
  const sensitivity = await checkChart(app, menu(page, 'Export chart (sensitivity)'), testInfo, 'sensitivity', { title: question, legend: [] });
  expect(sensitivity.texts[1]).toMatch(/^Sensitivity of the winner to each weight · /);

  await app.openArea('Roadmap');
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const timeline = await checkChart(app, menu(page, 'Export timeline'), testInfo, 'timeline', {
    title: 'Support assistant: roadmap',
    legend: ['Low confidence', 'Medium confidence', 'High confidence'],
  });
  expect(timeline.texts).toContain('Guardrail on refund amounts');
  // Voice channel has no range yet: it has no band, and the file says one item was left off.
  expect(timeline.texts.join(' ')).toMatch(/6 items \(1 item with no range yet not drawn\)/);

  await app.openArea('Scope changes');
  await checkChart(app, menu(page, 'Export chart'), testInfo, 'scope', { title: 'How much scope changed', legend: ['Expand', 'Reduce', 'Pivot', 'Reprioritise'] });
});

test('the hatching of a medium-confidence band goes into the file with it', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  await app.openArea('Roadmap');
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const svg = (await save(page, menu(page, 'Export timeline'), 'SVG', testInfo, 'hatch.svg')).toString('utf8');
  expect(svg).toContain('fill="url(#roadmap-hatch)"');
  expect(svg).toMatch(/<pattern id="roadmap-hatch"/);
  // Links of the app mean nothing in a file, nor does the focus ring.
  expect(svg).not.toContain('href="#/');
});

test('a timeline too tall for a 2x canvas is saved at the largest scale that fits, and the toast says so', async ({ app, page }, testInfo) => {
  test.setTimeout(90_000);
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  file.program.name = 'Big roadmap';
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < 500; i++) {
    const earliest = new Date(start + (i % 60) * 86_400_000).toISOString().slice(0, 10);
    const latest = new Date(start + ((i % 60) + 30) * 86_400_000).toISOString().slice(0, 10);
    file.data.roadmapItems.push({
      ...file.data.roadmapItems[0],
      id: randomUUID(),
      title: `Generated item ${i + 1}`,
      horizon: 'next',
      order: 100 + i,
      earliest,
      latest,
      confidence: 'medium',
      history: [],
    });
  }
  await app.open();
  await app.importFile({ name: 'big-roadmap.keel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }, 'Big roadmap');
  await app.openArea('Roadmap');
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const chart = menu(page, 'Export timeline');

  const svg = await readSvg(page, await save(page, chart, 'SVG', testInfo, 'big.svg'));
  expect(svg.height).toBeGreaterThan(8192);
  expect(svg.texts).toContain('Generated item 500');

  const png = pngSize(await save(page, chart, 'PNG (2x)', testInfo, 'big.png'));
  expect(png.height).toBeLessThanOrEqual(16_384);
  expect(png.height).toBeGreaterThan(svg.height);
  const scale = png.height / svg.height;
  expect(scale).toBeLessThan(2);
  expect(png.width).toBe(Math.round(svg.width * Number(scale.toFixed(2))));
  await expect(app.toast(/Saved the timeline as Big roadmap roadmap timeline\.png at 1\.\d+x: the 2x image would be too large\./)).toBeVisible();
});

test('the menu works from the keyboard and is accessible in light and dark', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  await app.openArea('Scope changes');
  const summary = menu(page, 'Export chart').locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const svgChoice = page.getByRole('button', { name: 'SVG', exact: true });
  await expect(svgChoice).toBeVisible();
  await app.expectAccessible('the chart image menu, open (light)');
  // The arrow keys move through the choices; Escape closes the menu on its button.
  await page.keyboard.press('ArrowDown');
  await expect(svgChoice).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'PNG (1x)', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(svgChoice).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(svgChoice).toBeHidden();
  await expect(summary).toBeFocused();
  // Enter on a choice saves, and the focus comes back to the menu's button.
  await page.keyboard.press('ArrowDown');
  await expect(svgChoice).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await (await downloading).saveAs(testInfo.outputPath('keyboard.svg'));
  await expect(summary).toBeFocused();
  await expect(app.toast('Saved the scope chart as Support assistant scope changes.svg.')).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  await summary.click();
  await expect(svgChoice).toBeVisible();
  await app.expectAccessible('the chart image menu, open (dark)');
});
