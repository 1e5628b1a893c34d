import type { Page } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

async function openLog(app: KeelApp, page: Page) {
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Decision log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decision log' })).toBeVisible();
  void app;
}

const status = (page: Page) => page.locator('.record-head').getByTestId('decision-status');

test('record a decision in the log by keyboard, accept it, and supersede it', async ({ app, page }) => {
  await app.startProgram('Support assistant');
  await openLog(app, page);
  await expect(page.getByRole('heading', { name: 'No decisions recorded yet' })).toBeVisible();

  const title = page.getByRole('textbox', { name: 'Title of a new decision record' });
  // N starts a record from anywhere on the log, as in the other areas.
  await page.locator('body').press('n');
  await expect(title).toBeFocused();
  await title.fill('Use hybrid search for retrieval');
  await title.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Use hybrid search for retrieval');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
  await expect(page.locator('.record-head')).toContainText('ADR-0001');
  await expect(status(page)).toHaveText(/Draft/);

  await page.getByRole('textbox', { name: 'What is the situation, and what must be decided?' }).fill('Recall on refund tickets is poor.');
  const newOption = page.getByRole('textbox', { name: 'Add an option considered' });
  for (const option of ['Dense only', 'Hybrid search']) {
    await newOption.fill(option);
    await newOption.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Option \d title$/ }).last()).toHaveValue(option);
  }
  // Reorder by keyboard: the second option moves up.
  await page.getByRole('button', { name: 'Move option 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Option 1 title' })).toHaveValue('Hybrid search');
  await page.getByRole('textbox', { name: 'Option 2 description' }).fill('Cheapest, misses exact product names');
  await page.getByRole('textbox', { name: 'The option chosen, and why' }).fill('Hybrid search: exact names matter.');
  await page.getByRole('textbox', { name: 'Deciders' }).fill('Ana (Product), Ben (Engineering)');
  await page.getByRole('textbox', { name: 'Bad, and what it costs' }).fill('A second index to run.');
  await page.getByRole('textbox', { name: 'Bad, and what it costs' }).blur();

  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(status(page)).toHaveText(/Proposed/);
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(status(page)).toHaveText(/Accepted/);
  // The button pressed is gone with the status it set: focus is on the record, not lost.
  await expect(page.getByRole('heading', { level: 1, name: 'Use hybrid search for retrieval' })).toBeFocused();
  // An accepted record is never edited: it reads as it was accepted.
  await expect(page.getByRole('textbox', { name: 'What is the situation, and what must be decided?' })).toHaveCount(0);
  await expect(page.getByText('Recall on refund tickets is poor.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Use hybrid search for retrieval' })).toBeVisible();
  await app.expectAccessible('accepted decision record');

  // Superseding starts a new draft with the content to change, linked both ways.
  await page.getByRole('button', { name: 'Supersede', exact: true }).click();
  await expect(page.locator('.record-head')).toContainText('ADR-0002');
  await expect(status(page)).toHaveText(/Draft/);
  await expect(page.getByRole('textbox', { name: 'The option chosen, and why' })).toHaveValue('Hybrid search: exact names matter.');
  await expect(page.getByTestId('supersede-chain')).toContainText('Supersedes ADR-0001 Use hybrid search for retrieval');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Use hybrid search with a re-ranker');
  await page.getByRole('textbox', { name: 'The option chosen, and why' }).fill('Hybrid search with a cross-encoder re-ranker.');
  await page.getByRole('textbox', { name: 'The option chosen, and why' }).blur();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(status(page)).toHaveText(/Accepted/);
  await expect(app.toast('ADR-0001 is now superseded')).toBeVisible();

  // The old record shows what superseded it; undo of the acceptance would restore both.
  await page.getByTestId('supersede-chain').getByRole('link', { name: /ADR-0001/ }).click();
  await expect(status(page)).toHaveText(/Superseded/);
  await expect(page.getByTestId('supersede-chain')).toContainText('Superseded by ADR-0002 Use hybrid search with a re-ranker');
  await expect(page.getByText('Hybrid search: exact names matter.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Supersede', exact: true })).toHaveCount(0);

  // The log, newest first, filtered by status; the filter survives a reload.
  await page.getByRole('link', { name: '← Decision log' }).click();
  await expect(page.locator('ol.records > li')).toHaveCount(2);
  await expect(page.locator('ol.records > li').first()).toContainText('ADR-0002');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('superseded');
  await expect(page.locator('ol.records > li')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('superseded');
  await expect(page.locator('ol.records > li')).toHaveText([/ADR-0001/]);
  await page.getByRole('searchbox', { name: 'Search decisions' }).fill('nothing like this');
  await expect(page.getByRole('heading', { name: 'No decisions match' })).toBeVisible();
  await page.getByRole('button', { name: 'Show every record' }).click();
  await expect(page.locator('ol.records > li')).toHaveCount(2);
});

