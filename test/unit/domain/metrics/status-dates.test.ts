import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysSince, isReadingStale, metricStatus, recentTrend, type StatusInput } from '../../../../renderer/src/domain/metrics/status';
import { DIRECTIONS, GUARDRAIL_OPS, type Reading } from '../../../../renderer/src/domain/metrics/model';

// A status is a sentence a facilitator reads aloud: it never says NaN or Infinity, whatever the
// stored readings hold (a date that is not a day, values at the ends of the number line).

const reading = (date: string, value: number, id = date): Reading => ({ id, date, value, note: '' });
const input = (readings: Reading[], overrides: Partial<StatusInput> = {}): StatusInput => ({
  readings,
  guardrail: { op: 'gte', value: 0 },
  target: { value: null, high: null, by: '' },
  direction: 'higher',
  unit: '',
  ...overrides,
});

describe('dates that are not days', () => {
  it.each(['9999-99-99', '2026-13-45', '2026-02-30', 'yesterday'])('a reading dated %s never makes the status say NaN', (date) => {
    const status = metricStatus(input([reading('2026-01-01', 10), reading('2026-01-05', 8), reading(date, 6)]));
    expect(status.reason).not.toMatch(/NaN|Infinity/);
    expect(recentTrend([reading('2026-01-01', 10), reading(date, 6)])).toBeNull();
  });

  it('a latest reading with no real date is never stale and is not counted in days', () => {
    expect(isReadingStale(reading('2026-02-30', 1), Date.UTC(2026, 5, 1), 30)).toBe(false);
    expect(Number.isFinite(daysSince('2026-02-30', Date.UTC(2026, 5, 1)))).toBe(true);
  });
});

describe('status sentences (property)', () => {
  const day = fc.oneof(
    fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('9999-99-99', '2026-02-30', '0000-00-00', ''),
  );
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 5e-324, 0));
  it('never says NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), date: day, value, note: fc.constant('') }), { maxLength: 5 }),
        fc.option(fc.record({ op: fc.constantFrom(...GUARDRAIL_OPS), value })),
        fc.record({ value: fc.option(value), high: fc.option(value), by: fc.constant('') }),
        fc.constantFrom(...DIRECTIONS),
        (readings, guardrail, target, direction) => {
          const sorted = [...readings].sort((a, b) => a.date.localeCompare(b.date));
          const status = metricStatus({ readings: sorted, guardrail, target, direction, unit: '%' });
          expect(status.reason).not.toMatch(/NaN|Infinity/);
          expect(status.trendPerDay === null || Number.isFinite(status.trendPerDay)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
