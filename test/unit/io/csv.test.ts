import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, cellText, escapeFormula, writeCsv, type CsvCell } from '../../../renderer/src/io/csv';

/** What a reader gets back from a written file: the rows as text, BOM removed. */
function readBack(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  return csvParseRows(text.slice(BOM.length));
}

/** The cell as the writer meant it: the formula escape taken off again. */
function unescape(cell: string, original: CsvCell): string {
  return typeof original === 'string' && escapeFormula(original) !== original ? cell.slice(1) : cell;
}

describe('the CSV writer', () => {
  it('starts with a byte-order mark, writes the header first and ends every line with CRLF', () => {
    const text = writeCsv(['Id', 'Title'], [['a', 'One'], ['b', 'Two']]);
    expect(text).toBe(`${BOM}Id,Title\r\na,One\r\nb,Two\r\n`);
  });

  it('quotes cells with quotes, commas and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(cellText('say "hi"')).toBe('"say ""hi"""');
    expect(cellText('a, b')).toBe('"a, b"');
    expect(cellText('two\nlines')).toBe('"two\nlines"');
    expect(cellText('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(cellText('plain text')).toBe('plain text');
  });

  it('writes numbers as numbers and empty cells as nothing', () => {
    expect(cellText(-3.5)).toBe('-3.5');
    expect(cellText(0)).toBe('0');
    expect(cellText(null)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('escapes text that a spreadsheet would run as a formula, and only text', () => {
    for (const formula of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) expect(escapeFormula(formula)).toBe(`'${formula}`);
    for (const safe of ['SUM', 'a=b', '1-2', "'quoted", '']) expect(escapeFormula(safe)).toBe(safe);
    // A negative number in a number column stays a number; the same text typed in a text column is escaped.
    expect(cellText(-3.5)).toBe('-3.5');
    expect(cellText('-3.5')).toBe("'-3.5");
    // The escape comes before quoting, so an escaped cell with a comma is still one cell.
    expect(cellText('=HYPERLINK("x", "y")')).toBe(`"'=HYPERLINK(""x"", ""y"")"`);
  });

  it('reads back cell for cell with a standard CSV reader', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', 'é', '😀', "'") }),
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 20 }), (header, body) => {
        const rows = body.map((r) => r.slice(0, header.length));
        const back = readBack(writeCsv(header, rows));
        expect(back).toHaveLength(rows.length + 1);
        expect(back[0]!.map((c, i) => unescape(c, header[i]!))).toEqual(header);
        rows.forEach((row, r) => {
          const expected = row.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : c));
          expect(back[r + 1]!.map((c, i) => unescape(c, row[i]!))).toEqual(expected);
          // Numbers read back as the same number.
          row.forEach((c, i) => {
            if (typeof c === 'number') expect(Number(back[r + 1]![i])).toBe(c === 0 ? 0 : c);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
