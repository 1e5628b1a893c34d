// Room mode under a full room, on the loopback address only: the built app (vite preview of
// dist/renderer with the room's web host, headless Chromium) opens a room for a running session,
// and 50 simulated participants (WebSocket clients in this process, speaking the room protocol as
// the participant page does) join by the room code, are admitted by the facilitator's button, and
// each submits 10 items and casts one ballot in a secret round, one message after the other's
// acknowledgment, all 50 at once.
//
// Measured per message: from the participant sending it to its acknowledgment arriving (the host
// decided it, stored it in IndexedDB with strict durability and answered through the room server),
// and, for items, to the item showing in the facilitator's inbox (a MutationObserver in the page;
// both clocks are this machine's Date.now()). The value is the p95 to the acknowledgment against a
// budget of 250 ms (a participant sees "Sent" within a quarter of a second in a full room); the
// note gives the medians, the p95 to the facilitator's screen against its 500 ms budget, and the
// raw floor: the same 550 messages echoed by a bare `ws` server in this process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { launchProfile, median, previewApp } from '../lib/app-page.mjs';

const PARTICIPANTS = 50;
const ITEMS = 10;
const ACK_BUDGET_MS = 250;
const SCREEN_BUDGET_MS = 500;
const FIXTURE = fileURLToPath(new URL('../../fixtures/sessions/vote-workshop.keel.json', import.meta.url));
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

/** Resolves when `test` passes (polled), or fails after `ms` naming `what`. */
async function until(test, what, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One simulated participant: joins, keeps the last view, and sends one message at a time, timing its ack. */
class Participant {
  constructor(url, code, index) {
    this.url = url;
    this.code = code;
    this.name = `P${String(index + 1).padStart(2, '0')}`;
    this.view = undefined;
    this.waiting = new Map();
    this.ackMs = [];
    this.ballotAckMs = [];
    this.sentAt = new Map();
  }

  async join() {
    const response = await fetch(new URL('api/join', this.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(this.url).origin },
      body: JSON.stringify({ code: this.code, name: this.name, function: 'Engineering' }),
    });
    const answer = await response.json();
    if (!answer.ok) throw new Error(`${this.name} could not join: ${answer.message}`);
    this.token = answer.token;
    this.socket = new WebSocket(new URL('api/socket', this.url).href.replace('http:', 'ws:'), { origin: new URL(this.url).origin });
    this.socket.on('message', (data) => this.receive(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      this.socket.once('open', resolve);
      this.socket.once('error', reject);
    });
    this.socket.send(JSON.stringify({ type: 'hello', token: this.token }));
  }

  receive(message) {
    if (message.type === 'view') this.view = message.view;
    if (message.type === 'ack') {
      const done = this.waiting.get(message.id);
      if (!done) return;
      this.waiting.delete(message.id);
      done(message);
    }
  }

  /** Sends one intention and resolves with its ack, timing the round trip. */
  send(message) {
    return new Promise((resolve) => {
      const at = Date.now();
      this.waiting.set(message.id, (ack) => {
        (message.type === 'ballot' ? this.ballotAckMs : this.ackMs).push(Date.now() - at);
        resolve(ack);
      });
      this.sentAt.set(message.id, at);
      this.socket.send(JSON.stringify(message));
    });
  }

  async work(runId) {
    const block = this.view.block;
    for (let i = 0; i < ITEMS; i++) {
      const id = `${runId}${this.name}i${i}`.padEnd(12, 'x');
      const ack = await this.send({ type: 'submit', id, blockId: block.id, kind: 'uncertainty', text: `${this.name} item ${i} ${runId}` });
      if (ack.status !== 'recorded') throw new Error(`${this.name}'s item was refused: ${ack.message}`);
    }
    const round = this.view.round;
    const [first, second] = round.candidates;
    const ack = await this.send({ type: 'ballot', id: `${runId}${this.name}ballot`, roundId: round.id, dots: [{ candidateId: first.id, dots: 2 }, { candidateId: second.id, dots: 1 }] });
    if (ack.status !== 'recorded') throw new Error(`${this.name}'s ballot was refused: ${ack.message}`);
  }

  close() {
    this.socket?.close();
  }
}

/** The floor: the same number of clients and messages, echoed at once by a bare ws server here. */
async function rawEcho() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  const times = [];
  await Promise.all(
    Array.from({ length: PARTICIPANTS }, async (_, p) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
      await new Promise((resolve) => socket.once('open', resolve));
      for (let i = 0; i <= ITEMS; i++) {
        const at = Date.now();
        const echoed = new Promise((resolve) => socket.once('message', resolve));
        socket.send(JSON.stringify({ type: 'submit', id: `raw${p}i${i}`, text: `P${p} item ${i}` }));
        await echoed;
        times.push(Date.now() - at);
      }
      socket.close();
    }),
  );
  await new Promise((resolve) => server.close(resolve));
  return times;
}

