import { csvFormatRows, dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY_YEAR, firstFilledRow, readCsvDay, readCsvTable, rowProblem, unescapeFormula } from '../../../renderer/src/domain/csv-table';

describe('readCsvTable', () => {
  it('strips the byte-order mark Excel needs', () => {
    expect(readCsvTable('\uFEFFTitle,Impact\nA,4').rows).toEqual([
      ['Title', 'Impact'],
      ['A', '4'],
    ]);
  });

  it('reads Excel’s sep= line and keeps it as a blank first row, so row numbers match', () => {
    const table = readCsvTable('sep=;\nTitle;Impact\nA, with comma;4');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([[''], ['Title', 'Impact'], ['A, with comma', '4']]);
    expect(firstFilledRow(table)).toBe(1);
    expect(readCsvTable('SEP=\t\r\nTitle\tImpact').delimiter).toBe('\t');
  });

  it('detects comma, semicolon and tab from the first line with text, outside quotes', () => {
    expect(readCsvTable('a,b\n1,2').delimiter).toBe(',');
    expect(readCsvTable('a;b;c\n1,5;2;3').delimiter).toBe(';');
    expect(readCsvTable('a\tb,c\n').delimiter).toBe('\t');
    expect(readCsvTable('\n\n"a;b",c').delimiter).toBe(',');
    expect(readCsvTable('"a,b";c').delimiter).toBe(';');
    expect(readCsvTable('').delimiter).toBe(',');
  });

  it('reads quotes, doubled quotes, delimiters and newlines inside quotes, and CRLF', () => {
    const table = readCsvTable('Title,Description\r\n"Cites, sources","He said ""fine""\r\nthen left"\r\nB,x\r\n');
    expect(table.rows).toEqual([
      ['Title', 'Description'],
      ['Cites, sources', 'He said "fine"\r\nthen left'],
      ['B', 'x'],
    ]);
  });

  it('keeps blank rows, so a problem names the row the user sees', () => {
    const table = readCsvTable('Title\n\nA\n   \n"B\nsecond line"\nC');
    expect(table.rows.map((cells) => cells[0])).toEqual(['Title', '', 'A', '   ', 'B\nsecond line', 'C']);
    // The quoted newline makes row 5 two lines long; d3-dsv counts rows, not lines.
    expect(rowProblem(table, 5, 'Bad.')).toEqual({ row: 6, text: 'C', message: 'Bad.' });
  });

  it('takes off the quote Keel’s export puts before a formula-like text cell, and only that', () => {
    const table = readCsvTable("Title,Note\n'=SUM(A1),'+1\n'-3,'@me\n'plain,''=x\nit's,'\t");
    expect(table.rows.slice(1)).toEqual([
      ['=SUM(A1)', '+1'],
      ['-3', '@me'],
      ["'plain", "''=x"],
      ["it's", '\t'],
    ]);
    expect(unescapeFormula("'=1")).toBe('=1');
    expect(unescapeFormula("'a")).toBe("'a");
    // The escape cannot be told from text that really starts with "'=": such text reads as "=".
    expect(unescapeFormula("'=typed so")).toBe('=typed so');
  });

  it('cuts a problem’s row text to 80 characters', () => {
    const table = readCsvTable(`${'x'.repeat(100)},y`);
    expect(rowProblem(table, 0, 'm').text).toHaveLength(80);
    expect(rowProblem(table, 0, 'm').text.endsWith('…')).toBe(true);
  });

  it('reads back what a CSV writer writes, cell for cell, whatever the delimiter (property)', () => {
    // Text that itself starts with "'" and a formula sign is the one thing the escape cannot keep.
    const cell = fc.oneof(
      fc.string().filter((text) => !/^'[=+\-@\t\r]/.test(text)),
      fc.constantFrom('=SUM(A1)', '+1', '-3', '@x', 'a,b', 'a;b', 'a\tb', '"q"', 'line\nbreak', '\r\n', ''),
    );
    const escape = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (delimiter, rows) => {
        // A header of plain words, as every export writes, then the rows.
        const header = rows[0]!.map((_, i) => `Column${i}`);
        const body = [header, ...rows.map((r) => r.map(escape))];
        const text = delimiter === ',' ? csvFormatRows(body) : dsvFormat(delimiter).formatRows(body);
        const table = readCsvTable(`\uFEFF${text}`);
        expect(table.delimiter).toBe(delimiter);
        expect(table.rows).toEqual([header, ...rows]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readCsvDay', () => {
  const years = { min: 1900, max: 2200 };
  it('reads year-first days and ISO date-times as the day written', () => {
    expect(readCsvDay('2026-3-4', years)).toEqual({ ok: true, value: '2026-03-04' });
    expect(readCsvDay('2026/03/04', years)).toEqual({ ok: true, value: '2026-03-04' });
    expect(readCsvDay(' 2026-03-04T23:30:00Z ', years)).toEqual({ ok: true, value: '2026-03-04' });
  });
  it('reads a day-first or month-first date when only one order makes it a date', () => {
    expect(readCsvDay('06/30/2027', years)).toEqual({ ok: true, value: '2027-06-30' });
    expect(readCsvDay('30.6.2027', years)).toEqual({ ok: true, value: '2027-06-30' });
    // 31 in both places is no date either way; a two-digit year leaves the century open.
    expect(readCsvDay('31/31/2027', years)).toEqual({ ok: false, message: 'The date "31/31/2027" is not a date. Write it as YYYY-MM-DD.' });
    expect(readCsvDay('30/06/27', years).ok).toBe(false);
    expect(readCsvDay('31/02/2027', years)).toEqual({ ok: false, message: 'The date "31/02/2027" does not exist.' });
  });
  it('names the field in its sentences', () => {
    expect(readCsvDay('03/04/2026', years, 'review date')).toEqual({
      ok: false,
      message: 'The review date "03/04/2026" could be read day-first or month-first. Write it as YYYY-MM-DD.',
    });
    expect(readCsvDay('soon', years, 'review date')).toEqual({ ok: false, message: 'The review date "soon" is not a date. Write it as YYYY-MM-DD.' });
    expect(readCsvDay('2026-02-30', ANY_YEAR, 'latest date')).toEqual({ ok: false, message: 'The latest date "2026-02-30" does not exist.' });
    expect(readCsvDay('1850-01-01', years)).toEqual({ ok: false, message: 'The date "1850-01-01" is not between the years 1900 and 2200.' });
    expect(readCsvDay('', years)).toEqual({ ok: false, message: 'The date is missing.' });
  });
});
