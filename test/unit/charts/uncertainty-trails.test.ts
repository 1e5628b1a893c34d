import { describe, expect, it } from 'vitest';
import { trailLine, trailsSince } from '../../../renderer/src/charts/uncertainty-map';

const SINCE = 1000;
const item = (id: string, impact: number, uncertainty: number, history: [at: number, impact: number, uncertainty: number][]) => ({
  id,
  impact,
  uncertainty,
  history: history.map(([at, i, u]) => ({ at, impact: i, uncertainty: u, status: 'open' as const })),
});

describe('trailsSince', () => {
  it('runs from where each item was, through the places it was moved to since, to where it is', () => {
    const start = new Map([['a', { impact: 2, uncertainty: 4 }]]);
    const a = item('a', 4.5, 4, [
      [500, 2, 4],
      [1500, 3, 4],
      [1600, 3, 4], // a status change: the same place
      [1700, 4.5, 4],
    ]);
    expect(trailsSince([a], start, SINCE)).toEqual([
      {
        id: 'a',
        points: [
          { impact: 2, uncertainty: 4 },
          { impact: 3, uncertainty: 4 },
          { impact: 4.5, uncertainty: 4 },
        ],
      },
    ]);
  });

  it('leaves out items that did not move, and those added since', () => {
    const start = new Map([['still', { impact: 2, uncertainty: 2 }]]);
    const still = item('still', 2, 2, [[500, 2, 2]]);
    const added = item('new', 4, 4, [[1500, 3, 3]]);
    expect(trailsSince([still, added], start, SINCE)).toEqual([]);
  });

  it('keeps a move away and back as a trail that returns', () => {
    const start = new Map([['a', { impact: 2, uncertainty: 2 }]]);
    const a = item('a', 2, 2, [
      [1500, 4, 4],
      [1600, 2, 2],
    ]);
    expect(trailsSince([a], start, SINCE)[0]!.points).toHaveLength(3);
  });
});

describe('trailLine', () => {
  it('stops the last segment short of the mark, so the arrowhead shows', () => {
    const line = trailLine(
      [
        { px: 0, py: 0 },
        { px: 100, py: 0 },
      ],
      10,
    );
    expect(line).toEqual([
      { px: 0, py: 0 },
      { px: 90, py: 0 },
    ]);
  });

  it('keeps a segment too short to shorten', () => {
    const points = [
      { px: 0, py: 0 },
      { px: 12, py: 0 },
    ];
    expect(trailLine(points, 10)).toEqual(points);
  });
});
