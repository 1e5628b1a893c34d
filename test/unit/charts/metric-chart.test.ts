import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../renderer/src/domain/dates';
import { formatDay } from '../../../renderer/src/domain/time';
import type { Reading } from '../../../renderer/src/domain/metrics/model';
import {
  chartGeometry,
  chartSummary,
  guardrailBand,
  placeLabels,
  spreadLabels,
  xDomain,
  yDomain,
  type ChartMetric,
} from '../../../renderer/src/charts/metric-chart';

const DAY = 86_400_000;
/** A day as the chart writes it, in the language the tests run in ("Mar 1, 2026" in English). */
const day = (y: number, m: number, d: number) => formatDay(Date.UTC(y, m - 1, d), true);

const reading = (date: string, value: number, note = ''): Reading => ({ id: `${date}-${value}`, date, value, note });

const metric = (extra: Partial<ChartMetric> = {}): ChartMetric => ({
  name: 'Task success rate',
  unit: '%',
  direction: 'higher',
  baseline: { value: null, date: '' },
  target: { value: null, high: null, by: '' },
  guardrail: null,
  readings: [reading('2026-03-01', 92), reading('2026-03-15', 93), reading('2026-04-01', 94)],
  ...extra,
});

describe('yDomain', () => {
  it('spans the readings alone, padded by 8%', () => {
    const [low, high] = yDomain(metric());
    expect(low).toBeCloseTo(92 - 2 * 0.08);
    expect(high).toBeCloseTo(94 + 2 * 0.08);
  });

  it('includes the guardrail, the target and the baseline even when far from the readings', () => {
    const [low, high] = yDomain(
      metric({ guardrail: { op: 'gte', value: 80 }, target: { value: 99, high: null, by: '' }, baseline: { value: 70, date: '2026-01-01' } }),
    );
    expect(low).toBeLessThan(70);
    expect(high).toBeGreaterThan(99);
  });

  it('includes both ends of a target range only for a range metric', () => {
    const range = { value: 90, high: 120, by: '' };
    expect(yDomain(metric({ direction: 'range', target: range }))[1]).toBeGreaterThan(120);
    expect(yDomain(metric({ direction: 'higher', target: range }))[1]).toBeLessThan(100);
  });

  it('does not pad non-negative values below zero, and copes with one value or none', () => {
    expect(yDomain(metric({ readings: [reading('2026-03-01', 0), reading('2026-03-02', 10)] }))[0]).toBe(0);
    const [low, high] = yDomain(metric({ readings: [reading('2026-03-01', 50)] }));
    expect(low).toBeLessThan(50);
    expect(high).toBeGreaterThan(50);
    expect(yDomain(metric({ readings: [] }))).toEqual([0, 1]);
  });

  it('the chart’s y scale is niced to round ends that still hold every value', () => {
    const g = chartGeometry(metric({ guardrail: { op: 'gte', value: 90 } }), 560, 240);
    const [low, high] = g.y.domain() as [number, number];
    expect(low).toBeLessThanOrEqual(90);
    expect(high).toBeGreaterThanOrEqual(94);
    expect(Number.isInteger(low) && Number.isInteger(high)).toBe(true);
  });
});

