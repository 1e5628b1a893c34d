import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { CSV_DRAFT_MAX, CsvImportDraft, CsvImportState, importMapping } from '../../../renderer/src/state/csv-import.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { until, mounted, runToastAction, toastTexts, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let importer: CsvImportState;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  importer = new CsvImportState(() => program, services);
});

afterEach(() => services.db.close());

const itemCount = () => services.db.uncertaintyItems.where({ programId: program.id }).count();

describe('CsvImportState', () => {
  it('imports items in one write, says so with Undo that removes them all, and forgets the draft', async () => {
    const layers = await services.db.layers.where({ programId: program.id }).sortBy('order');
    const draft = new CsvImportDraft('uncertainty', program.id);
    draft.set({ text: 'Title\nA\nB', fileName: 'items.csv' });
    const row = (title: string) => ({
      title, layerId: layers[0]!.id, kind: 'risk' as const, impact: 4, uncertainty: 2, status: 'open' as const,
      ownerPerson: '', ownerFunction: '', description: '', nextStep: '', tags: [], reviewDate: '',
    });
    const done = await importer.importItems([row('A'), row('B')], 'items.csv');
    expect(done.ok).toBe(true);
    expect(await itemCount()).toBe(2);
    expect(toastTexts()).toEqual(['success: Imported 2 items from items.csv.']);
    expect(new CsvImportDraft('uncertainty', program.id).text).toBe('');
    runToastAction('Undo');
    await until(() => toastTexts().includes('info: Undid: Import 2 uncertainty items from items.csv.'));
    expect(await itemCount()).toBe(0);
  });

  it('keeps the draft and says why when the write is refused', async () => {
    const draft = new CsvImportDraft('roadmap', program.id);
    draft.set({ text: 'Title\n', fileName: '' });
    const done = await importer.importRoadmapItems([], '');
    expect(done).toEqual({ ok: false, message: 'There is nothing to import.' });
    expect(toastTexts()).toEqual(['error: There is nothing to import.']);
    expect(draft.text).toBe('Title\n');
  });

  it('keeps a draft per kind and program across a reload, but not one too large to keep', () => {
    new CsvImportDraft('roadmap', program.id).set({ text: 'Title\nA', fileName: 'plan.csv' });
    expect(JSON.parse(localStorage.getItem(`keel.csv-import-roadmap-draft.${program.id}`)!)).toEqual({ text: 'Title\nA', fileName: 'plan.csv' });
    expect(new CsvImportDraft('uncertainty', program.id).text).toBe('');
    const big = new CsvImportDraft('roadmap', program.id);
    big.set({ text: 'x'.repeat(CSV_DRAFT_MAX + 1), fileName: 'big.csv' });
    expect(localStorage.getItem(`keel.csv-import-roadmap-draft.${program.id}`)).toBeNull();
    expect(big.text).toBe('');
  });

  it('remembers the mapping per kind, and reads back only what a mapping can hold', () => {
    const { value: mapping, destroy } = mounted(() => importMapping('uncertainty'));
    mapping.set({ 'risk name': 'title', colour: null });
    expect(JSON.parse(localStorage.getItem('keel.csv-import.mapping.uncertainty')!)).toEqual({ 'risk name': 'title', colour: null });
    expect(importMapping('roadmap').value).toEqual({});
    localStorage.setItem('keel.csv-import.mapping.roadmap', JSON.stringify({ title: 'title', __proto__x: 'a', n: 5, ok: null }));
    importMapping('roadmap').reload();
    expect(importMapping('roadmap').value).toEqual({ title: 'title', ok: null });
    destroy();
  });
});
