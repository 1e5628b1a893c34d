// Which columns each CSV table has, and the rows of a program in them. Columns carry human names
// ("Impact (1-5)") and the records' ids, so rows join across files: a reading names its metric,
// a score its matrix, option and criterion. Days are YYYY-MM-DD, moments ISO 8601 in UTC.
import { ACTION_STATUS_LABELS } from '../domain/actions/model';
import { DECISION_STATUS_LABELS, decisionNumber } from '../domain/decisions/model';
import { AGREEMENT_LABELS, agreementOf } from '../domain/metrics/agreement';
import { categoryLabel, DIRECTION_LABELS } from '../domain/metrics/model';
import { STATUS_LABELS as METRIC_STATUS_LABELS, metricStatus } from '../domain/metrics/status';
import { oldestFirst } from '../domain/order';
import type { ProgramRecords } from '../domain/program-records';
import { LINK_NOUNS } from '../domain/links';
import { confidenceLabel } from '../domain/roadmap/labels';
import { HORIZONS, HORIZON_LABELS, ROADMAP_STATUS_LABELS } from '../domain/roadmap/model';
import { SCOPE_DECISION_LABELS, SCOPE_KIND_LABELS, SCOPE_REASON_LABELS } from '../domain/scope/model';
import { cellKey, resolveCriteria } from '../domain/tradeoffs/matrix';
import { MODE_LABELS } from '../domain/tradeoffs/model';
import { scoreIndex } from '../domain/tradeoffs/scoring';
import { KIND_LABELS, STATUS_LABELS } from '../domain/uncertainty/model';
import { isUnplaced, QUADRANTS, quadrantOf } from '../domain/uncertainty/quadrants';
import { writeCsv, type CsvCell } from './csv';
import { CSV_TABLES, type CsvTable } from './csv-table-names';
import { safeFileStem } from './file-names';

export interface CsvRows {
  header: string[];
  rows: CsvCell[][];
}

/** A stored moment as ISO 8601 in UTC, or empty. */
function moment(time: number | null): string {
  return time === null ? '' : new Date(time).toISOString();
}

/** Ids and tags in one cell, separated so a spreadsheet's "split text" takes them apart. */
function list(values: readonly string[]): string {
  return values.join('; ');
}

function uncertainties(r: ProgramRecords): CsvRows {
  const layers = new Map(r.layers.map((l) => [l.id, l.name]));
  return {
    header: ['Id', 'Title', 'Kind', 'Layer id', 'Layer', 'Impact (1-5)', 'Uncertainty (1-5)', 'Quadrant', 'Status', 'Owner', 'Owner function',
      'Next step', 'Review date', 'Tags', 'Metric ids', 'Evidence entries', 'Description', 'Created (UTC)', 'Updated (UTC)'],
    rows: oldestFirst(r.uncertaintyItems).map((i) => [
      i.id, i.title, KIND_LABELS[i.kind], i.layerId, layers.get(i.layerId) ?? '', i.impact, i.uncertainty,
      // The map's own rule: an item nobody has placed is in no quadrant.
      isUnplaced(i) ? 'Not placed' : QUADRANTS[quadrantOf(i.impact, i.uncertainty)].label,
      STATUS_LABELS[i.status], i.ownerPerson, i.ownerFunction, i.nextStep, i.reviewDate, list(i.tags), list(i.metricIds),
      i.evidence.length, i.description, moment(i.createdAt), moment(i.updatedAt),
    ]),
  };
}

function metrics(r: ProgramRecords): CsvRows {
  const functions = new Map(r.functions.map((f) => [f.id, f.name]));
  return {
    header: ['Id', 'Name', 'Category', 'Description', 'Formula', 'Numerator', 'Denominator', 'Unit', 'Direction', 'Baseline', 'Baseline date',
      'Target', 'Target high end', 'Target by', 'Guardrail operator', 'Guardrail value', 'Window', 'Data source', 'Cadence', 'Owner',
      'Owner function id', 'Owner function', 'Version', 'Sign-off', 'Required functions agreeing', 'Required functions', 'Status',
      'Latest reading', 'Latest reading date', 'Decision it informs', 'Created (UTC)', 'Updated (UTC)'],
    rows: oldestFirst(r.metrics).map((m) => {
      const agreement = agreementOf(m, r.functions);
      const status = metricStatus(m);
      return [
        m.id, m.name, categoryLabel(m), m.description, m.formula, m.numerator, m.denominator, m.unit, DIRECTION_LABELS[m.direction],
        m.baseline.value, m.baseline.date, m.target.value, m.target.high, m.target.by, m.guardrail?.op ?? '', m.guardrail?.value ?? null,
        m.window, m.dataSource, m.cadence, m.ownerPerson, m.ownerFunctionId, functions.get(m.ownerFunctionId) ?? '', m.version,
        AGREEMENT_LABELS[agreement.state], agreement.agreed, agreement.required, METRIC_STATUS_LABELS[status.status],
        status.latest?.value ?? null, status.latest?.date ?? '', m.decision, moment(m.createdAt), moment(m.updatedAt),
      ];
    }),
  };
}

function readings(r: ProgramRecords): CsvRows {
  return {
    header: ['Metric id', 'Metric', 'Reading id', 'Date', 'Value', 'Unit', 'Note'],
    rows: oldestFirst(r.metrics).flatMap((m) => m.readings.map((x) => [m.id, m.name, x.id, x.date, x.value, m.unit, x.note])),
  };
}

