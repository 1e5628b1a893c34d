import { readFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

/** Saves the map as SVG and returns the file's text. */
async function exportSvg(app: KeelApp, testInfo: TestInfo, name: string): Promise<string> {
  await app.page.getByText('Export map').click();
  const downloading = app.page.waitForEvent('download');
  await app.page.getByRole('button', { name: 'SVG' }).click();
  const path = testInfo.outputPath(name);
  await (await downloading).saveAs(path);
  return readFileSync(path, 'utf8');
}

const LONG = 'Customers accept answers from the bot without asking for a human agent';

test('twelve items crowded on one spot: every mark carries its number on the map and in the export, whose key gives each title whole', async ({
  app,
  page,
}, testInfo) => {
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima'];
  const titles = names.map((name) => `Crowded ${name}`);
  await app.startMapWith(titles);
  // New items wait in the middle: one crowded spot.
  await expect(page.locator('svg.overlay text.cluster')).toHaveText('12 to place');
  const numbers = page.locator('svg.overlay .labels text.number');
  await expect(numbers).toHaveCount(12);
  expect((await numbers.allTextContents()).map(Number).sort((a, b) => a - b)).toEqual(titles.map((_, i) => i + 1));
  // The list says which number is which item, and the keyboard names it.
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('row', { name: /Crowded Charlie/ })).toContainText('3');
  await page.getByRole('button', { name: 'Map' }).click();
  await app.map.focus('Crowded Charlie');
  await expect(app.map.option).toHaveAccessibleName(/^Crowded Charlie\. Number 3 on the map\./);
  // The focused mark shows its title whole.
  await expect(page.locator('svg.overlay .hover-title')).toHaveText('Crowded Charlie');

  const svg = await exportSvg(app, testInfo, 'crowded.svg');
  // Each mark's number is drawn, and the key lists it with the title whole.
  expect(svg).toContain('>Key</text>');
  for (const [i, title] of titles.entries()) {
    expect(svg.match(new RegExp(`<text[^>]*font-weight="700"[^>]*>${i + 1}</text>`, 'g'))?.length).toBe(2);
    expect(svg).toContain(`>${title}</text>`);
  }
});

test('a long title is cut on the map with its number, and the export key gives it whole', async ({ app, page }, testInfo) => {
  await app.startMapWith([LONG]);
  // Placed away from the middle, alone.
  await app.map.focus(LONG);
  await page.keyboard.press('Space');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.locator('svg.overlay .labels text.title')).toHaveText(/^1 · Customers accept answers.*…$/);
  const svg = await exportSvg(app, testInfo, 'long.svg');
  expect(svg).toContain(`>${LONG}</text>`);
});

test('a stale item is marked on the map, for screen readers, in the legend and in the export', async ({ app, page }, testInfo) => {
  await app.startMapWith(['Fresh item', 'Forgotten item']);
  await app.map.open('Forgotten item');
  const details = page.getByRole('complementary', { name: 'Item details' });
  await details.locator('#item-review').fill('2020-01-31');
  await details.locator('#item-review').press('Tab');
  await expect(details.getByText('Stale: Review was due 2020-01-31.')).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(page.locator('canvas.marks-layer')).toHaveAttribute('data-stale', '1');
  await app.map.focus('Forgotten item');
  await expect(app.map.option).toHaveAccessibleName(/Stale: Review was due 2020-01-31\./);
  await app.map.focus('Fresh item');
  await expect(app.map.option).not.toHaveAccessibleName(/Stale/);
  const legend = page.getByRole('list', { name: 'Marks' });
  await expect(legend).toContainText('Stale: past its review date, or no evidence for 30 days');

  const svg = await exportSvg(app, testInfo, 'stale.svg');
  expect(svg.match(/stroke-dasharray="3(px)?,? 2(px)?"/g)?.length ?? 0).toBeGreaterThanOrEqual(2); // the ring on the mark and in the legend
  expect(svg).toContain('Stale: past its review date, or no evidence for 30 days');
});
