import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import {
  clusterCaptions,
  clusterCentre,
  clusterOffsets,
  MAP_EDGE,
  markOnCanvas,
  layoutMarks,
  LABEL_MAX,
  mapScales,
  markAt,
  markInView,
  nearestInDirection,
  nearestTo,
  nudge,
  placeLabels,
  quadrantCaptionBoxes,
  type MarkLayout,
} from '../../../renderer/src/charts/uncertainty-map';

/** A layout of marks at the given plot points, without going through scales. */
function at(points: [number, number][]): MarkLayout {
  return { ids: points.map((_, i) => `m${i}`), x: Float64Array.from(points.map((p) => p[0])), y: Float64Array.from(points.map((p) => p[1])) };
}
const all = () => true;

describe('clusterOffsets', () => {
  it('leaves lone items in place and spreads shared spots on rings with room for every mark', () => {
    const items = [
      { id: 'alone', impact: 1, uncertainty: 1 },
      ...Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, impact: 3, uncertainty: 3 })),
    ];
    const offsets = clusterOffsets(items);
    expect(offsets.get('alone')).toEqual({ dx: 0, dy: 0, clusterSize: 1, clusterRadius: 0, first: true });
    const ring = Array.from({ length: 30 }, (_, i) => offsets.get(`c${i}`)!);
    expect(ring.every((o) => o.clusterSize === 30)).toBe(true);
    expect(ring.filter((o) => o.first)).toHaveLength(1);
    // No two marks of the cluster closer than a mark's width.
    for (let a = 0; a < ring.length; a++) {
      for (let b = a + 1; b < ring.length; b++) {
        expect(Math.hypot(ring[a]!.dx - ring[b]!.dx, ring[a]!.dy - ring[b]!.dy)).toBeGreaterThanOrEqual(13);
      }
    }
  });
});

describe('layoutMarks', () => {
  const scales = mapScales(500, 420);
  const items = [
    { id: 'low', impact: 1, uncertainty: 1 },
    { id: 'high', impact: 5, uncertainty: 5 },
    { id: 'a', impact: 3, uncertainty: 3 },
    { id: 'b', impact: 3, uncertainty: 3 },
  ];

  it('puts impact up and uncertainty right, spreading a shared spot', () => {
    const layout = layoutMarks(items, scales, zoomIdentity, clusterOffsets(items));
    expect(layout.ids).toEqual(['low', 'high', 'a', 'b']);
    expect([layout.x[0], layout.y[0]]).toEqual([0, scales.innerHeight]);
    expect([layout.x[1], layout.y[1]]).toEqual([scales.innerWidth, 0]);
    expect(Math.hypot(layout.x[2]! - layout.x[3]!, layout.y[2]! - layout.y[3]!)).toBeGreaterThanOrEqual(13);
  });

  it('follows the zoom, and knows which marks it leaves out of view', () => {
    const zoomed = zoomIdentity.translate(-scales.innerWidth, 0).scale(2);
    const layout = layoutMarks(items, scales, zoomed, clusterOffsets(items));
    expect(layout.x[1]).toBeCloseTo(scales.innerWidth);
    expect(markInView(layout, 1, scales)).toBe(true);
    expect(markInView(layout, 0, scales)).toBe(false);
  });
});

