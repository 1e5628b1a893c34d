import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';
import { changeThePlan, PLAN_CHANGES } from './plan-changes';

// A whole workshop as a facilitator runs it, through the app only: plan a session from a template,
// run it on a controlled clock, capture into the areas, hold a secret ballot with three people on
// one laptop, follow it on the presenter window, end with a block unfinished, change the plan
// between sessions, and open the next session: the carried block first, and "since last session"
// listing exactly what changed.

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v6/support-assistant-plan.keel.json', import.meta.url));
const T0 = new Date('2026-11-12T09:00:00');

async function bothSchemes(page: Page, check: (scheme: string) => Promise<void>) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await check(colorScheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function addParticipant(page: Page, name: string, role: string) {
  await page.getByRole('textbox', { name: 'New participant' }).focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(role);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: `Name of ${name}` })).toHaveValue(name);
}

async function capture(page: Page, app: KeelApp, text: string, kind: string, toast: string) {
  const bar = page.getByRole('textbox', { name: 'What to capture' });
  await page.locator('body').press('c');
  await expect(bar).toBeFocused();
  for (let i = 0; i < 6 && (await page.getByRole('combobox', { name: 'Kind' }).inputValue()) !== kind; i++) await bar.press('Alt+ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue(kind);
  await bar.fill(text);
  await bar.press('Enter');
  await expect(app.toast(toast)).toBeVisible();
  await bar.press('Escape');
}

/** One participant's private turn at the laptop; the screen blanks afterwards. */
async function vote(box: Locator, voter: string, dots: Record<string, number>) {
  await box.getByRole('button', { name: `I am ${voter}: open my ballot` }).click();
  for (const [label, n] of Object.entries(dots)) {
    const more = box.getByRole('button', { name: `One dot more on ${label}` });
    await more.focus();
    for (let i = 0; i < n; i++) await more.press('+');
  }
  await box.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(box.getByRole('heading', { name: 'Vote cast.' })).toBeVisible();
  for (const label of Object.keys(dots)) await expect(box).not.toContainText(label);
}

test('a whole workshop: plan, run on the clock, capture, secret ballot, presenter, end with a block carried, and the next session starts from what changed', async ({ app, page, context, problems }) => {
  test.slow();
  await page.clock.install({ time: T0 });
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');

  // Plan: the kick-off template, cut to three blocks, with three people in the room.
  await app.openArea('Sessions');
  await page.locator('body').press('n');
  const plan = page.getByRole('dialog', { name: 'Plan a session' });
  await plan.getByRole('radio', { name: /^Kick-off: map the uncertainty/ }).check();
  await plan.getByRole('textbox', { name: 'Title' }).fill('Kick-off');
  await plan.getByRole('button', { name: 'Plan session' }).click();
  await expect(page.getByRole('textbox', { name: 'Session title' })).toHaveValue('Kick-off');
  for (const name of ['Goals and roles', 'Who tests what', 'Retro']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(page.getByRole('list', { name: 'Agenda' }).getByRole('listitem')).toHaveCount(3);
  await addParticipant(page, 'Ana', 'Product');
  await addParticipant(page, 'Ben', 'Engineering');
  await addParticipant(page, 'Cy', 'Leadership');

  // Run: the first block's countdown starts with the session; time moves only when the test says.
  await page.clock.pauseAt(T0.getTime() + 60_000);
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { name: 'Running: Kick-off' })).toBeVisible();
  const countdown = page.getByRole('timer', { name: 'Time left in the block' });
  await expect(page.getByRole('heading', { level: 3, name: 'What could go wrong' })).toBeVisible();
  await expect(countdown).toHaveText('12:00');
  await page.clock.fastForward('05:00');
  await expect(countdown).toHaveText('7:00');
  await page.clock.resume();

  // Capture from the bar, by keyboard: an uncertainty, a decision and an action.
  await capture(page, app, 'Refund rules differ by country', 'uncertainty', 'Captured "Refund rules differ by country" on the uncertainty map.');
  await capture(page, app, 'Pilot in one country first', 'decision', 'Captured "Pilot in one country first" as a draft in the decision log.');
  await capture(page, app, 'Ask legal for the refund rules', 'action', 'Captured "Ask legal for the refund rules" as an open action.');
  await expect(page.getByTestId('capture')).toHaveCount(3);

  // The presenter window follows the facilitator's block.
  const opening = context.waitForEvent('page');
  await page.getByRole('button', { name: /^Open presenter window/ }).click();
  const presenter = await opening;
  presenter.on('pageerror', (error) => problems.push(`presenter page error: ${error.message}`));
  await expect(presenter.getByRole('heading', { level: 1, name: 'What could go wrong' })).toBeVisible();
  await page.locator('body').press('n');
  await expect(page.getByRole('heading', { level: 3, name: 'Place them on the map' })).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Place them on the map' })).toBeVisible();

  // The map block is skipped (it carries over); the vote block starts at once, on both screens.
  await page.locator('body').press('s');
  await expect(page.getByRole('heading', { level: 3, name: 'Vote: what to test first' })).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Vote: what to test first' })).toBeVisible();

  // A secret ballot, the laptop passed round three people.
  const panel = page.getByRole('region', { name: 'Votes' });
  await panel.getByRole('button', { name: 'New vote' }).click();
  const setup = page.getByRole('dialog', { name: 'New vote' });
  await setup.getByRole('textbox', { name: 'What is being decided' }).fill('What do we test first?');
  await expect(setup.getByRole('checkbox', { name: 'Secret: nobody’s ballot is kept with their name, ever' })).toBeChecked();
  await expect(setup.getByRole('checkbox', { name: 'I vote too (the facilitator)' })).not.toBeChecked();
  await expect(setup).toContainText('Ana, Ben, Cy (3 voters)');
  await setup.getByRole('button', { name: 'Set up the vote' }).click();
  const round = panel.getByRole('article', { name: 'What do we test first?' });
  await page.getByRole('radio', { name: 'Vote result' }).check();
  const presented = presenter.getByRole('region', { name: 'Vote', exact: true });
  await expect(presented).toContainText('Voting: 0 of 3 have voted');

  await round.getByRole('button', { name: 'Open the ballot box' }).click();
  const box = page.locator('dialog.ballot-box');
  await vote(box, 'Ana', { 'Hallucinated refund policy': 2, 'Refund rules differ by country': 1 });
  await box.getByRole('button', { name: 'Next voter' }).click();
  await vote(box, 'Ben', { 'Hallucinated refund policy': 1, 'Agents trust suggested replies': 2 });
  await expect(presented).toContainText('Voting: 2 of 3 have voted');
  await expect(presented).not.toContainText('Hallucinated refund policy');
  await box.getByRole('button', { name: 'Next voter' }).click();
  await vote(box, 'Cy', { 'Refund rules differ by country': 2 });
  await box.getByRole('button', { name: 'Done' }).click();
  await box.getByRole('button', { name: 'Close the ballot box' }).click();
  await expect(round).toContainText('3 of 3 voters voted.');
  await round.getByRole('button', { name: 'Reveal the result' }).click();
  const result = round.getByRole('region', { name: 'Result of What do we test first?' });
  await expect(result.getByRole('listitem')).toHaveText([
    /^=1\s*Hallucinated refund policy\s*tied\s*3 dots$/,
    /^=1\s*Refund rules differ by country\s*tied\s*3 dots$/,
    /^3\s*Agents trust suggested replies\s*2 dots$/,
    // The rest, given nothing, share the last place.
    ...['Customers accept bot answers', 'Help centre coverage of top intents', 'Tone drifts on angry tickets', 'Vendor LLM API quota'].map((title) => new RegExp(`^=4\\s*${title}\\s*tied\\s*0 dots$`)),
  ]);
  await expect(presented.getByRole('listitem')).toHaveCount(7);
  await bothSchemes(page, (scheme) => app.expectAccessible(`run mode with a revealed vote (${scheme})`));
  await bothSchemes(presenter, async (scheme) => {
    await expect(presented).toBeVisible();
    await app.expectAccessible(`presenter window with the vote (${scheme})`, presenter);
  });

  // End: the vote block closes as done; the skipped map block is carried over.
  await page.getByRole('button', { name: 'End session' }).click();
  const confirm = page.getByRole('dialog', { name: 'End "Kick-off"?' });
  await expect(confirm).toContainText('1 block is unfinished and will be carried over to the next session: "Place them on the map".');
  await confirm.getByRole('button', { name: 'End session' }).click();
  await expect(app.toast('Ended "Kick-off"; 1 block carried over.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Carried over' })).toContainText('Place them on the map');
  await presenter.close();

  // Between sessions the plan changes.
  await changeThePlan(app, page);

  // The next session: the carried block offered first and ticked; a re-planning review after it.
  await app.openArea('Sessions');
  await page.locator('body').press('n');
  await expect(plan.getByRole('checkbox', { name: /Place them on the map/ })).toBeChecked();
  await plan.getByRole('radio', { name: /^Re-planning review/ }).check();
  await plan.getByRole('textbox', { name: 'Title' }).fill('Re-planning');
  await plan.getByRole('button', { name: 'Plan session' }).click();
  // It opens with what changed since, then the carried block.
  const blocks = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem');
  await expect(blocks.nth(0)).toHaveAccessibleName(/Since last session$/);
  await expect(blocks.nth(1)).toHaveAccessibleName(/Place them on the map$/);
  await expect(blocks.nth(1)).toContainText('carried from');
  await expect(blocks.nth(1)).toContainText('Kick-off');

  // Running it, the first block lists exactly what changed after the kick-off closed.
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Since last session' })).toBeVisible();
  const since = page.getByRole('region', { name: 'Since last session' });
  await expect(since.getByRole('listitem')).toHaveText(PLAN_CHANGES);
  await bothSchemes(page, (scheme) => app.expectAccessible(`since last session in run mode (${scheme})`));
});
