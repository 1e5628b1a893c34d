// Importing records of one kind from a CSV: which column holds which field (guessed from the
// header, remembered, changed by the user), and every data row read into a record or a problem
// with its row number. The fields and how a row becomes a record are each kind's own
// (uncertainty/csv-rows.ts, roadmap/csv-rows.ts); nothing here knows about items.

import type { Check } from './check';
import { firstFilledRow, isBlankRow, rowProblem, type CsvTable, type Delimiter, type RowProblem } from './csv-table';
import { quoted } from './words';

export type { RowProblem };

/** A field a column may map to. */
export interface ImportField<K extends string = string> {
  key: K;
  /** How the mapping step names it: "Title", "Review date". */
  label: string;
  required?: boolean;
  /** Header names that mean this field, already normalised (see headerKey): Keel's own export names first. */
  names: readonly string[];
}

/** The cells of one row, by the field their column maps to (a field nobody maps to is absent). */
export type RowCells<K extends string> = Partial<Record<K, string>>;

/** One kind of record a CSV can add. `C` is what reading a row needs to know (the map's layers). */
export interface ImportKind<K extends string, T, C> {
  /** "item", "roadmap item": for counts ("Import 3 items"). */
  noun: string;
  fields: readonly ImportField<K>[];
  readRow(cells: RowCells<K>, context: C, delimiter: Delimiter): Check<T>;
  /** How each field of a record will be stored, in words, for the preview. */
  describe(record: T, context: C): Partial<Record<K, string>>;
}

/** For each column in order, the field it maps to, or null when it is ignored. */
export type ColumnMapping<K extends string> = (K | null)[];

/** What the user chose before, by header (as headerKey gives it): a field's key, or null for "ignore". */
export type RememberedMapping = Record<string, string | null>;

/** The most rows one import takes: more is a sign of the wrong file, and would make one huge undo step. */
export const IMPORT_ROWS_MAX = 5000;

export interface ImportPlan<T> {
  /** The header row's cells, one per column (a column without a name is ""). */
  columns: string[];
  /** The 1-based row number of the header, or 0 when the text is empty. */
  headerRow: number;
  records: { row: number; record: T }[];
  problems: RowProblem[];
  /** Why nothing at all can be imported from this text (too many rows), or undefined. */
  refusal?: string;
}

/** A header cell as compared with field names: lower case, no units in brackets, no punctuation. */
export function headerKey(header: string): string {
  return header
    .toLocaleLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name a column's choice is remembered by: its header, or its position when it has none. */
export function columnKey(column: string, index: number): string {
  return headerKey(column) || `column ${index + 1}`;
}

/** The header row (the first row with something in it) and the data rows after it. */
export function tableColumns(table: CsvTable): { columns: string[]; headerIndex: number } {
  const headerIndex = firstFilledRow(table);
  return { columns: headerIndex < 0 ? [] : (table.rows[headerIndex] ?? []).map((cell) => cell.trim()), headerIndex };
}

/**
 * The mapping a header suggests: what the user chose for the same header name before, else the
 * field whose names include it. A field goes to one column only, the first that claims it.
 */
export function guessMapping<K extends string>(columns: readonly string[], fields: readonly ImportField<K>[], remembered: RememberedMapping = {}): ColumnMapping<K> {
  const keys = new Set<string>(fields.map((f) => f.key));
  const taken = new Set<K>();
  return columns.map((column, index) => {
    const name = columnKey(column, index);
    const chosen = Object.hasOwn(remembered, name) ? remembered[name] : fields.find((f) => f.names.includes(name))?.key;
    if (chosen === null || chosen === undefined || !keys.has(chosen) || taken.has(chosen as K)) return null;
    taken.add(chosen as K);
    return chosen as K;
  });
}

/** The mapping with column `index` set to `field`; a column that had that field is ignored from now on. */
export function assignColumn<K extends string>(mapping: ColumnMapping<K>, index: number, field: K | null): ColumnMapping<K> {
  return mapping.map((current, i) => (i === index ? field : field !== null && current === field ? null : current));
}

/** What to remember of a mapping: each column's choice, by its header. */
export function rememberMapping<K extends string>(remembered: RememberedMapping, columns: readonly string[], mapping: ColumnMapping<K>): RememberedMapping {
  const next: RememberedMapping = { ...remembered };
  columns.forEach((column, i) => {
    next[columnKey(column, i)] = mapping[i] ?? null;
  });
  return next;
}

/** The required fields no column maps to yet. */
export function unmappedRequired<K extends string>(mapping: ColumnMapping<K>, fields: readonly ImportField<K>[]): ImportField<K>[] {
  return fields.filter((field) => field.required && !mapping.includes(field.key));
}

/**
 * Every data row read as a record or a problem. Blank rows are skipped but counted, so row
 * numbers are the ones the user sees. Nothing is read while a required field is unmapped.
 */
export function planImport<K extends string, T, C>(table: CsvTable, mapping: ColumnMapping<K>, kind: ImportKind<K, T, C>, context: C): ImportPlan<T> {
  const { columns, headerIndex } = tableColumns(table);
  const plan: ImportPlan<T> = { columns, headerRow: headerIndex + 1, records: [], problems: [] };
  if (headerIndex < 0 || unmappedRequired(mapping, kind.fields).length > 0) return plan;
  const dataRows = table.rows.slice(headerIndex + 1).filter((cells) => !isBlankRow(cells)).length;
  if (dataRows > IMPORT_ROWS_MAX) {
    plan.refusal = `This text has ${dataRows.toLocaleString('en-US')} rows; Keel imports up to ${IMPORT_ROWS_MAX.toLocaleString('en-US')} at a time. Split it into smaller files.`;
    return plan;
  }
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index] ?? [];
    if (isBlankRow(row)) continue;
    const cells: RowCells<K> = {};
    // A short row reads its missing cells as empty; cells beyond the header are ignored.
    mapping.forEach((field, column) => {
      if (field !== null) cells[field] = (row[column] ?? '').trim();
    });
    const read = kind.readRow(cells, context, table.delimiter);
    if (read.ok) plan.records.push({ row: index + 1, record: read.value });
    else plan.problems.push(rowProblem(table, index, read.message));
  }
  return plan;
}

/** The sentences of the checks that failed, joined: a row with two problems says both. */
export function failures(checks: readonly Check<unknown>[]): string | undefined {
  const messages = checks.flatMap((check) => (check.ok ? [] : [check.message]));
  return messages.length ? messages.join(' ') : undefined;
}

/** How a choice is compared: "In progress", "in-progress" and "IN_PROGRESS" are the same. */
function choiceKey(text: string): string {
  return text.toLocaleLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/**
 * A cell naming one of `values` by its key or its label, in any case; an empty cell is
 * `fallback`. `what` names the field in the sentence ("The status "later" is not ...").
 */
export function readChoice<V extends string>(
  cell: string | undefined,
  labels: Readonly<Record<V, string>>,
  what: string,
  fallback: V,
): Check<V> {
  const text = (cell ?? '').trim();
  if (!text) return { ok: true, value: fallback };
  const key = choiceKey(text);
  const found = (Object.keys(labels) as V[]).find((value) => choiceKey(value) === key || choiceKey(labels[value]) === key);
  if (found !== undefined) return { ok: true, value: found };
  const names = Object.values<string>(labels).map((label) => label.toLocaleLowerCase());
  return { ok: false, message: `The ${what} ${quoted(text)} is not one of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}.` };
}
