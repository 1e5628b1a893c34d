import { expect, test } from './fixtures';

// The room panel in run mode, by keyboard: opened from the run page's header, focused, kept open
// for the session across a reload, hidden again while no room is open. What it shows inside
// depends on where Keel runs (a room needs the app's own server); the full flow with
// participants' pages is in the room's end-to-end tests.

const FIXTURE = 'test/fixtures/format-v7/support-assistant-workshop.keel.json';

test('opens the room panel from run mode by keyboard, keeps it across a reload, and hides it', async ({ app, page }) => {
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  await app.openArea('Sessions');
  await page.getByRole('link', { name: /Re-planning/ }).first().click();
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { name: 'Running: Re-planning' })).toBeVisible();

  const open = page.getByRole('button', { name: 'Open the room…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const room = page.getByRole('region', { name: 'Room', exact: true });
  await expect(room.getByRole('heading', { name: 'Room', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Go to the room' })).toBeVisible();
  // Loaded: the network choice, or why a room cannot run here.
  await expect(room.getByText(/Network to open the room on|Room mode cannot run here/)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`the room panel (${colorScheme})`);
  }

  await page.reload();
  await expect(room.getByRole('heading', { name: 'Room', exact: true })).toBeVisible();

  const hide = room.getByRole('button', { name: 'Hide this panel' });
  await hide.focus();
  await page.keyboard.press('Enter');
  await expect(room).toHaveCount(0);
  await expect(open).toBeFocused();
});
