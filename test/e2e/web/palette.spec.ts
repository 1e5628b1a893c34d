import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The command palette and the shortcut sheet, by keyboard only: the workshop fixture holds every
// kind of record; each is found by a few letters and opened, and a command is run.

const FIXTURE = 'test/fixtures/format-v7/support-assistant-workshop.keel.json';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Go to anything' });
const box = (page: Page) => palette(page).getByRole('combobox', { name: 'Find a program, a record or a command' });

/** Opens the palette with Ctrl+K, types, waits for `title` to be the active option, and presses Enter. */
async function find(page: Page, query: string, title: string, where: RegExp) {
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type(query);
  const active = palette(page).getByRole('option', { selected: true });
  await expect(active.locator('.title')).toHaveText(title);
  await expect(active).toContainText(where);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('the palette finds a thing of each kind and opens it, by keyboard only', async ({ app, page }) => {
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  await app.goHome();

  await find(page, 'support', 'Support assistant', /Program/);
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();

  await find(page, 'vendor quota', 'Vendor LLM API quota', /Uncertainty item · Support assistant/);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Vendor LLM API quota');

  await find(page, 'p95', 'p95 latency (end to end)', /Metric · Support assistant/);
  await expect(page.getByRole('textbox', { name: 'Metric name' })).toHaveValue('p95 latency (end to end)');

  await find(page, 'holiday peak', 'How do we cut escalations to a human before the holiday peak?', /Trade-off matrix/);
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue('How do we cut escalations to a human before the holiday peak?');

  await find(page, 'pilot country', 'ADR-0003 Pilot in one country first', /Decision · Support assistant/);
  await expect(page.getByRole('heading', { level: 1, name: /Pilot in one country first/ })).toBeVisible();

  await find(page, 'multilingual', 'Multilingual support (ES, DE)', /Roadmap item · Support assistant/);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Multilingual support (ES, DE)');

  await find(page, 're-planning', 'Re-planning', /Session · Support assistant/);
  await expect(page.getByRole('heading', { level: 1, name: /Re-planning/ })).toBeVisible();

  await find(page, 'legal refund', 'Ask legal for the refund rules', /Action · Support assistant/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ask legal for the refund rules' })).toBeAttached();

  // What was opened comes back first, before anything is typed.
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByRole('option').first().locator('.title')).toHaveText('Ask legal for the refund rules');
  await page.keyboard.press('Escape');
});

test('the palette runs a command, and Escape and Ctrl+K close it with the focus back where it was', async ({ app, page }) => {
  await app.open();
  const newButton = page.getByRole('button', { name: 'New program' }).first();
  await newButton.focus();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(newButton).toBeFocused();

  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeHidden();
  await expect(newButton).toBeFocused();

  // ">" lists only commands; one that needs a program says so.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('>csv');
  await expect(palette(page).getByRole('option', { selected: true })).toContainText('Open a program first');
  await page.keyboard.press('Enter');
  await expect(palette(page).getByRole('status')).toHaveText('Export CSV tables needs an open program. Open a program first.');

  await page.keyboard.press('Control+a');
  await page.keyboard.type('>new prog');
  await expect(palette(page).getByRole('option', { selected: true }).locator('.title')).toHaveText('New program');
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'New program' });
  await expect(form).toBeVisible();
  await page.keyboard.type('From the palette');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'From the palette' })).toBeVisible();
});

test('? opens the shortcut sheet, which lists the registry’s and the areas’ keys, and closes', async ({ app, page }) => {
  await app.open();
  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Files' })).toContainText('Ctrl+N');
  await expect(sheet.getByRole('region', { name: 'View' })).toContainText('Ctrl+K Go to anything');
  await expect(sheet.getByRole('region', { name: 'Sessions' })).toContainText('Pause or resume the running block');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.locator('body').press('?');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(sheet).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the palette and the shortcut sheet pass axe (${colorScheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme });
    await app.open();
    await app.importFile(FIXTURE, 'Support assistant');
    await page.keyboard.press('Control+k');
    await expect(palette(page).getByRole('option').first()).toBeVisible();
    await app.expectAccessible('palette, suggestions');
    await page.keyboard.type('refund');
    await expect(palette(page).getByRole('option', { selected: true })).toBeVisible();
    await app.expectAccessible('palette, results');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('>export');
    await expect(palette(page).getByRole('option', { selected: true })).toBeVisible();
    await app.expectAccessible('palette, commands');
    await page.keyboard.press('Escape');
    await page.locator('body').press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.expectAccessible('shortcut sheet');
  });
}
