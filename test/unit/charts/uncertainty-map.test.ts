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
  captionBox,
  labelBox,
  mapKey,
  mapScales,
  markAt,
  markInView,
  nearestInDirection,
  nearestTo,
  nudge,
  NUMBERED_MAX,
  placeLabels,
  quadrantCaptionBoxes,
  type LabelBox,
  type MarkLabel,
  type MarkLayout,
} from '../../../renderer/src/charts/uncertainty-map';

/** A layout of marks at the given plot points, without going through scales. */
function at(points: [number, number][]): MarkLayout {
  return { ids: points.map((_, i) => `m${i}`), x: Float64Array.from(points.map((p) => p[0])), y: Float64Array.from(points.map((p) => p[1])) };
}
const all = () => true;
const overlaps = (a: LabelBox, b: LabelBox) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

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
  const numbered = (items: { id: string; title: string }[]) => items.map((item, i) => ({ ...item, number: i + 1 }));
  const titles = (labels: MarkLabel[]) => labels.filter((l) => l.kind === 'title');

  it('titles lone marks, numbers and cuts long titles, flips near the right edge and never overlaps two titles', () => {
    const items = numbered([
      { id: 'a', title: 'A fairly short title' },
      { id: 'b', title: 'Would overlap a: numbered' },
      { id: 'c', title: 'x'.repeat(50) },
      { id: 'd', title: 'Near the right edge' },
      { id: 'e', title: 'In a cluster' },
    ]);
    const layout = at([
      [10, 10],
      [20, 24],
      [10, 200],
      [480, 300],
      [200, 260],
    ]);
    const offsets = new Map([['e', { dx: 0, dy: 0, clusterSize: 2, clusterRadius: 10, first: true }]]);
    const all = placeLabels(items, layout, offsets, 500);
    const labels = titles(all);
    expect(labels.map((l) => l.id)).toEqual(['a', 'c', 'd']);
    expect(all.filter((l) => l.kind === 'number').map((l) => [l.id, l.text])).toEqual([
      ['b', '2'],
      ['e', '5'],
    ]);
    // A cut title carries its number, so the map's key can give it whole.
    expect(labels[1]!.text).toHaveLength(LABEL_MAX);
    expect(labels[1]!.text).toMatch(/^3 · x+…$/);
    expect(labels[1]!.numbered).toBe(true);
    expect(labels[0]).toMatchObject({ anchor: 'start', x: 20, text: 'A fairly short title', numbered: false });
    expect(labels[2]).toMatchObject({ anchor: 'end', x: 470 });
  });

  it("keeps titles off the quadrants' names, putting one on the mark's other side when its side is taken", () => {
    const reserved = quadrantCaptionBoxes(500, 400, ['Test first', 'Plan for it', 'Watch', 'Park']);
    // Right of this mark is the "Test first" caption: the title goes on its left.
    const title = numbered([{ id: 'a', title: 'Refund policy questions' }]);
    expect(placeLabels(title, at([[300, 16]]), new Map(), 500)[0]).toMatchObject({ anchor: 'start', x: 310 });
    expect(placeLabels(title, at([[300, 16]]), new Map(), 500, reserved)).toEqual([
      { id: 'a', x: 290, y: 20, anchor: 'end', text: 'Refund policy questions', kind: 'title', numbered: false },
    ]);
    // A title that would run past the plot's right edge goes on the left when there is room.
    expect(placeLabels(title, at([[340, 200]]), new Map(), 500)[0]).toMatchObject({ anchor: 'end', x: 330 });
    // Both sides taken (a narrow plot, both top captions): the mark gets its number instead.
    const narrow = quadrantCaptionBoxes(300, 400, ['Test first', 'Plan for it', 'Watch', 'Park']);
    const [label] = placeLabels(numbered([{ id: 'b', title: 'x'.repeat(20) }]), at([[150, 16]]), new Map(), 300, narrow);
    expect(label).toMatchObject({ id: 'b', kind: 'number', text: '1' });
  });

  it('gives every mark of twelve crowded on one spot its number, beside it where there is room, without overlaps', () => {
    const items = numbered(Array.from({ length: 12 }, (_, i) => ({ id: `i${i}`, title: `Item number ${i + 1} of a crowded spot` })));
    const scored = items.map((item) => ({ ...item, impact: 3, uncertainty: 3 }));
    const scales = mapScales(700, 500);
    const offsets = clusterOffsets(scored);
    const layout = layoutMarks(scored, scales, zoomIdentity, offsets);
    const counts = clusterCaptions(scored.map((item) => ({ ...item, unplaced: false })), offsets, scales, zoomIdentity).map(captionBox);
    expect(counts).toHaveLength(1);
    const labels = placeLabels(items, layout, offsets, scales.innerWidth, counts);
    expect(labels.every((l) => !overlaps(labelBox(l), counts[0]!))).toBe(true);
    expect(labels.map((l) => l.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(labels.every((l) => l.kind === 'number' && l.text === String(items.find((i) => i.id === l.id)!.number))).toBe(true);
    const boxes = labels.map(labelBox);
    boxes.forEach((box, i) => boxes.slice(i + 1).forEach((other) => expect(overlaps(box, other)).toBe(false)));
    // A number beside a mark sits closer to its own mark than to any other.
    for (const label of labels.filter((l) => l.anchor !== 'middle')) {
      const box = labelBox(label);
      const centre = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
      const distances = layout.ids.map((_, i) => Math.hypot(layout.x[i]! - centre.x, layout.y[i]! - centre.y));
      expect(distances.indexOf(Math.min(...distances))).toBe(layout.ids.indexOf(label.id));
    }
  });

  it('numbers no mark past NUMBERED_MAX drawn, where numbers could not be read', () => {
    const many = numbered(Array.from({ length: NUMBERED_MAX + 1 }, (_, i) => ({ id: `m${i}`, title: `T${i}` })));
    const layout = at(many.map((_, i) => [(i % 20) * 4, Math.floor(i / 20) * 4]));
    expect(placeLabels(many, layout, new Map(), 500).some((l) => l.kind === 'number')).toBe(false);
    expect(placeLabels(many.slice(0, 40), layout, new Map(), 500).some((l) => l.kind === 'number')).toBe(true);
  });

  it('leaves out marks that are not drawn', () => {
    const items = numbered([{ id: 'a', title: 'Shown' }, { id: 'b', title: 'Zoomed out of view' }]);
    const labels = placeLabels(items, at([[50, 50], [900, 50]]), new Map(), 500, [], (i) => i === 0);
    expect(labels.map((l) => l.id)).toEqual(['a']);
  });
});