/** Every option against every criterion, scored or not: a blank score is a cell nobody scored yet. */
function matrixScores(r: ProgramRecords): CsvRows {
  const metricsById = new Map(r.metrics.map((m) => [m.id, m]));
  return {
    header: ['Matrix id', 'Question', 'Scale', 'Option id', 'Option', 'Criterion id', 'Criterion', 'Criterion direction', 'Metric id',
      'Score', 'Confidence', 'Expected value', 'Rationale'],
    rows: oldestFirst(r.matrices).flatMap((matrix) => {
      const criteria = resolveCriteria(matrix.criteria, metricsById);
      const scores = scoreIndex(matrix.scores);
      return matrix.options.flatMap((o) =>
        criteria.map((c) => {
          const s = scores.get(cellKey(o.id, c.id));
          return [matrix.id, matrix.question, MODE_LABELS[matrix.mode], o.id, o.title, c.id, c.name, c.direction, c.metricId,
            s?.value ?? null, s?.confidence ?? '', s?.expected ?? null, s?.rationale ?? ''];
        }),
      );
    }),
  };
}

function decisions(r: ProgramRecords): CsvRows {
  return {
    header: ['Id', 'Number', 'Title', 'Status', 'Status note', 'Date', 'Deciders', 'Consulted', 'Informed', 'Context and problem',
      'Considered options', 'Outcome', 'Good consequences', 'Bad consequences', 'Supersedes id', 'Superseded by id', 'Matrix id',
      'Uncertainty ids', 'Metric ids', 'Roadmap item ids', 'Created (UTC)', 'Updated (UTC)'],
    rows: [...r.decisions].sort((a, b) => a.number - b.number).map((d) => [
      d.id, decisionNumber(d.number), d.title, DECISION_STATUS_LABELS[d.status], d.statusNote, d.date, d.deciders, d.consulted, d.informed,
      d.context, d.options.map((o) => (o.description ? `${o.title}: ${o.description}` : o.title)).join('\n'), d.outcome,
      d.consequencesGood, d.consequencesBad, d.supersedes, d.supersededBy, d.matrixId, list(d.uncertaintyIds), list(d.metricIds),
      list(d.roadmapItemIds), moment(d.createdAt), moment(d.updatedAt),
    ]),
  };
}

function scopeChanges(r: ProgramRecords): CsvRows {
  return {
    header: ['Id', 'Title', 'Kind', 'Reason', 'Requested by', 'Requested by function', 'Requested on', 'Decision', 'Decided on',
      'Rationale', 'Impact on the roadmap', 'Impact on cost', 'Description', 'Roadmap item ids', 'Metric ids', 'Uncertainty ids',
      'Applied to the roadmap (UTC)', 'Created (UTC)', 'Updated (UTC)'],
    rows: oldestFirst(r.scopeChanges).map((c) => [
      c.id, c.title, SCOPE_KIND_LABELS[c.kind], SCOPE_REASON_LABELS[c.reason], c.requestedBy, c.requestedFunction, c.requestedOn,
      SCOPE_DECISION_LABELS[c.decision], c.decidedOn, c.rationale, c.impactRoadmap, c.impactCost, c.description, list(c.roadmapItemIds),
      list(c.metricIds), list(c.uncertaintyIds), moment(c.appliedAt), moment(c.createdAt), moment(c.updatedAt),
    ]),
  };
}

function actions(r: ProgramRecords): CsvRows {
  return {
    header: ['Id', 'Title', 'Status', 'Owner', 'Due', 'Comes from', 'Source id', 'Notes', 'Created (UTC)', 'Updated (UTC)'],
    rows: oldestFirst(r.actions).map((a) => [
      a.id, a.title, ACTION_STATUS_LABELS[a.status], a.owner, a.due, a.source ? LINK_NOUNS[a.source.kind][0] : '', a.source?.id ?? '', a.notes,
      moment(a.createdAt), moment(a.updatedAt),
    ]),
  };
}

/** By horizon (Now, Next, Later), then in the board's order. */
function roadmap(r: ProgramRecords): CsvRows {
  const items = [...r.roadmapItems].sort((a, b) => HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) || a.order - b.order);
  return {
    header: ['Id', 'Title', 'Horizon', 'Position', 'Status', 'Owner', 'Earliest', 'Latest', 'Confidence', 'Forecast made (UTC)',
      'Earlier forecasts', 'Uncertainty ids', 'Metric ids', 'Decision ids', 'Description', 'Created (UTC)', 'Updated (UTC)'],
    rows: items.map((i) => [
      i.id, i.title, HORIZON_LABELS[i.horizon], i.order + 1, ROADMAP_STATUS_LABELS[i.status], i.owner, i.earliest, i.latest,
      confidenceLabel(i.confidence), moment(i.forecastAt), i.history.length, list(i.uncertaintyIds), list(i.metricIds),
      list(i.decisionIds), i.description, moment(i.createdAt), moment(i.updatedAt),
    ]),
  };
}

const TABLES: Record<CsvTable, (records: ProgramRecords) => CsvRows> = {
  uncertainties,
  metrics,
  readings,
  'matrix-scores': matrixScores,
  decisions,
  'scope-changes': scopeChanges,
  actions,
  roadmap,
};

/** A table's header and rows for a program. */
export function csvRows(records: ProgramRecords, table: CsvTable): CsvRows {
  return TABLES[table](records);
}

/** A table as a CSV file's text. */
export function csvFile(records: ProgramRecords, table: CsvTable): string {
  const { header, rows } = csvRows(records, table);
  return writeCsv(header, rows);
}

/** "Support assistant - uncertainties.csv". */
export function csvFileName(programName: string, table: CsvTable): string {
  return `${safeFileStem(programName)} - ${table}.csv`;
}

/** Every table as its own file, by file name: what the zip holds. */
export function csvFiles(records: ProgramRecords): Record<string, string> {
  return Object.fromEntries(CSV_TABLES.map((t) => [`${t}.csv`, csvFile(records, t)]));
}
