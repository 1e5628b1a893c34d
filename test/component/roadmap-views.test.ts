import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { layoutTimeline } from '../../renderer/src/charts/roadmap-timeline';
import { newRoadmapItem } from '../../renderer/src/domain/roadmap/edits';
import type { RoadmapItem } from '../../renderer/src/domain/roadmap/model';
import { formatDate, formatDay } from '../../renderer/src/domain/time';
import ForecastHistory from '../../renderer/src/views/roadmap/ForecastHistory.svelte';
import RoadmapCard from '../../renderer/src/views/roadmap/RoadmapCard.svelte';
import TimelineChart from '../../renderer/src/views/roadmap/TimelineChart.svelte';

const OCT_2 = Date.UTC(2026, 9, 2, 12);

function item(extra: Partial<RoadmapItem> = {}): RoadmapItem {
  const made = newRoadmapItem('p', 'Hybrid retrieval', 'now', 0, 'r1', 1);
  if (!made.ok) throw new Error(made.message);
  return { ...made.value, ...extra };
}

const slipped = item({
  earliest: '2026-10-01',
  latest: '2026-11-21',
  confidence: 'medium',
  owner: 'Ana',
  status: 'in-progress',
  forecastAt: Date.UTC(2026, 10, 1),
  history: [
    { at: 1, horizon: 'now', earliest: '', latest: '', confidence: 'high' },
    { at: OCT_2, horizon: 'now', earliest: '2026-10-01', latest: '2026-10-31', confidence: 'high' },
  ],
});

describe('RoadmapCard', () => {
  const props = (extra = {}) => ({ item: slipped, index: 1, count: 3, href: '#/x', open: false, onmove: vi.fn(), onkey: vi.fn(), ondragstart: vi.fn(), ondragend: vi.fn(), ...extra });

  it('shows range, confidence, status, owner and how the forecast moved', () => {
    render(RoadmapCard, props());
    const card = screen.getByRole('listitem');
    expect(card).toHaveTextContent('medium confidence');
    expect(card).toHaveTextContent('In progress');
    expect(card).toHaveTextContent('Ana');
    expect(card).toHaveTextContent(`Slipped 3 weeks, confidence fell from high to medium since ${formatDay(OCT_2)}`);
  });

  it('Alt+arrow keys on the title ask to move; plain arrows do not', async () => {
    const onkey = vi.fn();
    render(RoadmapCard, props({ onkey }));
    const title = screen.getByRole('link', { name: 'Hybrid retrieval' });
    await fireEvent.keyDown(title, { key: 'ArrowDown' });
    await fireEvent.keyDown(title, { key: 'ArrowRight', altKey: true });
    expect(onkey.mock.calls).toEqual([['ArrowRight']]);
  });

  it('its Move menu offers up, down and the other horizons', async () => {
    const onmove = vi.fn();
    render(RoadmapCard, props({ onmove }));
    const menu = screen.getByText('Move').closest('details')!;
    expect(within(menu).getAllByRole('button', { hidden: true }).map((b) => b.textContent)).toEqual(['Up', 'Down', 'To Next', 'To Later']);
    await fireEvent.click(within(menu).getByRole('button', { name: 'Up', hidden: true }));
    await fireEvent.click(within(menu).getByRole('button', { name: 'To Later', hidden: true }));
    expect(onmove.mock.calls).toEqual([[{ horizon: 'now', index: 0 }], [{ horizon: 'later', index: Number.MAX_SAFE_INTEGER }]]);
  });
});

describe('ForecastHistory', () => {
  it('says how the forecast moved and lists every forecast, the current one first', () => {
    render(ForecastHistory, { item: slipped });
    expect(screen.getByTestId('forecast-movement')).toHaveTextContent(`Slipped 3 weeks, confidence fell from high to medium since ${formatDay(OCT_2)}.`);
    const rows = screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Current Now · .* · medium confidence$/);
    expect(rows[1]).toContain(formatDate(OCT_2));
    expect(rows[2]).toMatch(/No range yet · high confidence$/);
  });

  it('says there is no change yet on a new item', () => {
    render(ForecastHistory, { item: item() });
    expect(screen.getByText(/No change yet/)).toBeInTheDocument();
  });
});

describe('TimelineChart', () => {
  it('draws each dated item as a link named with its forecast, and ghosts when asked', () => {
    const items = [slipped, item({ id: 'r2', title: 'Undated' })];
    const layout = layoutTimeline(items, [Date.UTC(2026, 8, 1), Date.UTC(2027, 0, 1)], 800, Date.UTC(2026, 9, 15), true);
    render(TimelineChart, { layout, labels: new Map([['r1', 'Hybrid retrieval, in Now']]), hrefOf: (id: string) => `#/r/${id}`, openId: 'r1' });
    const band = screen.getByRole('link', { name: 'Hybrid retrieval, in Now' });
    expect(band).toHaveAttribute('href', '#/r/r1');
    expect(band.querySelector('rect.band')).toHaveClass('look-hatched');
    expect(band).toHaveClass('open');
    expect(document.querySelector('path.ghost')).toHaveAttribute('data-ghosts', '1');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('Today')).toBeInTheDocument();
  });
});
