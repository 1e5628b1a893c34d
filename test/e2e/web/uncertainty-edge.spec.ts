import { readFileSync } from 'node:fs';
import { expect, KeelApp, test } from './fixtures';

/** Picks an item up from the keyboard, presses the keys, and puts it down. */
async function moveByKeys(app: KeelApp, title: string, keys: string[]) {
  await app.map.focus(title);
  await app.page.keyboard.press('Space');
  for (const key of keys) await app.page.keyboard.press(key);
  await app.page.keyboard.press('Space');
}

test('undo keeps working while another window edits other items of the same program', async ({ app, context }) => {
  await app.startMapWith(['X', 'Y']);
  await moveByKeys(app, 'X', ['Shift+ArrowUp']);
  await expect(app.map.option).toHaveAccessibleName(/^X\. .*Impact 3\.5/);

  const other = new KeelApp(await context.newPage());
  await other.page.goto(app.page.url());
  await moveByKeys(other, 'Y', ['Shift+ArrowDown']);
  await expect(await app.map.focus('Y')).toHaveAccessibleName(/Impact 2\.5/);

  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Move item.')).toBeVisible();
  await expect(await app.map.focus('X')).toHaveAccessibleName(/Impact 3,/);
  await expect(await app.map.focus('Y')).toHaveAccessibleName(/Impact 2\.5/);
});

test('clearing a score field puts the stored value back instead of moving the item', async ({ app, page }) => {
  await app.startMapWith(['Scored']);
  await app.map.open('Scored');
  const impact = page.getByRole('spinbutton', { name: 'Impact', exact: true });
  await impact.fill('');
  await impact.press('Tab');
  await expect(impact).toHaveValue('3');
  await impact.fill('9');
  await impact.press('Tab');
  await expect(impact).toHaveValue('5');
  await expect(app.map.option).toHaveAccessibleName(/^Scored\. .*Impact 5,/);
  // Escape closes the details and focus returns to the map, on the item.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeHidden();
  await expect(app.map.frame).toBeFocused();
  await expect(app.map.option).toHaveAccessibleName(/^Scored\./);
});

test('a filter on a layer that is then removed does not leave the map stuck empty', async ({ app, page }) => {
  await app.startMapWith(['On scope', 'Also on scope']);
  await page.locator('summary').filter({ hasText: /^Layer/ }).click();
  await page.getByRole('checkbox', { name: 'Data' }).check();
  await expect(page.getByRole('heading', { name: 'No items match the filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Stack' }).click();
  await page.getByRole('button', { name: 'Remove Data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove layer' }).click();
  await page.getByRole('button', { name: 'Map' }).click();
  await app.map.expectMarks(2);
});

test('a layer can be moved down several times from the keyboard', async ({ app, page }) => {
  await app.startMapWith(['Any']);
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

test('an export shows the whole map even when zoomed in, without the selection, and the screen stays zoomed', async ({ app, page }, testInfo) => {
  await app.startMapWith(['One', 'Two', 'Three']);
  await app.map.open('One');
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
  // All three marks, though two were off screen at that zoom, each with its title.
  for (const title of ['One', 'Two', 'Three']) expect(svg).toContain(`<title>${title}. `);
  // The screen keeps the zoom it had.
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
});

test('exports use the light palette even in dark mode, and the screen stays dark', async ({ app, page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.startMapWith(['Dark mode item']);
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

test('text a rule refuses says why beside the field and is never saved; the stored text comes back after a reload', async ({ app, page }) => {
  await app.startMapWith(['Users trust the answers']);
  await app.map.open('Users trust the answers');
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('   ');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Give the item a title. The last saved text is kept until then.');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.fill('Sam');
  await owner.blur();
  await page.reload();
  await app.map.open('Users trust the answers');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Users trust the answers');
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('Sam');
});

test('an evidence form half filled in survives another item, a reload and a second window, and goes once added', async ({ app, page, context }) => {
  await app.startMapWith(['Users trust the answers', 'Costs stay flat']);
  await app.map.open('Users trust the answers');
  const details = page.getByRole('complementary', { name: 'Item details' });
  await details.getByRole('textbox', { name: 'What was learned' }).fill('9 of 10 pilot users kept the answer.');
  await details.getByRole('spinbutton', { name: 'New uncertainty' }).fill('2');
  await app.map.open('Costs stay flat');
  await expect(details.getByRole('textbox', { name: 'What was learned' })).toHaveValue('');
  await page.reload();
  await app.map.open('Users trust the answers');
  await expect(details.getByRole('textbox', { name: 'What was learned' })).toHaveValue('9 of 10 pilot users kept the answer.');
  await expect(details.getByRole('spinbutton', { name: 'New uncertainty' })).toHaveValue('2');

  const other = new KeelApp(await context.newPage());
  await other.page.goto(page.url());
  await other.map.open('Users trust the answers');
  await expect(other.page.getByRole('textbox', { name: 'What was learned' })).toHaveValue('9 of 10 pilot users kept the answer.');
  await other.page.close();

  await details.getByRole('button', { name: 'Add evidence' }).click();
  await expect(details.getByText('Moved: uncertainty 3 → 2')).toBeVisible();
  await page.reload();
  await app.map.open('Users trust the answers');
  await expect(details.getByRole('textbox', { name: 'What was learned' })).toHaveValue('');
});

test('the list keeps the order chosen across the map, a reload and a second window', async ({ app, page, context }) => {
  await app.startMapWith(['Beta', 'Alpha', 'Gamma']);
  await page.getByRole('button', { name: 'List' }).click();
  const titles = (p = page) => p.getByRole('row').locator('td.title');
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(titles()).toHaveText(['Alpha', 'Beta', 'Gamma']);
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(titles()).toHaveText(['Gamma', 'Beta', 'Alpha']);
  await page.getByRole('button', { name: 'Map' }).click();
  await page.getByRole('button', { name: 'List' }).click();
  await expect(titles()).toHaveText(['Gamma', 'Beta', 'Alpha']);
  await page.reload();
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(titles()).toHaveText(['Gamma', 'Beta', 'Alpha']);
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'List' }).click();
  await expect(titles(other)).toHaveText(['Gamma', 'Beta', 'Alpha']);
});
