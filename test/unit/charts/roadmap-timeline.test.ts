import { describe, expect, it } from 'vitest';
import { confidenceLook, fitDomain, ghostPath, layoutTimeline, panDomain, rangeTimes, TIMELINE, zoomDomain } from '../../../renderer/src/charts/roadmap-timeline';
import { newRoadmapItem } from '../../../renderer/src/domain/roadmap/edits';
import type { Horizon, RoadmapItem } from '../../../renderer/src/domain/roadmap/model';

const DAY = 86_400_000;
const today = Date.UTC(2026, 9, 15);

function item(id: string, horizon: Horizon, earliest = '', latest = '', extra: Partial<RoadmapItem> = {}): RoadmapItem {
  const made = newRoadmapItem('p', `Item ${id}`, horizon, 0, id, 1);
  if (!made.ok) throw new Error(made.message);
  return { ...made.value, earliest, latest, ...extra };
}

describe('confidence look', () => {
  it('is solid for high, hatched for medium, an outline for low, by level or percentage', () => {
    expect(['high', 'medium', 'low'].map((c) => confidenceLook(c as never))).toEqual(['solid', 'hatched', 'outline']);
    expect([90, 70, 69, 40, 39, 0].map(confidenceLook)).toEqual(['solid', 'solid', 'hatched', 'hatched', 'outline', 'outline']);
  });
});

describe('timeline geometry', () => {
  const domain = [Date.UTC(2026, 9, 1), Date.UTC(2026, 11, 31)] as const;
  const width = 876 + TIMELINE.left + TIMELINE.right;

  it('draws a range from the start of its earliest day to the end of its latest', () => {
    expect(rangeTimes('2026-10-01', '2026-10-31')).toEqual([Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 1)]);
    expect(rangeTimes('', '')).toBeNull();
  });

  it('gives each horizon a lane, each dated item a row, and lists undated ones apart', () => {
    const layout = layoutTimeline(
      [item('a', 'now', '2026-10-01', '2026-10-31', { confidence: 'high' }), item('b', 'now', '2026-11-01', '2026-11-30'), item('c', 'later'), item('d', 'next', '2026-12-01', '2026-12-10', { confidence: 20 })],
      domain,
      width,
      today,
    );
    expect(layout.lanes.map((l) => l.label)).toEqual(['Now', 'Next', 'Later']);
    expect(layout.undated).toEqual(['c']);
    const [a, b, d] = layout.bands;
    expect([a!.id, b!.id, d!.id]).toEqual(['a', 'b', 'd']);
    expect(b!.y - a!.y).toBe(TIMELINE.row);
    expect(d!.y).toBeGreaterThan(layout.lanes[1]!.y);
    expect(d!.y + d!.height).toBeLessThanOrEqual(layout.lanes[1]!.y + layout.lanes[1]!.height);
    expect([a!.look, b!.look, d!.look]).toEqual(['solid', 'hatched', 'outline']);
    // October is 31 of the 91 days shown.
    expect(a!.x).toBeCloseTo(TIMELINE.left, 5);
    expect(a!.width).toBeCloseTo((876 * 31) / 91, 5);
    // The empty Later lane keeps a row's height for its name.
    expect(layout.lanes[2]!.height).toBe(TIMELINE.row + 2 * TIMELINE.lanePad);
    expect(layout.height).toBe(layout.plot.bottom + 1);
  });

  it('puts today where it falls, and not at all outside the domain', () => {
    const layout = layoutTimeline([], domain, width, today);
    expect(layout.todayX).toBeCloseTo(TIMELINE.left + (876 * 14) / 91, 5);
    expect(layoutTimeline([], domain, width, Date.UTC(2027, 5, 1)).todayX).toBeNull();
  });

  it('ticks every month while they fit, labelling January with its year', () => {
    const layout = layoutTimeline([], [Date.UTC(2026, 10, 15), Date.UTC(2027, 2, 15)], width, today);
    expect(layout.ticks.map((t) => [t.label.length > 0, t.major])).toEqual([
      [true, false],
      [true, true],
      [true, false],
      [true, false],
    ]);
    expect(layout.ticks[1]!.label).toBe('2027');
    // Ten years do not fit as months: quarters or years instead.
    expect(layoutTimeline([], [Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)], width, today).ticks.length).toBeLessThanOrEqual(40);
  });

  it('draws a range outside the domain as a stub at that edge, so it can still be reached', () => {
    const layout = layoutTimeline([item('a', 'now', '2027-06-01', '2027-06-30'), item('b', 'now', '2025-01-01', '2025-01-31')], domain, width, today);
    expect(layout.bands.map((b) => b.outside)).toEqual(['after', 'before']);
    expect(layout.bands[0]!.x + layout.bands[0]!.width).toBeCloseTo(layout.plot.right, 5);
    expect(layout.bands[1]!.x).toBe(layout.plot.left);
  });

  it('draws earlier ranges as ghosts only when asked', () => {
    const moved = item('a', 'now', '2026-11-01', '2026-11-30', {
      history: [
        { at: 5, horizon: 'now', earliest: '', latest: '', confidence: 'medium' },
        { at: 9, horizon: 'now', earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high' },
      ],
    });
    expect(layoutTimeline([moved], domain, width, today).ghosts).toEqual([]);
    const ghosts = layoutTimeline([moved], domain, width, today, true).ghosts;
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]).toMatchObject({ itemId: 'a', at: 9 });
    expect(ghosts[0]!.x).toBeCloseTo(TIMELINE.left, 5);
    expect(layoutTimeline([moved], domain, width, today).ghostPath).toBe('');
  });

  it('draws ghosts as one path of closed rounded rectangles', () => {
    expect(ghostPath([{ x: 10, y: 20, width: 100, height: 24 }])).toBe('M13,20h94a3,3 0 0 1 3,3v18a3,3 0 0 1 -3,3h-94a3,3 0 0 1 -3,-3v-18a3,3 0 0 1 3,-3z');
    expect(ghostPath([{ x: 0, y: 0, width: 2, height: 24 }]).startsWith('M1,0h0a1,1')).toBe(true);
    expect(ghostPath([]).length).toBe(0);
  });

  it('fits every range and today, zooms around a point and pans by a share of the span', () => {
    const fit = fitDomain([item('a', 'now', '2027-01-01', '2027-12-31')], today);
    expect(fit[0]).toBeLessThan(today);
    expect(fit[1]).toBeGreaterThan(Date.UTC(2028, 0, 1));
    const zoomed = zoomDomain(domain, 0.5, domain[0]);
    expect(zoomed[0]).toBe(domain[0]);
    expect(zoomed[1] - zoomed[0]).toBe((domain[1] - domain[0]) / 2);
    expect(zoomDomain(domain, 0.0001)[1] - zoomDomain(domain, 0.0001)[0]).toBe(TIMELINE.minSpan);
    expect(zoomDomain(domain, 1000)[1] - zoomDomain(domain, 1000)[0]).toBe(TIMELINE.maxSpan);
    expect(panDomain(domain, 0.5)[0]).toBe(domain[0] + (domain[1] - domain[0]) / 2);
    expect(domain[1] - domain[0]).toBe(91 * DAY);
  });
});
