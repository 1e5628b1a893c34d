// Words written once: counts ("1 item", "2 items"), and text cut to fit a message.

/** `n` with its noun: "1 item", "3 items", "2 matrices" (give `many` when it is not `one` + s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The noun alone, for `n` of it: "item" or "items". */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** Cuts to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
export function truncate(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = max - ellipsis.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ellipsis;
}

/** Text that starts a sentence or a label: "low confidence" as "Low confidence". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the user wrote, in quotes inside a message, cut to a readable length. */
export function quoted(text: string): string {
  return `"${truncate(text, 40, '…')}"`;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
