/**
 * Moves focus to an element after an action, but only if focus was lost on the way (it is on
 * the page itself, because the clicked button was disabled or removed) or is still inside
 * `from` (the form the action came from). If the user has already moved on to another field,
 * their focus and typing are left alone.
 */
export function focusIfLost(target: () => HTMLElement | null | undefined, from?: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const lost =
      active === null ||
      active === document.body ||
      active === document.documentElement ||
      !active.isConnected ||
      (active as HTMLButtonElement).disabled === true;
    if (lost || (active && from?.()?.contains(active))) target()?.focus();
  });
}
