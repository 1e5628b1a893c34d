// What the server sent one device, numbered. Every message gets the next `seq`; the last
// OUTBOX_KEPT are kept so a poll (`after=<seq>`) or a reconnected socket can catch up. The page
// ignores a seq it has already seen, so sending a message twice is harmless.
import type { ServerMessage } from './protocol.js';

export const OUTBOX_KEPT = 100;

/** A server message before it is numbered. */
export type Unnumbered<M = ServerMessage> = M extends ServerMessage ? Omit<M, 'seq'> : never;

export class Outbox {
  private seq = 0;
  private kept: ServerMessage[] = [];
  /** Kept apart: a hundred acks after it must not push the device's current view out. */
  private latestView: ServerMessage | undefined;

  /**
   * Numbers a message and keeps it; returns it as sent. Errors are numbered but not kept: they
   * answer one frame on one connection, and replayed after a reload they would mean nothing.
   */
  add(message: Unnumbered): ServerMessage {
    const numbered = { ...message, seq: ++this.seq } as ServerMessage;
    if (numbered.type === 'error') return numbered;
    if (numbered.type === 'view') {
      // A device only ever shows its newest view: older ones are never sent again (and a view
      // with a round's candidates can be large, times two hundred devices).
      this.kept = this.kept.filter((m) => m.type !== 'view');
      this.latestView = numbered;
    }
    this.kept.push(numbered);
    if (this.kept.length > OUTBOX_KEPT) this.kept.splice(0, this.kept.length - OUTBOX_KEPT);
    return numbered;
  }

  /**
   * The kept messages after `after`, in order, without views a later view replaced (a device only
   * ever shows its newest view; the acks between them still matter).
   */
  since(after: number): ServerMessage[] {
    const newer = this.kept.filter((m) => m.seq > after);
    const view = this.latestView;
    if (view && view.seq > after && !newer.includes(view)) newer.unshift(view);
    return newer;
  }

  /** The newest view sent, if any (a device asking again is sent it). */
  lastView(): ServerMessage | undefined {
    return this.latestView;
  }

  get lastSeq(): number {
    return this.seq;
  }
}