const grid = (page: Page) => page.getByRole('grid', { name: /^Scores of/ });

/** A matrix: Dense and Hybrid against Quality (benefit) and Effort (cost), scored from the keyboard. */
async function buildMatrix(page: Page, ratings: number[][]) {
  await page.getByRole('button', { name: 'New matrix' }).first().click();
  await page.keyboard.type('Which retriever ships?');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue('Which retriever ships?');
  const newOption = page.getByRole('textbox', { name: 'New option' });
  for (const title of ['Dense', 'Hybrid']) {
    await newOption.fill(title);
    await newOption.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Option \d title$/ }).last()).toHaveValue(title);
  }
  for (const [name, direction] of [
    ['Quality', 'benefit'],
    ['Effort', 'cost'],
  ] as const) {
    await page.getByRole('textbox', { name: 'New free-standing criterion' }).fill(name);
    await page.getByRole('combobox', { name: 'Direction of the new criterion' }).selectOption(direction);
    await page.getByRole('textbox', { name: 'New free-standing criterion' }).press('Enter');
    await expect(page.getByRole('textbox', { name: /^Criterion \d name$/ }).last()).toHaveValue(name);
  }
  await scoreByKeyboard(page, ratings);
}

async function scoreByKeyboard(page: Page, ratings: number[][]) {
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await grid(page).getByRole('gridcell', { name: /^Dense, Quality/ }).click();
  for (let r = 0; r < ratings.length; r++) {
    for (let c = 0; c < ratings[r]!.length; c++) {
      await page.keyboard.press(String(ratings[r]![c]));
      if (c < ratings[r]!.length - 1) await page.keyboard.press('ArrowRight');
    }
    if (r < ratings.length - 1) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
    }
  }
  await expect(grid(page).getByRole('gridcell', { name: /^Hybrid, Effort/ })).toHaveAccessibleName(new RegExp(`: ${ratings[1]![1]} `));
}

async function decide(page: Page, option: string, why: string) {
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chosen option' }).selectOption({ label: option });
  await page.getByRole('textbox', { name: 'Rationale' }).fill(why);
  await page.getByRole('textbox', { name: 'Decided by' }).fill('Ana, Ben');
  await page.getByRole('button', { name: 'Record decision and lock' }).click();
  await expect(page.getByTestId('decided-banner')).toBeVisible();
}

