import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';
import { importSnapshot } from '../../../renderer/src/storage/transfer';
import type { Services } from '../../../renderer/src/state/services';
import { csvTablePreference, TextExport } from '../../../renderer/src/state/text-export.svelte';
import { clearToasts, freshServices, toastTexts } from './harness.svelte';

// What the Export & share area's text formats do with a stored program: read it, write the file
// and save it through the platform (a fake Electron bridge here, which keeps what it was given).

interface Saved {
  kind: string;
  suggestedName: string;
  data: string | Uint8Array;
}

// From the project's root: under jsdom, import.meta.url is not a file URL.
const FIXTURE = resolve(process.cwd(), 'test/fixtures/format-v7/support-assistant-workshop.keel.json');

let services: Services;
let program: Program;
let saved: Saved[];

beforeEach(async () => {
  clearToasts();
  localStorage.clear();
  services = await freshServices();
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('fixture did not parse');
  program = await importSnapshot(services.editor, parsed.snapshot);
  saved = [];
  window.keel = {
    saveFile: async (request: Saved) => {
      saved.push(request);
      return { status: 'saved', fileName: request.suggestedName };
    },
  } as unknown as typeof window.keel;
});

afterEach(() => {
  window.keel = undefined;
  services.db.close();
});

const exporter = () => new TextExport(() => program, services);

describe('TextExport', () => {
  it('counts what each export would hold', async () => {
    const e = exporter();
    await e.refresh();
    expect(e.problem).toBeUndefined();
    expect(e.counts).toMatchObject({ decisions: 3, metrics: 4, tables: { uncertainties: 7, readings: 8, decisions: 3, roadmap: 7 } });
  });

  it('saves one table as CSV and says how many rows', async () => {
    const result = await exporter().saveCsv('roadmap');
    expect(result).toEqual({ ok: true, value: 'Support assistant - roadmap.csv' });
    expect(saved[0]).toMatchObject({ kind: 'csv', suggestedName: 'Support assistant - roadmap.csv' });
    expect(String(saved[0]!.data)).toMatch(/^\uFEFFId,Title,Horizon,/);
    expect(toastTexts()).toContain('success: Saved 7 rows of roadmap items to Support assistant - roadmap.csv.');
  });

  it('saves every table in one zip', async () => {
    await exporter().saveAllCsv();
    expect(saved[0]!.kind).toBe('zip');
    expect(Object.keys(unzipSync(saved[0]!.data as Uint8Array))).toHaveLength(8);
  });

  it('saves the summary with its decision records as a zip, and a program without decisions as a .md', async () => {
    await exporter().saveMarkdown();
    expect(saved[0]).toMatchObject({ kind: 'zip', suggestedName: 'Support assistant - summary.zip' });
    const files = unzipSync(saved[0]!.data as Uint8Array);
    expect(strFromU8(files['README.md']!)).toContain('## Decision log');
    expect(toastTexts()).toContain('success: Saved the summary and 3 decision records in Support assistant - summary.zip.');

    await services.db.decisions.clear();
    await exporter().saveMarkdown();
    expect(saved[1]).toMatchObject({ kind: 'markdown', suggestedName: 'Support assistant.md' });
  });

  it('saves one decision record as .md, several as a zip, none not at all', async () => {
    await exporter().saveDecisions();
    expect(saved[0]).toMatchObject({ kind: 'zip', suggestedName: 'Support assistant - decisions.zip' });
    const [keep] = await services.db.decisions.where({ programId: program.id }).sortBy('number');
    await services.db.decisions.where('id').notEqual(keep!.id).delete();
    await exporter().saveDecisions();
    expect(saved[1]).toMatchObject({ kind: 'markdown', suggestedName: '0001-which-retrieval-upgrade-ships-next-quarter-cross-encoder-re.md' });
    await services.db.decisions.clear();
    const e = exporter();
    expect(await e.saveDecisions()).toEqual({ ok: false, message: 'No decisions yet: nothing to export.' });
    expect(saved).toHaveLength(2);
    expect(e.counts?.decisions).toBe(0);
  });

  it('saves OpenSLO and names the metrics left out for want of a target', async () => {
    const latency = (await services.db.metrics.toArray()).find((m) => m.name === 'p95 latency (end to end)')!;
    await services.db.metrics.put({ ...latency, target: { value: null, high: null, by: '' } });
    const e = exporter();
    await e.saveOpenSlo();
    expect(saved[0]).toMatchObject({ kind: 'yaml', suggestedName: 'Support assistant - openslo.yaml' });
    expect(e.openSlo).toEqual({ included: 3, leftOut: ['p95 latency (end to end)'] });
    expect(toastTexts()).toContain('success: Saved 3 metrics as OpenSLO to Support assistant - openslo.yaml.');
  });

  it('says so when no metric has a target, and saves nothing', async () => {
    const metrics = await services.db.metrics.toArray();
    await services.db.metrics.bulkPut(metrics.map((m) => ({ ...m, target: { value: null, high: null, by: '' } })));
    const result = await exporter().saveOpenSlo();
    expect(result).toEqual({ ok: false, message: 'No metric has a target yet: give a metric a target to export it as an SLO.' });
    expect(saved).toEqual([]);
  });

  it('remembers the chosen table, and falls back from what it cannot read', () => {
    csvTablePreference.set('actions');
    expect(JSON.parse(localStorage.getItem('keel.export.csvTable')!)).toBe('actions');
    localStorage.setItem('keel.export.csvTable', JSON.stringify('passwords'));
    csvTablePreference.reload();
    expect(csvTablePreference.value).toBe('uncertainties');
  });
});
