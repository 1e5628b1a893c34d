import { describe, expect, it } from 'vitest';
import { boardColumns, keyboardPlace, placeItem } from '../../../../renderer/src/domain/roadmap/board';
import { checkConfidence, checkRange, checkRoadmapPatch, newRoadmapItem } from '../../../../renderer/src/domain/roadmap/edits';
import { confidenceLabel, movementLine, rangeWords } from '../../../../renderer/src/domain/roadmap/labels';
import { earlierRanges, isSetback, itemMovement } from '../../../../renderer/src/domain/roadmap/movement';
import type { Horizon, RoadmapItem } from '../../../../renderer/src/domain/roadmap/model';
import { formatDay } from '../../../../renderer/src/domain/time';

function item(id: string, horizon: Horizon, order: number, extra: Partial<RoadmapItem> = {}): RoadmapItem {
  const made = newRoadmapItem('p', `Item ${id}`, horizon, order, id, 1000 + order);
  if (!made.ok) throw new Error(made.message);
  return { ...made.value, ...extra };
}

describe('range and confidence rules', () => {
  it('takes both days or neither, the earliest first, never a single date', () => {
    expect(checkRange('', '')).toEqual({ ok: true, value: { earliest: '', latest: '' } });
    expect(checkRange('2026-10-01', '2026-10-01').ok).toBe(true);
    expect(checkRange('2026-10-01', '')).toEqual({ ok: false, message: 'Give both the earliest and the latest date, or neither: a range, not a single date.' });
    expect(checkRange('', '2026-10-31').ok).toBe(false);
    expect(checkRange('2026-11-01', '2026-10-31')).toEqual({ ok: false, message: 'The earliest date must not be after the latest.' });
    expect(checkRange('2026-02-30', '2026-03-31')).toEqual({ ok: false, message: 'The earliest date is not a real day.' });
    expect(checkRange('1850-01-01', '1850-02-01').ok).toBe(false);
  });

  it('takes a level or a whole percentage from 0 to 100', () => {
    expect(checkConfidence('low').ok).toBe(true);
    expect(checkConfidence(0).ok).toBe(true);
    expect(checkConfidence(100).ok).toBe(true);
    expect(checkConfidence(62.5).ok).toBe(false);
    expect(checkConfidence(101).ok).toBe(false);
    expect(checkConfidence('sure' as never).ok).toBe(false);
  });

  it('cleans titles and owners, refuses an empty title, and drops repeated links', () => {
    expect(checkRoadmapPatch({ title: '  Hybrid \n retrieval ' })).toEqual({ ok: true, value: { title: 'Hybrid retrieval' } });
    expect(checkRoadmapPatch({ title: ' ' })).toEqual({ ok: false, message: 'Give the roadmap item a title.' });
    expect(checkRoadmapPatch({ metricIds: ['a', 'b', 'a'] })).toEqual({ ok: true, value: { metricIds: ['a', 'b'] } });
    expect(checkRoadmapPatch({ status: 'shipped' as never }).ok).toBe(false);
  });

  it('a new item has no range yet, medium confidence and an empty history', () => {
    const made = item('a', 'next', 2);
    expect(made).toMatchObject({ horizon: 'next', order: 2, earliest: '', latest: '', confidence: 'medium', status: 'proposed', history: [] });
  });
});