describe('xDomain', () => {
  it('pads a single date by three days either side', () => {
    const at = Date.UTC(2026, 2, 4);
    expect(xDomain(metric({ readings: [reading('2026-03-04', 1)] }))).toEqual([at - 3 * DAY, at + 3 * DAY]);
  });

  it('reaches back to the baseline date and forward to the target date, parsed as UTC midnight', () => {
    const domain = xDomain(metric({ baseline: { value: 80, date: '2026-01-10' }, target: { value: 95, high: null, by: '2026-06-30' } }));
    expect(domain).toEqual([Date.UTC(2026, 0, 10), Date.UTC(2026, 5, 30)]);
  });

  it('is null without any date, and ignores impossible dates', () => {
    expect(xDomain(metric({ readings: [] }))).toBeNull();
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
});

describe('guardrail', () => {
  it('shades below the value for ≥ and >, above it for ≤ and <', () => {
    const y = (v: number) => 200 - v; // value 0 at the bottom (200), 200 at the top (0)
    expect(guardrailBand({ op: 'gte', value: 50 }, y, 200)).toEqual({ y: 150, height: 50, side: 'below', lineY: 150 });
    expect(guardrailBand({ op: 'gt', value: 50 }, y, 200).side).toBe('below');
    expect(guardrailBand({ op: 'lte', value: 50 }, y, 200)).toEqual({ y: 0, height: 150, side: 'above', lineY: 150 });
    expect(guardrailBand({ op: 'lt', value: 50 }, y, 200).side).toBe('above');
  });

  it('marks the breaching points of the chart', () => {
    const g = chartGeometry(
      metric({ readings: [reading('2026-03-01', 91), reading('2026-03-02', 89), reading('2026-03-03', 95)], guardrail: { op: 'gte', value: 90 } }),
      560,
      240,
    );
    expect(g.points.map((p) => p.breached)).toEqual([false, true, false]);
    expect(g.guardrail!.y).toBeCloseTo(g.y(90));
    expect(g.guardrail!.y + g.guardrail!.height).toBeCloseTo(g.innerHeight);
    expect(g.points[1]!.title).toContain('breaches the guardrail');
  });
});

describe('chartGeometry', () => {
  it('draws a target range as a band and a target value as a line', () => {
    const band = chartGeometry(metric({ direction: 'range', target: { value: 90, high: 95, by: '' } }), 560, 240);
    expect(band.target).toMatchObject({ kind: 'band', y: band.y(95) });
    expect(band.labels.map((l) => l.text)).toContain('Target range');
    const lined = chartGeometry(metric({ target: { value: 95, high: null, by: '2026-05-01' } }), 560, 240);
    expect(lined.target).toEqual({ kind: 'line', y: lined.y(95) });
    expect(lined.targetBy?.title).toBe(`Target by ${day(2026, 5, 1)}`);
  });

  it('labels ticks with the unit and short dates, with the year only when the dates span years', () => {
    const g = chartGeometry(metric(), 560, 240);
    expect(g.yTicks.every((t) => t.label.endsWith('%'))).toBe(true);
    expect(g.xTicks.length).toBeGreaterThan(1);
    // Day and month in the user's language, without the year ("Mar 1" in English).
    expect(g.xTicks.every((t) => t.label === formatDay(t.key) && !t.label.includes('2026'))).toBe(true);
    const years = chartGeometry(metric({ readings: [reading('2025-11-01', 1), reading('2026-02-01', 2)] }), 560, 240);
    expect(years.xTicks.every((t) => t.label === formatDay(t.key, true) && /20\d\d/.test(t.label))).toBe(true);
  });

  it('keeps every tick and label inside the svg', () => {
    const g = chartGeometry(metric({ unit: 'ms', readings: [reading('2026-03-01', 12_000), reading('2026-03-09', 14_000)] }), 560, 240);
    const longest = Math.max(...g.yTicks.map((t) => t.label.length));
    expect(g.margin.left).toBeGreaterThan(longest * 6);
    expect(g.margin.left + g.innerWidth + g.margin.right).toBe(560);
    for (const t of g.points) expect(t.x).toBeGreaterThan(0);
  });

  it('has no line and no date ticks without readings or dates', () => {
    const g = chartGeometry(metric({ readings: [], guardrail: { op: 'lt', value: 5 } }), 560, 240);
    expect(g.points).toEqual([]);
    expect(g.linePath).toBe('');
    expect(g.hasDates).toBe(false);
    expect(g.xTicks).toEqual([]);
    expect(g.guardrail?.side).toBe('above');
  });
});

describe('spreadLabels', () => {
  it('moves overlapping labels apart and keeps them inside the plot', () => {
    const out = spreadLabels(
      [
        { key: 'target', text: 'Target', y: 100 },
        { key: 'baseline', text: 'Baseline', y: 102 },
        { key: 'guardrail', text: 'Guardrail', y: 199 },
      ],
      200,
    );
    const ys = out.map((l) => l.y);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(13);
    expect(ys[2]).toBeLessThanOrEqual(197);
  });
});

describe('placeLabels', () => {
  const label = { key: 'target' as const, text: 'Target', y: 50 };
  it('puts a label at the right end unless the readings run through it there', () => {
    expect(placeLabels([label], [{ x: 10, y: 48 }], 400)[0]).toMatchObject({ anchor: 'end', x: 394 });
    expect(placeLabels([label], [{ x: 10, y: 100 }, { x: 390, y: 20 }, { x: 395, y: 47 }], 400)[0]).toMatchObject({ anchor: 'start', x: 6 });
  });

  it('stays at the right end when the readings cross both ends', () => {
    expect(placeLabels([label], [{ x: 10, y: 48 }, { x: 390, y: 48 }], 400)[0]!.anchor).toBe('end');
  });
});

describe('chartSummary', () => {
  it('names the metric, the span of readings, the latest value, the target and the guardrail', () => {
    const text = chartSummary(
      metric({
        readings: [reading('2026-03-01', 92), reading('2026-04-10', 89), reading('2026-05-20', 91.2)],
        target: { value: 95, high: null, by: '' },
        guardrail: { op: 'gte', value: 90 },
      }),
    );
    expect(text).toBe(
      `Task success rate: 3 readings from ${day(2026, 3, 1)} to ${day(2026, 5, 20)}, latest 91.2%. Target ≥ 95%. Guardrail ≥ 90%. 1 reading breaches it.`,
    );
  });

  it('describes a range target, a baseline, one reading and none', () => {
    const range = metric({
      direction: 'range',
      unit: 'ms',
      readings: [reading('2026-03-01', 300)],
      target: { value: 200, high: 400, by: '2026-06-30' },
      baseline: { value: 450, date: '2026-01-15' },
    });
    expect(chartSummary(range)).toBe(
      `Task success rate: 1 reading on ${day(2026, 3, 1)}, 300 ms. Target range 200 to 400 ms by ${day(2026, 6, 30)}. Baseline 450 ms on ${day(2026, 1, 15)}.`,
    );
    expect(chartSummary(metric({ readings: [] }))).toBe('Task success rate: no readings yet.');
  });
});

describe('date ticks', () => {
  it.each([360, 560, 900])('are far enough apart for their labels at %d px wide', (width) => {
    const readings = Array.from({ length: 5 }, (_, i) => reading(`2026-09-${String(1 + i * 7).padStart(2, '0')}`, 80 + i));
    const g = chartGeometry(metric({ readings }), width, 240);
    expect(g.xTicks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < g.xTicks.length; i++) {
      const gap = g.xTicks[i]!.x - g.xTicks[i - 1]!.x;
      expect(gap).toBeGreaterThanOrEqual(Math.max(g.xTicks[i]!.label.length, g.xTicks[i - 1]!.label.length) * 6);
    }
  });
});
