import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, KeelApp, test } from './fixtures';

// The presenter window, in Chromium: a running session is seeded by importing a file built here
// (with its timer as stored moments), so these tests do not depend on the run view's buttons.

const T0 = new Date('2026-11-30T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
/**
 * The time in every window of the test: fixed, so what each shows can be read exactly, and moved
 * on by the test (the app's timers keep running; its one-second tick reads the new time).
 */
const timeIs = (context: BrowserContext, msAfterStart: number) => context.clock.setFixedTime(T0.getTime() + msAfterStart);
const fixture = fileURLToPath(new URL('../../fixtures/format-v6/support-assistant-plan.keel.json', import.meta.url));

function block(id: string, title: string, plannedMinutes: number, method: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title,
    plannedMinutes,
    method,
    matrixId: '',
    outputs: '',
    notes: '',
    startedAt: null,
    pausedAt: null,
    pausedMs: 0,
    extraMinutes: 0,
    endedAt: null,
    outcome: null,
    carriedFrom: null,
    ...extra,
  };
}

/** The format-6 fixture as a format-7 file with one session, running its first block since T0. */
function runningSessionFile(path: string): void {
  const file = JSON.parse(readFileSync(fixture, 'utf8'));
  const matrixId = file.data.matrices[0].id;
  file.formatVersion = 7;
  file.data.sessions = [
    {
      id: 'session-1',
      title: 'Quarterly re-planning',
      date: '2026-11-30',
      plannedMinutes: 60,
      place: 'Room 4',
      facilitator: 'Ana',
      participants: ['Ana', 'Ben', 'Chen'].map((name, i) => ({ id: `person-${i + 1}`, name, function: 'Product' })),
      goals: '',
      blocks: [
        block('block-1', 'Review the uncertainty map', 15, 'uncertainty', { startedAt: iso(T0.getTime()) }),
        block('block-2', 'Choose the retrieval upgrade', 20, 'tradeoff', { matrixId }),
        block('block-3', 'Retro', 5, 'retro'),
      ],
      status: 'running',
      currentBlockId: 'block-1',
      startedAt: iso(T0.getTime()),
      endedAt: null,
      startSnapshotId: '',
      endSnapshotId: '',
      template: '',
      createdAt: iso(T0.getTime() - 86_400_000),
      updatedAt: iso(T0.getTime()),
    },
  ];
  file.data.captures = [];
  const [first, second] = file.data.uncertaintyItems;
  // A secret round in the first block: two of three have voted, nothing revealed yet.
  file.data.votes = [
    {
      id: 'round-1',
      sessionId: 'session-1',
      blockId: 'block-1',
      title: 'What do we test first?',
      target: 'uncertainty',
      matrixId: '',
      candidates: [
        { id: first.id, label: first.title },
        { id: second.id, label: second.title },
      ],
      mode: 'ballots',
      dotsPerVoter: 3,
      maxPerCandidate: 3,
      secret: true,
      reveal: 'facilitator',
      voterIds: ['person-1', 'person-2', 'person-3'],
      voted: ['person-1', 'person-2'],
      ballots: [
        { voterId: '', dots: [{ candidateId: first.id, dots: 1 }, { candidateId: second.id, dots: 2 }] },
        { voterId: '', dots: [{ candidateId: second.id, dots: 3 }] },
      ],
      tallies: [],
      revealedAt: null,
      applied: null,
      createdAt: iso(T0.getTime()),
      updatedAt: iso(T0.getTime()),
    },
  ];
  file.data.snapshots = [];
  writeFileSync(path, JSON.stringify(file));
}

/** Imports the file; the import gives the program and its session new ids, read back from the database. */
async function importRunningSession(app: KeelApp, path: string): Promise<{ programId: string; sessionId: string }> {
  const page = app.page;
  await app.open();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await choosing).setFiles(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();
  const programId = decodeURIComponent(/#\/programs\/([^/]+)/.exec(page.url())?.[1] ?? '');
  const sessionId = await page.evaluate(
    (program) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('sessions').objectStore('sessions').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { id: string; programId: string }[]).find((s) => s.programId === program)?.id ?? '');
          };
        };
      }),
    programId,
  );
  expect(sessionId).not.toBe('');
  return { programId, sessionId };
}

/**
 * What the facilitator's presenter controls do (the run view places them; their buttons are
 * covered by test/component/presenter-controls.test.ts): open the named window on the route.
 */
async function openPresenter(page: Page, context: BrowserContext, programId: string, sessionId: string, problems: string[]): Promise<Page> {
  const opening = context.waitForEvent('page');
  await page.evaluate(
    ([p, s]) => window.open(`${location.pathname}#/present/${encodeURIComponent(p!)}/${encodeURIComponent(s!)}`, 'keel-presenter', 'popup,width=1280,height=720'),
    [programId, sessionId],
  );
  const presenter = await opening;
  watch(presenter, problems);
  return presenter;
}

