import { describe, expect, it } from 'vitest';
import { describeLinkLoss } from '../../../renderer/src/domain/link-loss';

describe('describeLinkLoss', () => {
  it('counts and names what will lose its link, by kind', () => {
    expect(
      describeLinkLoss([
        { kind: 'action', label: 'Call legal' },
        { kind: 'roadmapItem', label: 'Voice' },
        { kind: 'roadmapItem', label: 'SMS' },
      ]),
    ).toBe('2 roadmap items ("Voice", "SMS") and 1 action ("Call legal") link to it; they will lose the link.');
    expect(describeLinkLoss([{ kind: 'decision', label: 'ADR-0001 Use RAG' }])).toBe('1 decision record ("ADR-0001 Use RAG") links to it; it will lose the link.');
    expect(describeLinkLoss([])).toBe('');
  });
});
