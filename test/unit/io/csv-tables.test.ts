import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { metricStatus, STATUS_LABELS } from '../../../renderer/src/domain/metrics/status';
import { BOM } from '../../../renderer/src/io/csv';
import { CSV_TABLES, tableRowCounts, type CsvTable } from '../../../renderer/src/io/csv-table-names';
import { csvFile, csvFileName, csvFiles, csvRows } from '../../../renderer/src/io/csv-tables';
import { fixtureRecords } from './format-v7-records';

/** A table as objects keyed by its header, read back with a standard reader. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = csvParseRows(text.slice(BOM.length));
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe('CSV tables of a program', () => {
  const records = fixtureRecords();
  const table = (t: CsvTable) => rowsOf(csvFile(records, t));

  it('writes every table with a header row and one row per record', () => {
    expect(table('uncertainties')).toHaveLength(records.uncertaintyItems.length);
    expect(table('metrics')).toHaveLength(records.metrics.length);
    expect(table('readings')).toHaveLength(records.metrics.reduce((n, m) => n + m.readings.length, 0));
    expect(table('matrix-scores')).toHaveLength(records.matrices.reduce((n, m) => n + m.options.length * m.criteria.length, 0));
    expect(table('decisions')).toHaveLength(records.decisions.length);
    expect(table('scope-changes')).toHaveLength(records.scopeChanges.length);
    expect(table('actions')).toHaveLength(records.actions.length);
    expect(table('roadmap')).toHaveLength(records.roadmapItems.length);
    expect(Object.keys(csvFiles(records))).toEqual(CSV_TABLES.map((t) => `${t}.csv`));
  });

  it('counts, for the chooser, the rows the writer writes', () => {
    const counts = tableRowCounts(records);
    for (const t of CSV_TABLES) expect(counts[t], t).toBe(csvRows(records, t).rows.length);
  });

  it('uses human column names and ids that join across tables', () => {
    const items = table('uncertainties');
    expect(Object.keys(items[0]!)).toEqual(expect.arrayContaining(['Id', 'Title', 'Impact (1-5)', 'Uncertainty (1-5)', 'Layer id']));
    const layerIds = new Set(records.layers.map((l) => l.id));
    for (const item of items) expect(layerIds.has(item['Layer id']!)).toBe(true);
    const metricIds = new Set(table('metrics').map((m) => m.Id));
    for (const reading of table('readings')) expect(metricIds.has(reading['Metric id'])).toBe(true);
    for (const score of table('matrix-scores')) {
      const matrix = records.matrices.find((m) => m.id === score['Matrix id'])!;
      expect(matrix.options.some((o) => o.id === score['Option id'])).toBe(true);
      expect(matrix.criteria.some((c) => c.id === score['Criterion id'])).toBe(true);
    }
  });

  it('writes the numbers and words the app shows', () => {
    const hybrid = records.uncertaintyItems.find((i) => i.title === 'Hallucinated refund policy')!;
    const row = table('uncertainties').find((r) => r.Id === hybrid.id)!;
    expect(Number(row['Impact (1-5)'])).toBe(hybrid.impact);
    expect(row.Quadrant).toBe('Test first');
    for (const m of table('metrics')) {
      const metric = records.metrics.find((x) => x.id === m.Id)!;
      expect(m.Status).toBe(STATUS_LABELS[metricStatus(metric).status]);
    }
    const latency = table('metrics').find((m) => m.Name === 'p95 latency (end to end)')!;
    expect(latency['Guardrail operator']).toBe('lte');
    expect(Number(latency['Guardrail value'])).toBe(8000);
    // A negative effect score stays a number: no formula escape on number cells.
    expect(table('matrix-scores').some((s) => s.Score === '-1')).toBe(true);
  });

  it('writes days as YYYY-MM-DD and moments as ISO 8601 in UTC', () => {
    for (const a of table('actions')) {
      expect(a.Due).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(a['Created (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('escapes a title that starts like a formula', () => {
    const [first] = records.uncertaintyItems;
    const hostile = { ...records, uncertaintyItems: [{ ...first!, title: '=SUM(A1)', description: '@risk, "quoted"' }] };
    const text = csvFile(hostile, 'uncertainties');
    expect(text).toContain(`,'=SUM(A1),`);
    expect(text).toContain(`"'@risk, ""quoted"""`);
  });

  it('names files after the program and the table', () => {
    expect(csvFileName('Support: assistant', 'scope-changes')).toBe('Support assistant - scope-changes.csv');
  });
});
