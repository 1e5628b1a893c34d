import { isInFormControl } from './keys';

/**
 * A window keydown handler: N (outside form controls and dialogs) puts the focus in the field
 * with id `fieldId` when it is on the page, to start a new record from anywhere on a list.
 */
export function focusOnN(fieldId: string): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || isInFormControl(event.target)) return;
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
}
