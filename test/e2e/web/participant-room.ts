import type { Page, Request, WebSocketRoute } from '@playwright/test';
import type { DeviceMessage, HelloMessage, JoinRequest, JoinResponse, ParticipantView, ServerMessage } from '../../../electron/room/protocol';

// A room server played by the test, for the participant page served at /participant/ by the
// app's preview server: the join, the socket and the polling fallback, with what the page sent.

export const PAGE = '/participant/index.html';
export const TOKEN = 'device-token-aaaaaaaaaaaaaaaaaaaa';

type Sent = DeviceMessage | HelloMessage;
/** A server message before the room numbers it. */
type Unnumbered = ServerMessage extends infer M ? (M extends ServerMessage ? Omit<M, 'seq'> : never) : never;

export class MockRoom {
  /** Every join the page POSTed. */
  readonly joins: JoinRequest[] = [];
  /** Every message the page sent, over the socket or POSTed. */
  readonly sent: Sent[] = [];
  sockets: WebSocketRoute[] = [];
  /** What a join gets. */
  joinAnswer: JoinResponse = { ok: true, deviceId: 'device-1', token: TOKEN, status: 'waiting' };
  /** Sockets are closed at once (the polling fallback takes over). */
  refuseSockets = false;
  /** Messages waiting for the next poll. */
  private pollQueue: ServerMessage[] = [];
  private wakePoll = () => {};
  /** How many polls the page made. */
  polls = 0;
  private seq = 0;
  /** What a new socket is sent after the hello. */
  view: ParticipantView | null = null;

  constructor(readonly page: Page) {}

  async install() {
    await this.page.route('**/participant/api/join', async (route) => {
      this.joins.push(route.request().postDataJSON() as JoinRequest);
      await route.fulfill({ json: this.joinAnswer });
    });
    await this.page.route('**/participant/api/send', async (route) => {
      this.record(route.request());
      await route.fulfill({ status: 202, json: { ok: true } });
    });
    await this.page.route('**/participant/api/poll**', async (route) => {
      this.polls += 1;
      const after = Number(new URL(route.request().url()).searchParams.get('after'));
      // A long poll: held until there is something to send (or a moment has passed).
      if (this.pollQueue.length === 0) await new Promise<void>((resolve) => ((this.wakePoll = resolve), setTimeout(resolve, 1500)));
      const messages = this.pollQueue.filter((m) => m.seq > after);
      this.pollQueue = [];
      await route.fulfill({ json: messages }).catch(() => undefined);
    });
    await this.page.routeWebSocket('**/participant/api/socket', (ws) => {
      if (this.refuseSockets) {
        void ws.close({ code: 1011, reason: 'no sockets here' });
        return;
      }
      this.sockets.push(ws);
      ws.onMessage((data) => {
        const message = JSON.parse(String(data)) as Sent;
        this.sent.push(message);
        if (message.type === 'hello' && this.view) this.sendTo(ws, { type: 'view', view: this.view });
      });
    });
  }

  private record(request: Request) {
    this.sent.push(request.postDataJSON() as Sent);
  }

  get socket(): WebSocketRoute {
    return this.sockets[this.sockets.length - 1]!;
  }

  /** A message to the page over the newest socket, or the next poll when sockets are refused. */
  push(message: Unnumbered) {
    if (this.refuseSockets) {
      this.pollQueue.push({ ...message, seq: ++this.seq } as ServerMessage);
      this.wakePoll();
    } else this.sendTo(this.socket, message);
  }

  private sendTo(ws: WebSocketRoute, message: Unnumbered) {
    ws.send(JSON.stringify({ ...message, seq: ++this.seq }));
  }

  /** Publishes a view (kept for sockets that connect later, as the server keeps the last one). */
  publish(view: ParticipantView) {
    this.view = view;
    this.push({ type: 'view', view });
  }

  /** The intentions the page sent, without hellos and pings. */
  intentions() {
    return this.sent.filter((m) => m.type === 'submit' || m.type === 'ballot');
  }
}

export function waitingView(): ParticipantView {
  return { sessionTitle: 'Support assistant kick-off', name: 'Ana', status: 'waiting', block: null, round: null, mine: [] };
}

export function admittedView(over: Partial<ParticipantView> = {}): ParticipantView {
  return {
    sessionTitle: 'Support assistant kick-off',
    name: 'Ana',
    status: 'admitted',
    block: {
      id: 'block-1',
      title: 'What could go wrong',
      methodLabel: 'Review uncertainties',
      outputs: 'The five riskiest assumptions',
      timer: { state: 'running', remainingMs: 5 * 60_000, plannedMinutes: 10 },
      accepts: ['uncertainty', 'idea', 'concern', 'parking'],
    },
    round: null,
    mine: [],
    ...over,
  };
}

export function roundView(over: Partial<NonNullable<ParticipantView['round']>> = {}): ParticipantView {
  return admittedView({
    round: {
      id: 'round-1',
      title: 'Which risk first?',
      dotsPerVoter: 3,
      maxPerCandidate: 2,
      secret: true,
      candidates: [
        { id: 'c-1', label: 'Hallucinated refunds' },
        { id: 'c-2', label: 'Agents ignore the drafts' },
        { id: 'c-3', label: 'Latency at peak' },
      ],
      canVote: true,
      voted: false,
      votedCount: 0,
      voterCount: 5,
      ...over,
    },
  });
}
