import { expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe (${colorScheme})`, async ({ app, page }) => {
    // axe takes a few seconds per screen on a 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    await app.open();
    await app.expectAccessible('empty home');
    await page.getByRole('button', { name: 'New program' }).first().click();
    await app.expectAccessible('new program dialog');
    await page.keyboard.press('Escape');
    await app.createProgram('Accessible plan', 'Checked with axe.');
    await app.expectAccessible('program overview');
    await app.goHome();
    await app.expectAccessible('home with a program');
    await app.rowButton('Accessible plan', 'Archive').click();
    await app.tab('Archived');
    await app.expectAccessible('archived list');
    await app.rowButton('Accessible plan', 'Delete').click();
    await app.tab('Trash');
    await app.expectAccessible('trash');
    await app.rowButton('Accessible plan', 'Delete forever').click();
    await app.expectAccessible('confirm dialog');
    await page.keyboard.press('Escape');
    await app.open('#/programs/missing');
    await app.expectAccessible('missing program');
  });
}

test('the whole programs flow works from the keyboard alone', async ({ app, page }) => {
  await app.open();
  // Tab to "New program" and press Enter.
  const newProgram = page.getByRole('button', { name: 'New program' }).first();
  for (let i = 0; i < 15 && !(await newProgram.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(newProgram).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Keyboard plan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard plan' })).toBeVisible();
  // Focus is visible: the focused element draws an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
