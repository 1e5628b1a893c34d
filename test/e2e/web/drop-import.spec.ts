import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Dropping a .keel.json anywhere on the window imports it, as Import… does. The drags are the
// browser's own events, each with a DataTransfer holding the files, as the OS hands them over.

const FIXTURE = path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json');
const KEEL_TEXT = readFileSync(FIXTURE, 'utf8');

interface DroppedFile {
  name: string;
  text: string;
  type?: string;
}

/** A DataTransfer holding these files (or, with `text`, only dragged text). */
function transfer(page: Page, files: DroppedFile[], text?: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(
    ({ files, text }) => {
      const data = new DataTransfer();
      for (const file of files) data.items.add(new File([file.text], file.name, { type: file.type ?? 'application/json' }));
      if (text !== undefined) data.setData('text/plain', text);
      return data;
    },
    { files, text },
  );
}

/** Drags the transfer over the window onto `selector`'s element, as a file manager does. */
async function dragOver(page: Page, data: JSHandle<DataTransfer>, selector = 'main') {
  // The listener loads just after start-up; its status line says it is there.
  await expect(page.getByTestId('drop-status')).toBeAttached();
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: data });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: data });
}

const overlay = (page: Page) => page.getByTestId('drop-overlay');

test('dropping a Keel file imports it and opens it; the overlay shows only while dragging', async ({ app, page }) => {
  await app.open();
  const importButton = page.getByRole('button', { name: 'Import…' }).first();
  await importButton.focus();
  await expect(overlay(page)).toBeHidden();

  const data = await transfer(page, [{ name: 'support-assistant-workshop.keel.json', text: KEEL_TEXT }]);
  await dragOver(page, data);
  await expect(overlay(page)).toBeVisible();
  await expect(overlay(page)).toContainText('Drop to import a Keel file');
  await expect(page.getByRole('status').filter({ hasText: 'Drop to import a Keel file' })).toBeAttached();
  // It neither steals the focus nor takes the pointer: what is under it stays reachable.
  await expect(importButton).toBeFocused();
  const hit = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Import…')!;
    const box = button.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('button')?.textContent?.trim();
  });
  expect(hit).toBe('Import…');
  await app.expectAccessible('the window with the drop overlay shown');

  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(overlay(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  await expect(app.toast('Imported "Support assistant" from support-assistant-workshop.keel.json.')).toBeVisible();
  await app.goHome();
  await app.expectNames(['Support assistant']);
});

test('a drag that leaves the window takes the overlay with it, and nothing is imported', async ({ app, page }) => {
  await app.open();
  const data = await transfer(page, [{ name: 'plan.keel.json', text: KEEL_TEXT }]);
  await dragOver(page, data);
  await expect(overlay(page)).toBeVisible();
  await page.dispatchEvent('main', 'dragleave', { dataTransfer: data });
  await expect(overlay(page)).toBeHidden();
  await expect(app.rows()).toHaveCount(0);
});

test('a file that is not a Keel file is refused with the importer’s own sentence', async ({ app, page }) => {
  await app.open();
  const data = await transfer(page, [{ name: 'notes.txt', text: 'Remember to bring the markers.', type: 'text/plain' }]);
  await dragOver(page, data);
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(app.toast(/^notes\.txt is not a Keel file: it is not valid JSON\. It may be damaged or cut off, or another kind of file\. Nothing was imported and your programs are unchanged\.$/)).toBeVisible();
  await expect(overlay(page)).toBeHidden();
  await expect(app.rows()).toHaveCount(0);
});

test('several files are imported in turn, and the last toast says which were not', async ({ app, page }) => {
  await app.open();
  const second = JSON.parse(KEEL_TEXT);
  second.program.name = 'Second program';
  const data = await transfer(page, [
    { name: 'first.keel.json', text: KEEL_TEXT },
    { name: 'notes.txt', text: 'not a plan', type: 'text/plain' },
    { name: 'second.keel.json', text: JSON.stringify(second) },
  ]);
  await dragOver(page, data);
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(app.toast('Imported 2 of 3 dropped files. Not imported: notes.txt.')).toBeVisible();
  await app.goHome();
  await expect(app.row('Support assistant')).toHaveCount(1);
  await expect(app.row('Second program')).toHaveCount(1);
});

test('a workspace file dropped on the window imports every program in it, as Import… does', async ({ app, page }) => {
  await app.open();
  const program = JSON.parse(KEEL_TEXT) as { program: { name: string } };
  const second = { ...program, program: { ...program.program, name: 'Second program' } };
  const workspace = { format: 'keel-workspace', formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-11-29T10:00:00.000Z', programs: [program, second] };
  const data = await transfer(page, [{ name: 'Everything.keel-workspace.json', text: JSON.stringify(workspace) }]);
  await dragOver(page, data);
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(app.toast('Imported 2 programs from Everything.keel-workspace.json as new copies.')).toBeVisible();
  await app.goHome();
  await expect(app.row('Support assistant')).toHaveCount(1);
  await expect(app.row('Second program')).toHaveCount(1);
});

test('dragged text is not a file: no overlay and no import', async ({ app, page }) => {
  await app.open();
  const text = await transfer(page, [], 'just some text');
  await dragOver(page, text);
  await expect(overlay(page)).toBeHidden();
  await page.dispatchEvent('main', 'drop', { dataTransfer: text });
  await expect(app.rows()).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(/import/i)).toHaveCount(0);
});

test('the overlay is accessible in dark mode too', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  const data = await transfer(page, [{ name: 'plan.keel.json', text: KEEL_TEXT }]);
  await dragOver(page, data);
  await expect(overlay(page)).toBeVisible();
  await app.expectAccessible('the drop overlay in dark mode');
});