describe('clusterCentre and markOnCanvas', () => {
  const scales = mapScales(500, 420);

  it('moves a crowded corner in just enough that its whole ring shows, and leaves other spots alone', () => {
    expect(clusterCentre(0, 0, 0, scales)).toEqual({ px: 0, py: 0 });
    expect(clusterCentre(200, 200, 30, scales)).toEqual({ px: 200, py: 200 });
    const corner = clusterCentre(0, scales.innerHeight, 30, scales);
    expect(corner.px - 30).toBeGreaterThanOrEqual(-MAP_EDGE);
    expect(corner.py + 30).toBeLessThanOrEqual(scales.innerHeight + MAP_EDGE);
    // A spot zoomed out of view stays out of view.
    expect(clusterCentre(-50, 100, 30, scales)).toEqual({ px: -50, py: 100 });
  });

  it('draws every mark of a crowded corner, and none far outside the plot', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, impact: 1, uncertainty: 1 }));
    const layout = layoutMarks(items, scales, zoomIdentity, clusterOffsets(items));
    expect(items.every((_, i) => markOnCanvas(layout, i, scales))).toBe(true);
    expect(markOnCanvas(at([[-100, 50]]), 0, scales)).toBe(false);
    expect(markOnCanvas(at([[-MAP_EDGE, 50]]), 0, scales)).toBe(true);
    // Zoomed in, the margin belongs to the axes: only marks centred on the plot are drawn.
    expect(markOnCanvas(at([[-MAP_EDGE, 50]]), 0, scales, true)).toBe(false);
    expect(markOnCanvas(at([[0, 50]]), 0, scales, true)).toBe(true);
  });
});

describe('clusterCaptions', () => {
  const scales = mapScales(500, 420);
  const item = (id: string, impact: number, uncertainty: number, unplaced = false) => ({ id, impact, uncertainty, unplaced });

  it('counts spots shared by three or more, says "to place" in the middle, and skips one that would overlap', () => {
    const items = [
      ...['a', 'b', 'c', 'd'].map((id) => item(id, 3, 3, true)),
      ...['e', 'f'].map((id) => item(id, 1.5, 1.5)),
      ...['g', 'h', 'i'].map((id) => item(id, 4.5, 4.5)),
      // A crowd just beside the last one: its caption would run into it.
      ...['j', 'k', 'l'].map((id) => item(id, 4.5, 4.6)),
    ];
    const captions = clusterCaptions(items, clusterOffsets(items), scales, zoomIdentity);
    expect(captions.map((c) => c.text)).toEqual(['4 to place', '3 here']);
    expect(captions[0]!.id).toBe('a');
    expect(captions[1]!.id).toBe('g');
  });
});

describe('markAt', () => {
  it('finds the mark under the pointer within its radius, the one on top when two overlap', () => {
    const layout = at([
      [10, 10],
      [100, 100],
      [104, 100],
    ]);
    expect(markAt(layout, 12, 9)).toBe(0);
    expect(markAt(layout, 30, 30)).toBe(-1);
    expect(markAt(layout, 102, 100)).toBe(2);
    expect(markAt(layout, 101, 100)).toBe(1);
    // Only marks that are drawn can be grabbed.
    expect(markAt(layout, 12, 9, (i) => i !== 0)).toBe(-1);
  });
});

describe('nearestInDirection', () => {
  // A plus shape around the centre (0), with one mark far off to the lower right.
  const layout = at([
    [100, 100], // 0 centre
    [100, 50], // 1 above
    [100, 160], // 2 below
    [40, 100], // 3 left
    [170, 100], // 4 right
    [130, 95], // 5 just right, nearly in line
    [400, 400], // 6 far off
  ]);

  it('goes to the nearest mark in line in each direction', () => {
    expect(nearestInDirection(layout, 0, 'up', all)).toBe(1);
    expect(nearestInDirection(layout, 0, 'down', all)).toBe(2);
    expect(nearestInDirection(layout, 0, 'left', all)).toBe(3);
    expect(nearestInDirection(layout, 0, 'right', all)).toBe(5);
    expect(nearestInDirection(layout, 5, 'right', all)).toBe(4);
  });

  it('prefers a mark within 45° over a nearer one off to the side, and falls back to the side when none is in line', () => {
    const fan = at([
      [0, 0],
      [10, 30], // right of it but far more below: outside the cone
      [80, 20], // in the cone, further away
    ]);
    expect(nearestInDirection(fan, 0, 'right', all)).toBe(2);
    expect(nearestInDirection(at([[0, 0], [10, 25]]), 0, 'right', all)).toBe(1);
    // Almost straight down is not right at all.
    expect(nearestInDirection(at([[0, 0], [10, 40]]), 0, 'right', all)).toBe(-1);
  });

  it('skips marks that are not eligible (out of view), and says when there is none that way', () => {
    // With the mark above out of view, none: the one 5 px up and 30 px aside is not "up".
    expect(nearestInDirection(layout, 0, 'up', (i) => i !== 1)).toBe(-1);
    expect(nearestInDirection(layout, 4, 'right', all)).toBe(6);
    expect(nearestInDirection(layout, 4, 'right', (i) => i !== 6)).toBe(-1);
    expect(nearestInDirection(layout, 1, 'up', all)).toBe(-1);
  });
});

