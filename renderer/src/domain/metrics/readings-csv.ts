// Reads metric readings pasted from a spreadsheet or read from a CSV file. Pure and total: any
// text gives readings plus plain-language problems per row, so the import dialog can show both
// and the user can fix the rows that failed without losing the rest.

import { dsvFormat } from 'd3-dsv';
import { READING_NOTE_MAX, READINGS_MAX } from './model';
import type { Check } from '../check';
import { parseDay } from '../dates';
import { READING_YEARS } from './edits';

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
const QUOTED_MAX = 40;
const VALUE_MAX = 1e15;
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

// Plain digits, or digits grouped in threes by commas or by spaces, then an optional fraction and
// exponent (spreadsheets export very small numbers as 1.5E-07).
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;
const STARTS_LIKE_NUMBER = /^[+-]?\.?\d/;
const GROUP_SEPARATORS = /[, \u00a0\u202f]/g;

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
    const value = parseValue(cells[columns.value] ?? '', delimiter, unit);
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

/** "45 ms" in a metric measured in ms is 45: the metric's own unit may follow the number. */
function withoutUnit(text: string, unit: string): string {
  const u = unit.trim();
  if (!u || !text.toLocaleLowerCase().endsWith(u.toLocaleLowerCase())) return text;
  return text.slice(0, text.length - u.length).trimEnd();
}

function parseValue(raw: string, delimiter: Delimiter, unit = ''): Parsed<number> {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'The value is missing.' };
  // 92% is kept as 92: the metric's unit says what the number means.
  let body = withoutUnit(text, unit).replace(/\s*%$/, '');
  // A comma cannot be a decimal comma in a comma-separated file; elsewhere 0,92 means 0.92.
  if (delimiter !== ',' && !body.includes('.') && body.split(',').length === 2) body = body.replace(',', '.');
  if (!NUMBER.test(body) || !STARTS_LIKE_NUMBER.test(body)) {
    return { ok: false, message: `The value ${quoted(text)} is not a number.` };
  }
  const value = Number(body.replace(GROUP_SEPARATORS, '')) + 0; // + 0 turns -0 into 0
  if (!Number.isFinite(value) || Math.abs(value) > VALUE_MAX) {
    return { ok: false, message: `The value ${quoted(text)} is too large.` };
  }
  return { ok: true, value };
}

function rowText(cells: string[], delimiter: Delimiter): string {
  return truncate(cells.join(delimiter), ROW_TEXT_MAX, '…');
}

function quoted(text: string): string {
  return `"${truncate(text, QUOTED_MAX, '…')}"`;
}

/** Cuts to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
function truncate(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = max - ellipsis.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ellipsis;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A number typed into a field, read as the CSV reader reads values (92% is 92, 1,234.5 is
 * 1234.5; no decimal comma, since "1,234" typed in a field means a thousand and more).
 */
export function parseTypedNumber(raw: string, unit = ''): { ok: true; value: number } | { ok: false; message: string } {
  return parseValue(raw, ',', unit);
}
