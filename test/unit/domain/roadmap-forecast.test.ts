import { describe, expect, it } from 'vitest';
import { changesForecast, withForecast } from '../../../renderer/src/domain/roadmap/forecast';
import { describeMovement, forecastMovement, isLowConfidence } from '../../../renderer/src/domain/roadmap/movement';
import { formatDay } from '../../../renderer/src/domain/time';
import type { RoadmapItem } from '../../../renderer/src/domain/roadmap/model';

const item: RoadmapItem = {
  id: 'r1',
  programId: 'p',
  title: 'Hybrid retrieval',
  description: '',
  owner: '',
  horizon: 'next',
  order: 0,
  earliest: '2026-10-01',
  latest: '2026-10-31',
  confidence: 'high',
  forecastAt: 100,
  status: 'planned',
  uncertaintyIds: [],
  metricIds: [],
  decisionIds: [],
  history: [],
  createdAt: 100,
  updatedAt: 100,
};

describe('forecast history', () => {
  it('keeps the forecast a change replaces, stamped with when it was made', () => {
    const patch = withForecast(item, { latest: '2026-11-21', confidence: 'medium' }, 500);
    expect(patch).toEqual({
      latest: '2026-11-21',
      confidence: 'medium',
      forecastAt: 500,
      history: [{ at: 100, horizon: 'next', earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high' }],
    });
  });
  it('keeps nothing for a patch that repeats the forecast', () => {
    expect(changesForecast(item, { horizon: 'next', confidence: 'high' })).toBe(false);
    expect(withForecast(item, { horizon: 'next' }, 500)).toEqual({});
    expect(changesForecast(item, { confidence: 60 })).toBe(true);
  });
});

describe('forecast movement', () => {
  const moved: RoadmapItem = {
    ...item,
    latest: '2026-11-21',
    confidence: 'medium',
    forecastAt: Date.UTC(2026, 10, 1),
    history: [{ at: Date.UTC(2026, 9, 2), horizon: 'next', earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high' }],
  };
  it('says how far the latest date slipped and how confidence changed since the first forecast', () => {
    const movement = forecastMovement(moved)!;
    expect(movement.slippedDays).toBe(21);
    expect(describeMovement(movement)).toBe(`slipped 3 weeks, confidence fell from high to medium since ${formatDay(Date.UTC(2026, 9, 2))}`);
  });
  it('says when a forecast came in or gained confidence, and has nothing to say of an unchanged item', () => {
    const better = { ...moved, latest: '2026-10-26', confidence: 90 };
    expect(describeMovement(forecastMovement(better)!)).toMatch(/^came in 5 days, confidence rose from high to 90% since/);
    expect(forecastMovement(item)).toBeNull();
    expect(isLowConfidence('low')).toBe(true);
    expect(isLowConfidence(55)).toBe(false);
  });
});
