import { expect, test } from './fixtures';

// Context menus: right-click, the ContextMenu key and Shift+F10 open a row's, a mark's or a
// cell's own actions as a menu, run by keyboard or pointer, with focus given back.

test('a program row: right-click runs an action; Shift+F10 opens it by keyboard, arrows, type-ahead and Escape', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Support bot');
  await app.goHome();

  await app.row('Support bot').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Support bot' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Open', 'Rename…', 'Duplicate', 'Export…', 'Archive', 'Delete']);
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(menu).toBeHidden();
  await app.expectNames(['Support bot (copy)', 'Support bot']);

  // Keyboard: focus the row's link, Shift+F10, move, type-ahead, Escape gives focus back.
  const link = app.row('Support bot').getByRole('link', { name: 'Support bot' });
  await link.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('a');
  await expect(menu.getByRole('menuitem', { name: 'Archive' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(link).toBeFocused();

  // The ContextMenu key, then Enter runs the focused item (Rename opens its dialog).
  await page.keyboard.press('ContextMenu');
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('r');
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Rename program' })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a menu stays inside the window at its right and bottom edges, and a click elsewhere closes it', async ({ app, page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await app.open();
  await app.createProgram('Edge');
  await app.goHome();
  const row = app.row('Edge');
  const box = (await row.boundingBox())!;
  await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Edge' });
  const placed = (await menu.boundingBox())!;
  expect(placed.x + placed.width).toBeLessThanOrEqual(800);
  expect(placed.y + placed.height).toBeLessThanOrEqual(600);
  await page.mouse.click(10, 590);
  await expect(menu).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a context menu open passes axe (${colorScheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme });
    await app.open();
    await app.createProgram('Accessible');
    await app.goHome();
    await app.row('Accessible').click({ button: 'right' });
    await expect(page.getByRole('menu', { name: 'Accessible' })).toBeVisible();
    await app.expectAccessible(`program row menu (${colorScheme})`);
  });
}
