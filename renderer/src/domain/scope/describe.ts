import { confidenceWords } from '../roadmap/movement';
import { HORIZON_LABELS, type Horizon } from '../roadmap/model';
import { dayInWords } from '../time';
import { quoted } from '../words';
import type { ScopeEffect } from './model';

// A change's effects on the roadmap, and an item's place on it, in words.

/** "Next, Apr 1, 2026 – May 15, 2026", or "Next, no dates yet". */
export function placeWords(horizon: Horizon, earliest: string, latest: string): string {
  return `${HORIZON_LABELS[horizon]}, ${earliest ? `${dayInWords(earliest)} – ${dayInWords(latest)}` : 'no dates yet'}`;
}

/**
 * One effect as a sentence; `titleOf` gives a roadmap item's title, or undefined when the item is
 * no longer on the roadmap (the sentence then says so).
 */
export function describeEffect(effect: ScopeEffect, titleOf: (id: string) => string | undefined): string {
  if (effect.kind === 'add') return `Add ${quoted(effect.title)} to ${placeWords(effect.horizon, effect.earliest, effect.latest)}, ${confidenceWords(effect.confidence)} confidence`;
  const title = titleOf(effect.roadmapItemId);
  const item = title === undefined ? 'a roadmap item that is no longer on the roadmap' : quoted(title);
  if (effect.kind === 'drop') return `Drop ${item}`;
  return `Move ${item} to ${placeWords(effect.horizon, effect.earliest, effect.latest)}`;
}
