// Reads metric readings pasted from a spreadsheet or read from a CSV file. Pure and total: any
// text gives readings plus plain-language problems per row, so the import dialog can show both
// and the user can fix the rows that failed without losing the rest.

import { dsvFormat } from 'd3-dsv';
import { READING_NOTE_MAX, READINGS_MAX } from './model';
import type { Check } from '../check';
import { parseDay } from '../dates';
import { READING_YEARS } from './edits';
import { quoted, truncate } from '../words';
import { readNumber } from '../numbers';

export interface ParsedReading {
  /** YYYY-MM-DD. */
  date: string;
  value: number;
  note: string;
}

export interface RowProblem {
  /** 1-based row number in the text as the user sees it, counting the header row and blank rows. */
  row: number;
  /** The raw row joined back, truncated to 80 characters. */
  text: string;
  /** A plain sentence for a non-technical user. */
  message: string;
}

export interface ParsedReadings {
  readings: ParsedReading[];
  problems: RowProblem[];
  hasHeader: boolean;
  delimiter: ',' | ';' | '\t';
}

type Delimiter = ParsedReadings['delimiter'];
type Parsed<T> = Check<T>;

const ROW_TEXT_MAX = 80;
const { min: YEAR_MIN, max: YEAR_MAX } = READING_YEARS;

const SEP_LINE = /^sep=([,;\t])[ \t]*(?:\r?\n|$)/i;
const HEADER_WORDS = new Set(['date', 'day', 'value']);
const DATE_NAMES = ['date', 'day'];
const VALUE_NAMES = ['value', 'reading'];
const NOTE_NAMES = ['note', 'notes', 'comment'];

// Year first only: YYYY-MM-DD with -, / or . (the same one twice), or an ISO date-time whose
// date part is kept as written, since the day the user recorded is the day they mean.
const YEAR_FIRST = /^(?<y>\d{4})([-/.])(?<m>\d{1,2})\2(?<d>\d{1,2})$/;
const ISO_DATE_TIME =
  /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// 03/04/2026 is March 4 in one country and April 3 in another, so such dates are refused.
const DAY_OR_MONTH_FIRST = /^\d{1,2}([-/.])\d{1,2}\1(?:\d{2}|\d{4})$/;


export function parseReadings(text: string, unit = ''): ParsedReadings {
  let source = text.replace(/^\uFEFF/, '');
  // Excel may write a first line "sep=;" naming the delimiter. It is read, then left as a blank
  // line so row numbers still match what the user sees.
  const sep = SEP_LINE.exec(source);
  if (sep) source = source.replace(SEP_LINE, '\n');
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(source);
  const result: ParsedReadings = { readings: [], problems: [], hasHeader: false, delimiter };
  // d3-dsv handles quotes, doubled quotes, delimiters and newlines inside quotes, \r\n and \n.
  // A blank line still gives a row, so row indexes match the rows the user sees.
  const rows = dsvFormat(delimiter).parseRows(source);
  const first = rows.findIndex((cells) => !isBlank(cells));
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
      result.problems.push({
        row: first + 1,
        text: rowText(header, delimiter),
        message: `The header row has no ${missing.join(' or ')} column. Name ${missing.length > 1 ? 'the columns' : 'a column'} ${wanted}.`,
      });
      return result;
    }
  }

  for (let index = result.hasHeader ? first + 1 : first; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (isBlank(cells)) continue;
    const row = index + 1;
    if (result.readings.length >= READINGS_MAX) {
      result.problems.push({
        row,
        text: rowText(cells, delimiter),
        message: `Only the first ${READINGS_MAX.toLocaleString('en-US')} readings are read.`,
      });
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
      result.problems.push({ row, text: rowText(cells, delimiter), message: messages.join(' ') });
    }
  }
  return result;
}

/** Tab for a spreadsheet paste; semicolon where the decimal separator is a comma; else comma. */
function detectDelimiter(source: string): Delimiter {
  const line = /^.*\S.*$/m.exec(source)?.[0] ?? '';
  if (line.includes('\t')) return '\t';
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === ',') commas++;
    else if (!inQuotes && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function isHeader(cells: string[]): boolean {
  return !cells.some((cell) => parseDate(cell).ok) && cells.some((cell) => HEADER_WORDS.has(cell.trim().toLowerCase()));
}

function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'The date is missing.' };
  const groups = (YEAR_FIRST.exec(text) ?? ISO_DATE_TIME.exec(text))?.groups;
  if (!groups) {
    const message = DAY_OR_MONTH_FIRST.test(text)
      ? `The date ${quoted(text)} could be read day-first or month-first. Write it as YYYY-MM-DD.`
      : `The date ${quoted(text)} is not a date. Write it as YYYY-MM-DD.`;
    return { ok: false, message };
  }
  const [year, month, day] = [Number(groups.y), Number(groups.m), Number(groups.d)];
  const value = `${year}-${pad(month)}-${pad(day)}`;
  if (year < YEAR_MIN || year > YEAR_MAX) {
    return { ok: false, message: `The date ${quoted(text)} is not between the years ${YEAR_MIN} and ${YEAR_MAX}.` };
  }
  if (parseDay(value) === null) return { ok: false, message: `The date ${quoted(text)} does not exist.` };
  return { ok: true, value };
}


function rowText(cells: string[], delimiter: Delimiter): string {
  return truncate(cells.join(delimiter), ROW_TEXT_MAX, '…');
}


function pad(n: number): string {
  return String(n).padStart(2, '0');
}
