import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// A secret ballot with three participants passed round one laptop: nothing of the result shows
// before the reveal, each vote blanks the screen, the result is revealed and applied ("test
// first") and the apply undone. The session (running, three participants, three uncertainty
// items) comes from a .keel.json file.

const FIXTURE = fileURLToPath(new URL('../../fixtures/sessions/vote-workshop.keel.json', import.meta.url));
const ITEMS = ['Labels are noisy', 'Latency budget holds', 'Vendor stays affordable'];

async function openRunningSession(app: KeelApp, page: Page) {
  await app.open();
  await app.importFile(FIXTURE, 'Vote workshop');
  await app.openArea('Sessions');
  await page.getByRole('link', { name: 'Kick-off' }).first().click();
}

/** One participant's turn: the pass screen, their private ballot, and the blank screen after it. */
async function vote(box: Locator, voter: string, dots: Record<string, number>) {
  await expect(box.getByRole('heading', { name: `Pass the laptop to ${voter}` })).toBeVisible();
  await box.getByRole('button', { name: `I am ${voter}: open my ballot` }).click();
  await expect(box.getByRole('heading', { name: `${voter}, your vote` })).toBeFocused();
  for (const [label, n] of Object.entries(dots)) {
    // By keyboard: + on the candidate's row.
    const more = box.getByRole('button', { name: `One dot more on ${label}` });
    await more.focus();
    for (let i = 0; i < n; i++) await more.press('+');
  }
  await box.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(box.getByRole('heading', { name: 'Vote cast.' })).toBeVisible();
  await expect(box).toContainText(/Pass the laptop to the next person\.|give the laptop back to the facilitator\./);
  for (const label of ITEMS) await expect(box).not.toContainText(label);
}

test('a secret ballot with three participants on one page: nothing shows before the reveal; the result is applied as "test first" and undone', async ({ app, page }) => {
  await openRunningSession(app, page);
  const panel = page.getByRole('region', { name: 'Votes' });
  await panel.getByRole('button', { name: 'New vote' }).click();

  const setup = page.getByRole('dialog', { name: 'New vote' });
  await setup.getByRole('textbox', { name: 'What is being decided' }).fill('What do we test first?');
  await expect(setup.getByText('Candidates (3 of 3)')).toBeVisible();
  await expect(setup.getByRole('checkbox', { name: 'Secret: nobody’s ballot is kept with their name, ever' })).toBeChecked();
  await expect(setup.getByRole('checkbox', { name: 'I vote too (the facilitator)' })).not.toBeChecked();
  await expect(setup).toContainText('Ana, Ben, Cy (3 voters)');
  await app.expectAccessible('the vote setup');
  await setup.getByRole('button', { name: 'Set up the vote' }).click();
  await expect(app.toast('Set up the vote "What do we test first?".')).toBeVisible();

  const round = panel.getByRole('article', { name: 'What do we test first?' });
  await expect(round).toContainText('0 of 3 voters voted.');
  await round.getByRole('button', { name: 'Open the ballot box' }).click();
  // The ballot box names itself after its screen ("Pass the laptop to Ana", "Vote cast."): found by its class.
  const box = page.locator('dialog.ballot-box');
  await expect(box).toBeVisible();

  await vote(box, 'Ana', { 'Labels are noisy': 2, 'Latency budget holds': 1 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`the blank screen after a vote (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await box.getByRole('button', { name: 'Next voter' }).click();

  // The ballot itself, also checked by axe.
  await box.getByRole('button', { name: 'I am Ben: open my ballot' }).click();
  await expect(box.getByText('3 dots left')).toBeVisible();
  await app.expectAccessible('a ballot');
  await box.getByRole('button', { name: 'Not now' }).click();
  await vote(box, 'Ben', { 'Labels are noisy': 1, 'Vendor stays affordable': 2 });
  await box.getByRole('button', { name: 'Next voter' }).click();
  await vote(box, 'Cy', { 'Labels are noisy': 2 });
  await box.getByRole('button', { name: 'Done' }).click();
  await expect(box.getByRole('heading', { name: 'Everyone has voted' })).toBeVisible();
  await box.getByRole('button', { name: 'Close the ballot box' }).click();
  await expect(box).toBeHidden();

  // Before the reveal: who voted and how many, no count per candidate, no ranking.
  await expect(round).toContainText('3 of 3 voters voted. Voted: Ana, Ben and Cy.');
  await expect(round.getByRole('region', { name: /^Result of/ })).toHaveCount(0);
  for (const label of ITEMS) await expect(round).not.toContainText(label);

  await round.getByRole('button', { name: 'Reveal the result' }).click();
  await expect(app.toast('Revealed "What do we test first?".')).toBeVisible();
  const result = round.getByRole('region', { name: 'Result of What do we test first?' });
  await expect(result.getByRole('listitem')).toHaveText([/^1\s*Labels are noisy\s*5 dots$/, /^2\s*Vendor stays affordable\s*2 dots$/, /^3\s*Latency budget holds\s*1 dot$/]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`a revealed result (${colorScheme})`);
  }

  // Apply: the top item tagged "test first", in one step, and Undo takes it back.
  await round.getByRole('spinbutton', { name: 'Top' }).fill('1');
  await expect(round).toContainText('Tags “test first” on “Labels are noisy”.');
  await round.getByRole('button', { name: 'Apply' }).click();
  await expect(app.toast('Applied the vote: tagged "Labels are noisy" "test first".')).toBeVisible();
  await expect(round).toContainText(/Applied .*: tagged "Labels are noisy" "test first"\./);
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).last().click();
  await expect(app.toast('Undid: Apply a vote’s result.')).toBeVisible();
  await expect(round.getByRole('button', { name: 'Apply' })).toBeVisible();

  // Applied again, the map's tag filter finds the item the room chose.
  await round.getByRole('button', { name: 'Apply' }).click();
  await expect(round).toContainText(/Applied .*: tagged "Labels are noisy" "test first"\./);
  await app.openArea('Uncertainty');
  await page.locator('summary', { hasText: /^Tag$/ }).click();
  await page.getByRole('checkbox', { name: 'test first' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'of 3 items' })).toHaveText('1 of 3 items');
});
