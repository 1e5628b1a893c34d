import path from 'node:path';
import { expect, test } from './fixtures';

const WORKSHOP = path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json');

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

/** Where the map's active mark is drawn: its focus ring. */
async function markPoint(page: import('@playwright/test').Page) {
  const ring = (await page.locator('circle.focus-ring').boundingBox())!;
  return { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
}

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

test('a map mark: right-click opens its menu and a status change runs; Shift+F10 on the active mark opens the same menu', async ({ app, page }) => {
  await app.open();
  await app.importFile(WORKSHOP, 'Support assistant');
  await app.openArea('Uncertainty');
  await app.map.focus('Hallucinated refund policy');

  // By keyboard: Shift+F10 on the map opens the active mark's menu.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Hallucinated refund policy' });
  await expect(menu.getByRole('menuitem', { name: 'Open details' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Mark as testing' })).toHaveCount(0); // its status now
  await page.keyboard.press('Escape');
  await expect(app.map.frame).toBeFocused();

  // By pointer: right-click on the mark, then Mark as validated.
  const mark = await markPoint(page);
  await page.mouse.click(mark.x, mark.y, { button: 'right' });
  await menu.getByRole('menuitem', { name: 'Mark as validated' }).click();
  await expect(menu).toBeHidden();
  await expect(app.map.frame).toBeFocused();
  await page.getByRole('button', { name: 'List' }).click();
  const row = page.getByRole('row', { name: /Hallucinated refund policy/ });
  await expect(row).toContainText('Validated');
  // Undone like any other change.
  await app.undoByKeyboard();
  await expect(row).toContainText('Testing');
});

test('a list row (the uncertainty list) and a grid cell (a trade-off score) run their actions from the menu', async ({ app, page }) => {
  await app.open();
  await app.importFile(WORKSHOP, 'Support assistant');
  await app.openArea('Uncertainty');
  await page.getByRole('button', { name: 'List' }).click();
  const row = page.getByRole('row', { name: /Vendor LLM API quota/ });
  await row.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Vendor LLM API quota' }).getByRole('menuitem', { name: 'Open details' }).click();
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeVisible();
  await page.keyboard.press('Escape');

  await row.focus();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('m'); // type-ahead: the first "Mark as…"
  await expect(page.getByRole('menuitem', { name: 'Mark as testing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Testing');

  await app.openArea('Trade-offs');
  await app.openMatrix('Which retrieval upgrade ships next quarter?');
  const cell = page.getByRole('grid', { name: /^Scores of/ }).getByRole('gridcell', { name: /^Hybrid search, Effort/ });
  await cell.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Hybrid search, Effort' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Open score and rationale', 'Clear score']);
  await menu.getByRole('menuitem', { name: 'Open score and rationale' }).click();
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cell).toBeFocused();
  // By keyboard on the focused cell: the ContextMenu key, then Enter.
  await page.keyboard.press('ContextMenu');
  await expect(menu.getByRole('menuitem', { name: 'Open score and rationale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
});

test('an action row and a roadmap card run their actions from the menu; a metric and a decision open from theirs', async ({ app, page }) => {
  await app.open();
  await app.importFile(WORKSHOP, 'Support assistant');

  await app.openArea('Actions');
  const action = page.getByTestId('action-row').filter({ hasText: 'Ask legal for the refund rules' });
  await action.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Ask legal for the refund rules' }).getByRole('menuitem', { name: 'Mark as done' }).click();
  await expect(action.getByRole('checkbox', { name: 'Done: Ask legal for the refund rules' })).toBeChecked();

  await app.openArea('Roadmap');
  const later = page.locator('ol[data-horizon="later"]');
  const card = page.locator('li.card-item').filter({ hasText: 'Order-tracking answers' });
  await card.getByRole('link', { name: 'Order-tracking answers' }).focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Order-tracking answers' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Open', 'Move down', 'Move to Now', 'Move to Later']);
  await menu.getByRole('menuitem', { name: 'Move to Later' }).click();
  await expect(later.locator('li.card-item').filter({ hasText: 'Order-tracking answers' })).toBeVisible();

  await app.openArea('Shared metrics');
  await page.getByRole('row', { name: /Task success rate/ }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Task success rate' }).getByRole('menuitem', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Task success rate' })).toBeVisible();

  await app.openArea('Decision log');
  await page.getByRole('link', { name: 'Pilot in one country first' }).click({ button: 'right' });
  await page.getByRole('menu', { name: /Pilot in one country first$/ }).getByRole('menuitem', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Pilot in one country first/ })).toBeVisible();
});
