import { describe, expect, it } from 'vitest';
import { changesForecast, withForecast } from '../../../renderer/src/domain/roadmap/forecast';
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
