// Where an open menu goes so all of it shows (ui/ContextMenu.svelte).

/** Where a menu of this size goes so all of it shows: beside the point, flipped at the window's edges. */
export function placeMenu(
  at: { x: number; y: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 4,
): { left: number; top: number } {
  const fitsRight = at.x + size.width + margin <= viewport.width;
  const fitsBelow = at.y + size.height + margin <= viewport.height;
  const left = fitsRight ? at.x : Math.max(margin, Math.min(at.x - size.width, viewport.width - size.width - margin));
  const top = fitsBelow ? at.y : Math.max(margin, Math.min(at.y - size.height, viewport.height - size.height - margin));
  return { left, top };
}