const bench = {
  name: 'room.participants50',
  unit: 'ms',
  target: 1,
  baselineLabel: `the budget: ${ACK_BUDGET_MS} ms from a participant's message to its acknowledgment`,
  async run() {
    const server = await previewApp();
    const browser = await launchProfile();
    const people = [];
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => localStorage.setItem('keel.guide', '"closed"'));
      await page.goto(`${server.origin}/#/`);
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import…' }).first().click();
      await (await choosing).setFiles({ name: 'vote-workshop.keel.json', mimeType: 'application/json', buffer: await readFile(FIXTURE) });
      await page.getByRole('heading', { level: 1, name: 'Vote workshop' }).waitFor();
      await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Sessions', exact: true }).click();
      await page.getByRole('link', { name: 'Kick-off' }).first().click();
      await page.getByRole('button', { name: 'Open the room…' }).click();
      const room = page.getByRole('region', { name: 'Room', exact: true });
      await room.getByRole('radio', { name: /This computer only/ }).check();
      await room.getByRole('button', { name: 'Open the room', exact: true }).click();
      const url = (await room.getByTestId('room-url').textContent()).trim();
      const code = (await room.getByTestId('room-code').locator('[aria-hidden="true"]').textContent()).trim();

      for (let i = 0; i < PARTICIPANTS; i++) people.push(new Participant(url, code, i));
      await Promise.all(people.map((p) => p.join()));
      await until(async () => (await room.getByRole('button', { name: 'Admit everyone waiting' }).count()) > 0 && people.every((p) => p.view), 'everyone waiting');
      await room.getByRole('button', { name: 'Admit everyone waiting' }).click();
      await until(() => people.every((p) => p.view?.status === 'admitted' && p.view.block), 'everyone admitted');

      // A secret round with everyone in the room as a voter.
      await page.getByRole('region', { name: 'Votes' }).getByRole('button', { name: 'New vote' }).click();
      const setup = page.getByRole('dialog', { name: 'New vote' });
      await setup.getByRole('textbox', { name: 'What is being decided' }).fill('What do we test first?');
      await setup.getByRole('button', { name: 'Set up the vote' }).click();
      await until(() => people.every((p) => p.view?.round?.canVote), 'the round on every device');

      // The facilitator's screen: when each item's text first shows in the inbox.
      const runId = `r${Date.now().toString(36)}`;
      await page.evaluate((marker) => {
        window.__shown = {};
        const seen = (node) => {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(new RegExp(`(P\\d\\d item \\d+) ${marker}`, 'g'))) window.__shown[match[1]] ??= Date.now();
        };
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) seen(node);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      }, runId);

      const started = Date.now();
      await Promise.all(people.map((p) => p.work(runId)));
      const allAcked = Date.now() - started;
      await page.waitForFunction((n) => Object.keys(window.__shown).length >= n, PARTICIPANTS * ITEMS, { timeout: 120_000 });
      const shown = await page.evaluate(() => window.__shown);

      const itemAck = people.flatMap((p) => p.ackMs);
      const ballotAck = people.flatMap((p) => p.ballotAckMs);
      const ack = [...itemAck, ...ballotAck];
      const screen = people.flatMap((p) =>
        Array.from({ length: ITEMS }, (_, i) => shown[`${p.name} item ${i}`] - p.sentAt.get(`${runId}${p.name}i${i}`.padEnd(12, 'x'))),
      );
      await until(async () => (await page.getByText(new RegExp(`^${PARTICIPANTS} of \\d+ voters voted\\.`)).count()) > 0, 'every ballot counted on the facilitator’s screen');
      const raw = await rawEcho();

      const note = [
        `message -> acknowledgment: median ${median(ack)} ms, p95 ${p95(ack)} ms over ${ack.length} messages (${PARTICIPANTS} participants x ${ITEMS} items + 1 ballot, all at once; the whole run ${allAcked} ms)`,
        `items alone: median ${median(itemAck)} ms, p95 ${p95(itemAck)} ms; ballots alone (batched too, off the undo history): median ${median(ballotAck)} ms, p95 ${p95(ballotAck)} ms`,
        `item -> on the facilitator's screen (inbox): median ${median(screen)} ms, p95 ${p95(screen)} ms (budget ${SCREEN_BUDGET_MS} ms, ratio ${(p95(screen) / SCREEN_BUDGET_MS).toFixed(3)})`,
        `raw floor, a bare ws echo in this process with the same clients and messages: median ${median(raw)} ms, p95 ${p95(raw)} ms`,
      ].join('\n');
      return { value: p95(ack), baseline: ACK_BUDGET_MS, samples: { value: ack, baseline: raw }, note };
    } finally {
      for (const p of people) p.close();
      await browser.close();
      await server.close();
    }
  },
};

export default bench;