describe('nearestTo', () => {
  it('lands on the eligible mark nearest a point', () => {
    const layout = at([
      [0, 0],
      [50, 50],
      [52, 49],
    ]);
    expect(nearestTo(layout, 51, 50, all)).toBe(1);
    expect(nearestTo(layout, 51, 50, (i) => i !== 1)).toBe(2);
    expect(nearestTo(layout, 51, 50, () => false)).toBe(-1);
  });
});

describe('placeLabels', () => {
  it('labels lone marks only, cuts long titles, flips near the right edge and never overlaps two titles', () => {
    const items = [
      { id: 'a', title: 'A fairly short title' },
      { id: 'b', title: 'Overlaps a and is dropped' },
      { id: 'c', title: 'x'.repeat(50) },
      { id: 'd', title: 'Near the right edge' },
      { id: 'e', title: 'In a cluster' },
    ];
    const layout = at([
      [10, 10],
      [20, 12],
      [10, 200],
      [480, 300],
      [200, 200],
    ]);
    const offsets = new Map([['e', { dx: 0, dy: 0, clusterSize: 2, clusterRadius: 10, first: true }]]);
    const labels = placeLabels(items, layout, offsets, 500);
    expect(labels.map((l) => l.id)).toEqual(['a', 'c', 'd']);
    expect(labels[1]!.text).toHaveLength(LABEL_MAX);
    expect(labels[1]!.text.endsWith('…')).toBe(true);
    expect(labels[2]).toMatchObject({ anchor: 'end', x: 470 });
    expect(labels[0]).toMatchObject({ anchor: 'start', x: 20 });
  });

  it("keeps titles off the quadrants' names, putting one on the mark's other side when its side is taken", () => {
    const reserved = quadrantCaptionBoxes(500, 400, ['Test first', 'Plan for it', 'Watch', 'Park']);
    // Right of this mark is the "Test first" caption: the title goes on its left.
    const title = [{ id: 'a', title: 'Refund policy questions' }];
    expect(placeLabels(title, at([[300, 16]]), new Map(), 500)[0]).toMatchObject({ anchor: 'start', x: 310 });
    expect(placeLabels(title, at([[300, 16]]), new Map(), 500, reserved)).toEqual([{ id: 'a', x: 290, y: 20, anchor: 'end', text: 'Refund policy questions' }]);
    // Both sides taken (a narrow plot, both top captions): no title.
    const narrow = quadrantCaptionBoxes(300, 400, ['Test first', 'Plan for it', 'Watch', 'Park']);
    expect(placeLabels([{ id: 'b', title: 'x'.repeat(20) }], at([[150, 16]]), new Map(), 300, narrow)).toEqual([]);
  });
});

describe('nudge', () => {
  it('steps 0.1 per arrow, 0.5 with Shift, and ignores other keys', () => {
    expect(nudge('ArrowUp', false)).toEqual({ dImpact: 0.1, dUncertainty: 0 });
    expect(nudge('ArrowLeft', true)).toEqual({ dImpact: 0, dUncertainty: -0.5 });
    expect(nudge('Enter', false)).toBeUndefined();
  });
});
