import { clampScore, type ItemHistoryPoint, type UncertaintyItem } from './model';

/** The fields an edit may change; position and status changes are recorded in the history. */
export type ItemPatch = Partial<Omit<UncertaintyItem, 'id' | 'programId' | 'history' | 'createdAt' | 'updatedAt'>>;

function point(item: Pick<UncertaintyItem, 'impact' | 'uncertainty' | 'status'>, at: number): ItemHistoryPoint {
  return { at, impact: item.impact, uncertainty: item.uncertainty, status: item.status };
}

/**
 * Applies a patch and, when the position or status changed, appends where the item now is to
 * its history, so its path can be drawn and later sessions can show what moved.
 */
export function applyItemPatch(item: UncertaintyItem, patch: ItemPatch, at: number, mergeWithinMs = 0): UncertaintyItem {
  const next: UncertaintyItem = { ...item, ...patch, updatedAt: at };
  if (patch.impact !== undefined) next.impact = clampScore(patch.impact);
  if (patch.uncertainty !== undefined) next.uncertainty = clampScore(patch.uncertainty);
  const moved = next.impact !== item.impact || next.uncertainty !== item.uncertainty || next.status !== item.status;
  if (moved) {
    // A run of small nudges (arrow key presses) is one move on the item's path, not dozens.
    const last = item.history.at(-1);
    const merge = mergeWithinMs > 0 && item.history.length > 1 && last !== undefined && at - last.at <= mergeWithinMs;
    const before = item.history.at(-2);
    const backToBefore =
      merge && before !== undefined && before.impact === next.impact && before.uncertainty === next.uncertainty && before.status === next.status;
    // Nudged back to where the run started: the run leaves no point on the path.
    if (backToBefore) next.history = item.history.slice(0, -1);
    else next.history = merge ? [...item.history.slice(0, -1), point(next, at)] : [...item.history, point(next, at)];
  }
  return next;
}

/** The first history point, written when an item is created. */
export function initialHistory(item: Pick<UncertaintyItem, 'impact' | 'uncertainty' | 'status'>, at: number): ItemHistoryPoint[] {
  return [point(item, at)];
}

/** Where the item was at a given time (the last point at or before it), for "what moved since". */
export function positionAt(item: UncertaintyItem, time: number): ItemHistoryPoint | undefined {
  let found: ItemHistoryPoint | undefined;
  for (const p of item.history) if (p.at <= time) found = p;
  return found;
}
