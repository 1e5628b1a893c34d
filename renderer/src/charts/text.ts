// Text in charts: the one font they are drawn in, and how much room a label takes. SVG text is
// laid out by the browser; these estimates let pure geometry make room for it without a DOM.

import { truncate as cutText } from '../domain/words';

/** The system font stack every chart uses on screen (exports embed their own, see io/image-export.ts). */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
/** Rough width of one character of the 11–12 px labels. */
export const CHAR_PX = 6.6;
/** Rough width of one character of the 13 px semibold row titles. */
export const TITLE_CHAR_PX = 7.6;

export function textWidth(text: string, charPx = CHAR_PX): number {
  return text.length * charPx;
}

/** The text cut to fit maxPx, ending in "…" when cut (never between the halves of an emoji). */
export function truncate(text: string, maxPx: number, charPx = CHAR_PX): string {
  const fits = Math.floor(maxPx / charPx);
  if (text.length <= fits) return text;
  if (fits <= 1) return '…';
  return `${cutText(text, fits - 1).trimEnd()}…`;
}

/** prefix + text + suffix in maxPx, cutting only the text in the middle. */
export function fitAround(prefix: string, text: string, suffix: string, maxPx: number, charPx = CHAR_PX): string {
  return `${prefix}${truncate(text, Math.max(2 * charPx, maxPx - textWidth(prefix + suffix, charPx)), charPx)}${suffix}`;
}
