/**
 * For a <details> used as a menu: Escape closes it (focus back on its summary), as does a click
 * outside it, and opening it closes any other open menu. Attach with {@attach dismissible}.
 */
export function dismissible(details: HTMLDetailsElement) {
  const summary = () => details.querySelector('summary');
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && details.open) {
      event.preventDefault();
      event.stopPropagation();
      details.open = false;
      summary()?.focus();
    }
  };
  const onPointerDown = (event: PointerEvent) => {
    if (details.open && !details.contains(event.target as Node)) details.open = false;
  };
  const onToggle = () => {
    if (!details.open) return;
    for (const other of document.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]')) {
      if (other !== details) other.open = false;
    }
  };
  details.dataset.menu = '';
  details.addEventListener('keydown', onKeydown);
  details.addEventListener('toggle', onToggle);
  document.addEventListener('pointerdown', onPointerDown);
  return () => {
    details.removeEventListener('keydown', onKeydown);
    details.removeEventListener('toggle', onToggle);
    document.removeEventListener('pointerdown', onPointerDown);
  };
}
