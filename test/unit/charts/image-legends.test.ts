import { describe, expect, it } from 'vitest';
import { BREACH_SYMBOL, chartGeometry, metricChartLegend, type ChartMetric } from '../../../renderer/src/charts/metric-chart';
import { layoutTimeline, timelineLegend } from '../../../renderer/src/charts/roadmap-timeline';
import { SCOPE_KIND_COLORS, scopeChartLegend } from '../../../renderer/src/charts/scope-chart';
import type { Reading } from '../../../renderer/src/domain/metrics/model';

// The legends under charts saved as files: each row is something the chart draws, in its colours.

const reading = (date: string, value: number): Reading => ({ id: date, date, value, note: '' });
const metric = (extra: Partial<ChartMetric> = {}): ChartMetric => ({
  name: 'Task success rate',
  unit: '%',
  direction: 'higher',
  baseline: { value: null, date: '' },
  target: { value: null, high: null, by: '' },
  guardrail: null,
  readings: [reading('2026-03-01', 92), reading('2026-03-15', 93)],
  ...extra,
});
const labels = (rows: { label: string }[]) => rows.map((r) => r.label);

describe('metricChartLegend', () => {
  it('names only what the chart draws', () => {
    expect(labels(metricChartLegend(chartGeometry(metric(), 560, 220)))).toEqual(['Readings']);
    expect(labels(metricChartLegend(chartGeometry(metric({ readings: [] }), 560, 220)))).toEqual([]);
  });

  it('adds the target, its date, the guardrail with its words, the baseline and a breach', () => {
    const g = chartGeometry(
      metric({
        readings: [reading('2026-03-01', 92), reading('2026-03-15', 70)],
        target: { value: 95, high: null, by: '2026-06-30' },
        guardrail: { op: 'gte', value: 75 },
        baseline: { value: 90, date: '2026-01-01' },
      }),
      560,
      220,
    );
    const rows = metricChartLegend(g);
    expect(labels(rows)).toEqual(['Readings', 'Reading past the guardrail', 'Target', g.targetBy!.title, 'Guardrail ≥ 75%', 'Baseline']);
    expect(rows[1]).toMatchObject({ path: BREACH_SYMBOL, symbolColor: 'var(--danger)' });
    expect(rows[5]?.line).toMatchObject({ dash: '6 4' });
  });

  it('shows a target range as a band', () => {
    const rows = metricChartLegend(chartGeometry(metric({ direction: 'range', target: { value: 90, high: 95, by: '' } }), 560, 220));
    expect(rows.find((r) => r.label === 'Target range')).toMatchObject({ color: 'var(--success)' });
  });
});

describe('timelineLegend', () => {
  const confidences = [
    { confidence: 'low' as const, label: 'Low confidence' },
    { confidence: 'medium' as const, label: 'Medium confidence' },
    { confidence: 'high' as const, label: 'High confidence' },
  ];
  const today = Date.UTC(2026, 10, 29);
  const item = { id: 'a', title: 'A', horizon: 'now' as const, order: 0, createdAt: 0, earliest: '2026-11-01', latest: '2027-01-31', confidence: 'high' as const, history: [] };

  it('draws each confidence with its look and the today line when it is in view', () => {
    const rows = timelineLegend(layoutTimeline([item], [Date.UTC(2026, 9, 1), Date.UTC(2027, 2, 1)], 900, today), confidences);
    expect(rows).toEqual([
      { label: 'Low confidence', dashed: 'var(--accent)' },
      { label: 'Medium confidence', hatch: 'var(--accent)' },
      { label: 'High confidence', color: 'var(--accent)' },
      { label: 'Today', line: { color: 'var(--danger)' } },
    ]);
  });

  it('leaves out the today line when today is off the span', () => {
    const rows = timelineLegend(layoutTimeline([item], [Date.UTC(2027, 0, 1), Date.UTC(2027, 5, 1)], 900, today), confidences);
    expect(labels(rows)).not.toContain('Today');
  });
});

describe('scopeChartLegend', () => {
  it('lists every kind in its colour', () => {
    expect(scopeChartLegend()).toEqual([
      { label: 'Expand', color: SCOPE_KIND_COLORS.expand },
      { label: 'Reduce', color: SCOPE_KIND_COLORS.reduce },
      { label: 'Pivot', color: SCOPE_KIND_COLORS.pivot },
      { label: 'Reprioritise', color: SCOPE_KIND_COLORS.reprioritise },
    ]);
  });
});
