import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reading } from '../../renderer/src/domain/metrics/model';
import type { ChartMetric } from '../../renderer/src/charts/metric-chart';
import MetricChart from '../../renderer/src/views/metrics/MetricChart.svelte';
import { formatDay } from '../../renderer/src/domain/time';

/** A day as the chart writes it, in the language the tests run in. */
const day = (y: number, m: number, d: number) => formatDay(Date.UTC(y, m - 1, d), true);

// jsdom has no ResizeObserver, which bind:clientWidth uses; the chart then falls back to 560 px.
beforeAll(() => {
  if (!('ResizeObserver' in globalThis)) {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  }
});

const reading = (date: string, value: number, note = ''): Reading => ({ id: date, date, value, note });

const metric = (extra: Partial<ChartMetric> = {}): ChartMetric => ({
  name: 'Task success rate',
  unit: '%',
  direction: 'higher',
  baseline: { value: 85, date: '2026-02-15' },
  target: { value: 95, high: null, by: '' },
  guardrail: { op: 'gte', value: 90 },
  readings: [
    reading('2026-03-01', 92),
    reading('2026-03-15', 88.5, 'Retriever outage'),
    reading('2026-04-01', 93),
    reading('2026-05-20', 91.2),
  ],
  ...extra,
});

const chart = () => screen.getByRole('img');

describe('MetricChart', () => {
  it('draws one dot per reading and marks the ones that breach the guardrail', () => {
    const { container } = render(MetricChart, { metric: metric() });
    const dots = container.querySelectorAll('.dot');
    expect(dots).toHaveLength(4);
    const breached = container.querySelectorAll('.dot[data-breached="true"]');
    expect(breached).toHaveLength(1);
    expect(breached[0]).toHaveClass('breached');
    // A different shape, not only a different colour.
    expect(breached[0]!.tagName.toLowerCase()).toBe('path');
    expect(breached[0]!.querySelector('title')?.textContent).toContain(`${day(2026, 3, 15)}: 88.5%`);
    expect(breached[0]!.querySelector('title')?.textContent).toContain('Retriever outage');
    expect(container.querySelector('.readings-line')).not.toBeNull();
  });

  it('shades the guardrail band below the value for ≥ and above it for ≤', () => {
    const { container, unmount } = render(MetricChart, { metric: metric() });
    const below = container.querySelector('.guardrail-band')!;
    expect(below).toHaveAttribute('data-side', 'below');
    const plotHeight = Number(container.querySelector('.plot-frame')!.getAttribute('height'));
    expect(Number(below.getAttribute('y')) + Number(below.getAttribute('height'))).toBeCloseTo(plotHeight);
    expect(screen.getByText('Guardrail ≥ 90%')).toBeInTheDocument();
    unmount();

    const lower = metric({ direction: 'lower', unit: 'ms', guardrail: { op: 'lte', value: 800 }, readings: [reading('2026-03-01', 700), reading('2026-03-02', 900)], baseline: { value: null, date: '' }, target: { value: 600, high: null, by: '' } });
    const again = render(MetricChart, { metric: lower });
    const above = again.container.querySelector('.guardrail-band')!;
    expect(above).toHaveAttribute('data-side', 'above');
    expect(above).toHaveAttribute('y', '0');
    expect(screen.getByText('Guardrail ≤ 800 ms')).toBeInTheDocument();
    expect(again.container.querySelectorAll('.dot.breached')).toHaveLength(1);
  });

  it('draws the target, a target range and the baseline with their labels', () => {
    const { container, unmount } = render(MetricChart, { metric: metric() });
    expect(container.querySelector('.target-line')).not.toBeNull();
    expect(container.querySelector('.baseline-line')).not.toBeNull();
    expect(screen.getByText('Target')).toBeInTheDocument();
    expect(screen.getByText('Baseline')).toBeInTheDocument();
    unmount();

    const range = render(MetricChart, { metric: metric({ direction: 'range', target: { value: 90, high: 95, by: '' } }) });
    expect(range.container.querySelector('.target-band')).not.toBeNull();
    expect(screen.getByText('Target range')).toBeInTheDocument();
  });

  it('shows the frame, the references and a message when there are no readings', () => {
    const { container } = render(MetricChart, { metric: metric({ readings: [] }), height: 200 });
    expect(screen.getByText('No readings yet')).toBeInTheDocument();
    expect(container.querySelectorAll('.dot')).toHaveLength(0);
    expect(container.querySelector('.plot-frame')).not.toBeNull();
    expect(container.querySelector('.guardrail-band')).not.toBeNull();
    // As tall as asked: the drawing scales with the width, in the chart's own proportions.
    expect(chart().getAttribute('viewBox')).toMatch(/^0 0 \d+ 200$/);
    expect(chart()).toHaveAccessibleName(`Task success rate: no readings yet. Target ≥ 95%. Guardrail ≥ 90%. Baseline 85% on ${day(2026, 2, 15)}.`);
  });

  it('summarises the chart in its accessible name, with the latest value', () => {
    render(MetricChart, { metric: metric() });
    expect(chart().getAttribute('aria-label')).toContain(`4 readings from ${day(2026, 3, 1)} to ${day(2026, 5, 20)}, latest 91.2%`);
    expect(chart().getAttribute('aria-label')).toContain('Target ≥ 95%. Guardrail ≥ 90%.');
    // Laid out at 560 px when the container has no measured width, as in jsdom.
    expect(chart()).toHaveAttribute('viewBox', '0 0 560 240');
  });
});
