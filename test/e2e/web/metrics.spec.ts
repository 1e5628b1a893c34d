import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

const metricRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** A new program with the library's task success rate, opened on its page. */
async function openTaskSuccess(app: KeelApp) {
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/]);
  await app.openMetric('Task success rate');
}

/** Records `fn`'s objection with its reason (the signer is already set). */
async function objectFor(page: Page, fn: string, reason: string) {
  await page.getByRole('button', { name: `Object… for ${fn}` }).click();
  await page.getByRole('textbox', { name: `Why does ${fn} object?` }).fill(reason);
  await page.getByRole('button', { name: 'Record objection' }).click();
}

async function signAll(app: KeelApp) {
  const { page } = app;
  await app.signAs('Ana');
  for (const fn of ['Engineering', 'Product', 'Leadership']) {
    await page.getByRole('button', { name: `Agree for ${fn}` }).click();
    await expect(page.getByTestId(`choice-${fn}`)).toHaveText('Agrees');
  }
}

test('create metrics from the library and from scratch; empty states guide the way', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Shared metrics');
  await expect(page.getByRole('heading', { name: 'No shared metrics yet' })).toBeVisible();
  await app.expectAccessible('metrics empty state');

  await app.addMetricsFromLibrary([/Task success rate/, /p95 latency/]);
  await expect(metricRow(page, 'Task success rate')).toContainText('Product');
  await expect(metricRow(page, 'Task success rate')).toContainText('≥ 85%');
  await expect(metricRow(page, 'p95 latency (end to end)')).toContainText('≤ 8,000 ms');
  await expect(metricRow(page, 'p95 latency (end to end)')).toContainText('No data');
  await expect(page.getByText('0 breached · 0 at risk · 0 on track · 2 without data')).toBeVisible();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Name A–Z' });
  await expect(page.getByRole('row').nth(1)).toContainText('p95 latency');

  await page.getByRole('button', { name: 'New metric' }).click();
  const dialog = page.getByRole('dialog', { name: 'New metric' });
  await dialog.getByRole('button', { name: 'Create metric' }).click();
  await expect(dialog.getByText('Give the metric a name.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Answer acceptance');
  await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'User experience' });
  await dialog.getByRole('textbox', { name: /Unit/ }).fill('%');
  await dialog.getByRole('button', { name: 'Create metric' }).click();
  await expect(page.getByRole('textbox', { name: 'Metric name' })).toHaveValue('Answer acceptance');
  await expect(page.getByRole('textbox', { name: 'Metric name' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Formula' }).fill('Answers accepted without edits ÷ answers shown');
  await page.locator('#metric-target').fill('70');
  await page.locator('#metric-target').press('Enter');
  // Once a number is saved, Ctrl+Z in its field is the app's undo, not the browser's.
  await page.locator('#metric-target').press('ControlOrMeta+z');
  await expect(app.toast('Undid: Change target.')).toBeVisible();
  await expect(page.locator('#metric-target')).toHaveValue('');
  await page.locator('#metric-target').press('ControlOrMeta+Shift+z');
  await expect(page.locator('#metric-target')).toHaveValue('70');
  await page.getByRole('combobox', { name: 'Owning function' }).selectOption({ label: 'Product' });
  await app.expectAccessible('metric page');

  await page.getByRole('link', { name: '← All metrics' }).click();
  await expect(metricRow(page, 'Answer acceptance')).toContainText('User experience');
  await expect(metricRow(page, 'Answer acceptance')).toContainText('≥ 70%');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Answer acceptance', exact: true })).toBeVisible();
  await app.openMetric('Answer acceptance');
  await expect(page.getByRole('textbox', { name: 'Formula' })).toHaveValue('Answers accepted without edits ÷ answers shown');

  // Deleting asks first, lands on the list, and can be undone.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete "Answer acceptance"?' }).getByRole('button', { name: 'Delete metric' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared metrics' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Answer acceptance', exact: true })).toBeHidden();
  await app.undoByKeyboard();
  await expect(page.getByRole('link', { name: 'Answer acceptance', exact: true })).toBeVisible();
});

test('each function signs off; changing the target starts version 2, resets sign-offs and keeps version 1; undo brings it back', async ({
  app,
  page,
}) => {
  await openTaskSuccess(app);
  // Signing needs a name, so everyone can see who signed.
  await page.getByRole('button', { name: 'Agree for Engineering' }).click();
  await expect(page.getByText('Type your name first')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Signing as' })).toBeFocused();
  await expect(page.getByTestId('choice-Engineering')).toHaveText('Pending');
  await app.signAs('Ana');
  await expect(page.getByText('Type your name first')).toBeHidden();

  await page.getByRole('button', { name: 'Agree for Engineering' }).click();
  // Focus stays with the function just signed for.
  await expect(page.getByRole('button', { name: 'Object… for Engineering' })).toBeFocused();
  await page.getByRole('button', { name: 'Object… for Product' }).click();
  await page.getByRole('button', { name: 'Record objection' }).click();
  await expect(page.getByText('Say why Product objects')).toBeVisible();
  await page.getByRole('textbox', { name: 'Why does Product object?' }).fill('Judge success by the customer outcome');
  await page.getByRole('button', { name: 'Record objection' }).click();
  await expect(page.getByTestId('choice-Product')).toHaveText('Objects');
  await expect(page.getByText('Objected', { exact: true })).toBeVisible();
  // Product changes its mind; Leadership agrees too.
  await page.getByRole('button', { name: 'Agree for Product' }).click();
  await page.getByRole('button', { name: 'Agree for Leadership' }).click();
  await expect(page.getByText('Agreed', { exact: true })).toBeVisible();
  await expect(page.getByText(/Ana ·/).first()).toBeVisible();

  await expect(page.getByText(/3 functions have signed this version/)).toBeVisible();
  await page.locator('#metric-target').fill('90');
  await page.locator('#metric-target').press('Enter');
  await expect(app.toast(/Started version 2/)).toBeVisible();
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  for (const fn of ['Engineering', 'Product', 'Leadership']) await expect(page.getByTestId(`choice-${fn}`)).toHaveText('Pending');
  const versions = page.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('heading', { name: /Version 1/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Target ≥ 85% ≥ 90%/ })).toBeVisible();
  await expect(versions.getByText(/Engineering\s+agrees \(Ana\)/)).toBeVisible();

  // Undo (from the toast) restores version 1 with its sign-offs; redo brings version 2 back; a reload keeps it.
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).last().click();
  await expect(app.toast('Undid: Change target.')).toBeVisible();
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 1');
  await expect(page.locator('#metric-target')).toHaveValue('85');
  for (const fn of ['Engineering', 'Product', 'Leadership']) await expect(page.getByTestId(`choice-${fn}`)).toHaveText('Agrees');
  await app.redoByKeyboard();
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  await page.reload();
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  await expect(page.locator('#metric-target')).toHaveValue('90');
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('heading', { name: /Version 1/ })).toBeVisible();
});