/** The presenter's page errors and console errors fail the test, as the facilitator's do. */
function watch(presenter: Page, problems: string[]): void {
  presenter.on('pageerror', (error) => problems.push(`presenter page error: ${error.message}`));
  presenter.on('console', (message) => {
    if (message.type() === 'error') problems.push(`presenter console error: ${message.text()}`);
  });
}

/** What the facilitator's window tells the presenter over the 'keel-presenter' channel (state/presenter.svelte.ts PresenterLink). */
async function facilitatorSays(page: Page, message: { type: 'ping' | 'closing'; sessionId: string }): Promise<void> {
  await page.evaluate((m) => {
    const channel = new BroadcastChannel('keel-presenter');
    channel.postMessage(m);
    channel.close();
  }, message);
}

/** The room's view chosen in the facilitator's window, as the controls store it. */
async function choose(page: Page, sessionId: string, choice: { view: string; blank: boolean }): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`keel.presenter.${sessionId}`, JSON.stringify(choice)]);
}

type Change = 'reveal the round' | 'move to the next block';

/**
 * A change the facilitator makes in their window, stored as the run view's and the vote panel's
 * state store it (finishBlock in domain/sessions/timer.ts; a round's revealedAt); then every
 * window of the app is told, as Dexie tells them after its own writes.
 */
