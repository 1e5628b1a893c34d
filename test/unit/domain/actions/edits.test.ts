import { describe, expect, it } from 'vitest';
import { checkActionPatch, overdueDays, overdueWords } from '../../../../renderer/src/domain/actions/edits';
import { byDueDate, matchesFilter, NO_FILTER } from '../../../../renderer/src/domain/actions/list';
import type { Action } from '../../../../renderer/src/domain/actions/model';

function action(overrides: Partial<Action> & { id: string }): Action {
  return { programId: 'p', title: 'Do it', notes: '', owner: '', due: '', status: 'open', source: null, createdAt: 1, updatedAt: 1, ...overrides };
}

describe('overdue', () => {
  it('is overdue when due before today and neither done nor cancelled', () => {
    expect(overdueDays(action({ id: 'a', due: '2026-03-07' }), '2026-03-10')).toBe(3);
    expect(overdueDays(action({ id: 'a', due: '2026-03-09', status: 'in-progress' }), '2026-03-10')).toBe(1);
    expect(overdueDays(action({ id: 'a', due: '2026-03-10' }), '2026-03-10')).toBe(0);
    expect(overdueDays(action({ id: 'a', due: '2026-03-01', status: 'done' }), '2026-03-10')).toBe(0);
    expect(overdueDays(action({ id: 'a', due: '2026-03-01', status: 'cancelled' }), '2026-03-10')).toBe(0);
    expect(overdueDays(action({ id: 'a', due: '' }), '2026-03-10')).toBe(0);
  });

  it('counts whole days across a change of clocks', () => {
    expect(overdueDays(action({ id: 'a', due: '2026-03-27' }), '2026-04-01')).toBe(5);
  });

  it('says it in words', () => {
    expect(overdueWords(3)).toBe('Overdue by 3 days');
    expect(overdueWords(1)).toBe('Overdue by 1 day');
  });
});

describe('the list of actions', () => {
  const list = [
    action({ id: 'a', due: '', owner: 'Ana' }),
    action({ id: 'b', due: '2026-03-01', owner: 'Ben', status: 'done' }),
    action({ id: 'c', due: '2026-02-01', owner: 'Ana' }),
    action({ id: 'd', due: '2026-04-01', owner: 'Ben', status: 'in-progress' }),
  ];

  it('sorts by due date, soonest first, undated last', () => {
    expect([...list].sort(byDueDate).map((a) => a.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('filters by status, owner and overdue', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => list.filter((a) => matchesFilter(a, { ...NO_FILTER, ...filter }, '2026-03-10')).map((a) => a.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ status: 'active' })).toEqual(['a', 'c', 'd']);
    expect(ids({ status: 'done' })).toEqual(['b']);
    expect(ids({ owner: 'Ana' })).toEqual(['a', 'c']);
    expect(ids({ overdueOnly: true })).toEqual(['c']);
  });

  it('checks an edit', () => {
    expect(checkActionPatch({ title: ' Call   legal ', owner: ' Ana ' })).toEqual({ ok: true, value: { title: 'Call legal', owner: 'Ana' } });
    expect(checkActionPatch({ title: '' })).toEqual({ ok: false, message: 'Say what is to be done.' });
    expect(checkActionPatch({ due: 'tomorrow' }).ok).toBe(false);
  });
});
