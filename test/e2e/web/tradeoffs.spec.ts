import type { Page } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

const OPTIONS = ['Hybrid search', 'Cross-encoder re-ranker', 'Larger model'];
// Ratings say how much of each criterion an option brings: groundedness (benefit),
// p95 latency (cost, from the shared metric) and effort (cost, free-standing).
const RATINGS = [
  [3, 2, 2],
  [5, 4, 3],
  [5, 5, 4],
];

/** A program with two shared metrics from the library, on the trade-off area. */
async function openTradeoffs(app: KeelApp) {
  await app.startProgram('Support assistant', 'Shared metrics');
  await app.addMetricsFromLibrary([/Groundedness/, /p95 latency/]);
  await app.openArea('Trade-offs');
}

/** Builds the matrix from the keyboard: options, two criteria linked to metrics and one free-standing. */
async function buildMatrix(page: Page) {
  await page.getByRole('button', { name: 'New matrix' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New trade-off matrix' });
  await page.keyboard.type('Which retrieval upgrade ships next quarter?');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue('Which retrieval upgrade ships next quarter?');

  const newOption = page.getByRole('textbox', { name: 'New option' });
  for (const title of OPTIONS) {
    await newOption.fill(title);
    await newOption.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Option \d title$/ }).last()).toHaveValue(title);
  }
  const metric = page.getByRole('combobox', { name: 'Shared metric to add as a criterion' });
  for (const name of ['Groundedness', 'p95 latency (end to end)']) {
    await metric.selectOption({ label: name });
    await metric.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.getByRole('textbox', { name: 'New free-standing criterion' }).fill('Effort');
  await page.getByRole('combobox', { name: 'Direction of the new criterion' }).selectOption('cost');
  await page.getByRole('textbox', { name: 'New free-standing criterion' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Criterion 3 name' })).toHaveValue('Effort');
}

const grid = (page: Page) => page.getByRole('grid', { name: /^Scores of/ });
const cell = (page: Page, option: string, criterion: string) => grid(page).getByRole('gridcell', { name: new RegExp(`^${option}, ${criterion}`) });

/** Scores every cell by typing digits and moving with the arrow keys. */
async function scoreByKeyboard(page: Page) {
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await grid(page).locator('[tabindex="0"]').focus();
  for (let r = 0; r < RATINGS.length; r++) {
    for (let c = 0; c < RATINGS[r]!.length; c++) {
      await page.keyboard.press(String(RATINGS[r]![c]));
      if (c < RATINGS[r]!.length - 1) await page.keyboard.press('ArrowRight');
    }
    if (r < RATINGS.length - 1) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
    }
  }
  await expect(page.getByText('9 of 9 cells scored')).toBeVisible();
}

test('build, score by keyboard, weigh per function, veto, decide, reload locked, reopen', async ({ app, page }) => {
  await openTradeoffs(app);
  await expect(page.getByRole('heading', { name: 'No trade-off matrices yet' })).toBeVisible();
  await buildMatrix(page);
  await scoreByKeyboard(page);

  await expect(cell(page, 'Larger model', 'Effort')).toHaveAccessibleName('Larger model, Effort: 4 · High');
  // Equal weights: hybrid 0.667, re-ranker 0.583, larger 0.417 (hand-worked).
  await expect(page.getByTestId('live-ranking').getByRole('listitem')).toHaveText([/Hybrid search\s*67/, /re-ranker\s*58/, /Larger model\s*42/]);
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');

  // A typed score replaces the cell, and undo (Ctrl+Z) puts it back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  await expect(cell(page, 'Cross-encoder re-ranker', 'Effort')).toHaveAccessibleName(/: 1 · Very low/);
  await app.undoByKeyboard();
  await expect(cell(page, 'Cross-encoder re-ranker', 'Effort')).toHaveAccessibleName(/: 3 · Medium/);
  await app.redoByKeyboard();
  await expect(cell(page, 'Cross-encoder re-ranker', 'Effort')).toHaveAccessibleName(/: 1 · Very low/);
  await app.undoByKeyboard();
  await expect(cell(page, 'Cross-encoder re-ranker', 'Effort')).toHaveAccessibleName(/: 3 · Medium/);
  // Delete clears a cell: it shows as not scored, never as zero.
  await cell(page, 'Hybrid search', 'Effort').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 'Hybrid search', 'Effort')).toHaveAccessibleName(/: not scored/);
  await page.keyboard.press('2');
  // A value off the scale is refused with a sentence.
  await page.keyboard.press('7');
  await expect(page.getByText('Rate with a whole number from 1 to 5.').first()).toBeAttached();

  // The expected latency of the larger model breaks the metric's guardrail (≤ 8,000 ms): vetoed.
  await cell(page, 'Larger model', 'p95 latency').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
  await page.keyboard.type('Doubling the model size doubles decoding time on our hardware.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /Expected p95 latency/ })).toBeFocused();
  await page.keyboard.type('9500');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('veto')).toContainText('Vetoed: Larger model.');
  await expect(page.getByTestId('veto')).toContainText('9,500 ms breaks the guardrail');

  // Product weighs groundedness five times the rest; Engineering and Leadership stay equal.
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  const productGroundedness = page.getByRole('textbox', { name: "Product's weight of Groundedness" });
  await productGroundedness.fill('5');
  await productGroundedness.press('Enter');
  await expect(page.getByRole('row', { name: /Groundedness/ })).toContainText('71%');
  // Blend: groundedness 0.460, the others 0.270 → re-ranker 0.6625 beats hybrid 0.635.
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  // Functions that have not weighed are no disagreement: they count every criterion equally.
  await expect(page.getByTestId('disagreement')).toHaveCount(0);
  await expect(page.getByTestId('unweighed')).toContainText('Engineering and Leadership have not weighed the criteria yet');
  // Engineering weighs effort twice the rest (its own pick: hybrid 0.6875 over re-ranker 0.5625);
  // the blend (0.433, 0.242, 0.325) still picks the re-ranker, 0.656 to 0.641.
  const engineeringEffort = page.getByRole('textbox', { name: "Engineering's weight of Effort" });
  await engineeringEffort.fill('2');
  await engineeringEffort.press('Enter');
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  const disagreement = page.getByTestId('disagreement');
  await expect(disagreement).toContainText("Engineering's weights pick Hybrid search");
  await expect(disagreement).toContainText('the combined weighting picks Cross-encoder re-ranker');
  await expect(page.getByTestId('unweighed')).toContainText('Leadership has not weighed the criteria yet');

  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('img', { name: /ranking/i }).first()).toBeVisible();
  await expect(page.getByTestId('flip-sentence')).toContainText(/flips the winner|No single weight change/);
  await app.expectAccessible('trade-off results');

  // The decision: traded away is where the chosen option is not the best.
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Chosen option' })).toHaveValue(/.+/);
  await expect(page.getByTestId('traded-away')).toContainText('p95 latency (end to end), Effort');
  await page.getByRole('button', { name: 'Record decision and lock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Rationale' }).fill('Grounded answers matter most to customers; latency stays inside the guardrail.');
  await page.getByRole('textbox', { name: 'Decided by' }).fill('Ana (Product), Ben (Engineering)');
  // A vetoed option says so in the list, and recording it asks first.
  const chosen = page.getByRole('combobox', { name: 'Chosen option' });
  await expect(chosen.locator('option', { hasText: 'Larger model' })).toHaveText('Larger model (vetoed by the p95 latency (end to end) guardrail)');
  await chosen.selectOption({ label: 'Larger model (vetoed by the p95 latency (end to end) guardrail)' });
  await page.getByRole('button', { name: 'Record decision and lock' }).click();
  const confirmVeto = page.getByRole('dialog', { name: 'Record a vetoed option?' });
  await expect(confirmVeto).toContainText('"Larger model" is vetoed by the p95 latency (end to end) guardrail');
  await confirmVeto.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('decided-banner')).toHaveCount(0);
  await chosen.selectOption({ label: 'Cross-encoder re-ranker (recommended)' });
  await page.getByRole('button', { name: 'Record decision and lock' }).click();
  await expect(page.getByTestId('decided-banner')).toContainText('Cross-encoder re-ranker');
  await expect(page.getByTestId('decision-record')).toContainText('Traded away');
  await expect(page.getByRole('heading', { name: 'Decision', exact: true })).toBeFocused();

  // Decided, the matrix no longer needs attention on the program's overview.
  await app.openArea('Overview');
  // Read once what needs attention has loaded (a list, or its empty state).
  await expect(page.getByText(/to look at, most pressing first\.|^Nothing needs attention$/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Trade-off matrices without a decision/ })).toHaveCount(0);
  await app.openArea('Trade-offs');
  await app.openMatrix('Which retrieval upgrade ships next quarter?');

  // After a reload the decision stands and the matrix refuses edits.
  await page.reload();
  await expect(page.getByTestId('decided-banner')).toContainText('locked against edits');
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await cell(page, 'Hybrid search', 'Groundedness').click();
  await page.keyboard.press('1');
  await expect(page.getByText('This matrix is decided. Reopen it to change it.').first()).toBeAttached();
  await expect(cell(page, 'Hybrid search', 'Groundedness')).toHaveAccessibleName(/: 3 · Medium/);
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveAttribute('readonly', '');
  await app.expectAccessible('decided matrix, score tab');

  // Reopening is deliberate: it needs a reason and keeps the earlier decision.
  await page.getByRole('button', { name: 'See the decision or reopen' }).click();
  await page.getByRole('button', { name: 'Reopen…' }).click();
  await page.getByRole('button', { name: 'Reopen the matrix' }).click();
  await expect(page.getByText('Say why the decision is reopened')).toBeVisible();
  await page.getByRole('textbox', { name: 'Why reopen it?' }).fill('The latency budget changed.');
  await page.getByRole('button', { name: 'Reopen the matrix' }).click();
  await expect(page.getByTestId('decided-banner')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Earlier decisions/ })).toBeVisible();
  await expect(page.getByText('The latency budget changed.')).toBeVisible();

  // The list shows the matrix with its standing.
  await page.getByRole('link', { name: '← All matrices' }).click();
  await expect(page.getByRole('row', { name: /Which retrieval upgrade/ })).toContainText('Recommended: Cross-encoder re-ranker');
});