describe('the board', () => {
  const items = [item('a', 'now', 0), item('b', 'now', 1), item('c', 'now', 2), item('d', 'next', 0)];

  it('lists each horizon in order', () => {
    const columns = boardColumns([...items].reverse());
    expect(columns.now.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(columns.next.map((i) => i.id)).toEqual(['d']);
    expect(columns.later).toEqual([]);
  });

  it('reorders within a horizon, changing only the orders that move', () => {
    expect(placeItem(items, 'c', { horizon: 'now', index: 0 })).toEqual([
      { id: 'c', horizon: 'now', order: 0 },
      { id: 'a', horizon: 'now', order: 1 },
      { id: 'b', horizon: 'now', order: 2 },
    ]);
    expect(placeItem(items, 'b', { horizon: 'now', index: 1 })).toEqual([]);
  });

  it('moves between horizons and closes the gap it leaves', () => {
    expect(placeItem(items, 'a', { horizon: 'next', index: 0 })).toEqual([
      { id: 'a', horizon: 'next', order: 0 },
      { id: 'd', horizon: 'next', order: 1 },
      { id: 'b', horizon: 'now', order: 0 },
      { id: 'c', horizon: 'now', order: 1 },
    ]);
    // An index past the end puts it last; an empty horizon takes it at 0.
    expect(placeItem(items, 'b', { horizon: 'next', index: 99 })).toContainEqual({ id: 'b', horizon: 'next', order: 1 });
    expect(placeItem(items, 'd', { horizon: 'later', index: 5 })).toEqual([{ id: 'd', horizon: 'later', order: 0 }]);
    expect(placeItem(items, 'zz', { horizon: 'later', index: 0 })).toEqual([]);
  });

  it('takes Alt+arrow keys to the place beside, and nowhere at an edge', () => {
    const columns = boardColumns(items);
    expect(keyboardPlace(columns, 'b', 'ArrowUp')).toEqual({ horizon: 'now', index: 0 });
    expect(keyboardPlace(columns, 'b', 'ArrowDown')).toEqual({ horizon: 'now', index: 2 });
    expect(keyboardPlace(columns, 'a', 'ArrowUp')).toBeUndefined();
    expect(keyboardPlace(columns, 'c', 'ArrowDown')).toBeUndefined();
    expect(keyboardPlace(columns, 'a', 'ArrowLeft')).toBeUndefined();
    // Same position in the next horizon, or its end when it is shorter.
    expect(keyboardPlace(columns, 'c', 'ArrowRight')).toEqual({ horizon: 'next', index: 1 });
    expect(keyboardPlace(columns, 'd', 'ArrowLeft')).toEqual({ horizon: 'now', index: 0 });
    expect(keyboardPlace(columns, 'd', 'ArrowRight')).toEqual({ horizon: 'later', index: 0 });
  });
});

describe('how a forecast reads', () => {
  it('says a range as a card shows it, with the year only when it is not this one', () => {
    expect(rangeWords('2026-10-01', '2026-10-31', 2026)).toBe(`${formatDay(Date.UTC(2026, 9, 1))} – ${formatDay(Date.UTC(2026, 9, 31))}`);
    expect(rangeWords('2026-12-01', '2027-01-31', 2026)).toContain('2027');
    expect(rangeWords('', '')).toBe('No range yet');
    expect(confidenceLabel('high')).toBe('high confidence');
    expect(confidenceLabel(60)).toBe('60% confidence');
  });

  it('measures movement from the first dated forecast: giving a first range is not a slip', () => {
    const base = item('a', 'now', 0);
    const dated = { ...base, earliest: '2026-10-01', latest: '2026-10-31', history: [{ at: 1000, horizon: 'now' as const, earliest: '', latest: '', confidence: 'medium' as const }] };
    expect(itemMovement(dated)?.since.at).toBeUndefined();
    expect(movementLine(dated)).toBeUndefined();
    const slipped = {
      ...dated,
      latest: '2026-11-21',
      confidence: 'low' as const,
      forecastAt: Date.UTC(2026, 10, 1),
      history: [...dated.history, { at: Date.UTC(2026, 9, 2), horizon: 'now' as const, earliest: '2026-10-01', latest: '2026-10-31', confidence: 'medium' as const }],
    };
    expect(movementLine(slipped)).toBe(`Slipped 3 weeks, confidence fell from medium to low since ${formatDay(Date.UTC(2026, 9, 2))}`);
    // Back to where it was: no movement.
    expect(movementLine({ ...slipped, latest: '2026-10-31', confidence: 'medium' })).toBeUndefined();
    // A move between horizons is movement, said as such.
    expect(movementLine({ ...slipped, latest: '2026-10-31', confidence: 'medium', horizon: 'later' })).toBe(`Moved from Now to Later since ${formatDay(Date.UTC(2026, 9, 2))}`);
  });

  it('takes forecasts replaced within the hour as drafts of one estimate: setting a range, then its confidence, is no movement', () => {
    const made = Date.UTC(2026, 10, 2, 9);
    const fresh = {
      ...item('a', 'now', 0),
      earliest: '2026-12-01',
      latest: '2026-12-20',
      confidence: 'high' as const,
      forecastAt: made + 90_000,
      history: [
        { at: made, horizon: 'now' as const, earliest: '', latest: '', confidence: 'medium' as const },
        { at: made + 60_000, horizon: 'now' as const, earliest: '2026-12-01', latest: '2026-12-20', confidence: 'medium' as const },
      ],
    };
    expect(movementLine(fresh)).toBeUndefined();
    // A day later the confidence falls: that is movement, from the settled estimate.
    const later = { ...fresh, confidence: 'low' as const, forecastAt: made + 86_400_000, history: [...fresh.history, { at: made + 90_000, horizon: 'now' as const, earliest: '2026-12-01', latest: '2026-12-20', confidence: 'high' as const }] };
    expect(movementLine(later)).toBe(`Confidence fell from high to low since ${formatDay(made)}`);
    expect(isSetback(itemMovement(later)!)).toBe(true);
    expect(isSetback(itemMovement({ ...later, confidence: 90 })!)).toBe(false);
    expect(isSetback(itemMovement({ ...later, confidence: 'high' as const, latest: '2026-12-27' })!)).toBe(true);
  });

  it('draws each earlier range once, never the current one', () => {
    const f = (earliest: string, latest: string) => ({ at: 1, horizon: 'now' as const, earliest, latest, confidence: 'high' as const });
    const ghosts = earlierRanges({ earliest: '2026-12-10', latest: '2027-02-21', history: [f('', ''), f('2026-12-10', '2027-01-31'), f('2026-12-10', '2027-01-31'), f('2026-12-10', '2027-02-21')] });
    expect(ghosts.map((g) => g.latest)).toEqual(['2027-01-31']);
  });
});
