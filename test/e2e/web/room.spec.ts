import AxeBuilder from '@axe-core/playwright';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// Room mode across every part, on the loopback address only: the facilitator's Keel opens a room
// for a running session; five people join from their own browsers (separate contexts, phone
// size) by the room code; they write items that the facilitator accepts; a secret vote where
// nobody sees anything before the reveal, with one phone losing and regaining its connection
// mid-way; a removed device and a forged token refused; a request for another Host refused.

const FIXTURE = fileURLToPath(new URL('../../fixtures/sessions/vote-workshop.keel.json', import.meta.url));
const PEOPLE = [
  { name: 'Ana', fn: 'Engineering' },
  { name: 'Ben', fn: 'Product' },
  { name: 'Cy', fn: 'Leadership' },
  { name: 'Dee', fn: 'Engineering' },
  { name: 'Eli', fn: 'Product' },
] as const;
const PHONE = { width: 360, height: 640 };

interface Participant {
  name: string;
  context: BrowserContext;
  page: Page;
}

async function openRoom(app: KeelApp, page: Page): Promise<{ url: string; code: string }> {
  await app.open();
  await app.importFile(FIXTURE, 'Vote workshop');
  await app.openArea('Sessions');
  await page.getByRole('link', { name: 'Kick-off' }).first().click();
  await page.getByRole('button', { name: 'Open the room…' }).click();
  const room = page.getByRole('region', { name: 'Room', exact: true });
  await room.getByRole('radio', { name: /This computer only/ }).check();
  await room.getByRole('button', { name: 'Open the room', exact: true }).click();
  const url = (await room.getByTestId('room-url').textContent())!.trim();
  const code = (await room.getByTestId('room-code').locator('[aria-hidden="true"]').textContent())!.trim();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  return { url, code };
}

async function join(browser: Browser, url: string, code: string, person: { name: string; fn: string }): Promise<Participant> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(url);
  // Typed as people type it: lower case, with a dash.
  await page.getByLabel('Room code').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Your function').fill(person.fn);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the facilitator to let you in' })).toBeVisible();
  return { name: person.name, context, page };
}

async function submit(p: Participant, kind: string, text: string) {
  await p.page.getByRole('radio', { name: kind }).check();
  await p.page.getByLabel(`Your ${kind.toLowerCase()}`).fill(text);
  await p.page.getByRole('button', { name: 'Submit' }).click();
}