test('trade-off screens have no serious accessibility violations, light and dark', async ({ app, page }) => {
  // Eleven axe runs over a full matrix.
  test.slow();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'light') {
      await openTradeoffs(app);
      await app.expectAccessible('trade-offs empty');
      await buildMatrix(page);
      await scoreByKeyboard(page);
    }
    for (const tab of ['Options and criteria', 'Score', 'Weights', 'Results', 'Decision']) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      await app.expectAccessible(`matrix ${tab}, ${scheme}`);
    }
    await page.getByRole('button', { name: 'Weights', exact: true }).click();
    await page.getByRole('button', { name: 'Pairwise comparisons for Engineering…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await app.expectAccessible(`pairwise dialog, ${scheme}`);
    await page.keyboard.press('Escape');
  }
});

test('pairwise comparisons set a function’s weights and flag inconsistency', async ({ app, page }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await page.getByRole('button', { name: 'Pairwise comparisons for Engineering…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Engineering');
  await expect(dialog).toContainText('consistent enough');
  // A cycle (groundedness over latency, effort over groundedness, latency over effort) by keyboard.
  const judge = async (pair: RegExp, key: 'Home' | 'End') => {
    await dialog.getByRole('group', { name: pair }).getByRole('radio', { checked: true }).focus();
    await page.keyboard.press(key);
  };
  await judge(/^Groundedness vs p95 latency/, 'Home');
  await judge(/^Groundedness vs Effort/, 'End');
  await judge(/^p95 latency \(end to end\) vs Effort/, 'Home');
  await expect(dialog).toContainText('inconsistent (above 0.10)');
  await expect(dialog).toContainText(/(Most|Equally) inconsistent: .+ vs .+\./);
  // Back to a consistent set: groundedness far over both, latency and effort equal (the middle of 17 points).
  await judge(/^Groundedness vs Effort/, 'Home');
  await judge(/^p95 latency \(end to end\) vs Effort/, 'Home');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('group', { name: /^p95 latency \(end to end\) vs Effort/ }).getByRole('radio', { checked: true })).toHaveAccessibleName(/equal/i);
  await expect(dialog).toContainText('consistent enough');
  await dialog.getByRole('button', { name: 'Apply weights' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('from pairwise comparisons');
  // Groundedness was judged extremely more important than both others: it gets most of the weight.
  const groundedness = Number((await page.getByRole('textbox', { name: "Engineering's weight of Groundedness" }).inputValue()).trim());
  const effort = Number((await page.getByRole('textbox', { name: "Engineering's weight of Effort" }).inputValue()).trim());
  expect(groundedness).toBeGreaterThan(60);
  expect(effort).toBeLessThan(10);
  // A criterion added since has no comparison: the column no longer claims its weights come from them.
  await page.getByRole('button', { name: 'Options and criteria', exact: true }).click();
  await page.getByRole('textbox', { name: 'New free-standing criterion' }).fill('Cost');
  await page.getByRole('textbox', { name: 'New free-standing criterion' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Criterion 4 name' })).toHaveValue('Cost');
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('Cost not compared yet: complete the pairwise comparisons');
  await app.undoByKeyboard();
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('from pairwise comparisons');
  // A weight typed by hand says so; the comparisons stay for the dialog to start from.
  const engineeringEffort = page.getByRole('textbox', { name: "Engineering's weight of Effort" });
  await engineeringEffort.fill('20');
  await engineeringEffort.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('set by hand; Pairwise… starts from the earlier comparisons');
  await page.getByRole('button', { name: 'Pairwise comparisons for Engineering…' }).click();
  await expect(dialog.getByRole('group', { name: /^Groundedness vs Effort/ }).getByRole('radio', { checked: true })).toHaveAccessibleName(
    'Groundedness extremely more important (9)',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.undoByKeyboard();
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('from pairwise comparisons');
  // Undo puts the hand-set state back.
  await app.undoByKeyboard();
  await expect(page.getByRole('columnheader', { name: /Engineering/ })).toContainText('not set: equal');
});

test('a matrix is deleted only after confirming, and undo brings it back', async ({ app, page }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await page.getByRole('button', { name: 'Delete matrix' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete matrix' }).click();
  await expect(page.getByRole('heading', { name: 'No trade-off matrices yet' })).toBeVisible();
  await app.toast(/Deleted/).locator('..').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Which retrieval upgrade ships next quarter?' })).toBeVisible();
});

test('a tie is called a tie; Escape returns to the grid; the decision form and focus are kept', async ({ app, page }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await grid(page).locator('[tabindex="0"]').focus();
  // Hybrid (0.5, 0.75, 0.75) and re-ranker (1, 0.25, 0.75) both score 2/3; the larger model 1/12.
  for (const row of [
    [3, 2, 2],
    [5, 4, 2],
    [2, 5, 5],
  ]) {
    for (const [c, value] of row.entries()) {
      await page.keyboard.press(String(value));
      if (c < row.length - 1) await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
  }
  await expect(page.getByTestId('recommendation')).toContainText('A tie: Hybrid search and Cross-encoder re-ranker score 67 of 100');
  await expect(page.getByTestId('live-ranking').getByRole('listitem')).toHaveText([/^1\.\s*Hybrid/, /^1\.\s*Cross-encoder/, /^3\.\s*Larger/]);

  // Enter opens the cell's rationale; Escape goes back to the same cell.
  await cell(page, 'Larger model', 'Effort').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Larger model', 'Effort')).toBeFocused();

  // With a tie nothing is recommended, so the decision form says so nowhere; what is typed survives a reload.
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Chosen option' }).locator('option', { hasText: 'recommended' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Rationale' }).fill('Re-ranker: groundedness is what customers notice.');
  await page.reload();
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Rationale' })).toHaveValue('Re-ranker: groundedness is what customers notice.');

  // Moving an option to the end keeps the keyboard on the row's other move button.
  await page.getByRole('button', { name: 'Options and criteria', exact: true }).click();
  await page.getByRole('button', { name: 'Move Cross-encoder re-ranker down' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Option 3 title' })).toHaveValue('Cross-encoder re-ranker');
  await expect(page.getByRole('button', { name: 'Move Cross-encoder re-ranker up' })).toBeFocused();

  // Deleting a metric that is a criterion says what happens to the matrix.
  await page.getByRole('link', { name: 'Groundedness', exact: true }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('It is a criterion in the trade-off matrix "Which retrieval upgrade ships next quarter?"');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

test('a score typed just before the window reloads, or undone at once, is never lost or mixed up', async ({ app, page }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  const first = cell(page, 'Hybrid search', 'Groundedness');
  await first.focus();
  await page.keyboard.press('4');
  // Undo straight away waits for that save, then undoes exactly it (not the criterion added before).
  await app.undoByKeyboard();
  await expect(app.toast('Undid: Score.')).toBeVisible();
  await expect(first).toHaveAccessibleName(/: not scored/);
  await expect(page.getByText('0 of 9 cells scored')).toBeVisible();

  await first.focus();
  await page.keyboard.press('5');
  await page.reload();
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  await expect(cell(page, 'Hybrid search', 'Groundedness')).toHaveAccessibleName(/: 5 · Very high/);
});

test('two windows typing into the same cell end up showing what is stored', async ({ app, page, context }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await page.getByRole('button', { name: 'Score', exact: true }).click();
  const other = new KeelApp(await context.newPage());
  await other.page.goto(page.url());
  await other.page.getByRole('button', { name: 'Score', exact: true }).click();
  const shownIn = (p: Page) => cell(p, 'Hybrid search', 'Effort').getAttribute('aria-label');
  for (let round = 0; round < 6; round++) {
    await cell(page, 'Hybrid search', 'Effort').focus();
    await cell(other.page, 'Hybrid search', 'Effort').focus();
    await Promise.all([
      page.keyboard.press('1').then(() => page.keyboard.press('3')),
      other.page.keyboard.press('3').then(() => other.page.keyboard.press('1')),
    ]);
    // Whichever write landed last, both windows settle on it...
    await expect.poll(async () => (await shownIn(page)) === (await shownIn(other.page))).toBe(true);
  }
  // ... and it is what is stored: a fresh load shows the same.
  const settled = await shownIn(page);
  await other.page.reload();
  await other.page.getByRole('button', { name: 'Score', exact: true }).click();
  await expect(cell(other.page, 'Hybrid search', 'Effort')).toHaveAttribute('aria-label', settled!);
});

test("the facilitator's pairwise weights survive switching to the equal blend and back, a reload and a second window", async ({ app, page, context }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await scoreByKeyboard(page);
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');

  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await page.getByRole('radio', { name: 'Set by the facilitator' }).check();
  await page.getByRole('button', { name: 'Pairwise comparisons for the facilitator…' }).click();
  const dialog = page.getByRole('dialog');
  for (const pair of [/^Groundedness vs p95 latency/, /^Groundedness vs Effort/]) {
    await dialog.getByRole('group', { name: pair }).getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('Home');
  }
  await dialog.getByRole('button', { name: 'Apply weights' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  // No function has weighed: their equal weights pick otherwise, but that is no disagreement.
  await expect(page.getByTestId('disagreement')).toHaveCount(0);
  await expect(page.getByTestId('unweighed')).toContainText('The functions have not weighed the criteria yet');
  const groundedness = page.getByRole('textbox', { name: "Facilitator's weight of Groundedness" });
  const judged = await groundedness.inputValue();
  expect(Number(judged)).toBeGreaterThan(80);

  // The blend takes over; the facilitator's weights are kept, not replaced by the blend.
  await page.getByRole('radio', { name: "Equal blend of the functions' weights" }).check();
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');
  await page.getByRole('radio', { name: 'Set by the facilitator' }).check();
  await expect(groundedness).toHaveValue(judged);
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  await expect(page.getByRole('columnheader', { name: /Combined/ })).toContainText('set by the facilitator, from pairwise comparisons');

  // Back to the blend, then a reload: still kept.
  await page.getByRole('radio', { name: "Equal blend of the functions' weights" }).check();
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');
  await page.reload();
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await page.getByRole('radio', { name: 'Set by the facilitator' }).check();
  await expect(groundedness).toHaveValue(judged);
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  await page.getByRole('button', { name: 'Pairwise comparisons for the facilitator…' }).click();
  await expect(dialog.getByRole('group', { name: /^Groundedness vs Effort/ }).getByRole('radio', { checked: true })).toHaveAccessibleName(/Groundedness extremely more important/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A second window switches back to the blend and again to the facilitator: still the judged weights.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Weights', exact: true }).click();
  await other.getByRole('radio', { name: "Equal blend of the functions' weights" }).check();
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');
  await other.getByRole('radio', { name: 'Set by the facilitator' }).check();
  await expect(other.getByRole('textbox', { name: "Facilitator's weight of Groundedness" })).toHaveValue(judged);
  await expect(groundedness).toHaveValue(judged);
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
});

test('the decision form follows the recommendation until an option is picked; the pick survives a reload', async ({ app, page }) => {
  await openTradeoffs(app);
  await buildMatrix(page);
  await scoreByKeyboard(page);
  const chosen = page.getByRole('combobox', { name: 'Chosen option' });
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(chosen.locator('option:checked')).toHaveText('Hybrid search (recommended)');

  // Product weighs groundedness: the re-ranker is recommended now, and the form follows, through a reload.
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  const productGroundedness = page.getByRole('textbox', { name: "Product's weight of Groundedness" });
  await productGroundedness.fill('5');
  await productGroundedness.press('Enter');
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(chosen.locator('option:checked')).toHaveText('Cross-encoder re-ranker (recommended)');
  await page.reload();
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(chosen.locator('option:checked')).toHaveText('Cross-encoder re-ranker (recommended)');

  // An option the user picks stays picked when the recommendation changes, and after a reload.
  await chosen.selectOption({ label: 'Hybrid search' });
  await expect(page.getByText('Not the recommended option (Cross-encoder re-ranker): say why in the rationale.')).toBeVisible();
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await productGroundedness.fill('1');
  await productGroundedness.press('Enter');
  await expect(page.getByTestId('recommendation')).toContainText('Hybrid search');
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await productGroundedness.fill('5');
  await productGroundedness.press('Enter');
  await expect(page.getByTestId('recommendation')).toContainText('Cross-encoder re-ranker');
  await page.reload();
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(chosen.locator('option:checked')).toHaveText('Hybrid search');
});

test('the pairwise dialog keeps the consistency ratio in view at 1024×768', async ({ app, page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openTradeoffs(app);
  await buildMatrix(page);
  for (const name of ['Cost', 'Time to ship']) {
    await page.getByRole('textbox', { name: 'New free-standing criterion' }).fill(name);
    await page.getByRole('textbox', { name: 'New free-standing criterion' }).press('Enter');
    await expect(page.getByRole('link', { name, exact: true }).or(page.getByRole('textbox', { name: /^Criterion \d name$/ }).last())).toBeVisible();
  }
  await expect(page.getByRole('textbox', { name: 'Criterion 5 name' })).toHaveValue('Time to ship');
  await page.getByRole('button', { name: 'Weights', exact: true }).click();
  await page.getByRole('button', { name: 'Pairwise comparisons for Engineering…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('group')).toHaveCount(10);
  const summary = dialog.getByTestId('cr-summary');
  await expect(summary).toHaveText('CR 0.00 — consistent enough');
  await expect(summary).toBeInViewport();
  // A cycle makes it inconsistent: the ratio in view says so at once.
  await dialog.getByRole('group', { name: /^Groundedness vs p95 latency/ }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('Home');
  await dialog.getByRole('group', { name: /^Cost vs Time to ship/ }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await dialog.getByRole('group', { name: /^Groundedness vs Effort/ }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await expect(summary).toContainText('inconsistent');
  await expect(summary).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('pairwise-1024x768.png') });
});
