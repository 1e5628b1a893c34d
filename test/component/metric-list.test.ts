import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { withSignoff } from '../../renderer/src/domain/metrics/agreement';
import { metricRows } from '../../renderer/src/domain/metrics/rows';
import MetricList from '../../renderer/src/views/metrics/MetricList.svelte';
import { fn, metric, readings } from '../unit/domain/metrics/factories';

const functions = [fn('e', 'Engineering'), fn('p', 'Product', true, 1)];
// On 2026-06-01 with a 30-day rule, as MetricsState computes its rows.
const rowsOf = (...metrics: Parameters<typeof metricRows>[0]) => metricRows(metrics, functions, Date.UTC(2026, 5, 1), 30);

describe('MetricList', () => {
  it('shows each metric with owner, agreement, latest reading, target, guardrail and status', () => {
    const breached = metric({
      name: 'Task success rate',
      unit: '%',
      ownerFunctionId: 'p',
      target: { value: 90, high: null, by: '' },
      guardrail: { op: 'gte', value: 75 },
      readings: readings([80, 72]),
      signoffs: withSignoff([], functions[0]!, 'agree', { reason: '', by: 'Ana', at: 1 }),
    });
    const unowned = metric({ name: 'Cost per task', category: 'custom', customCategory: 'Unit economics' });
    render(MetricList, { rows: rowsOf(breached, unowned), functions, hrefOf: (id: string) => `#/m/${id}` });

    const [first, second] = screen.getAllByRole('row').slice(1);
    expect(within(first!).getByRole('link', { name: 'Task success rate' })).toHaveAttribute('href', `#/m/${breached.id}`);
    expect(first).toHaveTextContent('Product');
    expect(first).toHaveTextContent('1 of 2 agreed');
    expect(first).toHaveTextContent('72%');
    expect(first).toHaveTextContent('≥ 90%');
    expect(first).toHaveTextContent('≥ 75%');
    expect(first).toHaveTextContent('Guardrail breached');
    // The last reading (2026-03-02) is far older than the 30-day rule on 2026-06-01.
    expect(first).toHaveTextContent('2026-03-02 · stale');
    expect(second).toHaveTextContent('Unit economics');
    expect(second).toHaveTextContent('No owner');
    expect(second).toHaveTextContent('No data');
    expect(second).toHaveTextContent('No target');
  });
});
