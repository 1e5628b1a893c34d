import { expect, test } from './fixtures';

test('an empty home screen says what to do next', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { name: 'No programs yet' })).toBeVisible();
  const empty = page.getByRole('region', { name: 'No programs yet' });
  for (const name of ['Create a program', 'Start with the guide', 'Explore the sample program']) await expect(empty.getByRole('button', { name })).toBeVisible();
  await app.expectAccessible('empty home');
});

test('create, rename, duplicate, archive, delete and restore a program; reload and find everything', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Support assistant', 'Answers support tickets with retrieval.');
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Answers support tickets with retrieval.');

  // Rename from the workspace.
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename program' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Support assistant');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Support copilot');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support copilot' })).toBeVisible();

  await app.goHome();
  await app.createProgram('Pricing agent');
  await app.goHome();
  await app.expectNames(['Pricing agent', 'Support copilot']);

  await app.rowButton('Support copilot', 'Duplicate').click();
  await expect(app.toast('Duplicated as "Support copilot (copy)".')).toBeVisible();
  await expect(app.rows()).toHaveCount(3);

  await app.rowButton('Pricing agent', 'Archive').click();
  await expect(app.toast('Archived "Pricing agent".')).toBeVisible();
  await app.rowButton('Support copilot (copy)', 'Delete').click();
  await expect(app.toast('Moved "Support copilot (copy)" to the trash.')).toBeVisible();
  await app.expectNames(['Support copilot']);

  await app.tab('Archived');
  await app.expectNames(['Pricing agent']);
  await app.tab('Trash');
  await app.expectNames(['Support copilot (copy)']);

  // Everything is stored: a reload shows the same lists.
  await page.reload();
  await app.expectNames(['Support copilot (copy)']);
  await app.rowButton('Support copilot (copy)', 'Restore').click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await app.tab('Archived');
  await app.rowButton('Pricing agent', 'Unarchive').click();
  await app.tab('Programs');
  await page.reload();
  await expect(app.rows()).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('name');
  await app.expectNames(['Pricing agent', 'Support copilot', 'Support copilot (copy)']);
  // The sort choice is remembered.
  await page.reload();
  await app.expectNames(['Pricing agent', 'Support copilot', 'Support copilot (copy)']);
});

test('search filters by name and description, and says when nothing matches', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Support assistant', 'Retrieval over the help centre');
  await app.goHome();
  await app.createProgram('Pricing agent', 'Dynamic discounts');
  await app.goHome();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search programs' })).toBeFocused();
  await page.keyboard.type('help centre');
  await app.expectNames(['Support assistant']);
  await page.keyboard.type(' zebra');
  await expect(page.getByRole('heading', { name: 'No programs match “help centre zebra”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(app.rows()).toHaveCount(2);
});

test('a new program needs a name, and the form says so', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'New program' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New program' });
  await dialog.getByRole('button', { name: 'Create program' }).click();
  await expect(dialog.getByText('Give the program a name.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No programs yet' })).toBeVisible();
});

test('delete forever and empty trash ask first, and cancelling keeps everything', async ({ app, page }) => {
  await app.open();
  for (const name of ['One', 'Two']) {
    await app.createProgram(name);
    await app.goHome();
  }
  await app.rowButton('One', 'Delete').click();
  await app.rowButton('Two', 'Delete').click();
  await app.tab('Trash');
  await app.rowButton('One', 'Delete forever').click();
  const confirm = page.getByRole('dialog', { name: 'Delete "One" forever?' });
  await expect(confirm).toBeVisible();
  // Focus starts on Cancel for destructive actions.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(app.rows()).toHaveCount(2);

  await page.getByRole('button', { name: 'Empty trash…' }).click();
  const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(empty.getByText('All 2 programs in the trash will be deleted')).toBeVisible();
  await empty.getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await page.reload();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await app.tab('Programs');
  await expect(page.getByRole('heading', { name: 'No programs yet' })).toBeVisible();
});

test('a description is saved within 500 ms of typing, without leaving the field', async ({ app, page, context }) => {
  await app.open();
  await app.createProgram('Autosave');
  const url = page.url();
  const field = page.getByRole('textbox', { name: 'Description' });
  await field.pressSequentially('Typed and not blurred');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 500 });
  // A second window sees it at once, while the first still has focus in the field.
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole('textbox', { name: 'Description' })).toHaveValue('Typed and not blurred');
  await expect(field).toBeFocused();
});

test('typing is kept when the window is reloaded at once, or the view changes mid-typing', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Quick hands');
  const field = page.getByRole('textbox', { name: 'Description' });
  await field.click();
  await page.keyboard.type('Saved on the way out');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Saved on the way out');

  await page.getByRole('textbox', { name: 'Description' }).click();
  await page.keyboard.type(', and on navigation');
  await page.goBack();
  await page.goForward();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Saved on the way out, and on navigation');
});

test('dragging a text selection out of a dialog does not close it', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'New program' }).first().click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Half typed');
  const box = (await name.boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(5, 5);
  await page.mouse.up();
  await expect(page.getByRole('dialog', { name: 'New program' })).toBeVisible();
  await expect(name).toHaveValue('Half typed');
});

test('an unknown program link shows a way back', async ({ app, page }) => {
  await app.open('#/programs/does-not-exist');
  await expect(page.getByRole('heading', { name: 'This program is not here' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to your programs' }).click();
  await expect(page.getByRole('heading', { name: 'No programs yet' })).toBeVisible();
});
