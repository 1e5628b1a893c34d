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
 * Focuses an element that a change of page is about to show (a new record's title, the list a
 * record was deleted from), once it is there and only while the focus is lost on the way: areas
 * load lazily and dialogs close after their action, so it waits (about a second at most), and a
 * focus that the user or something else took meanwhile is left alone. (A timer that focused the
 * element regardless once moved text being typed into another field.)
 */
export function focusWhenShown(find: () => HTMLElement | null | undefined, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const target = find();
    // Not yet: the page is loading, or a dialog still holds the focus and will give it up on closing.
    if (!target || !focusIsLost()) {
      if (framesLeft > 0) focusWhenShown(find, framesLeft - 1);
      return;
    }
    target.focus();
  });
}

/**
 * After a jump to another page (the palette, a menu command), puts the focus on the new page's
 * main heading, so a keyboard user goes on from there rather than from the top of the window.
 */
export function focusPageHeading(): void {
  focusWhenShown(() => {
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    return heading;
  });
}
