import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

/** Imports the plan fixture: an assumption linked from a roadmap item, an accepted decision and an action. */
async function importPlan(app: KeelApp, page: Page) {
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(fixture('plan/revisit.keel.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant plan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What needs attention' })).toBeVisible();
}

const revisitRegion = (page: Page) => page.getByRole('region', { name: /^Revisit: rests on something that failed/ });

/** Opens the assumption from the overview's line and invalidates it in the uncertainty area. */
async function invalidateAssumption(page: Page) {
  const untested = page.getByRole('region', { name: /untested "test first" items/ });
  await untested.getByRole('link', { name: 'Users accept 2 s latency' }).click();
  const details = page.getByRole('complementary', { name: 'Item details' });
  await expect(details.getByRole('textbox', { name: 'Title' })).toHaveValue('Users accept 2 s latency');
  await details.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Invalidated' });
  await expect(details.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('invalidated');
}

test('invalidating an assumption flags its roadmap item, decision and action on the overview; a review with a note clears one', async ({ app, page }) => {
  await importPlan(app, page);
  await expect(revisitRegion(page)).toHaveCount(0);

  await invalidateAssumption(page);
  await app.openArea('Overview');
  const revisit = revisitRegion(page);
  const lines = revisit.getByRole('listitem');
  await expect(lines).toHaveCount(3);
  await expect(revisit.getByRole('heading')).toContainText('3');
  await expect(lines.filter({ hasText: 'Hybrid retrieval' })).toContainText(/Rests on "Users accept 2 s latency", found false on \w{3} \d{1,2}, \d{4}\./);
  await expect(lines.filter({ hasText: 'ADR-0003 Answer within 2 seconds, without a reranker' })).toContainText('Rests on "Users accept 2 s latency"');
  await expect(lines.filter({ hasText: 'Measure abandonment at 2 s' })).toContainText('Comes from "Users accept 2 s latency"');
  // Each line leads to its record, and the reason to the cause.
  await expect(revisit.getByRole('link', { name: 'Hybrid retrieval' })).toHaveAttribute('href', /#\/programs\/[^/]+\/roadmap\/[^/]+$/);
  await expect(revisit.getByRole('link', { name: '"Users accept 2 s latency"' }).first()).toHaveAttribute('href', /#\/programs\/[^/]+\/uncertainty\/[^/]+$/);
  await app.expectAccessible('overview with revisit flags');

  // A review needs a note; with one, that flag goes and the others stay.
  await revisit.getByRole('button', { name: 'Mark Hybrid retrieval reviewed…' }).click();
  const note = revisit.getByRole('textbox', { name: 'What did you look at, and what did you decide?' });
  await expect(note).toBeFocused();
  await revisit.getByRole('button', { name: 'Mark reviewed', exact: true }).click();
  await expect(revisit.getByText('Say what you looked at and what you decided: a review needs a note.')).toBeVisible();
  await expect(note).toBeFocused();
  await app.expectAccessible('review form with its problem');
  await note.fill('Support leads accept 3 s for grounded answers; the plan stands.');
  await revisit.getByRole('textbox', { name: /Reviewed by/ }).fill('Priya');
  await revisit.getByRole('button', { name: 'Mark reviewed', exact: true }).click();
  await expect(app.toast('Reviewed "Hybrid retrieval": the flag is cleared.')).toBeVisible();
  await expect(lines).toHaveCount(2);
  await expect(revisit).not.toContainText('Hybrid retrieval');
  await expect(lines.filter({ hasText: 'ADR-0003' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Measure abandonment at 2 s' })).toHaveCount(1);

  // Undo brings the flag back; redo clears it again; a reload keeps it cleared.
  await app.undoByKeyboard();
  await expect(lines).toHaveCount(3);
  await app.redoByKeyboard();
  await expect(lines).toHaveCount(2);
  await page.reload();
  await expect(revisitRegion(page).getByRole('listitem')).toHaveCount(2);

  // The areas' lists mark what still stands flagged, and no longer what was reviewed.
  await app.openArea('Decision log');
  await expect(page.locator('ol.records > li').filter({ hasText: 'ADR-0003' })).toContainText('Revisit');
  await app.openArea('Actions');
  await expect(page.getByTestId('action-row').filter({ hasText: 'Measure abandonment at 2 s' })).toContainText('Revisit');
  await app.openArea('Roadmap');
  await expect(page.locator('[data-card]').filter({ hasText: 'Hybrid retrieval' })).toBeVisible();
  await expect(page.locator('[data-card]').filter({ hasText: 'Hybrid retrieval' })).not.toContainText('Revisit');
});

test('the overview with revisit flags and a review form is accessible in dark mode', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await importPlan(app, page);
  await app.expectAccessible('overview, dark');
  await invalidateAssumption(page);
  await app.openArea('Overview');
  const revisit = revisitRegion(page);
  await expect(revisit.getByRole('listitem')).toHaveCount(3);
  await revisit.getByRole('button', { name: 'Mark Measure abandonment at 2 s reviewed…' }).click();
  await expect(revisit.getByRole('textbox', { name: 'What did you look at, and what did you decide?' })).toBeFocused();
  await app.expectAccessible('overview with revisit flags and a review form, dark');
});

test('a program with nothing to look at says so on its overview', async ({ app, page }) => {
  await app.startProgram('Fresh start');
  await expect(page.getByRole('region', { name: 'Nothing needs attention' })).toBeVisible();
  await app.expectAccessible('overview, nothing needs attention');
});