test('typing into a signed contract makes one new version; typing it back restores the signatures; the toast undoes the typing', async ({
  app,
  page,
}) => {
  await openTaskSuccess(app);
  await app.signAs('Ana');
  await page.getByRole('button', { name: 'Agree for Engineering' }).click();
  const formula = page.getByRole('textbox', { name: 'Formula' });
  const original = await formula.inputValue();
  const version = page.getByTitle("The contract's version");

  await formula.press('End');
  await formula.pressSequentially(' per day', { delay: 120 });
  await expect(app.toast(/Started version 2/)).toBeVisible();
  await expect(formula).toHaveValue(`${original} per day`);
  await expect(version).toHaveText('Version 2');
  await expect(page.getByTestId('choice-Engineering')).toHaveText('Pending');

  // Deleting what was typed brings back exactly the signed contract, and its signature.
  for (let i = 0; i < ' per day'.length; i++) await formula.press('Backspace', { delay: 60 });
  await expect(version).toHaveText('Version 1');
  await expect(page.getByTestId('choice-Engineering')).toHaveText('Agrees');

  // Slow typing is still one session: the toast's Undo undoes all of it.
  await formula.pressSequentially(' x2', { delay: 450 });
  await expect(version).toHaveText('Version 2');
  await page.waitForTimeout(500);
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Started version 2' }).last();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(formula).toHaveValue(original);
  await expect(version).toHaveText('Version 1');
  await expect(page.getByTestId('choice-Engineering')).toHaveText('Agrees');
});

