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

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement || !active.isConnected;
}

/**
 * After a jump to another page (the palette, a menu command), puts the focus on the new page's
 * main heading, so a keyboard user goes on from there rather than from the top of the window.
 * Areas load lazily and dialogs close after their action: it waits (about a second at most) for
 * the heading and for the focus to be lost, and leaves a focus that something else took alone.
 */
export function focusPageHeading(framesLeft = 60): void {
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('#main h1');
    // Not yet: the page is loading, or a dialog still holds the focus and will give it up on closing.
    if (!focusIsLost() || !heading) {
      if (framesLeft > 0) focusPageHeading(framesLeft - 1);
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
}
