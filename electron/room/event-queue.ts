// The room's events kept while no host listens (the facilitator's window reloading, the web
// page's event stream reconnecting), handed over in order when one listens again. Bounded: when
// full, what the host can ask for again goes first (a device's state, which current() lists;
// a device asking for its view, which the host publishes anyway on listening), and only then an
// intention, which is never dropped silently: the caller answers its device.
import type { RoomEvent } from './protocol.js';

export const ROOM_EVENT_QUEUE_MAX = 5000;

/** Events the host can do without: it reads devices again from current() and publishes every view. */
function isReplaceable(event: RoomEvent): boolean {
  return event.type === 'device' || event.type === 'view-wanted';
}

export class EventQueue {
  private events: RoomEvent[] = [];

  /** @param onDropped told of every event let go to make room (intentions: the caller refuses them). */
  constructor(
    private readonly limit = ROOM_EVENT_QUEUE_MAX,
    private readonly onDropped: (event: RoomEvent) => void = () => undefined,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('The event queue needs room for at least one event.');
  }

  get size(): number {
    return this.events.length;
  }

  push(event: RoomEvent): void {
    if (this.events.length >= this.limit) this.makeRoom();
    this.events.push(event);
  }

  /** Everything held, oldest first; the queue is empty after. */
  drain(): RoomEvent[] {
    const held = this.events;
    this.events = [];
    return held;
  }

  clear(): void {
    this.events = [];
  }

  private makeRoom(): void {
    let index = this.events.findIndex(isReplaceable);
    if (index < 0) index = this.events.findIndex((event) => event.type === 'intention');
    if (index < 0) index = 0;
    const [dropped] = this.events.splice(index, 1);
    if (dropped) this.onDropped(dropped);
  }
}
