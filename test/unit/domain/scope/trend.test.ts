import { describe, expect, it } from 'vitest';
import { changesByMonth, describeChanges } from '../../../../renderer/src/domain/scope/trend';
import { makeChange } from './factories';

describe('changesByMonth', () => {
  it('counts accepted changes per month of their decision, by kind, with the quiet months between', () => {
    const months = changesByMonth([
      makeChange({ id: '1', decision: 'accepted', kind: 'expand', decidedOn: '2026-01-20', requestedOn: '2025-12-01' }),
      makeChange({ id: '2', decision: 'accepted', kind: 'expand', decidedOn: '2026-01-03' }),
      makeChange({ id: '3', decision: 'accepted', kind: 'pivot', decidedOn: '2026-03-31' }),
      makeChange({ id: '4', decision: 'rejected', kind: 'reduce', decidedOn: '2026-02-10' }),
      makeChange({ id: '5', decision: 'pending', kind: 'reduce' }),
      // No decision day kept (an older file): it counts in the month it was asked.
      makeChange({ id: '6', decision: 'accepted', kind: 'reduce', decidedOn: '', requestedOn: '2026-03-05' }),
    ]);
    expect(months).toEqual([
      { month: '2026-01', counts: { expand: 2, reduce: 0, pivot: 0, reprioritise: 0 }, total: 2 },
      { month: '2026-02', counts: { expand: 0, reduce: 0, pivot: 0, reprioritise: 0 }, total: 0 },
      { month: '2026-03', counts: { expand: 0, reduce: 1, pivot: 1, reprioritise: 0 }, total: 2 },
    ]);
  });

  it('runs across a year end', () => {
    const months = changesByMonth([
      makeChange({ id: '1', decision: 'accepted', decidedOn: '2025-11-02' }),
      makeChange({ id: '2', decision: 'accepted', decidedOn: '2026-01-02' }),
    ]);
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('is empty without accepted changes', () => {
    expect(changesByMonth([makeChange({ decision: 'deferred' })])).toEqual([]);
  });
});

describe('describeChanges', () => {
  it('says how many changes in how many months, by kind, leaving out kinds with none', () => {
    const accepted = (id: string, kind: 'expand' | 'reduce' | 'pivot' | 'reprioritise', decidedOn: string) =>
      makeChange({ id, kind, decidedOn, decision: 'accepted' });
    const months = changesByMonth([
      accepted('1', 'expand', '2026-01-01'),
      accepted('2', 'expand', '2026-01-09'),
      accepted('3', 'expand', '2026-02-01'),
      accepted('4', 'reduce', '2026-02-01'),
      accepted('5', 'reduce', '2026-03-01'),
      accepted('6', 'pivot', '2026-03-02'),
      accepted('7', 'reprioritise', '2026-03-03'),
    ]);
    expect(describeChanges(months)).toBe('7 changes in 3 months: 3 expand, 2 reduce, 1 pivot, 1 reprioritise');
    expect(describeChanges(changesByMonth([accepted('1', 'pivot', '2026-01-01')]))).toBe('1 change in 1 month: 1 pivot');
    expect(describeChanges([])).toBe('No accepted scope changes yet.');
  });
});
