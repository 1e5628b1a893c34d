import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// The first run: the first-workshop guide shows by itself, takes a facilitator through four
// steps by keyboard, and stays closed once closed; the sample program is created only when
// asked, always as a new program beside what is there, and one undo removes it.

test.use({ firstRun: true });

const SAMPLE = 'Customer-support assistant';

const guidePanel = (page: Page) => page.getByRole('complementary', { name: 'Your first workshop' });
const step = (page: Page, title: RegExp) => guidePanel(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

/** Presses a button from the keyboard: focus, then Enter. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

async function bothSchemes(app: KeelApp, page: Page, context: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`${context} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The program's .keel.json as exported from its row on the home screen, without the moment of the export. */
async function exported(app: KeelApp, name: string) {
  const downloading = app.page.waitForEvent('download');
  await app.rowButton(name, 'Export').click();
  const file = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as Record<string, unknown>;
  delete file.exportedAt;
  return file;
}

test('the guide shows on a first launch and takes a facilitator to a first workshop by keyboard, ticking each step off', async ({ app, page }) => {
  test.slow();
  await app.open();
  const guide = guidePanel(page);
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('status')).toHaveText('0 of 4 done');
  await expect(step(page, /Map 3 uncertainties/)).toContainText('After step 1.');
  await bothSchemes(app, page, 'first launch with the guide');

  // 1. Create a program: the guide's own button opens the form.
  await press(step(page, /Create a program/).getByRole('button', { name: 'Create a program' }));
  const form = page.getByRole('dialog', { name: 'New program' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Claims assistant');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Claims assistant' })).toBeVisible();
  await expect(guide.getByRole('status')).toHaveText('1 of 4 done, in “Claims assistant”');
  await expect(step(page, /Create a program/)).toContainText('Done.');

  // 2. Three uncertainties: the guide opens the map with fast capture ready.
  await press(step(page, /Map 3 uncertainties/).getByRole('button', { name: 'Add uncertainties' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Uncertainty' })).toBeVisible();
  const title = page.getByRole('textbox', { name: 'New item title' });
  await expect(title).toBeFocused();
  for (const item of ['Adjusters trust the summaries', 'Scanned claims are legible', 'Fraud rules change monthly']) {
    await page.keyboard.type(item);
    await page.keyboard.press('Enter');
    await expect(title).toHaveValue('');
  }
  await expect(guide.getByRole('status')).toHaveText('2 of 4 done, in “Claims assistant”');

  // 3. A metric every required function agrees to: the guide opens the form, then the metric to sign.
  await press(step(page, /Agree a metric/).getByRole('button', { name: 'New metric' }));
  await expect(page.getByRole('dialog', { name: 'New metric' }).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Claims closed without rework');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Metric name' })).toHaveValue('Claims closed without rework');
  await expect(step(page, /Agree a metric/).getByRole('button', { name: 'Sign off a metric' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Signing as' }).focus();
  await page.keyboard.type('Ana');
  for (const fn of ['Engineering', 'Product']) {
    await press(page.getByRole('button', { name: `Agree for ${fn}` }));
    await expect(page.getByTestId(`choice-${fn}`)).toHaveText('Agrees');
  }
  // Two of three required functions is not agreement yet.
  await expect(guide.getByRole('status')).toHaveText('2 of 4 done, in “Claims assistant”');
  await press(page.getByRole('button', { name: 'Agree for Leadership' }));
  await expect(guide.getByRole('status')).toHaveText('3 of 4 done, in “Claims assistant”');

  // 4. Plan a session: the guide opens the plan; a template and a date, then Enter.
  await press(step(page, /Plan a session/).getByRole('button', { name: 'Plan a session' }));
  const plan = page.getByRole('dialog', { name: 'Plan a session' });
  await expect(plan.getByRole('radio', { name: /^Nothing yet/ })).toBeFocused();
  await plan.getByRole('radio', { name: /^Kick-off: map the uncertainty/ }).focus();
  await page.keyboard.press('Space');
  await plan.getByLabel('Date').focus();
  await page.keyboard.type('12112026');
  await plan.getByRole('textbox', { name: 'Title' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Kick-off: map the uncertainty');

  await expect(guide.getByRole('status')).toHaveText('4 of 4 done, in “Claims assistant”');
  for (const done of [/Create a program/, /Map 3 uncertainties/, /Agree a metric/, /Plan a session/]) {
    await expect(step(page, done).getByRole('heading')).toContainText('(done)');
  }
  await expect(guide).toContainText('Ready: open the session from Sessions');
  await bothSchemes(app, page, 'the guide with every step done');
});

test('closed, the guide stays closed after a reload and in a second window; the home screen opens it again', async ({ app, page, context }) => {
  await app.open();
  const guide = guidePanel(page);
  await expect(guide).toBeVisible();

  // Escape inside the panel closes it, as its Close button does.
  await guide.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(guide).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your programs' })).toBeVisible();
  await expect(guide).toBeHidden();
  const second = await context.newPage();
  await new (app.constructor as typeof KeelApp)(second).open();
  await expect(guidePanel(second)).toBeHidden();

  // The home screen's Guide opens it with the focus on it; the other window follows.
  await press(page.getByRole('button', { name: 'Guide', exact: true }));
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('heading', { name: 'Your first workshop' })).toBeFocused();
  await expect(guidePanel(second)).toBeVisible();
  // Left open, it is open after a reload too.
  await page.reload();
  await expect(guide).toBeVisible();
  await press(guide.getByRole('button', { name: 'Close' }));
  await expect(guide).toBeHidden();
  await expect(guidePanel(second)).toBeHidden();

  // The empty home screen's "Start with the guide" opens it as well.
  await press(page.getByRole('region', { name: 'No programs yet' }).getByRole('button', { name: 'Start with the guide' }));
  await expect(guide).toBeVisible();
});

test('the sample program from the empty home screen is a new program in every area, and one undo removes it', async ({ app, page }) => {
  await app.open();
  await press(guidePanel(page).getByRole('button', { name: 'Close' }));
  const empty = page.getByRole('region', { name: 'No programs yet' });
  await expect(empty.getByRole('button', { name: 'Create a program' })).toBeVisible();
  await press(empty.getByRole('button', { name: 'Explore the sample program' }));

  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();
  const toast = app.toast(`Created the sample program "${SAMPLE}".`);
  await expect(toast).toBeVisible();
  // What needs attention has something to say: overdue reviews, a breached guardrail, a pending change.
  await expect(page.getByText('Leave voice support out of this year’s plan')).toBeVisible();
  await bothSchemes(app, page, 'the sample program’s overview');

  await app.openArea('Uncertainty');
  await app.map.expectMarks(11);
  await app.openArea('Shared metrics');
  await expect(page.getByRole('link', { name: 'Answer accuracy', exact: true })).toBeVisible();
  await app.openArea('Trade-offs');
  await expect(page.getByRole('link', { name: 'Which model setup do we launch with?' })).toBeVisible();
  await app.openArea('Decision log');
  await expect(page.getByText(/ADR-0004/).first()).toBeVisible();
  await app.openArea('Roadmap');
  await expect(page.getByText('Suggested replies pilot with 20 agents').first()).toBeVisible();
  await app.openArea('Sessions');
  await expect(page.getByText('Re-planning review').first()).toBeVisible();

  // One undo takes the whole sample away.
  await app.goHome();
  await app.expectNames([SAMPLE]);
  await app.undoByKeyboard();
  await expect(page.getByRole('region', { name: 'No programs yet' })).toBeVisible();
});

test('the sample from the guide with programs already there is a new one beside them, which are left exactly as they were', async ({ app, page }) => {
  test.slow();
  await app.open();
  await press(guidePanel(page).getByRole('button', { name: 'Close' }));
  await app.createProgram('Fraud triage');
  await app.openArea('Uncertainty');
  await app.quickAdd(['Chargebacks lag by weeks', 'Merchants share labels']);
  await app.goHome();
  const before = await exported(app, 'Fraud triage');

  // From the guide, twice: the second sample takes the next free name, and says so.
  await press(page.getByRole('button', { name: 'Guide', exact: true }));
  await press(guidePanel(page).getByRole('button', { name: 'Explore the sample program' }));
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();
  await press(guidePanel(page).getByRole('button', { name: 'Explore the sample program' }));
  await expect(page.getByRole('heading', { level: 1, name: `${SAMPLE} (copy)` })).toBeVisible();
  await expect(app.toast(`Created the sample program as "${SAMPLE} (copy)": you already have a "${SAMPLE}", and it is unchanged.`)).toBeVisible();
  // The guide follows the user's own program, never a sample, even with the sample open.
  await expect(guidePanel(page).getByRole('status')).toHaveText('1 of 4 done, in “Fraud triage”');

  await app.goHome();
  await app.expectNames([`${SAMPLE} (copy)`, SAMPLE, 'Fraud triage']);
  expect(await exported(app, 'Fraud triage')).toEqual(before);

  // Undo removes the latest sample only.
  await app.undoByKeyboard();
  await app.expectNames([SAMPLE, 'Fraud triage']);
});