test('readings: status changes when a reading crosses the guardrail; paste with a bad row; survives reload; undo', async ({
  app,
  page,
}) => {
  await openTaskSuccess(app);
  await expect(page.getByText('No readings yet.', { exact: true })).toBeVisible();

  await app.recordReading('2026-09-01', '86');
  await app.recordReading('2026-09-08', '87');
  await expect(page.getByTestId('metric-status')).toContainText('On track');
  await expect(page.getByTestId('metric-status')).toContainText('Meets the target');
  // The guardrail is ≥ 75%: a reading of 72 breaches it.
  await app.recordReading('2026-09-15', '72');
  await expect(page.getByTestId('metric-status')).toContainText('Guardrail breached');
  await expect(page.getByTestId('metric-status')).toContainText('The latest reading, 72% on 2026-09-15, breaks the guardrail');
  // A mistyped reading is corrected in place (Enter saves), then put back with undo.
  await page.getByRole('button', { name: 'Edit the reading of 2026-09-15' }).click();
  await expect(page.getByRole('textbox', { name: 'Value of the reading' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Value of the reading' }).fill('7x');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The value "7x" is not a number.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Value of the reading' }).fill('77');
  await page.keyboard.press('Enter');
  // 86, 87, then 77 a week later: above the guardrail, but heading for it.
  await expect(page.getByTestId('metric-status')).toContainText('At risk');
  await expect(page.getByTestId('metric-status')).toContainText('Heading for the guardrail');
  await expect(page.getByRole('button', { name: 'Edit the reading of 2026-09-15' })).toBeFocused();
  await app.undoByKeyboard();
  await expect(page.getByTestId('metric-status')).toContainText('Guardrail breached');
  await expect(page.getByRole('img', { name: /3 readings .* latest 72%/ })).toBeVisible();

  await page.getByRole('button', { name: 'Paste or import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add readings' });
  await dialog.getByRole('textbox', { name: 'Rows' }).fill('date,value,note\n2026-09-22,80,recovered\n03/10/2026,81,\n2026-09-29,"84.5","after the, fix"');
  await expect(dialog.getByText(/2 readings ready, 1 row with problems will be skipped/)).toBeVisible();
  await expect(dialog.getByText(/Row 3:.*YYYY-MM-DD/)).toBeVisible();
  await app.expectAccessible('readings import dialog');
  // Closing by mistake, or even a reload, keeps the pasted rows for the next opening.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Paste or import CSV…' }).click();
  await expect(dialog.getByText(/2 readings ready/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Add 2 readings' }).click();
  await expect(app.toast('Added 2 readings.')).toBeVisible();
  await expect(page.getByTestId('metric-status')).toContainText('On track');
  await expect(page.getByRole('cell', { name: 'after the, fix' })).toBeVisible();
  // The same rows again: the dates already have readings, so they are skipped unless asked.
  await page.getByRole('button', { name: 'Paste or import CSV…' }).click();
  await dialog.getByRole('textbox', { name: 'Rows' }).fill('2026-09-22,80\n2026-09-29,84.5');
  await expect(dialog.getByRole('button', { name: 'Add 0 readings' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Skip 2 rows on dates that already have a reading' }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Add 2 readings' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#reading-date').fill('2026-09-29');
  await expect(page.getByText('2026-09-29 already has a reading (84.5%)')).toBeVisible();

  // Undo the import: the latest reading is the breach again; redo re-adds the two.
  await app.undoByKeyboard();
  await expect(page.getByTestId('metric-status')).toContainText('Guardrail breached');
  await app.redoByKeyboard();
  await expect(page.getByTestId('metric-status')).toContainText('On track');

  // The overview lists the breach with its reason while it lasts.
  await app.undoByKeyboard();
  await app.openArea('Overview');
  const summary = page.getByRole('region', { name: /^Metrics breached or at risk/ });
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary).toContainText(/Task success rate\s*Guardrail breached: The latest reading/);
  await app.expectAccessible('overview with metrics');
  await summary.getByRole('link', { name: 'Task success rate' }).click();
  await app.redoByKeyboard();
  await expect(page.getByTestId('metric-status')).toContainText('On track');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Readings (5)' })).toBeVisible();
  await page.getByRole('link', { name: '← All metrics' }).click();
  await expect(metricRow(page, 'Task success rate')).toContainText('84.5%');
  await expect(metricRow(page, 'Task success rate')).toContainText('On track');
});

test('alignment: objections with reasons, unowned metrics, functions added, renamed and removed', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/, /Groundedness/]);
  await app.openMetric('Groundedness');
  await page.getByRole('combobox', { name: 'Owning function' }).selectOption({ label: 'No function' });
  await signAll(app);
  await page.getByRole('link', { name: '← All metrics' }).click();
  await app.openMetric('Task success rate');
  await app.signAs('Bo');
  await objectFor(page, 'Leadership', 'Needs a business outcome');
  await page.getByRole('link', { name: '← All metrics' }).click();
  await expect(metricRow(page, 'Groundedness')).toContainText('Agreed');
  await expect(metricRow(page, 'Groundedness')).toContainText('No owner');
  await expect(metricRow(page, 'Task success rate')).toContainText('Objected');

  await page.getByRole('button', { name: 'Alignment' }).click();
  await expect(page.getByText(/1 of 2\s+metrics agreed/)).toBeVisible();
  await expect(page.getByText(/1\s+metric no function owns/)).toBeVisible();
  const objections = page.getByRole('region', { name: 'Objections to resolve' });
  await expect(objections).toContainText('Task success rate: Leadership objects');
  await expect(objections).toContainText('Needs a business outcome');
  await app.expectAccessible('alignment view');

  // A new required function means nothing is agreed until it signs.
  await page.getByRole('textbox', { name: 'New function name' }).fill('Security');
  await page.getByRole('button', { name: 'Add function' }).click();
  await expect(page.getByRole('columnheader', { name: 'Security' })).toBeVisible();
  await expect(page.getByText(/0 of 2\s+metrics agreed/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Required for Security' }).uncheck();
  await expect(page.getByRole('columnheader', { name: 'Security (optional)' })).toBeVisible();
  await expect(page.getByText(/1 of 2\s+metrics agreed/)).toBeVisible();

  await page.getByRole('textbox', { name: 'Name of function Security' }).fill('product');
  await expect(page.getByText('There is already a function called "product".')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name of function Security' }).fill('Security and privacy');
  await expect(page.getByRole('columnheader', { name: 'Security and privacy (optional)' })).toBeVisible();
  await page.getByRole('button', { name: 'Move Security and privacy up' }).click();
  await expect(page.getByRole('columnheader').nth(4)).toHaveText('Security and privacy (optional)');

  await page.getByRole('button', { name: 'Remove Leadership' }).click();
  await page.getByRole('dialog', { name: 'Remove Leadership?' }).getByRole('button', { name: 'Remove function' }).click();
  await expect(page.getByRole('columnheader', { name: 'Leadership' })).toBeHidden();
  await expect(objections).toBeHidden();
  await app.undoByKeyboard();
  await expect(page.getByRole('columnheader', { name: 'Leadership' })).toBeVisible();
  await expect(objections).toContainText('Needs a business outcome');
  await page.reload();
  await page.getByRole('button', { name: 'Alignment' }).click();
  await expect(page.getByRole('columnheader', { name: 'Security and privacy (optional)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Objections to resolve' })).toContainText('Needs a business outcome');
});

test('an objection to a version a contract change replaced stays in sight, with its reason and what changed', async ({ app, page }) => {
  await openTaskSuccess(app);
  await app.signAs('Bo');
  await objectFor(page, 'Leadership', 'Needs a business outcome');
  await page.locator('#metric-target').fill('90');
  await page.locator('#metric-target').press('Enter');
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  await expect(page.getByTestId('choice-Leadership')).toHaveText('Pending');
  await expect(page.getByRole('listitem').filter({ has: page.getByTestId('choice-Leadership') })).toContainText(
    'Objected to version 1 (Bo): “Needs a business outcome”. Since then: Target.',
  );

  await page.getByRole('link', { name: '← All metrics' }).click();
  await page.getByRole('button', { name: 'Alignment' }).click();
  await expect(page.getByText(/0\s+objections · 1\s+objection to an earlier version/)).toBeVisible();
  const earlier = page.getByRole('region', { name: 'Objections to earlier versions' });
  await expect(earlier).toContainText('Task success rate: Leadership objected to version 1 (Bo) — “Needs a business outcome”');
  await expect(earlier).toContainText('Version 2 changed Target; Leadership has not signed it yet.');
  await expect(page.getByRole('row', { name: /Task success rate/ })).toContainText('Objected to v1');
  await app.expectAccessible('alignment view with an earlier objection');
});

test('typing in a metric is kept when the window is reloaded at once, including a signed contract field', async ({ app, page }) => {
  await openTaskSuccess(app);
  await app.signAs('Ana');
  await page.getByRole('button', { name: 'Agree for Engineering' }).click();
  // The contract is signed once the agreement shows (a reload while it is being stored is issue 11's).
  await expect(page.getByTestId('choice-Engineering')).toHaveText('Agrees');
  await page.getByRole('textbox', { name: 'Decision it informs' }).fill('');
  await page.keyboard.type('Roll out to all agents');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Decision it informs' })).toHaveValue('Roll out to all agents');
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 1');

  await page.getByRole('textbox', { name: 'Window' }).fill('');
  await page.keyboard.type('7-day rolling');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Window' })).toHaveValue('7-day rolling');
  // Written back on the next start, it is a contract change like any other: a new version.
  await expect(page.getByTitle("The contract's version")).toHaveText('Version 2');
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('row', { name: /Window 28-day rolling 7-day rolling/ })).toBeVisible();
});

test('a map item links to the metrics it bears on; the metric lists it; deleting the metric unlinks it until undone', async ({ app, page }) => {
  await openTaskSuccess(app);
  await app.openArea('Uncertainty');
  await app.quickAdd(['Graders disagree on success']);
  await page.getByRole('button', { name: 'Done' }).click();
  await app.map.open('Graders disagree on success');
  const link = page.getByRole('group', { name: 'Shared metrics it bears on' }).getByRole('checkbox', { name: 'Task success rate' });
  await link.check();
  await expect(link).toBeChecked();

  await app.openArea('Shared metrics');
  await app.openMetric('Task success rate');
  const linked = page.getByRole('region', { name: /Linked uncertainty/ });
  await expect(linked).toContainText('Graders disagree on success');
  await expect(linked).toContainText('Assumption · Open · not placed yet');
  await app.expectAccessible('metric page with a linked item');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete "Task success rate"?' }).getByRole('button', { name: 'Delete metric' }).click();
  await app.openArea('Uncertainty');
  await app.map.open('Graders disagree on success');
  await expect(page.getByRole('group', { name: 'Shared metrics it bears on' })).toContainText('no shared metrics yet');
  await app.undoByKeyboard();
  await expect(link).toBeChecked();
});

test('metrics screens have no serious accessibility violations in dark mode', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Task success rate/, /Cost per 1,000 requests/]);
  await app.expectAccessible('metrics list, dark');
  await app.openMetric('Task success rate');
  await app.recordReading('2026-09-01', '70');
  await app.signAs('Ana');
  await objectFor(page, 'Product', 'Too lenient');
  await page.locator('#metric-target').fill('90');
  await page.locator('#metric-target').press('Enter');
  await app.expectAccessible('metric page with versions, dark');
  await page.getByRole('link', { name: '← All metrics' }).click();
  await page.getByRole('button', { name: 'Add from library' }).click();
  await app.expectAccessible('library dialog, dark');
});
