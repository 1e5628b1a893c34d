import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

/** Opens an area of the program the fixtures do not name yet, and waits for its heading. */
async function openPlanArea(page: Page, area: 'Scope changes' | 'Actions') {
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: area, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
}

/** Logs a scope change from the list and lands on its page. */
async function logChange(page: Page, title: string) {
  const field = page.getByRole('textbox', { name: 'What changed?' });
  await field.fill(title);
  await field.press('Enter');
  await expect(page.getByRole('textbox', { name: 'What changed' })).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
}

async function backToList(page: Page) {
  await page.getByRole('link', { name: '← All scope changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scope changes' })).toBeVisible();
}

async function bothSchemes(app: KeelApp, page: Page, context: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`${context} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('log a scope change, apply it to the roadmap in one step, undo it, and apply a second that moves what the first added', async ({ app, page }) => {
  test.slow();
  await app.startProgram('Support assistant');
  await openPlanArea(page, 'Scope changes');
  await expect(page.getByRole('heading', { name: 'No scope changes yet' })).toBeVisible();
  await bothSchemes(app, page, 'scope changes, empty');

  await logChange(page, 'Add a voice channel');
  await page.getByRole('textbox', { name: 'Description' }).fill('Agents asked to answer calls with the assistant too.');
  await page.getByRole('combobox', { name: 'Why' }).selectOption({ label: 'Learned from users' });
  await page.getByRole('textbox', { name: 'Who asked' }).fill('Ana');
  await page.getByRole('combobox', { name: 'Their function' }).fill('Product');
  await page.getByRole('textbox', { name: 'On cost' }).fill('Two more engineers for a quarter');
  await expect(page.getByText('Pending: this change waits for a decision.')).toBeVisible();

  // Its effect: a new roadmap item, written by keyboard.
  await page.getByRole('combobox', { name: 'Effect' }).selectOption({ label: 'Add an item' });
  await page.getByRole('button', { name: 'Add effect' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give the roadmap item a title.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New item' }).fill('Voice channel');
  await page.getByRole('combobox', { name: 'Horizon' }).selectOption({ label: 'Later' });
  await page.getByLabel('Earliest').fill('2026-06-01');
  await page.getByLabel('Latest').fill('2026-08-31');
  await page.getByRole('combobox', { name: 'Confidence' }).selectOption({ label: 'Low' });
  await page.getByRole('button', { name: 'Add effect' }).click();
  const effects = page.getByRole('list', { name: 'Effects' });
  await expect(effects).toContainText('Add "Voice channel" to Later, Jun 1, 2026 – Aug 31, 2026, low confidence');
  await bothSchemes(app, page, 'a scope change with an effect');

  await page.getByRole('button', { name: 'Accept and apply' }).click();
  await expect(app.toast('Accepted "Add a voice channel" and added 1 roadmap item on the roadmap.')).toBeVisible();
  await expect(page.getByTestId('applied-note')).toContainText('Accepted and applied to the roadmap on');
  await expect(page.getByRole('button', { name: 'Accept and apply' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Decision' })).toBeDisabled();
  // What it wrote on the roadmap, read back from the roadmap's rows.
  const applied = page.getByTestId('applied-items');
  await expect(applied).toHaveText('Voice channel: Later, Jun 1, 2026 – Aug 31, 2026, low confidence, planned');

  // One undo takes back the decision and the roadmap item together.
  await app.undoByKeyboard();
  await expect(app.toast('Undid: Accept and apply scope change.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Decision' })).toHaveValue('pending');
  await expect(page.getByTestId('applied-items')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Voice channel' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept and apply' }).click();
  await expect(applied).toContainText('Voice channel: Later');

  // A second change moves the item the first one added.
  await backToList(page);
  await logChange(page, 'Bring voice forward');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Reprioritise' });
  await page.getByRole('combobox', { name: 'Roadmap item' }).selectOption({ label: 'Voice channel (Later)' });
  await expect(page.getByLabel('Earliest')).toHaveValue('2026-06-01');
  await page.getByRole('combobox', { name: 'Horizon' }).selectOption({ label: 'Next' });
  await page.getByLabel('Earliest').fill('2026-04-01');
  await page.getByLabel('Latest').fill('2026-05-15');
  await page.getByRole('button', { name: 'Add effect' }).click();
  await expect(effects).toContainText('Move "Voice channel" to Next, Apr 1, 2026 – May 15, 2026');
  await page.getByRole('button', { name: 'Accept and apply' }).click();
  await expect(applied).toHaveText('Voice channel: Next, Apr 1, 2026 – May 15, 2026, low confidence, planned');

  // The list, newest first, and how much scope changed by kind.
  await backToList(page);
  await expect(page.getByTestId('scope-change')).toHaveCount(2);
  await expect(page.getByTestId('scope-change').first()).toContainText('Bring voice forward');
  await expect(page.getByTestId('scope-summary')).toHaveText('2 changes in 1 month: 1 expand, 1 reprioritise');
  await page.getByRole('button', { name: 'Show as a table' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(/1\s*0\s*0\s*1\s*2/);
  await page.getByRole('combobox', { name: 'Decision' }).selectOption({ value: 'pending' });
  await expect(page.getByRole('heading', { name: 'No scope changes match' })).toBeVisible();
  // The filter holds across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No scope changes match' })).toBeVisible();
  await page.getByRole('button', { name: 'Show every change' }).click();
  await expect(page.getByTestId('scope-change')).toHaveCount(2);
  await bothSchemes(app, page, 'scope changes with a chart');
});

test('a pending change stands out, and deleting one names the action that loses its link; undo restores both', async ({ app, page }) => {
  await app.startProgram('Support assistant');
  await openPlanArea(page, 'Scope changes');
  await logChange(page, 'Drop the SMS channel');
  await page.getByRole('textbox', { name: 'Add an action' }).fill('Tell the SMS vendor');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('link', { name: 'Tell the SMS vendor' })).toBeVisible();
  await backToList(page);
  await expect(page.getByTestId('scope-change')).toContainText('Pending: needs a decision');

  await page.getByRole('link', { name: 'Drop the SMS channel' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete "Drop the SMS channel"?' });
  await expect(dialog).toContainText('1 action ("Tell the SMS vendor") links to it; it will lose the link.');
  await dialog.getByRole('button', { name: 'Delete scope change' }).click();
  await expect(page.getByRole('heading', { name: 'No scope changes yet' })).toBeVisible();
  await app.toast('Deleted "Drop the SMS channel".').locator('..').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('scope-change')).toHaveCount(1);

  await openPlanArea(page, 'Actions');
  const row = page.getByTestId('action-row').filter({ hasText: 'Tell the SMS vendor' });
  await expect(row).toContainText('From a scope change: Drop the SMS channel');
});

test("an uncertainty item's next step becomes an action in one move, with a link back", async ({ app, page }) => {
  await app.startMapWith(['Agents trust the answers']);
  await app.map.open('Agents trust the answers');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Sam');
  await page.getByRole('textbox', { name: 'Next step' }).fill('Run a trust survey with 20 agents');
  await page.getByRole('button', { name: 'Make it an action' }).click();
  await expect(app.toast('Made the action "Run a trust survey with 20 agents".')).toBeVisible();
  const made = page.getByRole('status').filter({ hasText: 'Made the action' });
  await expect(page.getByRole('heading', { name: 'Actions from this item (1)' })).toBeVisible();
  await made.getByRole('link', { name: 'Run a trust survey with 20 agents' }).click();

  await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue('Run a trust survey with 20 agents');
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('Sam');
  await page.getByRole('link', { name: 'Agents trust the answers' }).click();
  await expect(page).toHaveURL(/\/uncertainty\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Uncertainty' })).toBeVisible();
});

test('overdue actions stand out in words; mark one done by keyboard, filter, and delete with undo', async ({ app, page }) => {
  await app.startProgram('Support assistant');
  await openPlanArea(page, 'Actions');
  await expect(page.getByRole('heading', { name: 'No actions yet' })).toBeVisible();
  await bothSchemes(app, page, 'actions, empty');

  const title = page.getByRole('textbox', { name: 'New action', exact: true });
  await page.locator('body').press('n');
  await expect(title).toBeFocused();
  await page.getByRole('combobox', { name: 'Owner of the new action' }).fill('Ana');
  await page.getByLabel('Due date of the new action').fill('2020-01-10');
  await title.fill('Book the legal review');
  await title.press('Enter');
  await expect(title).toHaveValue('');
  await page.getByLabel('Due date of the new action').fill('');
  await page.getByRole('combobox', { name: 'Owner of the new action' }).fill('Ben');
  await title.fill('Share the pilot results');
  await title.press('Enter');

  const late = page.getByTestId('action-row').filter({ hasText: 'Book the legal review' });
  await expect(late).toContainText(/Overdue by \d+ days/);
  await expect(page.getByText('1 action is overdue')).toBeVisible();
  // Soonest due first; undated last.
  await expect(page.getByTestId('action-row').first()).toContainText('Book the legal review');
  await bothSchemes(app, page, 'actions with one overdue');

  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Overdue only' }).uncheck();

  await late.getByRole('checkbox', { name: 'Done: Book the legal review' }).focus();
  await page.keyboard.press('Space');
  await expect(app.toast('"Book the legal review": done.')).toBeVisible();
  await expect(late).not.toContainText('Overdue');
  await expect(page.getByText('None overdue')).toBeVisible();

  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('Ben');
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('');

  await page.getByRole('button', { name: 'Delete Share the pilot results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete "Share the pilot results"?' });
  await dialog.getByRole('button', { name: 'Delete action' }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await app.undoByKeyboard();
  await expect(page.getByTestId('action-row')).toHaveCount(2);

  await page.getByRole('link', { name: 'Book the legal review' }).click();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('done');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('open');
  await expect(page.getByTestId('overdue')).toHaveText(/Overdue by \d+ days/);
  await bothSchemes(app, page, 'an overdue action');
});

test('actions come from a decision record and from a shared metric too, each with a link back to it', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/]);
  await app.openMetric('Task success rate');
  await page.getByRole('textbox', { name: 'Add an action' }).fill('Wire the success events into the warehouse');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('heading', { name: 'Actions for this metric (1)' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Decision log', exact: true }).click();
  const title = page.getByRole('textbox', { name: 'Title of a new decision record' });
  await title.fill('Ship hybrid search first');
  await title.press('Enter');
  await expect(page.locator('.record-head')).toContainText('ADR-0001');
  await page.getByRole('textbox', { name: 'Add an action' }).fill('Book the index migration');
  await page.getByRole('textbox', { name: 'Add an action' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Actions from this decision (1)' })).toBeVisible();

  await openPlanArea(page, 'Actions');
  const fromDecision = page.getByTestId('action-row').filter({ hasText: 'Book the index migration' });
  await expect(fromDecision).toContainText('From a decision record: ADR-0001 Ship hybrid search first');
  const fromMetric = page.getByTestId('action-row').filter({ hasText: 'Wire the success events' });
  await expect(fromMetric).toContainText('From a shared metric: Task success rate');
  await fromMetric.getByRole('link', { name: 'Task success rate' }).click();
  await expect(page.getByRole('textbox', { name: 'Metric name' })).toHaveValue('Task success rate');
});
