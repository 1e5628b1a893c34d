// Saving a program as text files other tools read: CSV tables (one, or all in a zip), a Markdown
// summary with its MADR decision records, and OpenSLO YAML. Views call this; it reads the program
// (state/program-records.ts), runs the pure writers in io/ (loaded on the first save, to keep them
// out of the start-up bundle) and saves through saveWithReport.
import type { Program } from '../domain/program';
import { programRecords, type ProgramRecords } from '../domain/program-records';
import { plural } from '../domain/words';
import { CSV_TABLES, CSV_TABLE_LABELS, tableRowCounts, type CsvTable } from '../io/csv-table-names';
import { safeFileStem } from '../io/file-names';
import { snapshotForExport } from '../storage/transfer';
import { readProgramRecords } from './program-records';
import { oneOf, preference } from './preferences.svelte';
import { PART_NOT_LOADED, settle, type Result } from './result';
import { saveWithReport } from './save-file';
import { useServices, type Services } from './services';
import { toasts } from './toasts.svelte';

/** The table the CSV chooser shows, remembered on this computer. */
export const csvTablePreference = preference<CsvTable>('keel.export.csvTable', oneOf(CSV_TABLES), 'uncertainties');

/** How many records each export would hold, for the empty states. */
export interface ExportCounts {
  decisions: number;
  metrics: number;
  tables: Record<CsvTable, number>;
}

/** What an OpenSLO save wrote and left out, shown under its button. */
export interface OpenSloOutcome {
  included: number;
  leftOut: string[];
}

function failed(message: string): Result<never> {
  toasts.show(message, 'error');
  return { ok: false, message };
}

type Writers = typeof import('../io/text-formats');

/** The writers, loaded on the first save; undefined when that part of Keel could not be loaded. */
async function writers(): Promise<Writers | undefined> {
  try {
    return await import('../io/text-formats');
  } catch {
    return undefined;
  }
}

function countsOf(r: ProgramRecords): ExportCounts {
  return { decisions: r.decisions.length, metrics: r.metrics.length, tables: tableRowCounts(r) };
}

export class TextExport {
  /** What the program holds now; undefined until read (or when the read failed: `problem`). */
  counts = $state<ExportCounts | undefined>(undefined);
  problem = $state<string | undefined>(undefined);
  openSlo = $state<OpenSloOutcome | undefined>(undefined);
  busy = $state(false);

  constructor(
    private readonly program: () => Program,
    private readonly services: Services = useServices(),
  ) {}

  /** Reads what the program holds, for the empty states; a failure shows in place, not as zero. */
  async refresh(): Promise<void> {
    const read = await settle(() => snapshotForExport(this.services.editor, this.program().id));
    if (!read.ok) {
      this.problem = read.message;
      return;
    }
    this.problem = read.value ? undefined : 'That program no longer exists.';
    this.counts = read.value ? countsOf(programRecords(read.value)) : undefined;
  }

  /** Reads the program afresh, runs `write` and saves what it made; the counts follow what was read. */
  private async save(what: string, write: (records: ProgramRecords, at: Date) => Promise<Result<string> | undefined>): Promise<Result<string> | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    try {
      const read = await readProgramRecords(this.services, this.program().id, `read "${this.program().name}" to save ${what}`);
      if (!read.ok) return read;
      this.counts = countsOf(read.value);
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the export's date, not state
      return await write(read.value, new Date());
    } finally {
      this.busy = false;
    }
  }

  private get stem(): string {
    return safeFileStem(this.program().name);
  }

  /** One table as CSV. */
  saveCsv(table: CsvTable): Promise<Result<string> | undefined> {
    return this.save(`the ${CSV_TABLE_LABELS[table].toLowerCase()}`, async (records) => {
      const csv = await writers();
      if (!csv) return failed(PART_NOT_LOADED);
      const rows = tableRowCounts(records)[table];
      return saveWithReport('csv', csv.csvFileName(this.program().name, table), csv.csvFile(records, table),
        (file) => `Saved ${plural(rows, 'row')} of ${CSV_TABLE_LABELS[table].toLowerCase()} to ${file}.`);
    });
  }

  /** Every table, one CSV each, in one zip. */
  saveAllCsv(): Promise<Result<string> | undefined> {
    return this.save('every table', async (records, at) => {
      const w = await writers();
      if (!w) return failed(PART_NOT_LOADED);
      return saveWithReport('zip', `${this.stem} - tables.zip`, w.zipTextFiles(w.csvFiles(records), at),
        (file) => `Saved ${plural(CSV_TABLES.length, 'table')} as CSV in ${file}.`);
    });
  }

  /** The summary: a .md alone, or a zip with the decision records it links to. */
  saveMarkdown(): Promise<Result<string> | undefined> {
    return this.save('a Markdown summary', async (records, at) => {
      const w = await writers();
      if (!w) return failed(PART_NOT_LOADED);
      const summary = w.markdownSummary(records, at);
      if (!records.decisions.length) return saveWithReport('markdown', `${this.stem}.md`, summary, (file) => `Saved the summary as ${file}.`);
      const files = { [w.SUMMARY_FILE]: summary, ...w.madrFiles(records) };
      return saveWithReport('zip', `${this.stem} - summary.zip`, w.zipTextFiles(files, at),
        (file) => `Saved the summary and ${plural(records.decisions.length, 'decision record')} in ${file}.`);
    });
  }

  /** The decision records as MADR files: one .md, or several in a zip. */
  saveDecisions(): Promise<Result<string> | undefined> {
    return this.save('the decision records', async (records, at) => {
      if (!records.decisions.length) return failed('No decisions yet: nothing to export.');
      const w = await writers();
      if (!w) return failed(PART_NOT_LOADED);
      const [only] = records.decisions;
      if (records.decisions.length === 1 && only) {
        return saveWithReport('markdown', w.madrFileName(only), w.madrFile(only, records), (file) => `Saved the decision record as ${file}.`);
      }
      return saveWithReport('zip', `${this.stem} - decisions.zip`, w.zipTextFiles(w.madrFiles(records), at),
        (file) => `Saved ${plural(records.decisions.length, 'decision record')} in ${file}.`);
    });
  }

  /** The metrics with an objective as OpenSLO v1; those without are named in the outcome. */
  saveOpenSlo(): Promise<Result<string> | undefined> {
    return this.save('OpenSLO', async (records, at) => {
      const w = await writers();
      if (!w) return failed(PART_NOT_LOADED);
      const made = w.openSloExport(records, at);
      this.openSlo = { included: made.included.length, leftOut: made.leftOut };
      if (!made.included.length) {
        return failed(records.metrics.length ? 'No metric has a target yet: give a metric a target to export it as an SLO.' : 'No shared metrics yet: nothing to export.');
      }
      return saveWithReport('yaml', `${this.stem} - openslo.yaml`, made.text,
        (file) => `Saved ${plural(made.included.length, 'metric')} as OpenSLO to ${file}.`);
    });
  }
}
