// The CSV tables a program exports, by name, and how many rows each holds: small, for the chooser,
// its remembered choice and its empty states, without the writers (io/csv-tables.ts), which load
// when a file is saved. The unit tests hold the counts to the rows the writers write.
import type { ProgramRecords } from '../domain/program-records';

export const CSV_TABLES = ['uncertainties', 'metrics', 'readings', 'matrix-scores', 'decisions', 'scope-changes', 'actions', 'roadmap'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const CSV_TABLE_LABELS: Record<CsvTable, string> = {
  uncertainties: 'Uncertainty items',
  metrics: 'Shared metrics',
  readings: 'Metric readings',
  'matrix-scores': 'Trade-off scores',
  decisions: 'Decision records',
  'scope-changes': 'Scope changes',
  actions: 'Actions',
  roadmap: 'Roadmap items',
};

/** Rows each table would have: a score row for every option against every criterion, scored or not. */
export function tableRowCounts(r: ProgramRecords): Record<CsvTable, number> {
  return {
    uncertainties: r.uncertaintyItems.length,
    metrics: r.metrics.length,
    readings: r.metrics.reduce((n, m) => n + m.readings.length, 0),
    'matrix-scores': r.matrices.reduce((n, m) => n + m.options.length * m.criteria.length, 0),
    decisions: r.decisions.length,
    'scope-changes': r.scopeChanges.length,
    actions: r.actions.length,
    roadmap: r.roadmapItems.length,
  };
}
