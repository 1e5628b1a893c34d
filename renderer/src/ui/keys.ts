/**
 * True when a key press belongs to a form control or an open dialog, so single-letter shortcuts
 * ("/", "N") must leave it alone.
 */
export function isInFormControl(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest?.('input, textarea, select, [contenteditable="true"], dialog');
}
