import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// Run mode, through the session page's Start button (Prepare's page, issue 13). The session is
// planned straight into the database (planning it is Prepare's flow, tested there), then run on a
// controlled clock: nothing here waits in real time.

const T0 = new Date('2026-03-02T09:00:00');

/**
 * With the clock paused, the page's own short timers (loading, live queries answering) wait for
 * the clock: run it a millisecond at a time until `ready` shows, far too little to change a
 * countdown shown in whole seconds.
 */
async function settle(page: Page, ready: Locator) {
  for (let step = 0; step < 200 && !(await ready.isVisible()); step++) await page.clock.runFor(1);
  await expect(ready).toBeVisible();
}

interface PlannedBlock {
  title: string;
  minutes: number;
  method: string;
  notes?: string;
}

/** Plans a session with these blocks in the program open now; returns its page's address. */
async function planSession(page: Page, title: string, blocks: PlannedBlock[], plannedMinutes: number): Promise<string> {
  const programId = decodeURIComponent(/#\/programs\/([^/]+)/.exec(page.url())![1]!);
  const sessionId = await page.evaluate(
    ({ programId, title, blocks, plannedMinutes }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const id = crypto.randomUUID();
          const now = Date.now();
          const session = {
            id,
            programId,
            title,
            date: '2026-03-02',
            plannedMinutes,
            place: '',
            facilitator: 'Ana',
            participants: [],
            goals: '',
            blocks: blocks.map((b) => ({
              id: crypto.randomUUID(),
              title: b.title,
              plannedMinutes: b.minutes,
              method: b.method,
              matrixId: '',
              outputs: '',
              notes: b.notes ?? '',
              startedAt: null,
              pausedAt: null,
              pausedMs: 0,
              extraMinutes: 0,
              endedAt: null,
              outcome: null,
              carriedFrom: null,
            })),
            status: 'planned',
            currentBlockId: '',
            startedAt: null,
            endedAt: null,
            startSnapshotId: '',
            endSnapshotId: '',
            template: '',
            createdAt: now,
            updatedAt: now,
          };
          const tx = db.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').add(session);
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { programId, title, blocks, plannedMinutes },
  );
  return `#/programs/${programId}/sessions/${sessionId}`;
}

async function startPlanned(app: KeelApp, page: Page, blocks: PlannedBlock[], plannedMinutes: number) {
  await page.clock.install({ time: T0 });
  await app.startProgram('Claims assistant');
  const address = await planSession(page, 'Re-planning', blocks, plannedMinutes);
  await app.open(address);
  const start = page.getByRole('button', { name: 'Start session' });
  await expect(start).toBeVisible();
  // From here time moves only when the test says.
  await page.clock.pauseAt(T0.getTime() + 60_000);
  await start.click();
  await expect(page.getByRole('heading', { name: 'Running: Re-planning' })).toBeVisible();
  return address;
}

const THREE: PlannedBlock[] = [
  { title: 'Review risks', minutes: 10, method: 'uncertainty' },
  { title: 'Roadmap check', minutes: 20, method: 'roadmap' },
  { title: 'Retro', minutes: 15, method: 'retro' },
];

test('runs a session of three blocks on the clock, captures into the areas, and ends with a block carried over', async ({ app, page }) => {
  await startPlanned(app, page, THREE, 40);
  const countdown = page.getByRole('timer', { name: 'Time left in the block' });
  const agenda = page.getByTestId('agenda-block');

  // The first block runs at once: no separate start.
  await expect(countdown).toHaveText('10:00');
  await expect(agenda.nth(0)).toContainText('Now');
  await expect(page.getByTestId('time-fit')).toHaveText('Agenda needs 45 min, 40 left (does not fit)');

  await page.clock.fastForward('03:00');
  await expect(countdown).toHaveText('7:00');

  // Space pauses (outside form controls) and the time holds however long the pause.
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(page.getByTestId('agenda-block').nth(0)).toContainText('Paused');
  await page.clock.fastForward('05:00');
  await expect(countdown).toHaveText('7:00');
  await page.getByRole('button', { name: 'Resume' }).click();
  // Stored (the button follows the database) before the clock moves on.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(countdown).toHaveText('6:00');

  await page.getByRole('button', { name: '+5 min' }).click();
  await expect(countdown).toHaveText('11:00');

  // Overrun: the countdown goes negative and says by how much; the time up is said in words.
  // Just past 2:09 over: the few frames a reload needs do not change the whole seconds shown.
  await page.clock.fastForward(13 * 60_000 + 9_050);
  await expect(countdown).toHaveText('-2:10');
  await expect(page.getByText('Over by 2:09')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Time is up for “Review risks”.' })).toBeVisible();

  // A reload mid-block shows the same time, worked out from the stored moments.
  await page.reload();
  await settle(page, countdown);
  await expect(countdown).toHaveText('-2:10');

  // Capture by keyboard: C focuses the bar, Alt+Down changes the kind, Enter records.
  await page.locator('body').press('c');
  const text = page.getByRole('textbox', { name: 'What to capture' });
  await expect(text).toBeFocused();
  await text.fill('Claims data may be incomplete');
  await text.press('Enter');
  await expect(app.toast('Captured "Claims data may be incomplete" on the uncertainty map.')).toBeVisible();
  await text.press('Alt+ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('decision');
  await text.fill('Pilot with one insurer');
  await text.press('Enter');
  await expect(app.toast('Captured "Pilot with one insurer" as a draft in the decision log.')).toBeVisible();
  await text.press('Alt+ArrowDown');
  await text.press('Alt+ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('action');
  await text.fill('Ask legal about retention');
  await text.press('Enter');
  await expect(app.toast('Captured "Ask legal about retention" as an open action.')).toBeVisible();
  await settle(page, page.getByTestId('capture').nth(2));
  await expect(page.getByTestId('capture')).toHaveCount(3);
  // The uncertainty block lists what is under review: the item just captured is open.
  await settle(page, page.getByRole('region', { name: 'Under review' }).getByText('Claims data may be incomplete'));

  // Escape leaves the bar; N ends the block as done and the next one starts at once.
  await text.press('Escape');
  await expect(text).not.toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 3, name: 'Roadmap check' })).toBeVisible();
  await expect(countdown).toHaveText('20:00');
  await expect(agenda.nth(0)).toContainText('Done');
  await expect(agenda.nth(0)).toContainText('17 / 15 min');
  // axe waits on timers of its own: let time flow again (nothing below reads the exact time).
  await page.clock.resume();
  await app.expectAccessible('run mode, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('run mode, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // S skips: the block ends unfinished and the next starts.
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 3, name: 'Retro' })).toBeVisible();
  await expect(agenda.nth(1)).toContainText('Skipped');

  // End: the current block closes as done; the skipped one is named as carried over.
  await page.getByRole('button', { name: 'End session' }).click();
  const confirm = page.getByRole('dialog', { name: 'End "Re-planning"?' });
  await expect(confirm).toContainText('"Retro" closes as done. 1 block is unfinished and will be carried over to the next session: "Roadmap check".');
  await confirm.getByRole('button', { name: 'End session' }).click();
  await expect(app.toast('Ended "Re-planning"; 1 block carried over.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Running: Re-planning' })).toBeHidden();

  // The captures are in their areas.
  await app.openArea('Uncertainty');
  await expect(page.getByText('Claims data may be incomplete').first()).toBeVisible();
  await app.openArea('Decision log');
  await page.getByRole('link', { name: /Pilot with one insurer/ }).click();
  // The record says where it was captured, with a link back to the session.
  await expect(page.getByText(/^Captured in Mar 2 · Re-planning, during “Review risks”/)).toBeVisible();
  await app.openArea('Actions');
  await expect(page.getByRole('link', { name: 'Ask legal about retention' })).toBeVisible();
});

