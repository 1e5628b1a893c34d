import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../../renderer/src/domain/dates';
import { isStale, staleMarkMeaning, staleReasons, staleSentence } from '../../../../renderer/src/domain/uncertainty/staleness';
import { makeItem } from './items-factory';

const now = new Date(2026, 10, 24, 15, 0).getTime();
const evidence = (date: string) => ({ id: date, date, learned: 'x', source: 's', effect: '' });

describe('staleReasons', () => {
  it('flags a review date in the past, not today or later', () => {
    expect(staleReasons(makeItem({ reviewDate: '2026-11-23', createdAt: now }), now, 30)).toEqual([
      { kind: 'review-overdue', reviewDate: '2026-11-23' },
    ]);
    expect(staleReasons(makeItem({ reviewDate: '2026-11-24', createdAt: now }), now, 30)).toEqual([]);
  });

  it('flags items with no evidence for the configured number of days, counting from creation', () => {
    const created = new Date(2026, 9, 25, 9, 0).getTime(); // 30 days before
    expect(staleReasons(makeItem({ createdAt: created }), now, 30)).toEqual([{ kind: 'no-recent-evidence', days: 30 }]);
    expect(staleReasons(makeItem({ createdAt: created }), now, 31)).toEqual([]);
  });

  it('counts from the newest evidence entry', () => {
    const created = new Date(2026, 0, 1).getTime();
    const item = makeItem({ createdAt: created, evidence: [evidence('2026-03-01'), evidence('2026-11-20')] });
    expect(isStale(item, now, 30)).toBe(false);
    expect(staleReasons(item, now, 4)).toEqual([{ kind: 'no-recent-evidence', days: 4 }]);
  });

  it('never flags settled items, and 0 days turns the evidence rule off', () => {
    const old = new Date(2020, 0, 1).getTime();
    expect(isStale(makeItem({ createdAt: old, reviewDate: '2021-01-01', status: 'validated' }), now, 30)).toBe(false);
    expect(isStale(makeItem({ createdAt: old, status: 'closed' }), now, 30)).toBe(false);
    expect(isStale(makeItem({ createdAt: old }), now, 0)).toBe(false);
  });

  it('formats days in local time', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});

describe('stale in words', () => {
  it('says why in one sentence, and what the map\'s mark means under the rule', () => {
    expect(staleSentence([{ kind: 'review-overdue', reviewDate: '2026-01-31' }, { kind: 'no-recent-evidence', days: 40 }])).toBe(
      'Stale: Review was due 2026-01-31; No evidence for 40 days.',
    );
    expect(staleSentence([])).toBe('');
    expect(staleMarkMeaning(30)).toBe('Stale: past its review date, or no evidence for 30 days');
    expect(staleMarkMeaning(0)).toBe('Stale: past its review date');
  });
});
