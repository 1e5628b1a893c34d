import { describe, expect, it } from 'vitest';
import { functionComparisonGeometry, functionMark, spreadMarks } from '../../../renderer/src/charts/function-comparison-chart';
import { functions, options, perFunction, result } from './fixtures';

const input = {
  options: options.slice(0, 3),
  functions,
  perFunction,
  combined: [result('rag', 1, 0.73), result('ft', 2, 0.53), result('vendor', 3, null)],
  combinedWinnerId: 'rag',
};

describe('spreadMarks', () => {
  it('spreads marks that would overlap around the centre line, leaving lone marks on it', () => {
    expect(spreadMarks([50, 200, 52, 400], 11, 10)).toEqual([-5, 0, 5, 0]);
    expect(spreadMarks([10, 10, 10], 11, 10)).toEqual([-10, 0, 10]);
    expect(spreadMarks([])).toEqual([]);
    // A ringed top pick (20) next to a plain mark (10): each keeps its own height.
    expect(spreadMarks([80, 80], 11, [20, 10])).toEqual([-5, 10]);
  });
});

describe('functionComparisonGeometry', () => {
  it('orders rows by the combined ranking and gives each function its own shape and colour', () => {
    const g = functionComparisonGeometry(input, 560);
    expect(g.rows.map((r) => r.id)).toEqual(['rag', 'ft', 'vendor']);
    const marks = g.rows[0]!.markers;
    expect(new Set(marks.map((m) => m.path)).size).toBe(3);
    expect(new Set(marks.map((m) => m.colour)).size).toBe(3);
    expect(functionMark(0).path).not.toBe(functionMark(1).path);
  });

  it("rings each function's own pick and says who picks what", () => {
    const g = functionComparisonGeometry(input, 560);
    const winners = g.rows.flatMap((r) => r.markers.filter((m) => m.winner).map((m) => [m.functionId, r.id]));
    expect(winners).toEqual([
      ['product', 'rag'],
      ['ops', 'rag'],
      ['legal', 'ft'],
    ]);
    expect(g.rows[0]!.info).toBe('Recommended · Top for Product, Operations');
    expect(g.rows[1]!.info).toBe('Top for Legal');
  });

  it('places marks on the score axis and keeps equal scores apart vertically', () => {
    const g = functionComparisonGeometry(input, 560);
    const rag = g.rows[0]!;
    const product = rag.markers.find((m) => m.functionId === 'product')!;
    const ops = rag.markers.find((m) => m.functionId === 'ops')!;
    expect(product.x).toBeCloseTo(g.x(0.8));
    expect(product.x).toBeCloseTo(ops.x);
    expect(product.dy).not.toBeCloseTo(ops.dy);
    expect(g.ticks[0]!.label).toBe('0');
    expect(g.ticks.at(-1)!.label).toBe('100');
    // The legend: each function, the combined line and the ring.
    expect(g.legend.map((l) => l.label)).toEqual(['Product', 'Legal', 'Operations', 'Combined', "Ring: the function's top pick"]);
    expect(g.rowsTop).toBeGreaterThan(g.axisY);
  });
});
