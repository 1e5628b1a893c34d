// A paste longer than a field allows is cut by the browser without a word. Keel says it was cut,
// how much was left out, and after which words, for every field with a length limit.

import { plural, truncate } from '../domain/words';

export interface PasteCut {
  /** Characters of the paste that did not fit. */
  dropped: number;
  /** The end of what was kept of the paste, to say where it was cut. */
  keptEnd: string;
}

/**
 * What a paste into a field of `max` characters leaves out, or undefined when it all fits.
 * A one-line field drops line breaks, as browsers do when they paste into one.
 */
export function pasteCut(current: string, selectionStart: number, selectionEnd: number, pasted: string, max: number, multiline: boolean): PasteCut | undefined {
  const text = multiline ? pasted.replace(/\r\n?/g, '\n') : pasted.replace(/[\r\n]/g, '');
  const room = max - (current.length - (selectionEnd - selectionStart));
  if (text.length <= room) return undefined;
  const kept = [...text.slice(0, Math.max(0, room))];
  return { dropped: text.length - Math.max(0, room), keptEnd: kept.slice(-30).join('') };
}

export function describePasteCut(cut: PasteCut, max: number): string {
  const where = cut.keptEnd.trim() ? ` after “…${truncate(cut.keptEnd.trim(), 30)}”` : ' before its first character';
  return `The paste was cut to fit this field's limit of ${plural(max, 'character')}: it stops${where}, and the last ${plural(cut.dropped, 'character')} ${cut.dropped === 1 ? 'was' : 'were'} left out.`;
}

/** Says so whenever a paste into a limited field of `root` is cut. */
export function watchPasteLimits(root: Document, say: (message: string) => void): void {
  root.addEventListener(
    'paste',
    (event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.maxLength <= 0 || field.readOnly) return;
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      const cut = pasteCut(field.value, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, pasted, field.maxLength, field instanceof HTMLTextAreaElement);
      if (cut) say(describePasteCut(cut, field.maxLength));
    },
    true,
  );
}
