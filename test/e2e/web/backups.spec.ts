import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const workshop = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));
const DAY = 24 * 60 * 60_000;

test('every program exports to one workspace file, which imports back as copies that one undo removes', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(workshop, 'Support assistant');
  await app.goHome();
  await app.createProgram('Fraud triage', 'Routes suspicious payments.');
  await app.goHome();
  // A program in the trash stays out of the workspace file.
  await app.createProgram('Old idea');
  await app.goHome();
  await app.rowButton('Old idea', 'Delete').click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all programs…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Keel workspace \d{4}-\d{2}-\d{2}\.keel-workspace\.json$/);
  const saved = testInfo.outputPath('all.keel-workspace.json');
  await download.saveAs(saved);
  await expect(app.toast(/^Exported 2 programs to Keel workspace/)).toBeVisible();
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  expect(file).toMatchObject({ format: 'keel-workspace', formatVersion: 1 });
  expect(file.programs.map((p: { program: { name: string } }) => p.program.name).sort()).toEqual(['Fraud triage', 'Support assistant']);
  const support = file.programs.find((p: { program: { name: string } }) => p.program.name === 'Support assistant');
  expect(support.formatVersion).toBe(8);
  expect(support.data.uncertaintyItems).toHaveLength(7);
  expect(support.data.sessions).toHaveLength(2);

  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(saved);
  await expect(app.toast('Imported 2 programs from all.keel-workspace.json as new copies.')).toBeVisible();
  await expect(app.rows()).toHaveCount(4);
  await expect(app.row('Support assistant (copy)')).toBeVisible();
  await expect(app.row('Fraud triage (copy)')).toBeVisible();
  await app.row('Support assistant (copy)').getByRole('link', { name: 'Support assistant (copy)' }).click();
  await app.openArea('Uncertainty');
  await expect(page.getByText('Hallucinated refund policy').first()).toBeVisible();

  // One undo takes the whole import back.
  await app.goHome();
  await app.undoByKeyboard();
  await expect(app.toast('Undid: Import 2 programs.')).toBeVisible();
  await expect(app.rows()).toHaveCount(2);
});

test('a backup made while working restores a deleted program as a copy, with its content', async ({ app, page }) => {
  // A fixed mid-morning start: the 16 minutes run below must not cross midnight ("Today").
  await page.clock.install({ time: new Date('2026-06-15T10:00:00') });
  await app.open();
  await expect(page.getByRole('link', { name: 'Backups' })).toBeVisible();
  await app.importFile(workshop, 'Support assistant');
  await app.goHome();
  await app.createProgram('Fraud triage');
  await app.goHome();

  // The window backs up on its own once 15 minutes pass with changes.
  await page.clock.runFor('16:00');
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  const list = page.getByRole('region', { name: /^1 backup$/ });
  await expect(list.getByRole('button')).toHaveCount(1);
  await expect(list.getByRole('button')).toContainText(/^Today \d\d.\d\d/);
  await expect(list.getByRole('button')).toContainText('2 programs: ');

  // Lose the program for good.
  await app.goHome();
  await app.rowButton('Support assistant', 'Delete').click();
  await app.tab('Trash');
  await app.rowButton('Support assistant', 'Delete forever').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete forever' }).click();
  await expect(app.rows()).toHaveCount(0);

  await app.open('#/backups');
  const preview = page.getByRole('region', { name: /^Backup of Today/ });
  const programs = preview.getByRole('list', { name: 'Programs in this backup' });
  await expect(programs.getByRole('listitem')).toHaveCount(2);
  await expect(programs.getByRole('listitem').filter({ hasText: 'Support assistant' })).toContainText(
    '7 uncertainty items, 4 metrics, 2 trade-off matrices, 7 roadmap items, 3 decisions, 2 scope changes, 4 actions, 2 sessions',
  );
  await app.expectAccessible('the backups screen');
  // Keyboard: Tab reaches the restore button of the program, Enter restores it.
  const restore = preview.getByRole('button', { name: 'Restore Support assistant as a copy' });
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(app.toast('Restored "Support assistant" from the backup as a new copy.')).toBeVisible();

  await app.goHome();
  await expect(app.rows()).toHaveCount(2);
  await app.row('Support assistant').getByRole('link', { name: 'Support assistant' }).click();
  await app.openArea('Uncertainty');
  await expect(page.getByText('Tone drifts on angry tickets').first()).toBeVisible();
  await app.openArea('Sessions');
  await expect(page.getByText('Kick-off').first()).toBeVisible();

  // The restore is one undoable step.
  await app.goHome();
  await app.undoByKeyboard();
  await expect(app.toast('Undid: Restore "Support assistant" from a backup.')).toBeVisible();
  await expect(app.rows()).toHaveCount(1);
});

test('the backups screen says what to do when there are none, and "Back up now" makes one', async ({ app, page }) => {
  await app.open('#/backups');
  await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();
  await app.expectAccessible('the empty backups screen');
  await page.getByRole('button', { name: 'Back up now' }).first().click();
  await expect(app.toast('There is nothing to back up yet: make a program first.')).toBeVisible();

  await app.goHome();
  await app.createProgram('Fraud triage');
  await app.open('#/backups');
  await page.getByRole('button', { name: 'Back up now' }).first().click();
  await expect(app.toast('Backed up every program.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^1 backup$/ }).getByRole('button')).toContainText('1 program: Fraud triage');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`the backups screen (${colorScheme})`);
  }
});

test('the browser reminds, politely and rarely, to download a backup', async ({ app, page }) => {
  const start = new Date('2026-11-02T09:00:00Z').getTime();
  await page.clock.install({ time: start });
  await app.open();
  const reminder = page.getByRole('region', { name: 'Keep a copy outside this browser' });
  // No programs, nothing to lose: no reminder, whatever the date.
  await page.clock.setSystemTime(start + 30 * DAY);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No programs yet' })).toBeVisible();
  await expect(reminder).toHaveCount(0);

  await app.createProgram('Fraud triage');
  await app.goHome();
  await expect(reminder).toHaveCount(0);

  // A week on with no download: the reminder shows.
  await page.clock.setSystemTime(start + 38 * DAY);
  await page.reload();
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('You have not downloaded a backup yet.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`the home screen with the reminder (${colorScheme})`);
  }

  // "Not now" puts it off for a week, across reloads.
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(app.rows()).toHaveCount(1);
  await expect(reminder).toHaveCount(0);

  await page.clock.setSystemTime(start + 46 * DAY);
  await page.reload();
  const downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Download a backup' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.keel-workspace\.json$/);
  await expect(reminder).toHaveCount(0);
  await page.clock.setSystemTime(start + 50 * DAY);
  await page.reload();
  await expect(app.rows()).toHaveCount(1);
  await expect(reminder).toHaveCount(0);
});

test('a backups screen left open lists a backup another window makes, without a reload', async ({ app, page, context }) => {
  await app.open();
  await app.createProgram('Fraud triage');
  await app.open('#/backups');
  await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();

  const other = await context.newPage();
  await other.goto('#/backups');
  await other.getByRole('button', { name: 'Back up now' }).first().click();
  await expect(other.getByRole('region', { name: /^1 backup$/ })).toBeVisible();

  // The first window follows without being touched.
  await expect(page.getByRole('region', { name: /^1 backup$/ }).getByRole('button')).toContainText('1 program: Fraud triage');
  await other.close();
});
