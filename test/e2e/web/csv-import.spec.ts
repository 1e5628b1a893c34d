import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// CSV import of uncertainty items and roadmap items: the column-mapping step, rows with problems
// listed and skipped, everything else in one edit that one Undo takes back, and the mapping
// remembered for the next import.

const ITEMS_CSV = [
  // Excel's byte-order mark, then Keel's own export headers (units in brackets, an id column).
  '\uFEFFId,Title,Kind,Layer,Impact (1-5),Uncertainty (1-5),Status,Tags',
  'u1,Users trust cited answers,Assumption,Users and adoption,4,5,open,"trust, ux"',
  "u2,'=SUM(A1) looks like a formula,risk,Data,3,2,testing,",
  'u3,Latency under 2 s,risk,Model behaviour,high,3,open,',
  'u4,GPU quota arrives in time,dependency,Cost and infrastructure,5,4,open,',
].join('\r\n');

async function openImport(page: Page, title: string) {
  await page.getByRole('button', { name: 'Import from CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function expectDialogAccessible(app: KeelApp, page: Page, context: string) {
  await app.expectAccessible(`${context}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible(`${context}, dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('uncertainty items from a CSV file: the bad row is listed and skipped, the rest go on the map and the list, one Undo removes them', async ({ app, page }) => {
  await app.startProgram('CSV import', 'Uncertainty');
  const dialog = await openImport(page, 'Import uncertainty items from CSV');
  await expect(dialog.getByRole('button', { name: 'Import 0 items' })).toBeDisabled();
  await dialog.locator('#import-items-file').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(ITEMS_CSV, 'utf8') });

  // Each column with what it fills, guessed from the header; the id column is ignored.
  await expect(dialog.getByRole('heading', { name: 'Columns in items.csv' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Id' })).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: 'Title' })).toHaveValue('title');
  await expect(dialog.getByRole('combobox', { name: 'Impact (1-5)' })).toHaveValue('impact');
  await expect(dialog.getByRole('combobox', { name: 'Uncertainty (1-5)' })).toHaveValue('uncertainty');

  await expect(dialog.getByRole('heading', { name: '3 items ready, 1 row with problems will be skipped' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Row 4: The impact "high" is not a number from 1 to 5.');
  const preview = dialog.getByRole('region', { name: 'Preview of the first 3 rows' });
  // The formula escape Keel's export writes is taken off again.
  await expect(preview.getByRole('cell', { name: '=SUM(A1) looks like a formula' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Users and adoption' })).toBeVisible();
  await expectDialogAccessible(app, page, 'uncertainty CSV import dialog');

  await dialog.getByRole('button', { name: 'Import 3 items, skip 1 row', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.toast('Imported 3 items from items.csv.')).toBeVisible();
  await app.map.expectMarks(3);
  await app.map.focus('GPU quota arrives in time');
  await page.getByRole('navigation', { name: 'Uncertainty views' }).getByRole('button', { name: 'List' }).click();
  for (const title of ['Users trust cited answers', '=SUM(A1) looks like a formula', 'GPU quota arrives in time']) {
    await expect(page.getByRole('table').getByText(title, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('Latency under 2 s')).toHaveCount(0);

  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Import 3 uncertainty items from items.csv.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing mapped yet' })).toBeVisible();
});

test('roadmap items from pasted rows: the bad row is listed and skipped, the rest go on the board, one Undo removes them', async ({ app, page }) => {
  await app.startProgram('CSV roadmap', 'Roadmap');
  const dialog = await openImport(page, 'Import roadmap items from CSV');
  await dialog.getByRole('textbox', { name: 'Rows' }).fill(
    [
      'Feature;Horizon;Start date;End date;Confidence;Owner',
      'Hybrid retrieval;Now;2026-10-01;2026-11-15;high;Ana',
      '',
      'Evaluation harness;next;2026-12-01;;;',
      'Agent handoff;Later;;;60%;Bo',
    ].join('\n'),
  );
  await expect(dialog.getByRole('combobox', { name: 'Feature' })).toHaveValue('title');
  await expect(dialog.getByRole('combobox', { name: 'Start date' })).toHaveValue('earliest');
  await expect(dialog.getByRole('heading', { name: '2 roadmap items ready, 1 row with problems will be skipped' })).toBeVisible();
  // Row 4: the blank row 3 counts, as in the user's spreadsheet.
  await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText(
    'Row 4: Give both the earliest and the latest date, or neither: a range, not a single date.',
  );
  await expectDialogAccessible(app, page, 'roadmap CSV import dialog');
  await dialog.getByRole('button', { name: 'Import 2 roadmap items' }).click();
  await expect(app.toast('Imported 2 roadmap items.')).toBeVisible();
  await expect(page.getByRole('list', { name: /^Now/ }).locator('[data-card] > a')).toHaveText(['Hybrid retrieval']);
  await expect(page.getByRole('list', { name: /^Later/ }).locator('[data-card] > a')).toHaveText(['Agent handoff']);
  await expect(page.getByText('Evaluation harness')).toHaveCount(0);

  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Import 2 roadmap items.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No roadmap items yet' })).toBeVisible();
});

test('the column mapping chosen is remembered after a reload, and the rows pasted too', async ({ app, page }) => {
  await app.startProgram('CSV mapping', 'Uncertainty');
  let dialog = await openImport(page, 'Import uncertainty items from CSV');
  await dialog.getByRole('textbox', { name: 'Rows' }).fill('Risk name,Notes on it\nVendor lock-in,Only one model vendor');
  // "Risk name" means nothing to Keel yet: the title must be chosen before anything can be imported.
  await expect(dialog.getByRole('combobox', { name: 'Risk name' })).toHaveValue('');
  await expect(dialog.getByText('Choose the column that holds the title: every item needs one.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 0 items' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Risk name' }).selectOption('Title (required)');
  await expect(dialog.getByRole('button', { name: 'Import 1 item' })).toBeEnabled();
  await dialog.getByRole('combobox', { name: 'Notes on it' }).selectOption('Description');

  await page.reload();
  dialog = await openImport(page, 'Import uncertainty items from CSV');
  await expect(dialog.getByRole('textbox', { name: 'Rows' })).toHaveValue('Risk name,Notes on it\nVendor lock-in,Only one model vendor');
  await expect(dialog.getByRole('combobox', { name: 'Risk name' })).toHaveValue('title');
  // Another file with the same headers is mapped the same way.
  await dialog.getByRole('textbox', { name: 'Rows' }).fill('Notes on it,Risk name\nWhy,Prompt injection\nHow,Data drift');
  await expect(dialog.getByRole('combobox', { name: 'Risk name' })).toHaveValue('title');
  await expect(dialog.getByRole('combobox', { name: 'Notes on it' })).toHaveValue('description');
  await dialog.getByRole('button', { name: 'Import 2 items' }).click();
  await expect(app.toast('Imported 2 items.')).toBeVisible();
  await app.map.expectMarks(2);
  // Imported, the rows are gone from the dialog.
  dialog = await openImport(page, 'Import uncertainty items from CSV');
  await expect(dialog.getByRole('textbox', { name: 'Rows' })).toHaveValue('');
});
