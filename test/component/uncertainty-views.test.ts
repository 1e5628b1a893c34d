import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTER } from '../../renderer/src/domain/uncertainty/filters';
import { DEFAULT_ITEM_SORT } from '../../renderer/src/domain/uncertainty/list-sort';
import type { Layer, UncertaintyItem } from '../../renderer/src/domain/uncertainty/model';
import { preference } from '../../renderer/src/state/preferences.svelte';
import FastCapture from '../../renderer/src/views/uncertainty/FastCapture.svelte';
import FilterBar from '../../renderer/src/views/uncertainty/FilterBar.svelte';
import ItemList from '../../renderer/src/views/uncertainty/ItemList.svelte';
import { makeItem } from '../unit/domain/uncertainty/items-factory';

const layers: Layer[] = [
  { id: 'L1', programId: 'p', name: 'Data', description: '', color: '#f28e2b', order: 0 },
  { id: 'L2', programId: 'p', name: 'Model behaviour', description: '', color: '#e15759', order: 1 },
];
const layerById = new Map(layers.map((l) => [l.id, l]));
const now = new Date(2026, 10, 24).getTime();

const item = (title: string, extra: Partial<UncertaintyItem> = {}) =>
  makeItem({ id: title, programId: 'p', layerId: 'L1', title, kind: 'risk', createdAt: now, updatedAt: now, ...extra });

describe('FastCapture', () => {
  it('adds the typed title with the chosen layer and kind, and clears for the next one', async () => {
    const onadd = vi.fn().mockResolvedValue(true);
    render(FastCapture, { layers, layerId: 'L2', kind: 'unknown', onadd, onclose: vi.fn() });
    const input = screen.getByRole('textbox', { name: 'New item title' });
    expect(screen.getByRole('combobox', { name: 'Layer for new items' })).toHaveValue('L2');
    await fireEvent.input(input, { target: { value: 'Users trust answers' } });
    await fireEvent.submit(input.closest('form')!);
    expect(onadd).toHaveBeenCalledWith(['Users trust answers'], 'L2', 'unknown');
    await vi.waitFor(() => expect(input).toHaveValue(''));
  });

  it('turns a multi-line paste into one item per line', async () => {
    const onadd = vi.fn().mockResolvedValue(true);
    render(FastCapture, { layers, layerId: 'L1', kind: 'risk', onadd, onclose: vi.fn() });
    const input = screen.getByRole('textbox', { name: 'New item title' });
    const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
    event.clipboardData = { getData: () => '- one\n- two\n\n3. three' };
    input.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onadd).toHaveBeenCalledWith(['one', 'two', 'three'], 'L1', 'risk');
  });

  it('closes on Escape', async () => {
    const onclose = vi.fn();
    render(FastCapture, { layers, layerId: 'L1', kind: 'risk', onadd: vi.fn(), onclose });
    await fireEvent.keyDown(screen.getByRole('textbox', { name: 'New item title' }), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledOnce();
  });
});

describe('ItemList', () => {
  const items = [
    item('Bravo', { impact: 2, layerId: 'L2' }),
    item('Alpha', { impact: 5 }),
    item('Charlie', { impact: 4, reviewDate: '2020-01-01' }),
  ];
  const numbers = new Map(items.map((i, n) => [i.id, n + 1]));

  it('sorts by impact first, then by any column header, and shows stale items', async () => {
    render(ItemList, { items, layerById, numbers, selectedId: undefined, now, staleAfterDays: 30, sort: preference(`keel.test.sort.${crypto.randomUUID()}`, () => undefined, DEFAULT_ITEM_SORT), onselect: vi.fn() });
    const rows = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]!.textContent?.trim());
    expect(rows()).toEqual(['Alpha', 'Charlie stale', 'Bravo']);
    // Each row gives the item's number on the map.
    expect(screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['2', '3', '1']);
    await fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    expect(rows()).toEqual(['Alpha', 'Bravo', 'Charlie stale']);
    expect(screen.getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'ascending');
    await fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    expect(rows()).toEqual(['Charlie stale', 'Bravo', 'Alpha']);
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const onselect = vi.fn();
    render(ItemList, { items, layerById, numbers, selectedId: undefined, now, staleAfterDays: 30, sort: preference(`keel.test.sort.${crypto.randomUUID()}`, () => undefined, DEFAULT_ITEM_SORT), onselect });
    const [first, second] = screen.getAllByRole('row').slice(1);
    first!.focus();
    await fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    await fireEvent.keyDown(second!, { key: 'Enter' });
    expect(onselect).toHaveBeenCalledWith('Charlie');
  });
});

describe('FilterBar', () => {
  it('toggles facet values and clears them', async () => {
    render(FilterBar, {
      filter: { ...EMPTY_FILTER },
      layers,
      owners: ['Sam'],
      tags: ['cost'],
      shown: 3,
      total: 3,
      staleCount: 1,
      staleAfterDays: 30,
      onstalerule: vi.fn(),
    });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Model behaviour' }));
    expect(screen.getByText('Layer (1)')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.queryByText('Layer (1)')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('3 items');
  });
});
