// Reads metric readings pasted from a spreadsheet or read from a CSV file. Pure and total: any
// text gives readings plus plain-language problems per row, so the import dialog can show both
// and the user can fix the rows that failed without losing the rest.

import { READING_NOTE_MAX, READINGS_MAX } from './model';
import { firstFilledRow, isBlankRow, readCsvDay, readCsvTable, rowProblem, type Delimiter, type RowProblem } from '../csv-table';
import { READING_YEARS } from './edits';
import { truncate } from '../words';
import { readNumber } from '../numbers';

export type { RowProblem };

export interface ParsedReading {
  /** YYYY-MM-DD. */
  date: string;
  value: number;
  note: string;
}

export interface ParsedReadings {
  readings: ParsedReading[];
  problems: RowProblem[];
  hasHeader: boolean;
  delimiter: Delimiter;
}

const HEADER_WORDS = new Set(['date', 'day', 'value']);
const DATE_NAMES = ['date', 'day'];
const VALUE_NAMES = ['value', 'reading'];
const NOTE_NAMES = ['note', 'notes', 'comment'];

export function parseReadings(text: string, unit = ''): ParsedReadings {
  const table = readCsvTable(text);
  const { delimiter, rows } = table;
  const result: ParsedReadings = { readings: [], problems: [], hasHeader: false, delimiter };
  const first = firstFilledRow(table);
  if (first < 0) return result;

  let columns = { date: 0, value: 1, note: 2 };
  const header = rows[first] ?? [];
  if (isHeader(header)) {
    result.hasHeader = true;
    const names = header.map((cell) => cell.trim().toLowerCase());
    const find = (aliases: string[]) => names.findIndex((name) => aliases.includes(name));
    columns = { date: find(DATE_NAMES), value: find(VALUE_NAMES), note: find(NOTE_NAMES) };
    const missing = [columns.date < 0 ? 'date' : '', columns.value < 0 ? 'value' : ''].filter(Boolean);
    if (missing.length > 0) {
      const wanted = missing.map((name) => `"${name}"`).join(' and ');
      result.problems.push(
        rowProblem(table, first, `The header row has no ${missing.join(' or ')} column. Name ${missing.length > 1 ? 'the columns' : 'a column'} ${wanted}.`),
      );
      return result;
    }
  }

  for (let index = result.hasHeader ? first + 1 : first; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (isBlankRow(cells)) continue;
    if (result.readings.length >= READINGS_MAX) {
      result.problems.push(rowProblem(table, index, `Only the first ${READINGS_MAX.toLocaleString('en-US')} readings are read.`));
      break;
    }
    // A short row reads its missing cells as empty; extra cells are ignored.
    const date = parseDate(cells[columns.date] ?? '');
    const value = readNumber(cells[columns.value] ?? '', delimiter, unit);
    if (date.ok && value.ok) {
      const note = truncate((cells[columns.note] ?? '').trim(), READING_NOTE_MAX);
      result.readings.push({ date: date.value, value: value.value, note });
    } else {
      const messages = [date, value].flatMap((parsed) => (parsed.ok ? [] : [parsed.message]));
      result.problems.push(rowProblem(table, index, messages.join(' ')));
    }
  }
  return result;
}

function isHeader(cells: string[]): boolean {
  return !cells.some((cell) => parseDate(cell).ok) && cells.some((cell) => HEADER_WORDS.has(cell.trim().toLowerCase()));
}

function parseDate(raw: string) {
  return readCsvDay(raw, READING_YEARS);
}
