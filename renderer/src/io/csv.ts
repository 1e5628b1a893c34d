// Writing CSV that spreadsheets read as written (RFC 4180): a byte-order mark so Excel takes the
// file as UTF-8, a header row, CRLF line ends, quotes only where a cell needs them. Writing only:
// reading CSV (the CSV import) lives elsewhere.

/** A cell: text, a number (kept a number), or empty. */
export type CsvCell = string | number | null;

/** Tells Excel the file is UTF-8; without it accents and symbols come out garbled. */
export const BOM = '\uFEFF';

// A text cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will never run: one that starts like a formula gets a leading `'`,
 * as OWASP advises against CSV injection. Only text goes through this: a number cell such as -3.5
 * is written as a number and stays one, so sums over it still work.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field quoted when it holds a quote, a comma or a line break, its quotes doubled (RFC 4180). */
function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as written: numbers as numbers (a number that is not finite is empty), text escaped and quoted. */
export function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return quoteField(escapeFormula(cell));
}

/** A whole CSV file: BOM, the header, then one line per row, each ending in CRLF. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
