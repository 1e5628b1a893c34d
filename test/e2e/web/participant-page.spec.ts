import { expect, test, type KeelApp } from './fixtures';
import type { Page } from '@playwright/test';
import { admittedView, MockRoom, PAGE, roundView, TOKEN, waitingView } from './participant-room';

// The participant page of room mode, in real Chromium, against a room played by the test
// (participant-room.ts): joining, waiting, writing, voting, a dropped connection, the polling
// fallback and the end. The whole room (facilitator and devices together) is tested elsewhere.

async function openPage(page: Page, path = PAGE) {
  const room = new MockRoom(page);
  await room.install();
  await page.clock.install();
  await page.goto(path);
  return room;
}

/** Joins by code and waits for the socket's hello. */
async function joinByCode(page: Page, room: MockRoom) {
  room.view = waitingView();
  await page.getByLabel('Room code').fill('abc-234');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Your function').fill('Engineering');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the facilitator to let you in' })).toBeVisible();
}

test('joins by code: the code is read in any case and without its dash, then waits to be let in', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await expect(page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Type the room code shown on the facilitator’s screen.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Room code')).toBeFocused();
  expect(room.joins).toEqual([]);

  await joinByCode(page, room);
  expect(room.joins).toEqual([{ code: 'ABC234', name: 'Ana', function: 'Engineering' }]);
  expect(room.sent[0]).toEqual({ type: 'hello', token: TOKEN });
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  room.publish(admittedView());
  await expect(page.getByRole('heading', { name: 'What could go wrong' })).toBeVisible();
  await expect(page.getByText('Review uncertainties')).toBeVisible();
  await expect(page.getByText('The five riskiest assumptions')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText('5:00');
  await page.clock.runFor(61_000);
  await expect(page.getByRole('timer')).toHaveText('3:59');
  await expect(page.getByText('4 minutes left.')).toBeAttached();

  // A reload (a phone that locked) reconnects with the kept token, without joining again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'What could go wrong' })).toBeVisible();
  expect(room.joins).toHaveLength(1);
  expect(room.sent.filter((m) => m.type === 'hello')).toHaveLength(2);
});

test('a refused join says why in words; a join link asks only for a name and a function', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  room.joinAnswer = { ok: false, reason: 'joining-closed', message: 'Joining is closed.' };
  await page.getByLabel('Room code').fill('ABC234');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Your function').fill('Product');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('The facilitator has closed joining. Ask them to open it for you.');
  room.joinAnswer = { ok: false, reason: 'too-many-requests', message: 'Slow down.' };
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many tries. Wait a minute, then try again.');

  await page.goto(`${PAGE}?j=join-token-bbbbbbbbbbbbbbbbbbbb`);
  await expect(page.getByLabel('Room code')).toHaveCount(0);
  // The name and function typed before are offered again.
  await expect(page.getByLabel('Your name')).toHaveValue('Ana');
  room.joinAnswer = { ok: true, deviceId: 'device-1', token: TOKEN, status: 'waiting' };
  room.view = waitingView();
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the facilitator to let you in' })).toBeVisible();
  expect(room.joins.at(-1)).toEqual({ joinToken: 'join-token-bbbbbbbbbbbbbbbbbbbb', name: 'Ana', function: 'Product' });
  await expect(page).toHaveURL(/participant\/index\.html$/);
});

