import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// Hostile files from the corpus (test/fixtures/hostile), imported through the UI: the user sees
// the sentence, and nothing stored changes.

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
const deep = `{"format":"keel","formatVersion":4,"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

for (const [name, file, message] of [
  ['100,000 levels of nesting', { name: 'deep.keel.json', mimeType: 'application/json', buffer: Buffer.from(deep) }, /deep.keel.json is not a Keel file: its data is nested deeper than Keel ever writes/],
  ['an id that names an object member', fixture('hostile/id-tostring-criterion.keel.json'), /"toString" cannot be an id/],
  ['a current file labelled version 3 whose matrices are not a list', fixture('hostile/labelled-v3-matrices-not-a-list.keel.json'), /says it is format version 3, but its content does not fit/],
] as const) {
  test(`a hostile file (${name}) shows its sentence and changes nothing`, async ({ app, page }) => {
    await app.open();
    await app.createProgram('Existing');
    await app.goHome();
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await choosing).setFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing was imported and your programs are unchanged.');
    await page.reload();
    await app.expectNames(['Existing']);
  });
}

test('a file saved as UTF-16 (with a byte-order mark) imports like the UTF-8 one', async ({ app, page }) => {
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(fixture('hostile/utf16le-bom.keel.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Hostile base' })).toBeVisible();
});
