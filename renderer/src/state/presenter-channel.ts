import { z } from 'zod/mini';

// What the facilitator's window and the presenter window tell each other that is not stored:
// the facilitator is there (a ping, and one on request), it is closing, and "show this now".
// Everything stored (the session, its timer, votes) reaches the presenter through Dexie's
// liveQuery, which already crosses windows of one origin. Messages are checked with a schema:
// any page of the origin can post on the channel, so only known shapes are acted on.

export const PRESENTER_CHANNEL = 'keel-presenter';

/** What the presenter shows besides the block's title and time. */
export const PRESENTER_VIEWS = ['timer', 'map', 'matrix', 'vote'] as const;
export type PresenterView = (typeof PRESENTER_VIEWS)[number];

const sessionId = z.string().check(z.minLength(1), z.maxLength(100));

export const PresenterChoiceSchema = z.strictObject({
  view: z.enum(PRESENTER_VIEWS),
  /** The room sees a blank screen (a break, a private moment) whatever the view. */
  blank: z.boolean(),
});
export type PresenterChoice = z.infer<typeof PresenterChoiceSchema>;

export const PresenterMessageSchema = z.discriminatedUnion('type', [
  /** The facilitator's window is open on this session (sent every few seconds, and on request). */
  z.strictObject({ type: z.literal('ping'), sessionId }),
  /** The facilitator's window is closing or leaving the session. */
  z.strictObject({ type: z.literal('closing'), sessionId }),
  /** A presenter window opened or reloaded: the facilitator answers with a ping at once. */
  z.strictObject({ type: z.literal('hello'), sessionId }),
  /** Show this now, without waiting for the stored choice to reach the other window. */
  z.strictObject({ type: z.literal('show'), sessionId, choice: PresenterChoiceSchema }),
]);
export type PresenterMessage = z.infer<typeof PresenterMessageSchema>;

/** The message, or undefined for anything that is not one of ours. */
export function parsePresenterMessage(data: unknown): PresenterMessage | undefined {
  const parsed = PresenterMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The channel for one session. Without BroadcastChannel (very old browsers) posting does
 * nothing and nothing arrives: the presenter still follows everything stored.
 */
export class PresenterChannel {
  private readonly channel: BroadcastChannel | undefined;

  constructor(
    readonly sessionId: string,
    onmessage: (message: PresenterMessage) => void,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(PRESENTER_CHANNEL);
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent) => {
        const message = parsePresenterMessage(event.data);
        if (message && message.sessionId === this.sessionId) onmessage(message);
      };
    }
  }

  post(message: PresenterMessage): void {
    this.channel?.postMessage(message);
  }

  close(): void {
    this.channel?.close();
  }
}
