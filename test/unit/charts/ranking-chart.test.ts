import { describe, expect, it } from 'vitest';
import { RANKING_ROW, rankingGeometry } from '../../../renderer/src/charts/ranking-chart';
import { CHAR_PX, TITLE_CHAR_PX } from '../../../renderer/src/charts/text';
import { options, results } from './fixtures';

describe('rankingGeometry', () => {
  it('lists options in rank order, recommends only an option that is not vetoed, and leaves the unscored without a bar', () => {
    const g = rankingGeometry(results, options, 'vendor', 560);
    expect(g.rows.map((r) => [r.id, r.status])).toEqual([
      ['vendor', 'vetoed'],
      ['rag', 'scored'],
      ['ft', 'scored'],
      ['rules', 'unscored'],
    ]);
    expect(rankingGeometry(results, options, 'rag', 560).rows[1]!.status).toBe('recommended');
    const rules = g.rows[3]!;
    expect(rules.barWidth).toBe(0);
    expect(rules.scoreText).toBe('');
    expect(rules.barTitle).toBe('Rules engine: not scored');
  });

  it('sizes bars by score and says what is partial or vetoed', () => {
    const g = rankingGeometry(results, options, 'rag', 560);
    const rag = g.rows.find((r) => r.id === 'rag')!;
    expect(rag.barWidth).toBeCloseTo(0.72 * g.barMax);
    expect(rag.scoreText).toBe('72');
    expect(rag.notes).toBe('Recommended');
    expect(g.rows.find((r) => r.id === 'ft')!.notes).toBe('75% scored');
    expect(g.rows.find((r) => r.id === 'vendor')!.notes).toBe('Vetoed');
  });

  it('lays rows out at any width from narrow to wide without text running past the edge', () => {
    for (const width of [360, 560, 900]) {
      const g = rankingGeometry(results, options, 'rag', width);
      expect(g.width).toBe(width);
      for (const row of g.rows) {
        expect(row.barWidth).toBeLessThanOrEqual(g.barMax);
        expect(row.label.length * TITLE_CHAR_PX + (row.notes ? row.notes.length * CHAR_PX + 12 : 0)).toBeLessThanOrEqual(g.innerWidth);
      }
    }
  });

  it('grows by one row height per option and ignores results of options no longer in the matrix', () => {
    const two = rankingGeometry(results.slice(0, 2), options, 'rag', 560);
    const four = rankingGeometry(results, options, 'rag', 560);
    expect(four.height - two.height).toBe(2 * RANKING_ROW.height);
    expect(rankingGeometry(results, options.slice(0, 2), 'rag', 560).rows.map((r) => r.id)).toEqual(['rag', 'ft']);
  });
});