async function facilitatorDoes(page: Page, change: Change, sessionId: string): Promise<void> {
  await page.evaluate(
    ([change, id]) =>
      new Promise<void>((resolve, reject) => {
        const table = change === 'reveal the round' ? 'votes' : 'sessions';
        const open = indexedDB.open('keel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          // The import gave every record a new id: a round is found by its session's.
          const read = change === 'reveal the round' ? store.getAll() : store.get(id!);
          read.onsuccess = () => {
            const now = Date.now();
            const record = change === 'reveal the round' ? read.result.find((r: { sessionId: string }) => r.sessionId === id) : read.result;
            if (change === 'reveal the round') {
              record.revealedAt = now;
            } else {
              record.blocks[0] = { ...record.blocks[0], endedAt: now, outcome: 'done' };
              record.blocks[1] = { ...record.blocks[1], startedAt: now };
              record.currentBlockId = record.blocks[1].id;
            }
            record.updatedAt = now;
            store.put(record);
          };
          tx.oncomplete = () => {
            open.result.close();
            new BroadcastChannel('x-storagemutated-1').postMessage({ all: true });
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [change, sessionId],
  );
}

test('the presenter window shows the current block and the same countdown, and follows the facilitator', async ({ app, page, context, problems }, testInfo) => {
  await timeIs(context, 0);
  const file = testInfo.outputPath('running.keel.json');
  runningSessionFile(file);
  const { programId, sessionId } = await importRunningSession(app, file);
  await timeIs(context, 2 * MINUTE);

  const presenter = await openPresenter(page, context, programId, sessionId, problems);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Review the uncertainty map' })).toBeVisible();
  await expect(presenter.getByText('Review uncertainties · 15 minutes')).toBeVisible();
  await expect(presenter.getByText('Next: Choose the retrieval upgrade (20 minutes)')).toBeVisible();
  const countdown = presenter.getByTestId('presenter-countdown');
  await expect(countdown).toHaveText('13:00');
  // F enters full screen and says how to leave; Escape leaves it.
  const hint = presenter.getByText(/full screen$/);
  await expect(hint).toHaveText('F: full screen');
  await presenter.keyboard.press('f');
  await expect(hint).toHaveText('Esc or F: leave full screen');
  await presenter.keyboard.press('Escape');
  await expect(hint).toHaveText('F: full screen');
  // No editing controls in the room's window.
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await expect(presenter.getByRole('textbox')).toHaveCount(0);

  // The same clock in both windows: the countdown runs, and past zero the signal shows.
  await timeIs(context, 7 * MINUTE);
  await expect(countdown).toHaveText('8:00');
  await timeIs(context, 16 * MINUTE);
  await expect(countdown).toHaveText('-1:00');
  await expect(presenter.getByRole('status').filter({ hasText: 'Time is up' })).toBeVisible();

  // The facilitator moves on: the presenter follows without a reload.
  await facilitatorDoes(page, 'move to the next block', sessionId);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Choose the retrieval upgrade' })).toBeVisible();
  await expect(countdown).toHaveText('20:00');
  await expect(presenter.getByText('Time is up')).toBeHidden();
  await expect(presenter.getByText('Next: Retro (5 minutes)')).toBeVisible();

  // A reload of the presenter shows the same.
  await presenter.reload();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Choose the retrieval upgrade' })).toBeVisible();
  await expect(countdown).toHaveText('20:00');
});

test('the facilitator switches the presenter to a vote (counted only until revealed), the map, the matrix results and back, and blanks it', async ({ app, page, context, problems }, testInfo) => {
  await timeIs(context, 0);
  const file = testInfo.outputPath('running.keel.json');
  runningSessionFile(file);
  const { programId, sessionId } = await importRunningSession(app, file);
  const presenter = await openPresenter(page, context, programId, sessionId, problems);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Review the uncertainty map' })).toBeVisible();

  // A secret round: the room sees how many have voted, and nothing of the ballots until the reveal.
  const [first, second] = JSON.parse(readFileSync(fixture, 'utf8')).data.uncertaintyItems as { title: string }[];
  await choose(page, sessionId, { view: 'vote', blank: false });
  const vote = presenter.getByRole('region', { name: 'Vote' });
  await expect(vote).toContainText('What do we test first?');
  await expect(vote).toContainText('Voting: 2 of 3 have voted');
  await expect(vote).not.toContainText(first!.title);
  await expect(vote).not.toContainText(second!.title);
  await facilitatorDoes(page, 'reveal the round', sessionId);
  const ranked = vote.getByRole('listitem');
  await expect(ranked).toHaveCount(2);
  await expect(ranked.nth(0)).toContainText(second!.title);
  await expect(ranked.nth(0)).toContainText('5 dots');
  await expect(ranked.nth(1)).toContainText(first!.title);
  await expect(ranked.nth(1)).toContainText('1 dot');

  await choose(page, sessionId, { view: 'map', blank: false });
  const map = presenter.getByRole('listbox', { name: /^Uncertainty map/ });
  await expect(map).toBeVisible();
  await expect(presenter.getByTestId('presenter-countdown')).toBeVisible();

  // The matrix view needs a block with a matrix: this one has none, so the room sees the timer.
  await choose(page, sessionId, { view: 'matrix', blank: false });
  await expect(map).toBeHidden();
  await facilitatorDoes(page, 'move to the next block', sessionId);
  await expect(presenter.getByRole('region', { name: 'Matrix results' })).toContainText('Which retrieval upgrade ships next quarter?');

  await choose(page, sessionId, { view: 'timer', blank: false });
  await expect(presenter.getByRole('region', { name: 'Matrix results' })).toBeHidden();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Choose the retrieval upgrade' })).toBeVisible();

  await choose(page, sessionId, { view: 'timer', blank: true });
  await expect(presenter.getByRole('heading', { level: 1, name: 'Choose the retrieval upgrade' })).toBeHidden();
  await expect(presenter.getByTestId('presenter-countdown')).toBeHidden();

  // The choice survives a reload of the presenter.
  await choose(page, sessionId, { view: 'map', blank: false });
  await presenter.reload();
  await expect(presenter.getByRole('listbox', { name: /^Uncertainty map/ })).toBeVisible();
});

test("the presenter works when opened first, and says when the facilitator's window is not there", async ({ app, page, context, problems }, testInfo) => {
  await timeIs(context, 0);
  const file = testInfo.outputPath('running.keel.json');
  runningSessionFile(file);
  const { programId, sessionId } = await importRunningSession(app, file);

  // Opened on its own, with no facilitator window on the session.
  const presenter = await context.newPage();
  watch(presenter, problems);
  await presenter.goto(`./#/present/${programId}/${sessionId}`);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Review the uncertainty map' })).toBeVisible();
  await timeIs(context, 10_000);
  await expect(presenter.getByText('No facilitator window is open on this session.')).toBeVisible();
  // The time still runs from the stored session.
  await expect(presenter.getByTestId('presenter-countdown')).toHaveText('14:50');

  // The facilitator's window opens on the session, then closes.
  await facilitatorSays(page, { type: 'ping', sessionId });
  await expect(presenter.getByText('No facilitator window is open on this session.')).toBeHidden();
  await facilitatorSays(page, { type: 'closing', sessionId });
  await expect(presenter.getByText('Facilitator window closed. The time still runs from the stored session.')).toBeVisible();
  await timeIs(context, 20_000);
  await expect(presenter.getByTestId('presenter-countdown')).toHaveText('14:40');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the presenter window is accessible (${scheme})`, async ({ app, page, context, problems }, testInfo) => {
    await timeIs(context, 0);
    const file = testInfo.outputPath('running.keel.json');
    runningSessionFile(file);
    const { programId, sessionId } = await importRunningSession(app, file);
    const presenter = await openPresenter(page, context, programId, sessionId, problems);
    await presenter.emulateMedia({ colorScheme: scheme });
    await expect(presenter.getByRole('heading', { level: 1, name: 'Review the uncertainty map' })).toBeVisible();
    const room = new KeelApp(presenter);
    await room.expectAccessible(`the presenter window (${scheme})`);
    await timeIs(context, 16 * MINUTE);
    await expect(presenter.getByText('Time is up')).toBeVisible();
    await room.expectAccessible(`the presenter window past time (${scheme})`);
    await choose(page, sessionId, { view: 'map', blank: false });
    await expect(presenter.getByRole('listbox', { name: /^Uncertainty map/ })).toBeVisible();
    await room.expectAccessible(`the presenter window with the map (${scheme})`);
  });
}
