import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft, type Metric } from '../../renderer/src/domain/metrics/model';
import type { Program } from '../../renderer/src/domain/program';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import CsvExport from '../../renderer/src/views/export/CsvExport.svelte';
import DocumentExport from '../../renderer/src/views/export/DocumentExport.svelte';

// The text formats' views: empty states from what the program holds, what an OpenSLO save left
// out, and the remembered table. Saving goes through a fake Electron bridge that keeps the files.

let services: Services;
let program: Program;
let saved: { kind: string; suggestedName: string }[];

function metric(name: string, target: number | null): Metric {
  const draft = emptyMetricDraft(name);
  return { ...draft, id: `m-${name}`, programId: program.id, target: { value: target, high: null, by: '' }, version: 1, signoffs: [], versions: [], readings: [], createdAt: 1, updatedAt: 1 };
}

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-text-export-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Pilot' });
  saved = [];
  window.keel = {
    saveFile: async (request: { kind: string; suggestedName: string }) => {
      saved.push(request);
      return { status: 'saved', fileName: request.suggestedName };
    },
  } as unknown as typeof window.keel;
});

afterEach(() => {
  window.keel = undefined;
  services.db.close();
});

describe('DocumentExport', () => {
  it('says plainly when there is nothing to export, and offers no save of nothing', async () => {
    render(DocumentExport, { props: { program }, context: servicesContext(services) });
    expect(await screen.findByText('No decisions yet: nothing to export.')).toBeInTheDocument();
    expect(screen.getByText('No shared metrics yet: nothing to export.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save decision records…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save OpenSLO…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save Markdown summary…' })).toBeEnabled();
    expect(screen.getByText(/Saved as a \.md file\./)).toBeInTheDocument();
  });

  it('names the metrics an OpenSLO save left out', async () => {
    await services.db.metrics.bulkAdd([metric('Latency', 800), metric('Cost', null), metric('Tone', null)]);
    render(DocumentExport, { props: { program }, context: servicesContext(services) });
    const button = screen.getByRole('button', { name: 'Save OpenSLO…' });
    await waitFor(() => expect(button).toBeEnabled());
    await fireEvent.click(button);
    const outcome = await screen.findByRole('status');
    expect(outcome).toHaveTextContent('1 metric included. 2 metrics had no objective: Cost, Tone.');
    expect(saved).toEqual([expect.objectContaining({ kind: 'yaml', suggestedName: 'Pilot - openslo.yaml' })]);
  });
});

describe('CsvExport', () => {
  it('remembers the chosen table and says when it is empty', async () => {
    const { unmount } = render(CsvExport, { props: { program }, context: servicesContext(services) });
    const chooser = screen.getByRole('combobox', { name: 'Table' });
    expect(chooser).toHaveValue('uncertainties');
    expect(await screen.findByText('No uncertainty items yet: the file will hold only the header row.')).toBeInTheDocument();
    await fireEvent.change(chooser, { target: { value: 'actions' } });
    expect(await screen.findByText('No actions yet: the file will hold only the header row.')).toBeInTheDocument();
    unmount();

    render(CsvExport, { props: { program }, context: servicesContext(services) });
    expect(screen.getByRole('combobox', { name: 'Table' })).toHaveValue('actions');
    await fireEvent.click(screen.getByRole('button', { name: 'Save CSV…' }));
    await waitFor(() => expect(saved).toEqual([expect.objectContaining({ kind: 'csv', suggestedName: 'Pilot - actions.csv' })]));
  });
});
