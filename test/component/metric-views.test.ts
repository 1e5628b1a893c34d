import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withSignoff } from '../../renderer/src/domain/metrics/agreement';
import { applyMetricPatch } from '../../renderer/src/domain/metrics/versions';
import { formDraft, wholeText } from '../../renderer/src/state/preferences.svelte';
import ReadingsImportDialog from '../../renderer/src/views/metrics/ReadingsImportDialog.svelte';
import VersionHistory from '../../renderer/src/views/metrics/VersionHistory.svelte';
import { fn, metric } from '../unit/domain/metrics/factories';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('VersionHistory', () => {
  it('says when there is only the first version', () => {
    render(VersionHistory, { metric: metric() });
    expect(screen.getByText(/This is the first version/)).toBeInTheDocument();
  });

  it('lists earlier versions, newest first, with what changed and who signed', () => {
    const eng = fn('e', 'Engineering');
    const prod = fn('p', 'Product');
    let m = metric({ unit: '%', target: { value: 85, high: null, by: '' } });
    m = { ...m, signoffs: withSignoff([], eng, 'agree', { reason: '', by: 'Ana', at: Date.UTC(2026, 8, 1) }) };
    m = applyMetricPatch(m, { target: { value: 90, high: null, by: '' } }, Date.UTC(2026, 8, 2)).metric;
    m = { ...m, signoffs: withSignoff([], prod, 'object', { reason: 'Too strict', by: 'Bo', at: Date.UTC(2026, 8, 3) }) };
    m = applyMetricPatch(m, { guardrail: { op: 'gte', value: 75 } }, Date.UTC(2026, 8, 4)).metric;
    render(VersionHistory, { metric: m });

    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Version 2/);
    expect(headings[1]).toMatch(/^Version 1/);
    const v1 = screen.getByRole('table', { name: 'Changes from version 1 to 2' });
    expect(within(v1).getByRole('row', { name: /Target/ })).toHaveTextContent('≥ 85%≥ 90%');
    const v2 = screen.getByRole('table', { name: 'Changes from version 2 to 3' });
    expect(within(v2).getByRole('row', { name: /Guardrail/ })).toHaveTextContent('No guardrailMust stay ≥ 75%');
    expect(screen.getByText(/objects \(Bo\), .*“Too strict”/)).toBeInTheDocument();
    expect(screen.getByText(/agrees \(Ana\)/)).toBeInTheDocument();
  });
});

describe('ReadingsImportDialog', () => {
  it('counts good rows, lists bad ones, skips recorded dates unless asked, and adds what is ready', async () => {
    const onadd = vi.fn(async () => true);
    const onclose = vi.fn();
    const draft = formDraft('readings', 'm1', wholeText(10_000), '');
    render(ReadingsImportDialog, { open: true, draft, unit: '%', recordedDates: ['2026-03-01'], onadd, onclose });
    const rows = screen.getByRole('textbox', { name: 'Rows' });
    await fireEvent.input(rows, { target: { value: 'date,value\n2026-03-01,90\n2026-03-02,91\nsoon,92' } });
    // What is pasted is kept on this computer until it is added.
    expect(JSON.parse(localStorage.getItem('keel.readings-draft.m1')!)).toBe('date,value\n2026-03-01,90\n2026-03-02,91\nsoon,92');

    expect(screen.getByText(/1 reading ready/)).toBeInTheDocument();
    expect(screen.getByText(/Row 4:/)).toBeInTheDocument();
    const skip = screen.getByRole('checkbox', { name: 'Skip 1 row on dates that already have a reading' });
    expect(skip).toBeChecked();
    await fireEvent.click(skip);
    expect(screen.getByRole('button', { name: 'Add 2 readings' })).toBeEnabled();

    await fireEvent.click(screen.getByRole('button', { name: 'Add 2 readings' }));
    await vi.waitFor(() => expect(onadd).toHaveBeenCalledWith([
      { date: '2026-03-01', value: 90, note: '' },
      { date: '2026-03-02', value: 91, note: '' },
    ]));
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
  });
});
