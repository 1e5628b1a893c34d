import { ITEM_TITLE_MAX } from './model';

/**
 * Turns pasted text into item titles: one per non-empty line, with list bullets and numbering
 * removed ("- a", "* b", "1. c", "[ ] d").
 */
export function titlesFromPaste(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•–]|\d+[.)]|\[[ xX]?\])\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .map((line) => line.slice(0, ITEM_TITLE_MAX));
}

/** Splits a typed tag list ("latency, cost  ,rag") into clean, unique tags (checkItemPatch refuses one too long). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLocaleLowerCase())) {
      seen.add(tag.toLocaleLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}
