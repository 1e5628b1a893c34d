import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

async function openMapWith(app: KeelApp, titles: string[]) {
  await app.open();
  await app.createProgram('Edge cases');
  await app.page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Uncertainty' }).click();
  await expect(app.page.getByRole('heading', { name: 'Nothing mapped yet' })).toBeVisible();
  await app.page.locator('body').press('n');
  const input = app.page.getByRole('textbox', { name: 'New item title' });
  for (const title of titles) {
    await input.fill(title);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
  await app.page.getByRole('button', { name: 'Done' }).click();
}

const mark = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title}\\.`) });

test('undo keeps working while another window edits other items of the same program', async ({ app, context }) => {
  await openMapWith(app, ['X', 'Y']);
  await mark(app.page, 'X').press('Shift+ArrowUp');
  await expect(mark(app.page, 'X')).toHaveAccessibleName(/Impact 3\.5/);

  const other = new KeelApp(await context.newPage());
  await other.page.goto(app.page.url());
  await mark(other.page, 'Y').press('Shift+ArrowDown');
  await expect(mark(app.page, 'Y')).toHaveAccessibleName(/Impact 2\.5/);

  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Move item.')).toBeVisible();
  await expect(mark(app.page, 'X')).toHaveAccessibleName(/Impact 3,/);
  await expect(mark(app.page, 'Y')).toHaveAccessibleName(/Impact 2\.5/);
});

test('clearing a score field puts the stored value back instead of moving the item', async ({ app, page }) => {
  await openMapWith(app, ['Scored']);
  await mark(page, 'Scored').press('Enter');
  const impact = page.getByRole('spinbutton', { name: 'Impact', exact: true });
  await impact.fill('');
  await impact.press('Tab');
  await expect(impact).toHaveValue('3');
  await impact.fill('9');
  await impact.press('Tab');
  await expect(impact).toHaveValue('5');
  await expect(mark(page, 'Scored')).toHaveAccessibleName(/Impact 5,/);
  // Escape closes the details and focus returns to the item.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeHidden();
  await expect(mark(page, 'Scored')).toBeFocused();
});

test('a filter on a layer that is then removed does not leave the map stuck empty', async ({ app, page }) => {
  await openMapWith(app, ['On scope', 'Also on scope']);
  await page.locator('summary').filter({ hasText: /^Layer/ }).click();
  await page.getByRole('checkbox', { name: 'Data' }).check();
  await expect(page.getByRole('heading', { name: 'No items match the filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Stack' }).click();
  await page.getByRole('button', { name: 'Remove Data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove layer' }).click();
  await page.getByRole('button', { name: 'Map' }).click();
  await expect(page.locator('.mark')).toHaveCount(2);
});

test('a layer can be moved down several times from the keyboard', async ({ app, page }) => {
  await openMapWith(app, ['Any']);
  await page.getByRole('button', { name: 'Stack' }).click();
  const down = page.getByRole('button', { name: 'Move Data down' });
  await down.focus();
  for (const position of [3, 4, 5]) {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: `Name of layer ${position}` })).toHaveValue('Data');
    // Focus comes back to the same arrow, so the next Enter moves the layer again.
    await expect(down).toBeFocused();
  }
});

test('an export shows the whole map even when zoomed in, without the selection', async ({ app, page }, testInfo) => {
  await openMapWith(app, ['One', 'Two', 'Three']);
  await mark(page, 'One').press('Enter');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByText('Export map').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  const path = testInfo.outputPath('map.svg');
  await (await downloading).saveAs(path);
  const svg = readFileSync(path, 'utf8');
  expect(svg).toContain('3 of 3 items');
  expect(svg).not.toContain('scale(1.6)');
  // All three marks, though two were off screen at that zoom.
  for (const title of ['One', 'Two', 'Three']) expect(svg).toContain(`aria-label="${title}. `);
});

test('exports use the light palette even in dark mode, and the screen stays dark', async ({ app, page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openMapWith(app, ['Dark mode item']);
  await page.getByText('Export map').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG' }).click();
  const path = testInfo.outputPath('dark.svg');
  await (await downloading).saveAs(path);
  const svg = readFileSync(path, 'utf8');
  expect(svg).toContain('fill="#ffffff"');
  // The light theme's text colour, not the dark theme's (#e7ebf0).
  expect(svg).toContain('fill="rgb(23, 32, 43)"');
  expect(svg).not.toContain('rgb(231, 235, 240)');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 22, 28)');
});
