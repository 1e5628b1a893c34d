import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping, planImport } from '../../../renderer/src/domain/csv-import';
import { readCsvTable } from '../../../renderer/src/domain/csv-table';
import { programRecords } from '../../../renderer/src/domain/program-records';
import { ROADMAP_IMPORT } from '../../../renderer/src/domain/roadmap/csv-rows';
import { ITEM_IMPORT } from '../../../renderer/src/domain/uncertainty/csv-rows';
import { csvFile } from '../../../renderer/src/io/csv-tables';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';

// The two halves of CSV were built apart: what Keel's own export writes must come back through
// its own import, every column guessed and every value as it was.

function fixture() {
  const text = readFileSync(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url), 'utf8');
  const parsed = parseKeelFile(text);
  if (!parsed.ok) throw new Error('fixture did not parse');
  return programRecords(parsed.snapshot);
}

describe("Keel's CSV export read back by its CSV import", () => {
  it('imports every uncertainty item with its title, layer, kind, impact, uncertainty and status', () => {
    const records = fixture();
    // A title a spreadsheet would run comes back as typed.
    records.uncertaintyItems[0] = { ...records.uncertaintyItems[0]!, title: '=SUM(A1)' };
    const table = readCsvTable(csvFile(records, 'uncertainties'));
    const columns = table.rows[0] ?? [];
    const mapping = guessMapping(columns, ITEM_IMPORT.fields);
    const plan = planImport(table, mapping, ITEM_IMPORT, { layers: records.layers, defaultLayerId: records.layers[0]?.id });
    expect(plan.problems).toEqual([]);
    const sorted = <T extends { title: string }>(list: T[]) => [...list].sort((a, b) => a.title.localeCompare(b.title));
    const back = sorted(plan.records.map((r) => r.record));
    const original = sorted(records.uncertaintyItems);
    expect(back.map((r) => [r.title, r.layerId, r.kind, r.impact, r.uncertainty, r.status])).toEqual(
      original.map((r) => [r.title, r.layerId, r.kind, r.impact, r.uncertainty, r.status]),
    );
  });

  it('imports every roadmap item with its horizon, range, confidence and status', () => {
    const records = fixture();
    const table = readCsvTable(csvFile(records, 'roadmap'));
    const mapping = guessMapping(table.rows[0] ?? [], ROADMAP_IMPORT.fields);
    const plan = planImport(table, mapping, ROADMAP_IMPORT, { defaultHorizon: 'next' });
    expect(plan.problems).toEqual([]);
    const key = (r: { title: string; horizon: string; earliest: string; latest: string; confidence: unknown; status: string }) =>
      JSON.stringify([r.title, r.horizon, r.earliest, r.latest, r.confidence, r.status]);
    expect(plan.records.map((r) => key(r.record)).sort()).toEqual(records.roadmapItems.map(key).sort());
  });
});
