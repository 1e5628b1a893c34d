import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { axisTicks, belowLegend, chartWidth, DEFAULT_WIDTH, layoutLegend, MIN_WIDTH } from '../../../renderer/src/charts/frame';
import { CHAR_PX, fitAround, textWidth, truncate } from '../../../renderer/src/charts/text';

describe('chart text', () => {
  it('estimates a label by its characters', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('abc')).toBeCloseTo(3 * CHAR_PX);
    expect(textWidth('abc', 10)).toBe(30);
  });

  it('truncates with an ellipsis only when the text does not fit', () => {
    expect(truncate('Short', 100, 10)).toBe('Short');
    expect(truncate('A rather long title', 100, 10)).toBe('A rather…');
    expect(truncate('Anything', 5, 10)).toBe('…');
    // 2 + 10 characters around leave 9 of 21 for the title.
    expect(fitAround('← ', 'A rather long title', ' below 12%', 210, 10)).toBe('← A rather… below 12%');
  });
});

describe('chart frame', () => {
  it('lays out at the measured width, never narrower than text needs, and at a default until measured', () => {
    expect(chartWidth(0)).toBe(DEFAULT_WIDTH);
    expect(chartWidth(200)).toBe(MIN_WIDTH);
    expect(chartWidth(700.4)).toBe(700);
  });

  it('puts fewer ticks on a short axis, anchored so the end labels stay inside', () => {
    const x = scaleLinear().domain([0, 1]).range([0, 200]);
    const short = axisTicks(x, 200, (v) => `${v * 100}`);
    expect(short.map((t) => t.label)).toEqual(['0', '50', '100']);
    expect(short.map((t) => t.anchor)).toEqual(['start', 'middle', 'end']);
    expect(axisTicks(x, 600, String)).toHaveLength(6);
    expect(axisTicks(x, 400, String)).toHaveLength(5);
  });

  it('wraps the legend onto new lines when it runs out of width', () => {
    const item = (key: string) => ({ key, label: 'Function', kind: 'function' as const, path: '', colour: 0 });
    const wide = layoutLegend([item('a'), item('b'), item('c')], 600);
    expect(wide.items.map((i) => i.y)).toEqual([0, 0, 0]);
    // Each item is 22 + 8 × 6.6 + 16 ≈ 91 px: one per line in 150 px.
    const narrow = layoutLegend([item('a'), item('b'), item('c')], 150);
    expect(narrow.items.map((i) => [i.x, i.y])).toEqual([
      [0, 0],
      [0, 20],
      [0, 40],
    ]);
    expect(narrow.height).toBe(60);
    expect(layoutLegend([], 600).height).toBe(0);
  });

  it('starts the axis and the rows below the legend', () => {
    expect(belowLegend(0)).toEqual({ axisY: 14, rowsTop: 22 });
    expect(belowLegend(40)).toEqual({ axisY: 54, rowsTop: 62 });
  });
});
