// Every message from the room server carries an increasing number (per device). After a
// reconnect, or while the socket and the polling fallback overlap, a message may come twice; and
// a view may come after a newer one. This keeps what was seen.

const REMEMBERED = 500;

export class SeqFilter {
  private seen = new Set<number>();
  private order: number[] = [];
  private top = 0;

  /** The highest number seen (what a poll asks to be sent after). */
  get highest(): number {
    return this.top;
  }

  /** True the first time a number comes; false when it came before. */
  accept(seq: number): boolean {
    if (this.seen.has(seq) || (this.order.length >= REMEMBERED && seq < (this.order[0] ?? 0))) return false;
    this.seen.add(seq);
    this.order.push(seq);
    this.order.sort((a, b) => a - b);
    if (this.order.length > REMEMBERED) this.seen.delete(this.order.shift()!);
    this.top = Math.max(this.top, seq);
    return true;
  }
}