test('a second window shows the same time, and a running session exported mid-block re-imports running at that time', async ({ app, page }, testInfo) => {
  const address = await startPlanned(app, page, THREE, 45);
  await page.clock.fastForward(3 * 60_000 + 59_500);
  await expect(page.getByRole('timer', { name: 'Time left in the block' })).toHaveText('6:01');

  // A second window on the same session shows the same time: both work it out from what is stored.
  const second = await page.context().newPage();
  await second.goto(`/${address}`);
  await settle(second, second.getByRole('timer', { name: 'Time left in the block' }));
  await expect(second.getByRole('timer', { name: 'Time left in the block' })).toHaveText('6:01');
  await second.close();

  await app.openArea('Overview');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const saved = testInfo.outputPath('running.keel.json');
  await (await downloading).saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  expect(file.data.sessions).toHaveLength(1);
  expect(file.data.sessions[0]).toMatchObject({ title: 'Re-planning', status: 'running' });
  expect(file.data.snapshots).toHaveLength(1);

  await app.goHome();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(saved);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims assistant (copy)' })).toBeVisible();
  const copyId = decodeURIComponent(/#\/programs\/([^/]+)/.exec(page.url())![1]!);
  const sessionId = await page.evaluate(
    (programId) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessions').objectStore('sessions').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { id: string; programId: string }[]).find((s) => s.programId === programId)!.id);
          };
        };
      }),
    copyId,
  );
  await page.goto(`/#/programs/${copyId}/sessions/${sessionId}`);
  await settle(page, page.getByRole('heading', { name: 'Running: Re-planning' }));
  await expect(page.getByRole('timer', { name: 'Time left in the block' })).toHaveText('6:01');
});
