import { SCORE_MAX, SCORE_MIN } from './model';

export type Quadrant = 'test-first' | 'plan' | 'watch' | 'park';

/** The line between low and high on both axes: the middle of the 1-5 scale. */
export const MIDPOINT = (SCORE_MIN + SCORE_MAX) / 2;

export const QUADRANTS: Record<Quadrant, { label: string; advice: string }> = {
  'test-first': { label: 'Test first', advice: 'High impact, little evidence: run an experiment now.' },
  plan: { label: 'Plan for it', advice: 'High impact, well understood: build it into the plan.' },
  watch: { label: 'Watch', advice: 'Low impact, little evidence: keep an eye on it.' },
  park: { label: 'Park', advice: 'Low impact, well understood: no action needed.' },
};

/** The quadrants' names in the order the map's corners show them (charts quadrantCaptionBoxes). */
export const QUADRANT_CAPTIONS: readonly string[] = [QUADRANTS['test-first'].label, QUADRANTS.plan.label, QUADRANTS.watch.label, QUADRANTS.park.label];

/**
 * An item nobody has placed yet: still where it was created (the middle of the map) with no
 * move since. It is shown on the map but not counted in any quadrant, so a freshly pasted
 * list does not look like twenty things to test first.
 */
export function isUnplaced(item: { impact: number; uncertainty: number; history: readonly unknown[] }): boolean {
  return item.history.length <= 1 && item.impact === MIDPOINT && item.uncertainty === MIDPOINT;
}

/** Which quadrant a position falls in; a score on the midpoint counts as high. */
export function quadrantOf(impact: number, uncertainty: number): Quadrant {
  const highImpact = impact >= MIDPOINT;
  const highUncertainty = uncertainty >= MIDPOINT;
  if (highImpact) return highUncertainty ? 'test-first' : 'plan';
  return highUncertainty ? 'watch' : 'park';
}
