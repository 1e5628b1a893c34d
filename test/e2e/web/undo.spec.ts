import { expect, test } from './fixtures';

test('undo and redo step through create, rename, archive, delete and duplicate, across navigation', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Alpha');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Beta');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Beta' })).toBeVisible();
  await app.goHome();
  await app.rowButton('Beta', 'Duplicate').click();
  await expect(app.rows()).toHaveCount(2);
  await app.rowButton('Beta (copy)', 'Archive').click();
  await app.rowButton('Beta', 'Delete').click();
  await expect(page.getByRole('heading', { name: 'No active programs' })).toBeVisible();

  // Undo survives going to another screen and back.
  await app.tab('Trash');
  await app.undoByKeyboard();
  await expect(app.toast('Undid: Delete program.')).toBeVisible();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await app.tab('Programs');
  await app.expectNames(['Beta']);
  await app.undoByKeyboard();
  await app.expectNames(['Beta (copy)', 'Beta']);
  await app.undoByKeyboard();
  await app.expectNames(['Beta']);
  await app.undoByKeyboard();
  await app.expectNames(['Alpha']);

  // Redo from the toolbar, then by keyboard.
  await page.getByRole('button', { name: 'Redo' }).click();
  await app.expectNames(['Beta']);
  await app.redoByKeyboard();
  await app.expectNames(['Beta (copy)', 'Beta']);

  // And the state after undo/redo is what is stored.
  await page.reload();
  await app.expectNames(['Beta (copy)', 'Beta']);
});

test('a toast offers to undo the deletion it reports', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Keep me');
  await page.getByRole('button', { name: 'Delete' }).click();
  await app.toast('Moved "Keep me" to the trash.').locator('..').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('This program is in the trash')).toBeHidden();
  await app.goHome();
  await app.expectNames(['Keep me']);
});

test('Ctrl+Z inside a text field undoes typing, not the last program edit', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Typing');
  const field = page.getByRole('textbox', { name: 'Description' });
  await field.click();
  await page.keyboard.type('abc');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('heading', { level: 1, name: 'Typing' })).toBeVisible();
  await field.blur();
  await app.goHome();
  await app.expectNames(['Typing']);
});

test('undo right after typing a description undoes the typing, and keeps the rest of the history', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Typed');
  const field = page.getByRole('textbox', { name: 'Description' });
  await field.click();
  await page.keyboard.type('Fresh notes');
  // Straight to the toolbar, before the 300 ms autosave fires.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Edit description.')).toBeVisible();
  await expect(field).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(field).toHaveValue('Fresh notes');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'This program is not here' })).toBeVisible();
});
