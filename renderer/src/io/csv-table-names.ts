// The CSV tables a program exports, by name: small, for the chooser and its remembered choice,
// without the writers (io/csv-tables.ts), which load when a file is saved.

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
