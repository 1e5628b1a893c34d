import type { BallotMessage, SubmitMessage } from '../../../electron/room/protocol';
import { isRecord, readSaved, SAVED_KEYS, writeSaved, type TextStore } from './saved';

// Items and ballots sent but not yet acknowledged. Each is saved BEFORE it is sent and resent
// with the same id after every reconnect until the host's ack comes: the host records an id once,
// so a message that got through before the connection dropped is not recorded twice.

export type OutgoingMessage = SubmitMessage | BallotMessage;

export interface OutboxItem {
  message: OutgoingMessage;
  /** The host's reason when it refused the message (it is then kept to be shown, not resent). */
  refused: string | null;
}

function isOutboxItem(v: unknown): v is OutboxItem {
  return (
    isRecord(v) &&
    isRecord(v.message) &&
    (v.message.type === 'submit' || v.message.type === 'ballot') &&
    typeof v.message.id === 'string' &&
    (v.refused === null || typeof v.refused === 'string')
  );
}

const isOutboxList = (v: unknown): v is unknown[] => Array.isArray(v);

export class Outbox {
  private list: OutboxItem[];

  constructor(private readonly store: TextStore) {
    this.list = (readSaved(store, SAVED_KEYS.outbox, isOutboxList) ?? []).filter(isOutboxItem);
  }

  /** Every item, oldest first (refused ones too). */
  get items(): readonly OutboxItem[] {
    return this.list;
  }

  /** What still has to reach the host: not refused, oldest first. */
  get unsent(): OutgoingMessage[] {
    return this.list.filter((item) => item.refused === null).map((item) => item.message);
  }

  /** Keeps a message before it is sent; false when the browser would not save it (it is kept in memory only). */
  add(message: OutgoingMessage): boolean {
    this.list = [...this.list.filter((item) => item.message.id !== message.id), { message, refused: null }];
    return this.save();
  }

  /**
   * The host's answer: a recorded message is done and dropped; a refused one stays, with the
   * reason, until the participant dismisses it. Returns the item it answered, if any.
   */
  acknowledge(id: string, status: 'recorded' | 'refused', reason?: string): OutboxItem | undefined {
    const item = this.list.find((i) => i.message.id === id);
    if (!item) return undefined;
    if (status === 'recorded') this.list = this.list.filter((i) => i !== item);
    else this.list = this.list.map((i) => (i === item ? { ...i, refused: reason || 'The facilitator’s Keel did not take this.' } : i));
    this.save();
    return item;
  }

  /** Drops an item (a refused one the participant has read). */
  dismiss(id: string): void {
    this.list = this.list.filter((i) => i.message.id !== id);
    this.save();
  }

  clear(): void {
    this.list = [];
    this.save();
  }

  private save(): boolean {
    return writeSaved(this.store, SAVED_KEYS.outbox, this.list);
  }
}
