import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

test('a program exported by the app imports back as a new copy', async ({ app, page }, testInfo) => {
  await app.open();
  await app.createProgram('Fraud triage', 'Agent that routes suspicious payments.');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Fraud triage.keel.json');
  const saved = testInfo.outputPath('export.keel.json');
  await download.saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  expect(file).toMatchObject({
    format: 'keel',
    formatVersion: 8,
    program: { name: 'Fraud triage', description: 'Agent that routes suspicious payments.', staleAfterDays: 30 },
  });
  expect(file.data.layers).toHaveLength(7);

  await app.goHome();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await choosing).setFiles(saved);
  await expect(app.toast('Imported "Fraud triage (copy)" from export.keel.json.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Fraud triage (copy)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Agent that routes suspicious payments.');
  await app.goHome();
  await expect(app.rows()).toHaveCount(2);
});

test('the released format-1 fixture imports', async ({ app, page }) => {
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(fixture('format-v1/support-assistant.keel.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
});

test('the released format-3 fixture imports with its metrics, and exports again losslessly', async ({ app, page }) => {
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(fixture('format-v3/support-assistant.keel.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  const risky = page.getByRole('region', { name: /^Metrics breached or at risk/ });
  await expect(risky.getByRole('listitem')).toHaveCount(1);
  await expect(risky).toContainText('At risk: ');
  await app.openArea('Shared metrics');
  await page.getByRole('link', { name: 'Task success rate', exact: true }).click();
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  await expect(page.getByRole('heading', { name: 'Readings (5)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Versions' })).toContainText('Graders see raw customer messages');

  await app.openArea('Overview');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  const original = JSON.parse(readFileSync(fixture('format-v3/support-assistant.keel.json'), 'utf8'));
  // Same content apart from ids, timestamps of the import and the app version.
  const shape = (file: typeof original) =>
    file.data.metrics.map((m: { name: string; version: number; readings: unknown[]; versions: { signoffs: unknown[] }[]; target: unknown }) => [
      m.name,
      m.version,
      m.readings.length,
      m.versions.map((v) => v.signoffs.length),
      m.target,
    ]);
  expect(exported.formatVersion).toBe(8);
  expect(shape(exported)).toEqual(shape(original));
  expect(exported.data.functions.map((f: { name: string }) => f.name)).toEqual(original.data.functions.map((f: { name: string }) => f.name));
});

for (const [file, message] of [
  ['bad/truncated.keel.json', /truncated.keel.json is not a Keel file: it is not valid JSON/],
  ['bad/newer-version.keel.json', /made by a newer Keel \(9.0.0\) in format version 99.*Update Keel/],
  ['bad/proto-pollution.keel.json', /contains a field Keel never writes \("program.__proto__"\)/],
  ['bad/not-keel.json', /not-keel.json is not a Keel file/],
] as const) {
  test(`a broken file (${file}) shows a plain error and changes nothing`, async ({ app, page }) => {
    await app.open();
    await app.createProgram('Existing');
    await app.goHome();
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await choosing).setFiles(fixture(file));
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing was imported and your programs are unchanged.');
    // The undo history still ends with the last real edit.
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo Create "Existing" (Ctrl+Z)');
    await page.reload();
    await app.expectNames(['Existing']);
  });
}

test('the released format-4 fixture imports with its trade-off matrices and decisions', async ({ app, page }) => {
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(fixture('format-v4/support-assistant.keel.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  // The open matrix needs a decision; the decided one is in the trade-offs area.
  const open = page.getByRole('region', { name: /^Trade-off matrices without a decision/ });
  await expect(open.getByRole('listitem')).toHaveCount(1);
  await expect(open).not.toContainText('Which retrieval upgrade ships next quarter?');

  await app.openArea('Trade-offs');
  await app.openMatrix('Which retrieval upgrade ships next quarter?');
  await expect(page.getByTestId('decided-banner')).toContainText('Hybrid search');
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  // Decided for the re-ranker first, reopened, then decided for hybrid search.
  await expect(page.getByRole('heading', { name: /Earlier decisions/ })).toBeVisible();
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await expect(page.getByRole('grid', { name: /^Scores of 3 options/ })).toBeVisible();
  await expect(page.getByTestId('veto')).toContainText('Vetoed: Bigger generation model.');
  await app.expectAccessible('imported decided matrix');
});