describe('mapKey', () => {
  it('lists, by number, the full title of every mark shown only by its number or with its title cut', () => {
    const items = [
      { id: 'a', title: 'Short', number: 1 },
      { id: 'b', title: 'A title long enough that the map has to cut it', number: 2 },
      { id: 'c', title: 'Crowded', number: 3 },
    ];
    const labels: MarkLabel[] = [
      { id: 'c', x: 0, y: 0, anchor: 'start', text: '3', kind: 'number', numbered: true },
      { id: 'a', x: 0, y: 0, anchor: 'start', text: 'Short', kind: 'title', numbered: false },
      { id: 'b', x: 0, y: 0, anchor: 'start', text: '2 · A title long enough…', kind: 'title', numbered: true },
    ];
    expect(mapKey(items, labels)).toEqual([
      { number: 2, title: 'A title long enough that the map has to cut it' },
      { number: 3, title: 'Crowded' },
    ]);
  });
});

describe('nudge', () => {
  it('steps 0.1 per arrow, 0.5 with Shift, and ignores other keys', () => {
    expect(nudge('ArrowUp', false)).toEqual({ dImpact: 0.1, dUncertainty: 0 });
    expect(nudge('ArrowLeft', true)).toEqual({ dImpact: 0, dUncertainty: -0.5 });
    expect(nudge('Enter', false)).toBeUndefined();
  });
});
