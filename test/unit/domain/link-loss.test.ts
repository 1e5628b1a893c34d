import { describe, expect, it } from 'vitest';
import { describeLinkLoss } from '../../../renderer/src/domain/link-loss';

describe('describeLinkLoss', () => {
  it('names what will lose its link, by kind, in the order kinds are declared', () => {
    expect(describeLinkLoss([])).toBe('');
    expect(describeLinkLoss([{ kind: 'decision' }])).toBe('1 decision record links to it; it will lose the link.');
    expect(describeLinkLoss([{ kind: 'decision' }, { kind: 'roadmapItem' }, { kind: 'roadmapItem' }])).toBe(
      '2 roadmap items and 1 decision record link to it; they will lose the link.',
    );
  });
});
