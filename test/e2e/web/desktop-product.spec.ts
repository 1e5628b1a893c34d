import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 15's parts together, by keyboard only: the palette runs the commands the menus wired
// (the sample program, the guide, the theme, going to an area) and then finds what the sample
// program made; the shortcut sheet lists the keys that work.

const palette = (page: Page) => page.getByRole('dialog', { name: 'Go to anything' });

/** Ctrl+K, type, wait for `title` to be the active option, Enter. */
async function pick(page: Page, query: string, title: string | RegExp) {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(query);
  await expect(palette(page).getByRole('option', { selected: true }).locator('.title')).toHaveText(title);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('from an empty home, the palette makes the sample program, opens the guide, switches the theme and finds the sample’s records', async ({ app, page }) => {
  await app.open();
  await expect(app.rows()).toHaveCount(0);

  await pick(page, '>sample', 'Create the sample program');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer-support assistant' })).toBeVisible();
  // One undo takes the sample away again; redo brings it back.
  await app.goHome();
  await expect(app.rows()).toHaveCount(1);
  await app.undoByKeyboard();
  await expect(app.rows()).toHaveCount(0);
  await app.redoByKeyboard();
  await expect(app.rows()).toHaveCount(1);

  // The sample is a program like any other: its records are found by a few letters.
  await pick(page, 'invents refund', 'The assistant invents refund terms');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('The assistant invents refund terms');

  await pick(page, '>go roadmap', 'Go to Roadmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();

  // The theme command changes the page now, and the choice outlives a reload.
  await pick(page, '>theme dark', 'Theme: dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.expectAccessible('roadmap of the sample, dark theme chosen in the app');
  await pick(page, '>theme light', 'Theme: light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // The guide opens from the palette and, with a program already there, has its first step done.
  await pick(page, '>guide', 'First-workshop guide');
  const guide = page.getByRole('complementary', { name: 'Your first workshop' });
  await expect(guide).toBeVisible();
  // The sample is someone else's finished workshop: it ticks none of the user's own steps.
  await expect(guide.getByRole('status')).toHaveText('0 of 4 done');
  await pick(page, '>guide', 'First-workshop guide');
  await expect(guide).toBeHidden();

});

test('after the palette jumps or a program is created, the focus is on the new page’s heading, not lost', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Control+n');
  await page.keyboard.type('Focus kept');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Focus kept' })).toBeFocused();
  await pick(page, '>go roadmap', 'Go to Roadmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeFocused();
});

test('Ctrl+Y redoes, as the shortcut sheet says', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Redo me');
  await app.goHome();
  await app.rowButton('Redo me', 'Delete').click();
  await expect(app.rows()).toHaveCount(0);
  await app.undoByKeyboard();
  await expect(app.rows()).toHaveCount(1);
  await page.locator('body').press('Control+y');
  await expect(app.rows()).toHaveCount(0);

  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Y');
});
