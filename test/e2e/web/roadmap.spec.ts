import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// The roadmap, driven as a user does: quick add and moves by keyboard on the board, an item
// opened and changed from the timeline by keyboard, a drag, ghosts of earlier forecasts, and
// everything still there after a reload.

const column = (page: Page, name: 'Now' | 'Next' | 'Later') => page.getByRole('list', { name: new RegExp(`^${name}`) });
const card = (page: Page, title: string) => page.locator('[data-card]').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const titlesIn = (page: Page, name: 'Now' | 'Next' | 'Later') => column(page, name).locator('[data-card] > a');

async function openRoadmap(app: KeelApp) {
  await app.startProgram('Support assistant');
  await app.page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
}

/** Adds items by keyboard: the quick-add field, the horizon chosen in its list, Enter for each. */
async function addByKeyboard(page: Page, horizon: 'Now' | 'Next' | 'Later', titles: string[]) {
  await page.getByRole('combobox', { name: 'Horizon of the new item' }).selectOption({ label: horizon });
  const field = page.getByRole('textbox', { name: 'New roadmap item' });
  for (const title of titles) {
    await field.focus();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(column(page, horizon).getByRole('link', { name: title, exact: true })).toBeVisible();
  }
}

/** Sets the open item's range and confidence from the keyboard. */
async function setForecast(page: Page, earliest: string, latest: string, confidence: string) {
  await page.getByRole('combobox', { name: 'Confidence', exact: true }).selectOption({ label: confidence });
  await page.getByRole('textbox', { name: 'Earliest' }).fill(earliest);
  await page.getByRole('textbox', { name: 'Latest' }).fill(latest);
  await page.getByRole('textbox', { name: 'Latest' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Set range' })).toBeDisabled();
}

test('build a roadmap by keyboard on the board and the timeline, drag a card, and find it all after a reload', async ({ app, page }) => {
  // The page's clock runs, and can jump: forecasts replaced within the hour count as one estimate.
  await page.clock.install();
  await openRoadmap(app);
  await expect(page.getByRole('heading', { name: 'No roadmap items yet' })).toBeVisible();
  await app.expectAccessible('roadmap empty state');

  await addByKeyboard(page, 'Now', ['Hybrid retrieval', 'Evaluation harness', 'Agent handoff']);
  await addByKeyboard(page, 'Next', ['Multilingual answers']);
  // N goes back to quick add from anywhere outside a field.
  await page.getByRole('heading', { level: 1, name: 'Roadmap' }).click();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'New roadmap item' })).toBeFocused();
  await expect(titlesIn(page, 'Now')).toHaveText(['Hybrid retrieval', 'Evaluation harness', 'Agent handoff']);

  // Open an item from its card by keyboard and give it a range and a confidence.
  await card(page, 'Hybrid retrieval').getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeVisible();
  await setForecast(page, '2026-10-01', '2026-10-31', 'High');
  await expect(card(page, 'Hybrid retrieval')).toContainText('Oct 1 – Oct 31');
  await expect(card(page, 'Hybrid retrieval')).toContainText('high confidence');
  // A single date is refused with the rule's sentence.
  await page.getByRole('textbox', { name: 'Latest' }).fill('');
  await page.getByRole('button', { name: 'Set range' }).click();
  await expect(page.getByRole('alert')).toHaveText('Give both the earliest and the latest date, or neither: a range, not a single date.');
  await page.getByRole('textbox', { name: 'Latest' }).fill('2026-10-31');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Ana');
  await expect(card(page, 'Hybrid retrieval')).toContainText('Ana');

  // Reorder and move between horizons with Alt+arrow keys; the focus stays on the card.
  const agent = card(page, 'Agent handoff').getByRole('link');
  await agent.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(titlesIn(page, 'Now')).toHaveText(['Hybrid retrieval', 'Agent handoff', 'Evaluation harness']);
  await expect(page.getByTestId('roadmap-announcement')).toHaveText('Moved "Agent handoff" to Now, position 2 of 3.');
  await expect(card(page, 'Agent handoff').getByRole('link')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(titlesIn(page, 'Next')).toHaveText(['Multilingual answers', 'Agent handoff']);
  await expect(page.getByTestId('roadmap-announcement')).toHaveText('Moved "Agent handoff" to Next, position 2 of 2.');
  await expect(card(page, 'Agent handoff').getByRole('link')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(titlesIn(page, 'Later')).toHaveText(['Agent handoff']);
  await expect(card(page, 'Agent handoff').getByRole('link')).toBeFocused();

  // The "Move" menu does the same.
  await card(page, 'Evaluation harness').getByText('Move', { exact: true }).click();
  await card(page, 'Evaluation harness').getByRole('button', { name: 'To Next' }).click();
  await expect(titlesIn(page, 'Next')).toHaveText(['Multilingual answers', 'Evaluation harness']);

  // A drag: Multilingual answers to the top of Now.
  await card(page, 'Multilingual answers').dragTo(card(page, 'Hybrid retrieval'), { targetPosition: { x: 20, y: 4 } });
  await expect(titlesIn(page, 'Now')).toHaveText(['Multilingual answers', 'Hybrid retrieval']);
  await app.expectAccessible('roadmap board');

  // The timeline: open an item by keyboard from its band and change its forecast.
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  const band = page.getByRole('link', { name: /^Hybrid retrieval, Now: Oct 1 – Oct 31, high confidence/ });
  await expect(band).toBeVisible();
  await expect(page.getByRole('heading', { name: /No range yet/ })).toBeVisible();
  await page.getByRole('group', { name: 'Timeline' }).focus();
  await page.keyboard.press('Tab');
  await expect(band).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/roadmap\/[^/]+$/);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Hybrid retrieval');
  // Two days later the forecast changes: that is movement.
  await page.clock.fastForward('48:00:00');
  await page.getByRole('textbox', { name: 'Latest' }).fill('2026-11-21');
  await page.getByRole('textbox', { name: 'Latest' }).press('Enter');
  await page.getByRole('combobox', { name: 'Confidence', exact: true }).selectOption({ label: 'Medium' });
  await expect(page.getByTestId('forecast-movement')).toContainText('Slipped 3 weeks, confidence fell from high to medium since');
  await expect(page.getByRole('link', { name: /^Hybrid retrieval, Now: Oct 1 – Nov 21, medium confidence/ })).toBeVisible();
  // Escape closes the details and puts the focus back on the band.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeHidden();
  await expect(page.getByRole('link', { name: /^Hybrid retrieval, Now: Oct 1 – Nov 21/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Item details' })).toBeVisible();

  // Earlier forecasts as ghosts: the range before the slip, once (the current range is no ghost).
  const ghosts = page.locator('[data-testid="roadmap-timeline"] path.ghost');
  await expect(ghosts).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show earlier forecasts' }).check();
  await expect(ghosts).toHaveAttribute('data-ghosts', '1');
  await expect(page.getByRole('link', { name: /^Hybrid retrieval, .*earlier forecasts Oct 1 – Oct 31/ })).toBeVisible();
  await app.expectAccessible('roadmap timeline with details');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('roadmap timeline, dark');

  // A reload keeps the items, their places, the view and the ghosts.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Timeline', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('checkbox', { name: 'Show earlier forecasts' })).toBeChecked();
  await expect(ghosts).toHaveAttribute('data-ghosts', '1');
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(titlesIn(page, 'Now')).toHaveText(['Multilingual answers', 'Hybrid retrieval']);
  await expect(titlesIn(page, 'Next')).toHaveText(['Evaluation harness']);
  await expect(titlesIn(page, 'Later')).toHaveText(['Agent handoff']);
  await expect(card(page, 'Hybrid retrieval')).toContainText('Slipped 3 weeks, confidence fell from high to medium');
  await app.expectAccessible('roadmap board, dark');
});

test('delete an item with confirmation and undo; the view survives switching areas', async ({ app, page }) => {
  await openRoadmap(app);
  await addByKeyboard(page, 'Now', ['Hybrid retrieval']);
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Timeline', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Hybrid retrieval', exact: true }).click();
  await page.getByRole('button', { name: 'Delete item' }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(dialog).toContainText('Delete "Hybrid retrieval"?');
  await dialog.getByRole('button', { name: 'Delete item' }).click();
  await expect(page.getByRole('heading', { name: 'No roadmap items yet' })).toBeVisible();
  await app.toast('Deleted "Hybrid retrieval".').waitFor();
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'No roadmap items yet' })).toBeHidden();
  await expect(page.getByText('Hybrid retrieval').first()).toBeVisible();
});
