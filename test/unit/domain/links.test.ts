import { describe, expect, it } from 'vitest';
import { fieldsLinking, kindsLinkingTo, linkLabel, withoutLinks } from '../../../renderer/src/domain/links';

describe('links between plan records', () => {
  const decision = { id: 'd1', uncertaintyIds: ['u1', 'u2'], metricIds: [], roadmapItemIds: ['r1'], matrixId: 'x1', supersedes: '', supersededBy: 'd2' };

  it('names the fields that point at a record', () => {
    expect(fieldsLinking('decision', decision, 'uncertainty', 'u2')).toEqual(['uncertaintyIds']);
    expect(fieldsLinking('decision', decision, 'matrix', 'x1')).toEqual(['matrixId']);
    expect(fieldsLinking('decision', decision, 'decision', 'd2')).toEqual(['supersededBy']);
    expect(fieldsLinking('decision', decision, 'uncertainty', 'u3')).toEqual([]);
    expect(fieldsLinking('action', { id: 'a1', source: { kind: 'metric', id: 'm1' } }, 'metric', 'm1')).toEqual(['source']);
    expect(fieldsLinking('action', { id: 'a1', source: { kind: 'metric', id: 'm1' } }, 'uncertainty', 'm1')).toEqual([]);
  });

  it('drops links to deleted records and leaves every other field alone', () => {
    expect(withoutLinks('decision', decision, 'uncertainty', new Set(['u1']))).toEqual({ uncertaintyIds: ['u2'] });
    expect(withoutLinks('decision', decision, 'matrix', new Set(['x1']))).toEqual({ matrixId: '' });
    expect(withoutLinks('decision', decision, 'metric', new Set(['m9']))).toBeUndefined();
    expect(withoutLinks('action', { id: 'a', source: { kind: 'scope', id: 's1' } }, 'scope', new Set(['s1']))).toEqual({ source: null });
    const change = { id: 's', roadmapItemIds: ['r1'], effects: [{ kind: 'move', roadmapItemId: 'r1' }, { kind: 'add', title: 'New' }] };
    expect(withoutLinks('scope', change, 'roadmapItem', new Set(['r1']))).toEqual({ roadmapItemIds: [], effects: [{ kind: 'add', title: 'New' }] });
  });

  it('knows which kinds can link to each kind', () => {
    expect(kindsLinkingTo('uncertainty').sort()).toEqual(['action', 'decision', 'roadmapItem', 'scope']);
    expect(kindsLinkingTo('matrix')).toEqual(['decision']);
    expect(kindsLinkingTo('action')).toEqual([]);
  });
});

describe('linkLabel', () => {
  it('names a metric by its name, a matrix by its question, a decision with its number, others by title', () => {
    expect(linkLabel('metric', { name: 'p95 latency' })).toBe('p95 latency');
    expect(linkLabel('matrix', { question: 'Which retrieval?' })).toBe('Which retrieval?');
    expect(linkLabel('decision', { number: 7, title: 'Hybrid search' })).toBe('ADR-0007 Hybrid search');
    expect(linkLabel('roadmapItem', { title: 'Voice channel' })).toBe('Voice channel');
  });
});
