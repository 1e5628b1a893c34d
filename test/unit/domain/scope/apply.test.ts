import { describe, expect, it } from 'vitest';
import { applyScopeChange } from '../../../../renderer/src/domain/scope/apply';
import { makeChange, makeItem } from './factories';

const NOW = 5_000;
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('applyScopeChange', () => {
  it('moves an item through withForecast, keeping the forecast it replaces in its history, to the end of its new horizon', () => {
    const a = makeItem({ id: 'a', horizon: 'now', order: 0 });
    const b = makeItem({ id: 'b', horizon: 'next', order: 0 });
    const change = makeChange({ effects: [{ kind: 'move', roadmapItemId: 'a', horizon: 'next', earliest: '2026-04-01', latest: '2026-05-15' }] });
    const applied = applyScopeChange(change, [a, b], NOW, ids());
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const [moved] = applied.value.updated;
    expect(moved).toMatchObject({ id: 'a', horizon: 'next', order: 1, earliest: '2026-04-01', latest: '2026-05-15', confidence: 'high', forecastAt: NOW, updatedAt: NOW });
    expect(moved!.history).toEqual([{ at: 1_000, horizon: 'now', earliest: '2026-01-01', latest: '2026-02-01', confidence: 'high' }]);
    expect(applied.value.added).toEqual([]);
    expect(applied.value.change.appliedAt).toBe(NOW);
  });

  it('keeps the place of an item moved within its horizon, and adds no history when the move repeats its forecast', () => {
    const a = makeItem({ id: 'a', order: 3 });
    const same = makeChange({ effects: [{ kind: 'move', roadmapItemId: 'a', horizon: 'now', earliest: a.earliest, latest: a.latest }] });
    const applied = applyScopeChange(same, [a], NOW, ids());
    expect(applied.ok && applied.value.updated[0]).toMatchObject({ order: 3, history: [], forecastAt: 1_000 });
  });

  it('adds new items with every field at the end of their horizon, and links the change to them', () => {
    const a = makeItem({ id: 'a', horizon: 'later', order: 4 });
    const change = makeChange({
      roadmapItemIds: ['a'],
      effects: [
        { kind: 'add', title: 'Voice channel', horizon: 'later', earliest: '2026-06-01', latest: '2026-08-01', confidence: 40 },
        { kind: 'add', title: 'Voice QA', horizon: 'later', earliest: '', latest: '', confidence: 'low' },
      ],
    });
    const applied = applyScopeChange(change, [a], NOW, ids());
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.value.added.map((i) => [i.id, i.title, i.horizon, i.order, i.confidence])).toEqual([
      ['new-1', 'Voice channel', 'later', 5, 40],
      ['new-2', 'Voice QA', 'later', 6, 'low'],
    ]);
    expect(applied.value.added[0]).toEqual({
      id: 'new-1',
      programId: 'p1',
      title: 'Voice channel',
      description: 'Added by the scope change "Add voice support".',
      owner: '',
      horizon: 'later',
      order: 5,
      earliest: '2026-06-01',
      latest: '2026-08-01',
      confidence: 40,
      forecastAt: NOW,
      status: 'planned',
      uncertaintyIds: [],
      metricIds: [],
      decisionIds: [],
      history: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(applied.value.change.roadmapItemIds).toEqual(['a', 'new-1', 'new-2']);
  });

  it('drops an item by marking it dropped, its forecast untouched', () => {
    const a = makeItem({ id: 'a' });
    const applied = applyScopeChange(makeChange({ effects: [{ kind: 'drop', roadmapItemId: 'a' }] }), [a], NOW, ids());
    expect(applied.ok && applied.value.updated).toEqual([{ ...a, status: 'dropped', updatedAt: NOW }]);
  });

  it('applies effects in order, so a move then a drop of one item both hold', () => {
    const a = makeItem({ id: 'a' });
    const change = makeChange({
      effects: [
        { kind: 'move', roadmapItemId: 'a', horizon: 'now', earliest: '2026-01-01', latest: '2026-03-01' },
        { kind: 'drop', roadmapItemId: 'a' },
      ],
    });
    const applied = applyScopeChange(change, [a], NOW, ids());
    expect(applied.ok && applied.value.updated).toHaveLength(1);
    expect(applied.ok && applied.value.updated[0]).toMatchObject({ status: 'dropped', latest: '2026-03-01', history: [{ latest: '2026-02-01' }] });
  });

  it('refuses, naming the effect, when an item it moves is no longer on the roadmap: nothing is applied', () => {
    const a = makeItem({ id: 'a' });
    const change = makeChange({
      effects: [
        { kind: 'drop', roadmapItemId: 'a' },
        { kind: 'move', roadmapItemId: 'gone', horizon: 'next', earliest: '', latest: '' },
      ],
    });
    const applied = applyScopeChange(change, [a], NOW, ids());
    expect(applied).toEqual({
      ok: false,
      message: 'Effect 2 names a roadmap item that is no longer on the roadmap, so nothing was applied. Remove that effect and apply again, or accept without applying.',
    });
  });

  it('cannot apply a change twice, nor one without effects', () => {
    const twice = applyScopeChange(makeChange({ appliedAt: 4_000, effects: [{ kind: 'drop', roadmapItemId: 'a' }] }), [makeItem({ id: 'a' })], NOW, ids());
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.message).toMatch(/cannot be applied twice/);
    expect(applyScopeChange(makeChange(), [], NOW, ids())).toEqual({ ok: false, message: 'This change has no effects on the roadmap to apply.' });
  });
});
