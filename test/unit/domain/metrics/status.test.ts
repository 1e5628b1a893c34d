import { describe, expect, it } from 'vitest';
import type { Guardrail } from '../../../../renderer/src/domain/metrics/model';
import { breaches, daysSince, isReadingStale, metricStatus, recentTrend } from '../../../../renderer/src/domain/metrics/status';
import { metric, readings } from './factories';

describe('breaches', () => {
  const cases: [Guardrail['op'], number, boolean][] = [
    ['gte', 90, false],
    ['gte', 89.9, true],
    ['gt', 90, true],
    ['gt', 90.1, false],
    ['lte', 90, false],
    ['lte', 90.1, true],
    ['lt', 90, true],
    ['lt', 89.9, false],
  ];
  it.each(cases)('guardrail %s 90 with %d breached: %s', (op, value, expected) => {
    expect(breaches(value, { op, value: 90 })).toBe(expected);
  });

  it('never breaches without a guardrail', () => {
    expect(breaches(-1e9, null)).toBe(false);
  });
});

describe('reading age', () => {
  const now = Date.UTC(2026, 10, 24, 15);
  it('counts whole days since the reading', () => {
    expect(daysSince('2026-11-24', now)).toBe(0);
    expect(daysSince('2026-11-23', now)).toBe(1);
    expect(daysSince('2026-09-25', now)).toBe(60);
  });
  it('is stale only beyond the rule, and never with the rule off or no reading', () => {
    const latest = { id: 'r', date: '2026-10-24', value: 1, note: '' };
    expect(isReadingStale(latest, now, 31)).toBe(false);
    expect(isReadingStale(latest, now, 30)).toBe(true);
    expect(isReadingStale(latest, now, 0)).toBe(false);
    expect(isReadingStale(undefined, now, 30)).toBe(false);
  });
});

describe('recentTrend', () => {
  it('is the least-squares slope per day of the last three readings', () => {
    // Only the last three (14, 16, 18) count: slope 2 per day.
    const trend = recentTrend(readings([100, 0, 10, 12, 14, 16, 18]));
    expect(trend?.perDay).toBeCloseTo(2);
  });

  it('sees a recovery after a dip as a recovery', () => {
    expect(recentTrend(readings([86, 87, 72, 80, 84.5], 7))!.perDay).toBeGreaterThan(0);
  });

  it('has none with one reading or readings on a single day', () => {
    expect(recentTrend(readings([5]))).toBeNull();
    const sameDay = readings([1, 2]).map((r) => ({ ...r, date: '2026-03-01' }));
    expect(recentTrend(sameDay)).toBeNull();
  });

  it('treats noise smaller than a thousandth of the values as flat', () => {
    expect(recentTrend(readings([1000, 1000.01, 1000]))?.perDay).toBe(0);
  });

  it('uses days between readings, not reading counts', () => {
    expect(recentTrend(readings([0, 7], 7))?.perDay).toBeCloseTo(1);
  });
});

