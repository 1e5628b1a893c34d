import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Whether two boxes on the page share any pixel. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

/** A table that fits its frame: nothing runs off to the side. */
async function expectNoSidewaysScroll(page: Page, table: Locator) {
  const frame = table.locator('xpath=..');
  const { scroll, client } = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, 'the table is wider than its frame').toBeLessThanOrEqual(client);
  void page;
}

test.use({ viewport: { width: 1024, height: 768 } });

test('at 1024×768 toasts never cover the item details, and at most three show at once', async ({ app, page }) => {
  await app.startMapWith(['First', 'Second']);
  await app.map.open('First');
  const details = page.getByRole('complementary', { name: 'Item details' });
  // Five pieces of evidence recorded and removed: five toasts, each offering Undo.
  for (const learned of ['One', 'Two', 'Three', 'Four', 'Five']) {
    await details.getByRole('textbox', { name: 'What was learned' }).fill(learned);
    await details.getByRole('button', { name: 'Add evidence' }).click();
    await details.getByRole('button', { name: /^Remove evidence from/ }).click();
    await expect(details.getByRole('button', { name: /^Remove evidence from/ })).toHaveCount(0);
  }
  const toasts = page.getByRole('region', { name: 'Notifications' }).locator('.toast');
  await expect(toasts.first()).toBeVisible();
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  for (const toast of await toasts.all()) expect(await overlap(toast, details)).toBe(false);
  await expect(details.getByRole('button', { name: 'Delete item' })).toBeVisible();
});

test('one breadcrumb per page, and the program\'s areas stay in reach when the page scrolls', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/]);
  await app.openMetric('Task success rate');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(1);
  const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
  expect(landmarks.violations).toEqual([]);

  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await expect(page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Trade-offs' })).toBeInViewport();
});

test('long units and function names wrap inside their tables instead of pushing them sideways', async ({ app, page }) => {
  const unit = 'requests-per-active-user-per-calendar-week-in-production-systems';
  const fn = 'Platform reliability and site operations engineering guild';
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/]);
  await app.openMetric('Task success rate');
  await page.locator('#metric-unit').fill(unit);
  await app.recordReading('2026-09-01', '70');
  await page.getByRole('link', { name: '← All metrics' }).click();
  const list = page.getByRole('table').first();
  await expect(list).toContainText(unit);
  await expectNoSidewaysScroll(page, list);

  await page.getByRole('button', { name: 'Alignment' }).click();
  await page.getByRole('textbox', { name: 'New function name' }).fill(fn);
  await page.getByRole('button', { name: 'Add function' }).click();
  await expect(page.getByRole('columnheader', { name: fn })).toBeVisible();
  await expectNoSidewaysScroll(page, page.getByRole('table').first());
});
