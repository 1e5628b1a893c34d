import { expect, test } from './fixtures';
import { KeelApp } from './fixtures';

test('two windows of the app stay in sync live', async ({ app, context }) => {
  await app.open();
  const second = new KeelApp(await context.newPage());
  await second.open();

  await app.createProgram('Shared plan');
  await second.expectNames(['Shared plan']);

  await second.rowButton('Shared plan', 'Rename').click();
  const dialog = second.page.getByRole('dialog', { name: 'Rename program' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Shared plan v2');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Shared plan v2' })).toBeVisible();

  await second.rowButton('Shared plan v2', 'Delete').click();
  await expect(app.page.getByText('This program is in the trash')).toBeVisible();
});

test('undo in one window does not overwrite a newer change from another', async ({ app, context }) => {
  await app.open();
  await app.createProgram('Original');
  await app.page.getByRole('button', { name: 'Rename' }).click();
  await app.page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Renamed here');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('heading', { level: 1, name: 'Renamed here' })).toBeVisible();

  const second = new KeelApp(await context.newPage());
  await second.open();
  await second.rowButton('Renamed here', 'Rename').click();
  await second.page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Renamed there');
  await second.page.keyboard.press('Enter');
  await expect(app.page.getByRole('heading', { level: 1, name: 'Renamed there' })).toBeVisible();

  await app.undoByKeyboard();
  await expect(app.page.getByRole('alert').filter({ hasText: 'was not undone' })).toBeVisible();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Renamed there' })).toBeVisible();
});
