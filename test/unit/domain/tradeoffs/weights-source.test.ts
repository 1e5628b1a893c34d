import { describe, expect, it } from 'vitest';
import { weightsSource } from '../../../../renderer/src/domain/tradeoffs/describe';
import { pairwiseGaps } from '../../../../renderer/src/domain/tradeoffs/model';

const criteria = [
  { id: 'q', name: 'Quality' },
  { id: 'e', name: 'Effort' },
  { id: 'c', name: 'Cost' },
];
const judged = { 'q|e': 3 };

describe('where a set of weights comes from', () => {
  it('finds the pairs and the criteria the judgements leave out', () => {
    expect(pairwiseGaps(['q', 'e'], judged)).toEqual({ missing: 0, uncompared: [] });
    // A criterion added after the comparisons: compared with nothing.
    expect(pairwiseGaps(['q', 'e', 'c'], judged)).toEqual({ missing: 2, uncompared: ['c'] });
    // Either orientation of a key counts; a pair left out between compared criteria has no criterion to name.
    expect(pairwiseGaps(['q', 'e', 'c'], { 'e|q': 2, 'c|q': 5 })).toEqual({ missing: 1, uncompared: [] });
  });

  it('says the weights come from comparisons only while every pair is compared and the weights are what they give', () => {
    // Quality moderately over effort (3): 75% to 25%, stored as percentage points.
    expect(weightsSource(criteria.slice(0, 2), judged, { q: 75, e: 25 })?.text).toBe('from pairwise comparisons');
    expect(weightsSource(criteria.slice(0, 2), judged, { q: 3, e: 1 })?.text).toBe('from pairwise comparisons');
    expect(weightsSource(criteria.slice(0, 2), judged, { q: 75, e: 40 })?.text).toBe('set by hand; Pairwise… starts from the earlier comparisons');
    expect(weightsSource(criteria, judged, { q: 75, e: 25, c: 50 })?.text).toBe('Cost not compared yet: complete the pairwise comparisons');
    expect(weightsSource(criteria, {}, {})?.text).toBe('Quality, Effort and Cost not compared yet: complete the pairwise comparisons');
    expect(weightsSource(criteria, { 'e|q': 2, 'c|q': 5 }, {})?.text).toBe('1 pair not compared yet: complete the pairwise comparisons');
    expect(weightsSource(criteria, {}, {})?.state).toBe('incomplete');
    expect(weightsSource(criteria.slice(0, 2), judged, { q: 75, e: 40 })?.state).toBe('by-hand-since');
    expect(weightsSource(criteria, null, { q: 1 })).toBeNull();
  });
});
