// A CSV or a spreadsheet paste read into rows of cells, the one place that knows the delimiters,
// quoting, Excel's "sep=" line and Keel's own formula escape. Every CSV import (readings, items,
// roadmap items) starts here; what the cells mean is each import's own business.

import { dsvFormat } from 'd3-dsv';
import type { Check } from './check';
import { parseDay } from './dates';
import { quoted, truncate } from './words';

export type Delimiter = ',' | ';' | '\t';

export interface CsvTable {
  delimiter: Delimiter;
  /** Row `i` is row `i + 1` as the user sees it: blank rows and a "sep=" line are kept (as blank rows). */
  rows: string[][];
}

/** A row that could not be read: where it is, what it said, and a plain sentence saying why. */
export interface RowProblem {
  /** 1-based row number in the text as the user sees it, counting the header row and blank rows. */
  row: number;
  /** The raw row joined back, truncated to 80 characters. */
  text: string;
  /** A plain sentence for a non-technical user. */
  message: string;
}

const ROW_TEXT_MAX = 80;
const SEP_LINE = /^sep=([,;\t])[ \t]*(?:\r?\n|$)/i;
// Keel's CSV export prefixes ' to a text cell starting with one of these, so a spreadsheet never
// runs it as a formula (OWASP's advice); reading it back takes the ' off again.
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function readCsvTable(text: string): CsvTable {
  let source = text.replace(/^\uFEFF/, '');
  // Excel may write a first line "sep=;" naming the delimiter. It is read, then left as a blank
  // line so row numbers still match what the user sees.
  const sep = SEP_LINE.exec(source);
  if (sep) source = source.replace(SEP_LINE, '\n');
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(source);
  // d3-dsv handles quotes, doubled quotes, delimiters and newlines inside quotes, \r\n and \n.
  // A blank line still gives a row, so row indexes match the rows the user sees.
  const rows = dsvFormat(delimiter).parseRows(source, (cells) => cells.map(unescapeFormula));
  return { delimiter, rows };
}

/** A cell as written before Keel's export escaped it: "'=SUM(A1)" is "=SUM(A1)". */
export function unescapeFormula(cell: string): string {
  return cell.replace(ESCAPED_FORMULA, '');
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

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Index of the first row with something in it, or -1 when the text is empty. */
export function firstFilledRow(table: CsvTable): number {
  return table.rows.findIndex((cells) => !isBlankRow(cells));
}

export function rowProblem(table: CsvTable, index: number, message: string): RowProblem {
  const cells = table.rows[index] ?? [];
  return { row: index + 1, text: truncate(cells.join(table.delimiter), ROW_TEXT_MAX, '…'), message };
}

// Year first only: YYYY-MM-DD with -, / or . (the same one twice), or an ISO date-time whose
// date part is kept as written, since the day the user recorded is the day they mean.
const YEAR_FIRST = /^(?<y>\d{4})([-/.])(?<m>\d{1,2})\2(?<d>\d{1,2})$/;
const ISO_DATE_TIME =
  /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// 03/04/2026 is March 4 in one country and April 3 in another, so such dates are refused; one
// whose first or second number is past 12 (25.12.2026, 06/30/2027) can be read only one way.
const DAY_OR_MONTH_FIRST = /^\d{1,2}([-/.])\d{1,2}\1(?:\d{2}|\d{4})$/;
const DAY_MONTH_YEAR = /^(?<a>\d{1,2})([-/.])(?<b>\d{1,2})\2(?<y>\d{4})$/;

/**
 * How a day-first or month-first date reads: one way only (as year, month, day), either way
 * ('ambiguous'; a two-digit year too, its century being open), or neither way; undefined when it
 * is not written that way at all.
 */
function readDayOrMonthFirst(text: string): { y: string; m: string; d: string } | 'ambiguous' | 'neither' | undefined {
  if (!DAY_OR_MONTH_FIRST.test(text)) return undefined;
  const groups = DAY_MONTH_YEAR.exec(text)?.groups;
  if (!groups) return 'ambiguous';
  const [a, b] = [Number(groups.a), Number(groups.b)];
  if (a > 12 && b > 12) return 'neither';
  if (a > 12 && b >= 1) return { y: groups.y!, m: groups.b!, d: groups.a! };
  if (b > 12 && a >= 1) return { y: groups.y!, m: groups.a!, d: groups.b! };
  return 'ambiguous';
}

/** Any year a stored day may have (dates.ts isDay): for a cell whose field sets no range of its own. */
export const ANY_YEAR = { min: 1000, max: 9999 } as const;

/**
 * A day in a cell as YYYY-MM-DD, between the `years` given. `what` names the cell in the
 * sentence ("The review date ..."). An empty cell is "missing": the caller decides if it may be.
 */
export function readCsvDay(raw: string, years: { min: number; max: number }, what = 'date'): Check<string> {
  const text = raw.trim();
  const The = `The ${what}`;
  if (!text) return { ok: false, message: `${The} is missing.` };
  const numeric = readDayOrMonthFirst(text);
  const groups = (YEAR_FIRST.exec(text) ?? ISO_DATE_TIME.exec(text))?.groups ?? (typeof numeric === 'object' ? numeric : undefined);
  if (!groups) {
    const message =
      numeric === 'ambiguous'
        ? `${The} ${quoted(text)} could be read day-first or month-first. Write it as YYYY-MM-DD.`
        : `${The} ${quoted(text)} is not a date. Write it as YYYY-MM-DD.`;
    return { ok: false, message };
  }
  const [year, month, day] = [Number(groups.y), Number(groups.m), Number(groups.d)];
  const value = `${year}-${pad(month)}-${pad(day)}`;
  if (year < years.min || year > years.max) {
    return { ok: false, message: `${The} ${quoted(text)} is not between the years ${years.min} and ${years.max}.` };
  }
  if (parseDay(value) === null) return { ok: false, message: `${The} ${quoted(text)} does not exist.` };
  return { ok: true, value };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
