import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

async function bothSchemes(app: KeelApp, page: Page, context: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`${context} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const blockTitles = (page: Page) => page.getByRole('list', { name: 'Agenda' }).locator('[data-block] input[id$="-title"]');

/** The agenda's block titles, in order. */
async function expectAgenda(page: Page, titles: string[]) {
  await expect.poll(() => blockTitles(page).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(titles);
}

test('plan a session from a template by keyboard, shape its agenda, and find it all after a reload', async ({ app, page }) => {
  test.slow();
  await app.startProgram('Support assistant', 'Sessions');
  await expect(page.getByRole('heading', { name: 'No sessions yet' })).toBeVisible();
  await bothSchemes(app, page, 'sessions, empty');

  // N opens the plan; the kick-off template brings its title and agenda.
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Plan a session' });
  await expect(dialog.getByRole('radio', { name: /^Nothing yet/ })).toBeFocused();
  await dialog.getByRole('radio', { name: /^Kick-off: map the uncertainty/ }).focus();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Kick-off: map the uncertainty');
  await expect(dialog.getByRole('region', { name: 'The agenda it starts with' }).getByRole('listitem')).toHaveCount(6);
  await expect(dialog).toContainText('Agenda 80 min of 90 planned: 10 min to spare');
  await dialog.getByLabel('Date').fill('2026-11-12');
  const title = dialog.getByRole('textbox', { name: 'Title' });
  await title.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Kick-off');
  await bothSchemes(app, page, 'planning a session');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Kick-off');
  await expect(blockTitles(page)).toHaveCount(6);

  // Three blocks are enough for this one: three go, the last with Undo offered.
  for (const name of ['Goals and roles', 'Who tests what', 'Retro']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(blockTitles(page)).toHaveCount(3);
  await expect(app.toast('Removed "Retro" from the agenda.')).toBeVisible();

  // A participant, by keyboard: name, Tab, function, Enter.
  await page.getByRole('textbox', { name: 'New participant' }).focus();
  await page.keyboard.type('Ana');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Product');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of Ana' })).toHaveValue('Ana');
  await expect(page.getByRole('combobox', { name: 'Function of Ana' })).toHaveValue('Product');

  // A block's minutes to 45: the agenda's total follows.
  const mapping = page.getByRole('listitem', { name: /Place them on the map$/ });
  await mapping.getByRole('textbox', { name: 'Minutes' }).fill('45');
  await mapping.getByRole('textbox', { name: 'Minutes' }).press('Enter');
  await expect(page.getByTestId('agenda-fit')).toHaveText('Agenda 65 min of 90 planned: 25 min to spare');

  // Alt+Up on a block's handle moves it up one place, says so, and keeps the focus on it.
  const handle = page.getByRole('button', { name: 'Move Vote: what to test first', exact: true });
  await handle.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'Moved "Vote: what to test first" to position 2 of 3.' })).toBeAttached();
  await expectAgenda(page, ['What could go wrong', 'Vote: what to test first', 'Place them on the map']);
  await expect(handle).toBeFocused();
  // And from a field of the block, too: Alt+Down in its title puts it back.
  const voteTitle = page.getByRole('textbox', { name: 'Title of block 2' });
  await voteTitle.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expectAgenda(page, ['What could go wrong', 'Place them on the map', 'Vote: what to test first']);
  await expect(page.getByRole('textbox', { name: 'Title of block 3' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expectAgenda(page, ['What could go wrong', 'Vote: what to test first', 'Place them on the map']);
  await page.getByRole('textbox', { name: 'Goals' }).fill('Know what to test first.');
  await bothSchemes(app, page, 'a planned session');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Kick-off');
  await expectAgenda(page, ['What could go wrong', 'Vote: what to test first', 'Place them on the map']);
  await expect(page.getByRole('listitem', { name: /Place them on the map$/ }).getByRole('textbox', { name: 'Minutes' })).toHaveValue('45');
  await expect(page.getByRole('textbox', { name: 'Name of Ana' })).toHaveValue('Ana');
  await expect(page.getByRole('combobox', { name: 'Function of Ana' })).toHaveValue('Product');
  await expect(page.getByRole('textbox', { name: 'Goals' })).toHaveValue('Know what to test first.');
  await expect(page.getByLabel('Date')).toHaveValue('2026-11-12');

  // The list: title, date, status, length and blocks.
  await page.getByRole('link', { name: '← All sessions' }).click();
  const row = page.getByTestId('session-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Kick-off');
  await expect(row).toContainText('Nov 12, 2026');
  await expect(row).toContainText('Planned');
  await expect(row).toContainText('90 min');
  await expect(row).toContainText('3 blocks');
  await bothSchemes(app, page, 'the sessions list');

  // Which sessions show is remembered across areas and a reload.
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Held (0)' });
  await expect(page.getByText('No session has been held yet.')).toBeVisible();
  await app.openArea('Actions');
  await app.openArea('Sessions');
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('closed');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('closed');
  await expect(page.getByTestId('session-row')).toHaveCount(0);
});

test('blocks are put in order by dragging their handle too', async ({ app, page }) => {
  // Tall enough that the first and the last block show together (the test's pointer does not scroll while dragging).
  await page.setViewportSize({ width: 1280, height: 2000 });
  await app.startProgram('Support assistant', 'Sessions');
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Plan a session' });
  await dialog.getByRole('radio', { name: /^Pre-mortem/ }).check();
  await dialog.getByRole('button', { name: 'Plan session' }).click();
  await expectAgenda(page, ['It is a year from now and it failed', 'Reflect: why did it fail?', 'Group the reasons', 'Vote: the likeliest', 'Discuss the top reasons', 'Mitigations']);
  await page.getByRole('listitem', { name: /Mitigations$/ }).getByTitle('Drag to move').dragTo(page.getByRole('listitem', { name: /^Block 1 of 6/ }), { targetPosition: { x: 40, y: 4 } });
  await expectAgenda(page, ['Mitigations', 'It is a year from now and it failed', 'Reflect: why did it fail?', 'Group the reasons', 'Vote: the likeliest', 'Discuss the top reasons']);
  await expect(page.getByRole('status').filter({ hasText: 'Moved "Mitigations" to position 1 of 6.' })).toBeAttached();
  // One step of Undo puts it back.
  await app.undoByKeyboard();
  await expectAgenda(page, ['It is a year from now and it failed', 'Reflect: why did it fail?', 'Group the reasons', 'Vote: the likeliest', 'Discuss the top reasons', 'Mitigations']);
});

test('the next session offers the last closed one’s unfinished blocks first, ticked, and says where they came from', async ({ app, page }, testInfo) => {
  test.slow();
  await app.startProgram('Support assistant', 'Sessions');
  await page.getByRole('button', { name: 'Plan a session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan a session' });
  await dialog.getByRole('radio', { name: /^Re-planning review/ }).check();
  await dialog.getByLabel('Date').fill('2026-11-12');
  await dialog.getByRole('button', { name: 'Plan session' }).click();
  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Re-planning review');

  // The session, as held: exported, closed after its first block, and imported back.
  await app.openArea('Overview');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const saved = testInfo.outputPath('held.keel.json');
  await (await downloading).saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  const [session] = file.data.sessions;
  const start = '2026-11-12T09:00:00.000Z';
  const end = '2026-11-12T10:30:00.000Z';
  Object.assign(session, { status: 'closed', startedAt: start, endedAt: end });
  Object.assign(session.blocks[0], { startedAt: start, endedAt: '2026-11-12T09:15:00.000Z', outcome: 'done' });
  Object.assign(session.blocks[1], { startedAt: '2026-11-12T09:15:00.000Z', endedAt: '2026-11-12T09:40:00.000Z', outcome: 'done' });
  Object.assign(session.blocks[2], { startedAt: '2026-11-12T09:40:00.000Z', endedAt: '2026-11-12T09:50:00.000Z', outcome: 'skipped' });
  writeFileSync(saved, JSON.stringify(file));
  await app.goHome();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(saved);
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant (copy)' })).toBeVisible();
  await app.openArea('Sessions');
  await expect(page.getByTestId('session-row')).toContainText('Closed');

  await page.locator('body').press('n');
  // Unfinished first: the skipped block and the three never started, all ticked.
  const carry = dialog.getByRole('group', { name: 'Unfinished in Nov 12 · Re-planning review' });
  await expect(carry.getByRole('checkbox')).toHaveCount(4);
  for (const box of await carry.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await carry.getByRole('checkbox', { name: /Retro/ }).uncheck();
  await dialog.getByRole('radio', { name: /^The last session’s agenda/ }).check();
  const preview = dialog.getByRole('region', { name: 'The agenda it starts with' }).getByRole('listitem');
  // "Since last session" opens it; then the three carried; then the rest of the last agenda: the
  // other held block and the unticked retro.
  await expect(preview).toHaveText([
    /^Since last session 15 min$/,
    /^Roadmap review 25 min · carried$/,
    /^Scope changes 15 min · carried$/,
    /^Open actions 10 min · carried$/,
    /^Review uncertainties 20 min$/,
    /^Retro 5 min$/,
  ]);
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Follow-up');
  await dialog.getByLabel('Date').fill('2026-11-26');
  await bothSchemes(app, page, 'planning with carried blocks');
  await dialog.getByRole('button', { name: 'Plan session' }).click();

  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Follow-up');
  await expectAgenda(page, ['Since last session', 'Roadmap review', 'Scope changes', 'Open actions', 'Review uncertainties', 'Retro']);
  await expect(page.getByRole('listitem', { name: /Roadmap review$/ })).toContainText('carried from Nov 12 · Re-planning review');
  await expect(page.getByRole('listitem', { name: /Since last session$/ })).not.toContainText('carried from');

  // Nothing is offered twice: the next plan offers only what no session took (the retro).
  await page.getByRole('link', { name: '← All sessions' }).click();
  await expect(page.getByTestId('session-row').first()).toContainText('Follow-up');
  await page.locator('body').press('n');
  await expect(carry.getByRole('checkbox')).toHaveCount(1);
  await expect(carry.getByRole('checkbox', { name: /Retro/ })).toBeChecked();

  // Starting it runs it from its first block: the list marks it, with a link straight to it.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Follow-up' }).click();
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { name: 'Running: Follow-up' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Sessions', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Running now: Follow-up' })).toBeVisible();
  await page.getByRole('link', { name: 'Running now: go to Follow-up' }).click();
  await expect(page.getByRole('heading', { name: 'Running: Follow-up' })).toBeVisible();

  // A running session goes only after a confirmation that says it was started and what goes with it; Undo brings it back.
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Sessions', exact: true }).click();
  await page.getByRole('button', { name: 'Delete Follow-up' }).click();
  const confirming = page.getByRole('dialog', { name: 'Delete "Follow-up"?' });
  await expect(confirming).toContainText('This session was started and is running now: deleting it deletes its record, not just its plan. Its 1 snapshot of the program goes with it');
  await confirming.getByRole('button', { name: 'Delete session and its record' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(app.toast('Deleted "Follow-up".')).toBeVisible();
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).last().click();
  await expect(page.getByTestId('session-row')).toHaveCount(2);
});
