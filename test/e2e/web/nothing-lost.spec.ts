import type { BrowserContext, Page } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

// The fault scenarios that lost edits in the adversarial pass, played in real Chromium: every
// edit shown on screen is stored, or kept until it can be, whatever happens to the window.

/** Closes the window at once, as a user closing it mid-burst, and opens Keel again at `url`. */
async function closeAndReopen(context: BrowserContext, page: Page, url: string): Promise<{ page: Page; app: KeelApp }> {
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  await next.goto(url);
  const app = new KeelApp(next);
  await expect(next.getByRole('link', { name: 'Keel: all programs' })).toBeVisible();
  return { page: next, app };
}

test('20 quick arrow presses then closing the window: the stored place is the one shown', async ({ app, page, context }) => {
  await app.startMapWith(['Vendor deprecates the model']);
  await app.map.focus('Vendor deprecates the model');
  await page.keyboard.press('Space');
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(app.map.option).toHaveAccessibleName(/Impact 4\.5, uncertainty 3\.5/);
  const url = page.url();

  const again = await closeAndReopen(context, page, url);
  await expect(await again.app.map.focus('Vendor deprecates the model')).toHaveAccessibleName(/Impact 4\.5, uncertainty 3\.5/);
});

test('twelve scores typed in a burst, each corrected at once, then the window dies: all twelve are there on the next start', async ({ app, page }) => {
  // From the moment the window "dies", none of its writes reach the disk (as when it crashes); they
  // fail as on a full disk, which the app reports without logging an error.
  await page.addInitScript(() => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if ((window as { writesLost?: boolean }).writesLost) throw new DOMException('The window is gone', 'QuotaExceededError');
      return original.apply(this, args);
    } as typeof original;
  });
  await app.startProgram('Burst', 'Trade-offs');
  await page.getByRole('button', { name: 'New matrix' }).first().click();
  await page.keyboard.type('Which retriever ships?');
  await page.keyboard.press('Enter');
  const newOption = page.getByRole('textbox', { name: 'New option' });
  for (const title of ['Alpha', 'Beta', 'Gamma']) {
    await newOption.fill(title);
    await newOption.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Option \d title$/ }).last()).toHaveValue(title);
  }
  const newCriterion = page.getByRole('textbox', { name: 'New free-standing criterion' });
  for (const name of ['Quality', 'Cost', 'Speed', 'Risk']) {
    await newCriterion.fill(name);
    await newCriterion.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Criterion \d name$/ }).last()).toHaveValue(name);
  }
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  const grid = page.getByRole('grid', { name: /^Scores of/ });
  await grid.locator('[tabindex="0"]').focus();
  const typed = [
    [1, 2, 3, 4],
    [5, 4, 3, 2],
    [2, 3, 5, 1],
  ];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      // A slip put right at once: the first digit's save may land before the second's.
      await page.keyboard.press(String(6 - typed[r]![c]!));
      await page.keyboard.press(String(typed[r]![c]));
      if (c < 3) await page.keyboard.press('ArrowRight');
    }
    if (r < 2) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
    }
  }
  await page.evaluate(() => ((window as { writesLost?: boolean }).writesLost = true));
  await expect(page.getByText('12 of 12 cells scored')).toBeVisible();
  await page.reload();

  const again = { page };
  await again.page.getByRole('button', { name: 'Score', exact: true }).click();
  await expect(again.page.getByText('12 of 12 cells scored')).toBeVisible();
  const options = ['Alpha', 'Beta', 'Gamma'];
  const criteria = ['Quality', 'Cost', 'Speed', 'Risk'];
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 4; c++)
      await expect(
        again.page.getByRole('grid', { name: /^Scores of/ }).getByRole('gridcell', { name: new RegExp(`^${options[r]}, ${criteria[c]}: ${typed[r]![c]} `) }),
      ).toBeVisible();
});

test('a save that fails on a full disk keeps the text across another area, a reload and a retry', async ({ app, page }) => {
  // The disk is "full" while the session says so: every IndexedDB write fails as Chromium's would.
  await page.addInitScript(() => {
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (sessionStorage.getItem('test.disk-full') === 'yes') throw new DOMException('The disk is full', 'QuotaExceededError');
        return original.apply(this, args);
      } as typeof original;
    }
  });
  await app.startProgram('Disk full');
  await page.evaluate(() => sessionStorage.setItem('test.disk-full', 'yes'));
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Written while the disk was full');
  await expect(page.getByText(/Not saved yet: your text is kept/)).toBeVisible();
  await expect(app.toast(/disk is full/i).first()).toBeVisible();

  await app.openArea('Uncertainty');
  await app.openArea('Overview');
  await expect(description).toHaveValue('Written while the disk was full');

  await page.reload();
  await expect(description).toHaveValue('Written while the disk was full');
  await expect(page.getByText(/Not saved yet: your text is kept/)).toBeVisible();

  await page.evaluate(() => sessionStorage.removeItem('test.disk-full'));
  // The button goes as soon as the save succeeds, so the click is sent without waiting for it to stay put.
  await page.getByRole('button', { name: 'Retry' }).dispatchEvent('click');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(description).toHaveValue('Written while the disk was full');
  await expect(page.getByText(/Not saved yet/)).toHaveCount(0);
});

test("two windows typing in one field: the window whose text was replaced is told, and can put its text back", async ({ app, page, context }) => {
  await app.startProgram('Two windows');
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  const ours = page.getByRole('textbox', { name: 'Description' });
  const theirs = other.getByRole('textbox', { name: 'Description' });

  await ours.fill('Ship retrieval first');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(theirs).toHaveValue('Ship retrieval first');
  await theirs.fill('Ship the agent first');
  await expect(other.getByText('Saved', { exact: true })).toBeVisible();

  await expect(ours).toHaveValue('Ship the agent first');
  const notice = page.getByRole('status').filter({ hasText: 'changed in another Keel window' });
  await expect(notice).toContainText('“Ship retrieval first”');
  await notice.getByRole('button', { name: 'Put yours back' }).click();
  await expect(ours).toHaveValue('Ship retrieval first');
  await expect(notice).toHaveCount(0);

  // Now the other window's text was replaced: it is told in turn.
  await expect(theirs).toHaveValue('Ship retrieval first');
  await expect(other.getByRole('status').filter({ hasText: 'changed in another Keel window' })).toContainText('“Ship the agent first”');
  await other.close();
});

test('a paste longer than the field says it was cut, and where', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.startMapWith(['Short title']);
  await app.map.open('Short title');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  const max = Number(await title.getAttribute('maxlength'));
  await title.fill('');
  const long = `${'Latency budget '.repeat(Math.ceil(max / 15) + 2)}END`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), long);
  await title.press('ControlOrMeta+v');
  await expect(title).toHaveValue(long.slice(0, max));
  await expect(app.toast(`The paste was cut to fit this field's limit of ${max} characters: it stops after “…${long.slice(max - 30, max).trim()}”, and the last ${long.length - max} characters were left out.`)).toBeVisible();
});

test('another window deleting the database is reported as deleted, not as safe', async ({ app, page }) => {
  await app.startProgram('Doomed');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('keel');
        request.onsuccess = () => resolve();
        request.onblocked = () => resolve();
      }),
  );
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "Keel's data was deleted" })).toBeVisible();
  await expect(alert).not.toContainText('safe');
});
