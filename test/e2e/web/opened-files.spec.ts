// Files opened from the OS, shown before they are imported. In a browser nothing comes from the
// OS, so these tests play main: a stand-in for Electron's bridge (window.keel) hands the page the
// file as main would after reading it. The real path from argv and a second launch is in
// test/e2e/electron/electron.spec.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { OpenedFile } from '../../../electron/ipc-contract';
import { expect, test } from './fixtures';

const workshop = readFileSync(path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json'), 'utf8');

/** A bridge that answers every call harmlessly and lets the test send opened files. */
async function standInForMain(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const listeners: ((file: unknown) => void)[] = [];
    const known: Record<string, unknown> = {
      isElectron: true,
      onFileOpened: (listener: (file: unknown) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      onAppCommand: () => () => undefined,
      listBackups: async () => [],
      writeBackup: async (name: string, text: string) => ({ status: 'written', file: { name, sizeBytes: text.length, modifiedAt: Date.now() } }),
      openFile: async () => ({ status: 'cancelled' }),
    };
    const scope = window as unknown as Record<string, unknown>;
    scope.keel = new Proxy(known, { get: (target, key: string) => (key in target ? target[key] : async () => undefined) });
    scope.sendOpenedFile = (file: unknown) => listeners.forEach((listener) => listener(file));
  });
}

async function sendOpenedFile(page: Page, file: OpenedFile): Promise<void> {
  await page.waitForFunction(() => 'sendOpenedFile' in window);
  await page.evaluate((sent) => (window as unknown as { sendOpenedFile: (file: OpenedFile) => void }).sendOpenedFile(sent), file);
}

test('a file opened from the OS: a look at what it holds, then Import, by keyboard only', async ({ app, page }) => {
  await standInForMain(page);
  await app.open();
  await sendOpenedFile(page, { status: 'opened', fileName: 'Workshop.keel.json', text: workshop });
  const preview = page.getByRole('dialog', { name: 'Import Workshop.keel.json?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('opened-file-kind')).toContainText('One program. Exported');
  await expect(preview.getByRole('list', { name: 'Programs in Workshop.keel.json' })).toContainText(
    '7 uncertainty items, 4 metrics, 2 trade-off matrices, 7 roadmap items, 3 decisions, 2 scope changes, 4 actions, 2 sessions',
  );
  await app.expectAccessible('the preview of an opened file');
  // Focus starts on Cancel (nothing is imported by a stray Enter); Tab reaches Import.
  await expect(preview.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  await expect(preview).toBeHidden();
});

test('the same file again: it says I have it, Open mine goes there, Escape cancels the next; dark mode is accessible', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await standInForMain(page);
  await app.open();
  await sendOpenedFile(page, { status: 'opened', fileName: 'Workshop.keel.json', text: workshop });
  await page.getByRole('dialog', { name: 'Import Workshop.keel.json?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  await page.goto('/#/');

  // An import gives the program a new id; a file exported from it names that id (the same program).
  const programId = await page.getByRole('link', { name: 'Support assistant' }).getAttribute('href');
  const id = /#\/programs\/([^/?]+)/.exec(programId ?? '')?.[1];
  if (!id) throw new Error(`no program id in ${programId}`);
  const file = JSON.parse(workshop) as { program: { id: string } };
  file.program.id = id;
  await sendOpenedFile(page, { status: 'opened', fileName: 'Again.keel.json', text: JSON.stringify(file) });
  await sendOpenedFile(page, { status: 'opened', fileName: 'Later.keel.json', text: workshop });
  const preview = page.getByRole('dialog', { name: 'Import Again.keel.json?' });
  await expect(preview).toContainText('You already have this program on this computer');
  await expect(preview.getByTestId('opened-files-later')).toHaveText('1 more file opened after this one will follow.');
  await app.expectAccessible('the preview of a file this computer has, dark');
  await preview.getByRole('button', { name: 'Open mine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  expect(page.url()).toContain(`#/programs/${id}`);

  const next = page.getByRole('dialog', { name: 'Import Later.keel.json?' });
  await expect(next).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(next).toBeHidden();
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: /Support assistant/ })).toHaveCount(1);
});

test('a file that does not read says why in Import…\'s words; one main could not read is a toast', async ({ app, page }) => {
  await standInForMain(page);
  await app.open();
  await sendOpenedFile(page, { status: 'opened', fileName: 'Broken.keel.json', text: '{"format":"keel"' });
  const preview = page.getByRole('dialog', { name: 'Keel cannot import Broken.keel.json' });
  await expect(preview.getByTestId('opened-file-problem')).toHaveText(
    'Broken.keel.json is not a Keel file: it is not valid JSON. It may be damaged or cut off, or another kind of file. Nothing was imported and your programs are unchanged.',
  );
  await app.expectAccessible('an opened file that does not read');
  await preview.getByRole('button', { name: 'Close' }).click();
  await sendOpenedFile(page, { status: 'failed', message: '"Old.keel.json" is no longer there: it was moved, renamed or deleted. Nothing was imported.' });
  await expect(app.toast('"Old.keel.json" is no longer there')).toBeVisible();
});
