import { describe, expect, it } from 'vitest';
import { scopeChartGeometry } from '../../../renderer/src/charts/scope-chart';
import type { MonthOfChanges } from '../../../renderer/src/domain/scope/trend';

const month = (m: string, counts: Partial<MonthOfChanges['counts']>): MonthOfChanges => {
  const full = { expand: 0, reduce: 0, pivot: 0, reprioritise: 0, ...counts };
  return { month: m, counts: full, total: Object.values(full).reduce((a, b) => a + b, 0) };
};

describe('scopeChartGeometry', () => {
  it('stacks each month by kind from the base, heights proportional to the counts', () => {
    const g = scopeChartGeometry([month('2026-01', { expand: 2, pivot: 1 }), month('2026-02', {}), month('2026-03', { reduce: 4 })], 600);
    expect(g.bars.map((b) => b.segments.map((s) => s.kind))).toEqual([['expand', 'pivot'], [], ['reduce']]);
    const [jan, , mar] = g.bars;
    const [expand, pivot] = jan!.segments;
    expect(expand!.y + expand!.height).toBeCloseTo(g.plotHeight);
    expect(pivot!.y + pivot!.height).toBeCloseTo(expand!.y);
    expect(expand!.height).toBeCloseTo(2 * pivot!.height);
    expect(mar!.segments[0]!.height).toBeCloseTo(2 * expand!.height);
    expect(expand!.title).toMatch(/: 2 expand changes$/);
    expect(g.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(jan!.cx).toBeLessThan(mar!.cx);
  });

  it('leaves out month labels that would crowd on a narrow chart', () => {
    const months = Array.from({ length: 24 }, (_, i) => month(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, { expand: 1 }));
    const g = scopeChartGeometry(months, 400);
    const shown = g.bars.filter((b) => b.axisLabel).length;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(24);
  });
});