/** A raw request to the room server, with the Host header as given (a browser cannot forge it). */
function rawGet(url: string, path: string, headers: Record<string, string>): Promise<number> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('five people join by code, write items the facilitator accepts, vote in secret through a dropped connection, and see only the revealed totals', async ({ app, page, browser }) => {
  test.setTimeout(180_000);
  const { url, code } = await openRoom(app, page);
  const room = page.getByRole('region', { name: 'Room', exact: true });

  const people: Participant[] = [];
  for (const person of PEOPLE) people.push(await join(browser, url, code, person));
  const [ana, ben, cy, dee, eli] = people as [Participant, Participant, Participant, Participant, Participant];

  // The facilitator sees them waiting, and lets them in.
  const list = room.getByRole('list', { name: 'People in the room' });
  for (const person of PEOPLE) await expect(list).toContainText(person.name);
  await room.getByRole('button', { name: 'Admit everyone waiting' }).click();
  for (const p of people) await expect(p.page.getByRole('heading', { name: 'What to test first' })).toBeVisible();

  // The participant page at phone size is accessible, light and dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await ana.page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: ana.page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`), `participant page (${colorScheme})`).toEqual([]);
  }
  await ana.page.emulateMedia({ colorScheme: 'light' });

  // Items written privately: nobody else's page shows them; the facilitator's inbox has them all.
  await submit(ana, 'Uncertainty', 'Refund rules differ by country');
  await submit(ben, 'Concern', 'Agents may not trust the drafts');
  await submit(cy, 'Idea', 'Pilot with the billing queue first');
  await submit(dee, 'Uncertainty', 'Refund rules vary per country');
  await submit(eli, 'Parking-lot topic', 'Who owns the prompt library?');
  const inbox = room.getByRole('list', { name: 'Items to decide' });
  await expect(inbox.getByRole('listitem')).toHaveCount(5);
  await expect(ben.page.getByRole('region', { name: 'Your items' })).not.toContainText('Refund rules');
  for (const p of people) await expect(p.page.getByRole('region', { name: 'Your items' })).toContainText('Sent');

  // Two alike accepted as one item, the rest each on their own; one undo takes a decision back.
  await inbox.getByRole('listitem').filter({ hasText: 'Refund rules differ by country' }).getByRole('checkbox').check();
  await inbox.getByRole('listitem').filter({ hasText: 'Refund rules vary per country' }).getByRole('checkbox').check();
  await room.getByRole('button', { name: 'Accept selected as one item' }).click();
  await expect(inbox.getByRole('listitem')).toHaveCount(3);
  await expect(ana.page.getByRole('region', { name: 'Your items' })).toContainText('Accepted into the plan');
  await room.getByRole('button', { name: /^Accept all/ }).click();
  await expect(inbox.getByRole('listitem')).toHaveCount(0);
  await app.undoByKeyboard();
  await expect(inbox.getByRole('listitem')).toHaveCount(3);
  await room.getByRole('button', { name: /^Accept all/ }).click();
  await expect(inbox.getByRole('listitem')).toHaveCount(0);
  await expect(eli.page.getByRole('region', { name: 'Your items' })).toContainText('Accepted into the plan');

  // A secret round for everyone in the room (Ana, Ben and Cy were already the session's participants).
  const votes = page.getByRole('region', { name: 'Votes' });
  await votes.getByRole('button', { name: 'New vote' }).click();
  const setup = page.getByRole('dialog', { name: 'New vote' });
  await setup.getByRole('textbox', { name: 'What is being decided' }).fill('What do we test first?');
  await expect(setup).toContainText('(5 voters)');
  await setup.getByRole('button', { name: 'Set up the vote' }).click();

  const dots: Record<string, Record<string, number>> = {
    Ana: { 'Labels are noisy': 2, 'Latency budget holds': 1 },
    Ben: { 'Labels are noisy': 1, 'Vendor stays affordable': 2 },
    Cy: { 'Labels are noisy': 2, 'Vendor stays affordable': 1 },
    Dee: { 'Latency budget holds': 2, 'Labels are noisy': 1 },
    Eli: { 'Vendor stays affordable': 1 },
  };
  async function vote(p: Participant) {
    for (const [label, n] of Object.entries(dots[p.name]!)) {
      const more = p.page.getByRole('button', { name: `Add a dot to ${label}` });
      for (let i = 0; i < n; i++) await more.click();
    }
    await p.page.getByRole('button', { name: 'Cast vote' }).click();
    await p.page.getByRole('button', { name: 'Cast my vote' }).click();
    await expect(p.page.getByText(/Your vote is in/)).toBeVisible();
  }

  await vote(ana);
  await vote(ben);
  // Cy's phone loses the network: the vote cast while offline and a half-written item are kept,
  // and both go through once the connection is back.
  await expect(cy.page.getByText('Secret: nobody sees who voted for what')).toBeVisible();
  await cy.context.setOffline(true);
  for (const [label, n] of Object.entries(dots.Cy!)) {
    const more = cy.page.getByRole('button', { name: `Add a dot to ${label}` });
    for (let i = 0; i < n; i++) await more.click();
  }
  await cy.page.getByRole('button', { name: 'Cast vote' }).click();
  await cy.page.getByRole('button', { name: 'Cast my vote' }).click();
  await cy.page.getByLabel('Your idea').fill('Ask the night shift too');
  await cy.page.reload().catch(() => undefined);
  await cy.context.setOffline(false);
  await cy.page.goto(url);
  await expect(cy.page.getByLabel('Your idea')).toHaveValue('Ask the night shift too');
  await expect(cy.page.getByText(/Your vote is in/)).toBeVisible({ timeout: 20_000 });
  await vote(dee);
  await vote(eli);

  // Before the reveal: counts only, on the facilitator's screen and on every phone.
  const round = votes.getByRole('article', { name: 'What do we test first?' });
  await expect(round).toContainText('5 of 5 voters voted.');
  for (const p of people) {
    await expect(p.page.getByText(/5 of 5 have voted/)).toBeVisible();
    await expect(p.page.getByRole('heading', { name: 'Results' })).toHaveCount(0);
  }
  await round.getByRole('button', { name: /^Reveal/ }).click();
  // After it: the totals, the same on every phone (the five ballots' dots: 6, 4 and 3).
  for (const p of people) {
    const results = p.page.getByRole('region', { name: 'What do we test first?' }).getByRole('list');
    await expect(results.getByRole('listitem').first()).toContainText('Labels are noisy');
    await expect(results.getByRole('listitem').first()).toContainText('6');
  }

  // A removed device stops working, and its token is refused from then on.
  const eliToken = await eli.page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const value = localStorage.getItem(localStorage.key(i)!) ?? '';
      const token = /"token":"([A-Za-z0-9_-]{20,64})"/.exec(value)?.[1];
      if (token) return token;
    }
    return '';
  });
  expect(eliToken).not.toBe('');
  const host = new URL(url).host;
  expect(await rawGet(url, '/api/poll?after=0', { Host: host, 'x-keel-device': eliToken })).not.toBe(401);
  await room.getByRole('button', { name: 'Remove Eli…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Remove/ }).click();
  await expect(eli.page.getByText('You were removed from the room')).toBeVisible();
  expect(await rawGet(url, '/api/poll?after=0', { Host: host, 'x-keel-device': eliToken })).toBe(401);
  // A forged token, and a request for another Host (DNS rebinding), are refused.
  expect(await rawGet(url, '/api/poll?after=0', { Host: host, 'x-keel-device': 'forged-forged-forged-forged-forged' })).toBe(401);
  expect(await rawGet(url, '/', { Host: 'evil.example' })).toBeGreaterThanOrEqual(400);
  expect(await rawGet(url, '/api/health', { Host: `evil.example:${new URL(url).port}` })).toBeGreaterThanOrEqual(400);

  for (const p of people) await p.context.close();
});
