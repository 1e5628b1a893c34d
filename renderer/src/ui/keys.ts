/**
 * True when a key press belongs to a form control or an open dialog, so single-letter shortcuts
 * ("/", "N") must leave it alone.
 */
export function isInFormControl(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest?.('input, textarea, select, [contenteditable="true"], dialog');
}

/**
 * True when a key press types into something (a text field, a list to pick from, an open dialog).
 * A checkbox or radio button takes no letters: a page's letter shortcuts still work there.
 */
export function isTypingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (element?.matches?.('input[type="checkbox"], input[type="radio"]') && !element.closest('dialog')) return false;
  return isInFormControl(target);
}