test('writes and submits an item: private, with its status from sending to accepted', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await joinByCode(page, room);
  room.publish(admittedView({ block: { ...admittedView().block!, accepts: ['idea', 'concern'] } }));

  await expect(page.getByRole('radio')).toHaveCount(2);
  await page.getByRole('radio', { name: 'Concern' }).check();
  const text = page.getByLabel('Your concern');
  await text.fill('Refund rules differ by country');
  await expect(page.getByText('30 / 1000')).toBeVisible();
  await text.press('Control+Enter');

  await expect(text).toHaveValue('');
  const mine = page.getByRole('region', { name: 'Your items' });
  await expect(mine.getByRole('listitem')).toHaveText(/Concern\s*Sending…\s*Refund rules differ by country/);
  const [submit] = room.intentions();
  expect(submit).toMatchObject({ type: 'submit', blockId: 'block-1', kind: 'concern', text: 'Refund rules differ by country' });
  expect(submit!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

  room.push({ type: 'ack', id: submit!.id, status: 'recorded' });
  await expect(mine.getByRole('listitem')).toHaveText(/Sent/);
  room.publish(admittedView({ mine: [{ id: 'sub-1', kind: 'concern', text: 'Refund rules differ by country', status: 'accepted' }] }));
  await expect(mine.getByRole('listitem')).toHaveText(/Concern\s*Accepted into the plan/);
  await expect(mine.getByRole('listitem')).toHaveCount(1);

  // A refusal is shown with its reason, next to the item, and can be dismissed.
  await page.getByRole('radio', { name: 'Uncertainty' }).check();
  await page.getByLabel('Your uncertainty').fill('Too late');
  await page.getByRole('button', { name: 'Submit' }).click();
  const late = room.intentions().at(-1)!;
  room.push({ type: 'ack', id: late.id, status: 'refused', message: 'This block has ended.' });
  await expect(mine.getByText('This block has ended.')).toBeVisible();
  await mine.getByRole('button', { name: 'Dismiss' }).click();
  await expect(mine.getByText('Too late')).toHaveCount(0);
});

test('a dropped socket loses nothing: the unsent text stays and the item is resent with the same id, once', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await joinByCode(page, room);
  room.publish(admittedView());
  await page.getByLabel('Your uncertainty').fill('Will agents trust the drafts?');
  await page.getByRole('button', { name: 'Submit' }).click();
  const [sent] = room.intentions();

  // The connection drops before the ack; the participant goes on writing and reloads.
  await room.socket.close({ code: 1011 });
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible();
  await page.getByLabel('Your uncertainty').fill('Half a thought');
  const sockets = room.sockets.length;
  await page.reload();
  await expect(page.getByLabel('Your uncertainty')).toHaveValue('Half a thought');
  await expect(page.getByRole('region', { name: 'Your items' }).getByText('Sending…')).toBeVisible();

  // Back: the same id once, then the ack ends it; another drop does not send it again.
  await expect.poll(() => room.sockets.length).toBeGreaterThan(sockets);
  await expect.poll(() => room.intentions().length).toBe(2);
  expect(room.intentions()[1]).toEqual(sent);
  room.push({ type: 'ack', id: sent!.id, status: 'recorded' });
  await expect(page.getByRole('region', { name: 'Your items' }).getByText('Sent', { exact: true })).toBeVisible();
  await room.socket.close({ code: 1011 });
  await page.clock.runFor(1_000);
  await expect.poll(() => room.sockets.length).toBe(sockets + 2);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  expect(room.intentions()).toHaveLength(2);
  await expect(page.getByLabel('Your uncertainty')).toHaveValue('Half a thought');
});

