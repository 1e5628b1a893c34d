import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ITEM_IMPORT, type ImportedItem } from '../../renderer/src/domain/uncertainty/csv-rows';
import type { Layer } from '../../renderer/src/domain/uncertainty/model';
import type { CsvDraft } from '../../renderer/src/state/csv-import.svelte';
import { importMapping } from '../../renderer/src/state/csv-import.svelte';
import CsvImportDialog from '../../renderer/src/views/csv-import/CsvImportDialog.svelte';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

beforeEach(() => {
  localStorage.clear();
  importMapping('uncertainty').reload();
});

const LAYERS: Layer[] = [
  { id: 'L1', programId: 'p', name: 'Data', description: '', color: '#336699', order: 0 },
  { id: 'L2', programId: 'p', name: 'Model', description: '', color: '#993366', order: 1 },
];

function open(text: string) {
  const onimport = vi.fn(async (records: ImportedItem[], fileName: string) => {
    void records;
    void fileName;
    return true;
  });
  const draft = { text, fileName: 'risks.csv', set: vi.fn((value: CsvDraft) => void value) };
  // Wrapped in props: "context" would otherwise be read as Svelte's own mount option.
  render(CsvImportDialog<string, ImportedItem, { layers: Layer[]; defaultLayerId: string }>, {
    props: {
    open: true,
    id: 'import-items',
    title: 'Import uncertainty items from CSV',
    intro: 'Paste rows.',
    sample: 'Title',
    kind: ITEM_IMPORT,
    context: { layers: LAYERS, defaultLayerId: 'L1' },
    mapping: importMapping('uncertainty'),
    draft,
    onimport,
    onclose: vi.fn(),
    },
  });
  return { onimport, draft, dialog: within(screen.getByRole('dialog', { hidden: true })) };
}

describe('CsvImportDialog', () => {
  it('keeps Import off until a column holds the title, then offers the rows without problems', async () => {
    const { dialog } = open('Risk,Layer,Impact\nVendor lock-in,Model,4\nDrift,Nowhere,2\nCost,Data,9');
    expect(dialog.getByText('Choose the column that holds the title: every item needs one.')).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Import 0 items', hidden: true })).toBeDisabled();
    // No problems are listed while nothing can be read.
    expect(dialog.queryByRole('list', { name: 'Rows with problems', hidden: true })).toBeNull();

    await fireEvent.change(dialog.getByRole('combobox', { name: 'Risk', hidden: true }), { target: { value: 'title' } });
    expect(dialog.queryByText(/Choose the column that holds the title/)).toBeNull();
    expect(dialog.getByRole('button', { name: 'Import 1 item, skip 2 rows', hidden: true })).toBeEnabled();
    const problems = dialog.getByRole('list', { name: 'Rows with problems', hidden: true });
    expect(problems).toHaveTextContent('Row 3: The layer "Nowhere" is not a layer of this map.');
    expect(problems).toHaveTextContent('Row 4: The impact "9" is not a number from 1 to 5.');
    expect(dialog.getByRole('heading', { name: '1 item ready, 2 rows with problems will be skipped', hidden: true })).toBeInTheDocument();
    // The choice is remembered by header name for the next import.
    expect(JSON.parse(localStorage.getItem('keel.csv-import.mapping.uncertainty')!)).toMatchObject({ risk: 'title', layer: 'layer', impact: 'impact' });
  });

  it('gives a field to one column: choosing it elsewhere ignores the first', async () => {
    const { dialog } = open('Title,Name\nA,B');
    const title = dialog.getByRole('combobox', { name: 'Title', hidden: true });
    const name = dialog.getByRole('combobox', { name: 'Name', hidden: true });
    expect(title).toHaveValue('title');
    expect(name).toHaveValue('');
    await fireEvent.change(name, { target: { value: 'title' } });
    expect(title).toHaveValue('');
    expect(name).toHaveValue('title');
    expect(within(dialog.getByRole('region', { name: 'Preview of the first 1 row', hidden: true })).getByRole('cell', { name: 'B', hidden: true })).toBeInTheDocument();
  });

  it('imports only the good rows, with the file they came from', async () => {
    const { dialog, onimport } = open('Title,Layer\nA,Model\n,Data\nB,');
    await fireEvent.click(dialog.getByRole('button', { name: 'Import 2 items, skip 1 row', hidden: true }));
    await vi.waitFor(() => expect(onimport).toHaveBeenCalledOnce());
    const [records, fileName] = onimport.mock.calls[0]!;
    expect(records.map((r) => [r.title, r.layerId])).toEqual([
      ['A', 'L2'],
      ['B', 'L1'],
    ]);
    expect(fileName).toBe('risks.csv');
  });

  it('keeps what is typed as the draft', async () => {
    const { dialog, draft } = open('');
    await fireEvent.input(dialog.getByRole('textbox', { name: 'Rows', hidden: true }), { target: { value: 'Title\nX' } });
    expect(draft.set).toHaveBeenLastCalledWith({ text: 'Title\nX', fileName: '' });
    expect(dialog.getByRole('button', { name: 'Import 1 item', hidden: true })).toBeEnabled();
  });
});
