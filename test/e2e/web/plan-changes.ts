import type { Page } from '@playwright/test';
import { expect, type KeelApp } from './fixtures';

// Changes to the format-6 plan fixture (test/fixtures/format-v6) that "since last session" must
// list, made through the app as a room would between two sessions.

export const PLAN_CHANGES = [
  'Tone drifts on angry tickets moved from Watch to Test first (impact 2.2 → 3.2)',
  'p95 latency (end to end) signed by Product',
  /Setback:\s*Hybrid retrieval on refund tickets slipped 3 weeks/,
];

export /** Changes the plan as a room would after a session: an item to another quadrant, a slip, a signature. */
async function changeThePlan(app: KeelApp, page: Page) {
  // Tone drifts on angry tickets: impact 2.2 (Watch) up to 3.2 (Test first), from the keyboard.
  await app.openArea('Uncertainty');
  const tone = await app.map.focus('Tone drifts on angry tickets');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Space');
  await expect(tone).toHaveAccessibleName(/Impact 3\.2, uncertainty 3\.9: Test first/);

  // Hybrid retrieval slips three weeks: its latest date from Dec 18 to Jan 8.
  await app.openArea('Roadmap');
  await page.getByRole('link', { name: 'Hybrid retrieval on refund tickets', exact: true }).first().click();
  const latest = page.getByRole('textbox', { name: 'Latest' });
  await latest.fill('2027-01-08');
  await latest.press('Enter');
  await expect(page.getByRole('button', { name: 'Set range' })).toBeDisabled();

  // Product signs the p95 latency metric.
  await app.openArea('Shared metrics');
  await app.openMetric('p95 latency (end to end)');
  await app.signAs('Ana');
  await page.getByRole('button', { name: 'Agree for Product' }).click();
  await expect(page.getByTestId('choice-Product')).toHaveText('Agrees');
}