test('votes with the keyboard within the round’s limits, once, and sees results only after the reveal', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await joinByCode(page, room);
  room.publish(roundView());
  const vote = page.getByRole('region', { name: 'Which risk first?' });
  await expect(vote.getByText('Secret: nobody sees who voted for what.')).toBeVisible();
  await expect(vote.getByText('Results')).toHaveCount(0);

  const first = vote.getByRole('spinbutton', { name: 'Hallucinated refunds' });
  await first.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-valuenow', '2');
  await expect(vote.getByText('1 dot left.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(vote.getByRole('spinbutton', { name: 'Agents ignore the drafts' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(vote.getByRole('spinbutton', { name: 'Agents ignore the drafts' })).toHaveAttribute('aria-valuenow', '1');
  await expect(vote.getByText('All your dots are placed.')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(vote.getByRole('button', { name: 'Cast vote' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(vote.getByText('Cast your vote? You cannot change it after.')).toBeVisible();
  await expect(vote.getByRole('button', { name: 'Cast my vote' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(vote.getByText('Sending your vote…')).toBeVisible();
  const [ballot] = room.intentions();
  expect(ballot).toMatchObject({ type: 'ballot', roundId: 'round-1', dots: [{ candidateId: 'c-1', dots: 2 }, { candidateId: 'c-2', dots: 1 }] });

  room.push({ type: 'ack', id: ballot!.id, status: 'recorded' });
  room.publish(roundView({ voted: true, votedCount: 1 }));
  await expect(vote.getByText('Your vote is in (1 of 5 have voted).')).toBeVisible();
  await expect(vote.getByText('Results')).toHaveCount(0);

  room.publish(roundView({ voted: true, votedCount: 5, results: [
    { candidateId: 'c-2', label: 'Agents ignore the drafts', dots: 7 },
    { candidateId: 'c-1', label: 'Hallucinated refunds', dots: 5 },
    { candidateId: 'c-3', label: 'Latency at peak', dots: 3 },
  ] }));
  await expect(vote.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(vote.getByRole('listitem')).toHaveText([/Agents ignore the drafts\s*7 dots/, /Hallucinated refunds\s*5 dots/, /Latency at peak\s*3 dots/]);
});

test('when sockets are refused, the page falls back to polling and still sends and receives', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  room.refuseSockets = true;
  await page.getByLabel('Room code').fill('ABC234');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Your function').fill('Engineering');
  await page.getByRole('button', { name: 'Join' }).click();
  // Two socket attempts (the second after the backoff), then polling.
  await page.clock.runFor(1_000);
  await expect.poll(() => room.polls).toBeGreaterThan(0);
  room.publish(admittedView());
  await expect(page.getByRole('heading', { name: 'What could go wrong' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  await page.getByLabel('Your uncertainty').fill('Sent without a socket');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => room.intentions().length).toBe(1);
  room.push({ type: 'ack', id: room.intentions()[0]!.id, status: 'recorded' });
  await expect(page.getByRole('region', { name: 'Your items' }).getByText('Sent', { exact: true })).toBeVisible();
  expect(room.sent.every((m) => m.type !== 'hello')).toBe(true);
});

test('a removed device sees the end in words and forgets the room', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await joinByCode(page, room);
  room.publish(admittedView());
  room.push({ type: 'ended', reason: 'removed' });
  await expect(page.getByRole('heading', { name: 'You were removed from the room' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
});

test('leaving the room asks first, then forgets it', async ({ page, app }) => {
  void app;
  const room = await openPage(page);
  await joinByCode(page, room);
  await page.getByRole('button', { name: 'Leave this room' }).click();
  await expect(page.getByRole('button', { name: 'Leave', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Leave this room' })).toBeFocused();
  await page.getByRole('button', { name: 'Leave this room' }).click();
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the participant page is accessible at phone size in ${scheme}`, async ({ page, app }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.emulateMedia({ colorScheme: scheme });
    const room = await openPage(page);
    await expectAccessible(app, 'the join form');
    await page.getByRole('button', { name: 'Join' }).click();
    await expectAccessible(app, 'the join form with problems');
    await joinByCode(page, room);
    await expectAccessible(app, 'waiting');
    room.publish(roundView());
    await expect(page.getByRole('heading', { name: 'Which risk first?' })).toBeVisible();
    await page.getByLabel('Your uncertainty').fill('Something');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expectAccessible(app, 'a block with a vote and an item');
    room.publish(roundView({ voted: true, results: [{ candidateId: 'c-1', label: 'Hallucinated refunds', dots: 4 }] }));
    await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
    await expectAccessible(app, 'results');
  });
}

async function expectAccessible(app: KeelApp, what: string) {
  await app.expectAccessible(`the participant page: ${what}`);
}