test('a matrix decision keeps its full basis in the log after the matrix is reopened and rescored', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Trade-offs');
  // Dense: Quality 2 (0.25), Effort 2 (0.75) -> 50; Hybrid: Quality 5 (1.0), Effort 3 (0.5) -> 75.
  await buildMatrix(page, [
    [2, 2],
    [5, 3],
  ]);
  await decide(page, 'Hybrid (recommended)', 'Exact product names matter most.');
  // The matrix's decision links to its record in the log.
  await expect(page.getByTestId('decision-record').getByRole('link', { name: 'ADR-0001' })).toBeVisible();

  await page.getByRole('button', { name: 'Reopen…' }).click();
  await page.getByRole('textbox', { name: 'Why reopen it?' }).fill('New evaluation data.');
  await page.getByRole('button', { name: 'Reopen the matrix' }).click();
  await expect(page.getByTestId('decided-banner')).toHaveCount(0);
  // Until the matrix is decided again, its record says it awaits that decision.
  const matrixPage = page.url();
  await openLog(app, page);
  await expect(page.locator('ol.records > li')).toHaveText([/ADR-0001.*Superseded.*its matrix was reopened: awaiting a new decision/]);
  await page.getByRole('link', { name: 'Which retriever ships? → Hybrid' }).click();
  await expect(page.getByTestId('awaiting')).toContainText('the next decision taken there will supersede this record');
  await page.goto(matrixPage);
  // Dense now rates 5 on quality: (1.0 + 0.75) / 2 -> 88, ahead of Hybrid's 75.
  await scoreByKeyboard(page, [
    [5, 2],
    [5, 3],
  ]);
  await decide(page, 'Dense (recommended)', 'Dense caught up and costs less.');

  await openLog(app, page);
  await expect(page.locator('ol.records > li')).toHaveText([
    /ADR-0002.*Which retriever ships\? → Dense.*Accepted.*supersedes ADR-0001/,
    /ADR-0001.*Which retriever ships\? → Hybrid.*Superseded.*superseded by ADR-0002/,
  ]);
  await page.getByRole('link', { name: 'Which retriever ships? → Hybrid' }).click();
  await expect(status(page)).toHaveText(/Superseded/);
  await expect(page.getByTestId('status-note')).toHaveText(/^Reopened on [A-Z][a-z]{2} \d{1,2}, \d{4}: New evaluation data\.$/);
  await expect(page.getByTestId('supersede-chain')).toContainText('Superseded by ADR-0002');

  // The first decision's basis, from the frozen copy: not the matrix's scores now.
  const basis = page.getByTestId('decision-basis');
  await expect(basis).toContainText('Exact product names matter most.');
  await expect(page.getByTestId('basis-ranking').locator('tbody tr')).toHaveText([/1\s*Hybrid\s*75\s*chosen/, /2\s*Dense\s*50/]);
  const scores = page.getByTestId('basis-scores');
  await expect(scores.getByRole('row', { name: /^Dense/ })).toContainText('2 · Low');
  await expect(scores.getByRole('row', { name: /^Hybrid/ })).toContainText('5 · Very high');
  const weights = page.getByTestId('basis-weights');
  await expect(weights.getByRole('columnheader')).toHaveText(['Criterion', /Engineering/, /Product/, /Leadership/, 'Combined']);
  await expect(weights.getByRole('row', { name: /^Quality/ })).toHaveText(/Quality\s*50%\s*50%\s*50%\s*50%/);
  // Quality's weight at 25% would tie them: (0.25·0.25 + 0.75·0.75) = (0.25·1 + 0.75·0.5).
  await expect(page.getByTestId('basis-flip')).toHaveText('The smallest single change that flips the winner: Quality from 50% to 25% makes Dense the winner.');
  await expect(basis).toContainText('Weight of Quality can move from');
  await app.expectAccessible('a superseded matrix decision with its basis');

  // The standing decision's record has the new numbers.
  await page.getByTestId('supersede-chain').getByRole('link', { name: /ADR-0002/ }).click();
  await expect(page.getByTestId('basis-ranking').locator('tbody tr')).toHaveText([/1\s*Dense\s*88\s*chosen/, /2\s*Hybrid\s*75/]);
});

test('the decision log has no serious accessibility violations, light and dark', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Trade-offs');
  await buildMatrix(page, [
    [2, 2],
    [5, 3],
  ]);
  await decide(page, 'Hybrid (recommended)', 'Exact product names matter most.');
  await openLog(app, page);
  const title = page.getByRole('textbox', { name: 'Title of a new decision record' });
  await title.fill('Keep a human in the loop for refunds');
  await title.press('Enter');
  await expect(status(page)).toHaveText(/Draft/);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('link', { name: '← Decision log' }).click();
    await expect(page.locator('ol.records > li')).toHaveCount(2);
    await app.expectAccessible(`decision log, ${scheme}`);
    await page.getByRole('link', { name: 'Which retriever ships? → Hybrid' }).click();
    await expect(page.getByTestId('decision-basis')).toBeVisible();
    await app.expectAccessible(`matrix decision record, ${scheme}`);
    await page.getByRole('link', { name: '← Decision log' }).click();
    await page.getByRole('link', { name: 'Keep a human in the loop for refunds' }).click();
    await page.getByRole('button', { name: 'Reject…' }).click();
    await expect(page.getByRole('textbox', { name: 'Why is it rejected?' })).toBeFocused();
    await app.expectAccessible(`draft decision record, ${scheme}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
});
