import { expect, test } from './fixtures';

// The theme choice (follow the system, light, dark) and the commands' keys.

const html = (page: import('@playwright/test').Page) => page.locator('html');
/** The page's background as drawn, so the test sees the palette and not only the attribute. */
const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(18, 22, 28)';

async function chooseTheme(page: import('@playwright/test').Page, name: 'Follow the system' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Theme', exact: true }).click();
  await page.getByRole('menu', { name: 'Theme' }).getByRole('menuitemradio', { name }).click();
}

test('the theme: light, dark and the system there and back, over a reload and into a second window', async ({ app, page, context }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe(LIGHT_BG);

  await chooseTheme(page, 'Dark');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(DARK_BG);
  // The menu says which is chosen, and focus went back to the button.
  await expect(page.getByRole('button', { name: 'Theme', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Theme', exact: true }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'false');
  await app.expectAccessible('theme menu open, dark');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');

  // Another window opens in the choice, and follows a change made in the first.
  const second = await context.newPage();
  await second.emulateMedia({ colorScheme: 'light' });
  await second.goto('/#/');
  await expect(html(second)).toHaveAttribute('data-theme', 'dark');

  // Light stays light when the OS turns dark; following the system follows it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await chooseTheme(page, 'Light');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(html(second)).toHaveAttribute('data-theme', 'light');
  await app.expectAccessible('light while the OS is dark');
  await chooseTheme(page, 'Follow the system');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(html(second)).toHaveAttribute('data-theme', 'light');
});

test('the theme by keyboard: Enter opens its menu, arrows and Enter choose', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  await page.getByRole('button', { name: 'Theme', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'Follow the system' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
});

test('Mod+S exports the open program; on the home screen it says to open one', async ({ app, page }) => {
  await app.open();
  await page.locator('body').press('ControlOrMeta+s');
  await expect(app.toast('Export program file (.keel.json) applies to a program: open one first.')).toBeVisible();

  await app.createProgram('Support bot');
  const downloading = page.waitForEvent('download');
  await page.locator('body').press('ControlOrMeta+s');
  expect((await downloading).suggestedFilename()).toMatch(/^Support bot.*\.keel\.json$/);
});

test('Mod+P goes to the report in Export & share, focused; Mod+N starts a new program', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Support bot');
  await page.locator('body').press('ControlOrMeta+p');
  await expect(page.getByRole('heading', { level: 1, name: 'Export & share' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save PDF…' })).toBeFocused();

  await page.locator('body').press('ControlOrMeta+n');
  await expect(page.getByRole('dialog', { name: 'New program' })).toBeVisible();
});
