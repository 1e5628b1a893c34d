import { describe, expect, it } from 'vitest';
import { SENSITIVITY_ROW, sensitivityGeometry } from '../../../renderer/src/charts/sensitivity-chart';
import { criteria, options, sensitivity } from './fixtures';

describe('sensitivityGeometry', () => {
  it('draws each band from its low to its high on the weight track, with the weight now', () => {
    const g = sensitivityGeometry(sensitivity, criteria, options, 'rag', 560);
    for (const [i, s] of sensitivity.entries()) {
      const row = g.rows[i]!;
      expect(row.band.x).toBeCloseTo(g.x(s.low));
      expect(row.band.x + row.band.width).toBeCloseTo(g.x(s.high));
      expect(row.weightX).toBeCloseTo(g.x(s.weight));
      expect(row.y).toBe(g.rowsTop + i * SENSITIVITY_ROW.height);
    }
  });

  it('highlights only the smallest flip and says who takes over', () => {
    const g = sensitivityGeometry(sensitivity, criteria, options, 'rag', 560);
    expect(g.rows.filter((r) => r.highlighted).map((r) => r.id)).toEqual(['lat']);
    const lat = g.rows[1]!;
    expect(lat.note).toBe('Smallest flip · now 30%');
    expect(lat.flip?.x2).toBeCloseTo(g.x(0.36));
    expect(lat.belowText).toBe('← Vendor chatbot below 12%');
    expect(lat.aboveText).toMatch(/^Fine-tune .*… above 36% →$/);
    expect(g.rows[2]!.holdsText).toBe('Winner holds at any weight');
    expect(g.legend.map((l) => l.kind)).toEqual(['band', 'weight', 'flip']);
  });

  it('has no flip in the legend when no single change flips the winner', () => {
    const g = sensitivityGeometry([sensitivity[2]!], criteria, options, 'rag', 560);
    expect(g.rows[0]!.highlighted).toBe(false);
    expect(g.legend.map((l) => l.kind)).toEqual(['band', 'weight']);
  });
});