describe('metricStatus', () => {
  it('has no data without readings, whatever else is set', () => {
    const result = metricStatus(metric({ guardrail: { op: 'gte', value: 90 }, target: { value: 95, high: null, by: '' } }));
    expect(result.status).toBe('no-data');
    expect(result.latest).toBeUndefined();
  });

  describe('higher is better (guardrail ≥ 90, target ≥ 95)', () => {
    const base = { direction: 'higher' as const, unit: '%', guardrail: { op: 'gte' as const, value: 90 }, target: { value: 95, high: null, by: '' } };

    it('is on track when the target is met', () => {
      const result = metricStatus(metric({ ...base, readings: readings([96, 96.5, 97]) }));
      expect(result.status).toBe('on-track');
      expect(result.reason).toContain('Meets the target');
    });

    it('is breached when the latest reading falls below the guardrail', () => {
      const result = metricStatus(metric({ ...base, readings: readings([96, 92, 89.5]) }));
      expect(result.status).toBe('breached');
      expect(result.reason).toContain('89.5%');
    });

    it('judges the latest reading, not an earlier breach', () => {
      expect(metricStatus(metric({ ...base, readings: readings([80, 96]) })).status).toBe('on-track');
    });

    it('is at risk when the trend would cross the guardrail within the horizon', () => {
      // Falling 1 a day from 94: in 7 days it would be at 87, below 90.
      const result = metricStatus(metric({ ...base, readings: readings([97, 96, 95, 94]) }));
      expect(result.status).toBe('at-risk');
      expect(result.reason).toContain('guardrail');
      expect(result.reason).toContain('about 4 days after the last reading (2026-03-04)');
    });

    it('is at risk when below target and falling, even far from the guardrail', () => {
      const result = metricStatus(metric({ ...base, readings: readings([93.4, 93.2, 93.0], 30) }));
      expect(result.status).toBe('at-risk');
      expect(result.reason).toContain('away from the target');
    });

    it('is on track when below target but improving', () => {
      const result = metricStatus(metric({ ...base, readings: readings([91, 92, 93]) }));
      expect(result.status).toBe('on-track');
      expect(result.reason).toContain('moving towards it');
    });
  });

  describe('lower is better (guardrail ≤ 2000 ms, target ≤ 1200 ms)', () => {
    const base = { direction: 'lower' as const, unit: 'ms', guardrail: { op: 'lte' as const, value: 2000 }, target: { value: 1200, high: null, by: '' } };

    it('is breached above the guardrail', () => {
      expect(metricStatus(metric({ ...base, readings: readings([1500, 2100]) })).status).toBe('breached');
    });

    it('is at risk when rising towards the guardrail', () => {
      expect(metricStatus(metric({ ...base, readings: readings([1700, 1800, 1900]) })).status).toBe('at-risk');
    });

    it('is at risk when above target and rising slowly', () => {
      const result = metricStatus(metric({ ...base, readings: readings([1300, 1310, 1320], 7) }));
      expect(result.status).toBe('at-risk');
      expect(result.reason).toContain('away from the target');
    });

    it('is on track at or under the target', () => {
      expect(metricStatus(metric({ ...base, readings: readings([1250, 1200]) })).status).toBe('on-track');
    });
  });

  describe('within a range (target 40 to 60)', () => {
    const base = { direction: 'range' as const, unit: '', guardrail: null, target: { value: 40, high: 60, by: '' } };

    it('is on track inside the range and steady', () => {
      expect(metricStatus(metric({ ...base, readings: readings([50, 50, 50]) })).status).toBe('on-track');
    });

    it('is at risk when heading out of the range', () => {
      const result = metricStatus(metric({ ...base, readings: readings([50, 54, 58]) }));
      expect(result.status).toBe('at-risk');
      expect(result.reason).toContain('out of the target range');
    });

    it('is at risk when outside and moving further away, on either side', () => {
      expect(metricStatus(metric({ ...base, readings: readings([65, 70]) })).status).toBe('at-risk');
      expect(metricStatus(metric({ ...base, readings: readings([35, 30]) })).status).toBe('at-risk');
    });

    it('is on track when outside but coming back', () => {
      expect(metricStatus(metric({ ...base, readings: readings([70, 65]) })).status).toBe('on-track');
    });

    it('accepts a range given high end first', () => {
      expect(metricStatus(metric({ ...base, target: { value: 60, high: 40, by: '' }, readings: readings([50]) })).status).toBe('on-track');
    });
  });

  it('says so when there is neither target nor guardrail', () => {
    const result = metricStatus(metric({ readings: readings([1, 2]) }));
    expect(result).toMatchObject({ status: 'on-track', reason: 'No target or guardrail set.' });
  });

  it('strict operators breach exactly at the value', () => {
    const m = metric({ guardrail: { op: 'lt', value: 5 }, readings: readings([5]) });
    expect(metricStatus(m).status).toBe('breached');
  });
});
