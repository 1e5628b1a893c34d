import { csvFormatRows } from 'd3-dsv';
import { unescapeFormula } from '../../../../renderer/src/domain/csv-table';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READING_NOTE_MAX, READINGS_MAX } from '../../../../renderer/src/domain/metrics/model';
import { parseReadings } from '../../../../renderer/src/domain/metrics/readings-csv';
import { parseTypedNumber } from '../../../../renderer/src/domain/numbers';

/** The value of one data row under a `date<delimiter>value` header, or the problem's message. */
function readValue(cell: string, delimiter = ','): number | string {
  const parsed = parseReadings(`date${delimiter}value\n2026-01-01${delimiter}${cell}`);
  return parsed.readings[0]?.value ?? parsed.problems[0]?.message ?? 'nothing';
}

/** The date of a single data row `"<cell>",1`, or the problem's message. */
function readDate(cell: string): string {
  const parsed = parseReadings(`"${cell}",1`);
  return parsed.readings[0]?.date ?? parsed.problems[0]?.message ?? 'nothing';
}

describe('parseReadings: layout', () => {
  it('reads rows without a header as date, value, note', () => {
    expect(parseReadings('2026-03-01,0.9,first\n2026-03-02,0.95\n')).toEqual({
      readings: [
        { date: '2026-03-01', value: 0.9, note: 'first' },
        { date: '2026-03-02', value: 0.95, note: '' },
      ],
      problems: [],
      hasHeader: false,
      delimiter: ',',
    });
  });
  it('ignores extra columns without a header', () => {
    expect(parseReadings('2026-03-01,5,note,extra,more').readings).toEqual([{ date: '2026-03-01', value: 5, note: 'note' }]);
  });
  it('recognises a header by date, day or value, in any case and with spaces', () => {
    for (const header of ['date,value', ' Date , Value ', 'DAY,reading', 'when,value']) {
      const parsed = parseReadings(`${header}\n2026-03-01,7`);
      expect(parsed.hasHeader, header).toBe(true);
    }
    expect(parseReadings('Date,Value\n2026-03-01,7').readings).toEqual([{ date: '2026-03-01', value: 7, note: '' }]);
  });
  it('does not take a row with a date for a header, even if another cell says value', () => {
    const parsed = parseReadings('2026-03-01,value\n2026-03-02,3');
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.problems).toEqual([{ row: 1, text: '2026-03-01,value', message: 'The value "value" is not a number.' }]);
    expect(parsed.readings).toEqual([{ date: '2026-03-02', value: 3, note: '' }]);
  });
  it('does not take a row of other words for a header', () => {
    const parsed = parseReadings('when,amount\n2026-03-02,3');
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.problems[0]).toMatchObject({
      row: 1,
      message: 'The date "when" is not a date. Write it as YYYY-MM-DD. The value "amount" is not a number.',
    });
  });
  it('finds columns by name when they are in another order', () => {
    const parsed = parseReadings('Comment,Reading,Day\nfine,12.5,2026-03-01\n,13,2026-03-02');
    expect(parsed.hasHeader).toBe(true);
    expect(parsed.readings).toEqual([
      { date: '2026-03-01', value: 12.5, note: 'fine' },
      { date: '2026-03-02', value: 13, note: '' },
    ]);
  });
  it('accepts note, notes and comment as the note column and ignores unknown columns', () => {
    for (const name of ['note', 'Notes', 'COMMENT']) {
      const parsed = parseReadings(`source,date,value,${name}\nsheet,2026-03-01,1,hello`);
      expect(parsed.readings, name).toEqual([{ date: '2026-03-01', value: 1, note: 'hello' }]);
    }
    expect(parseReadings('date,value,remarks\n2026-03-01,1,hello').readings).toEqual([{ date: '2026-03-01', value: 1, note: '' }]);
  });
  it('reports a header without a value column, and reads nothing', () => {
    expect(parseReadings('date,note\n2026-03-01,x')).toEqual({
      readings: [],
      problems: [{ row: 1, text: 'date,note', message: 'The header row has no value column. Name a column "value".' }],
      hasHeader: true,
      delimiter: ',',
    });
  });
  it('reports a header without a date column, on the row where the header is', () => {
    const parsed = parseReadings('\n\nvalue,note\n5,x');
    expect(parsed.readings).toEqual([]);
    expect(parsed.problems).toEqual([{ row: 3, text: 'value,note', message: 'The header row has no date column. Name a column "date".' }]);
  });
  it('reads a header with no data rows as nothing to read', () => {
    expect(parseReadings('date,value\n')).toEqual({ readings: [], problems: [], hasHeader: true, delimiter: ',' });
  });
  it('reads empty and blank text as nothing, without problems', () => {
    for (const text of ['', '\n', '\r\n\r\n', '  \n\t\n', '\uFEFF', ',,\n, ,', ';;\n;']) {
      expect(parseReadings(text), JSON.stringify(text)).toMatchObject({ readings: [], problems: [], hasHeader: false });
    }
  });
  it('reads a missing cell in a short row as empty', () => {
    expect(parseReadings('date,note,value\n2026-03-01,x').problems).toEqual([
      { row: 2, text: '2026-03-01,x', message: 'The value is missing.' },
    ]);
    expect(parseReadings('2026-03-01').problems[0]?.message).toBe('The value is missing.');
  });
});

describe('parseReadings: delimiters', () => {
  it('uses tab when the first line has a tab, as a spreadsheet paste does', () => {
    const parsed = parseReadings('Date\tValue\tNote\n2026-03-01\t0,92\tgood; fine, really\n2026-03-02\t1.5\t');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.readings).toEqual([
      { date: '2026-03-01', value: 0.92, note: 'good; fine, really' },
      { date: '2026-03-02', value: 1.5, note: '' },
    ]);
  });
  it('uses tab even without a header', () => {
    expect(parseReadings('2026-03-01\t4').readings).toEqual([{ date: '2026-03-01', value: 4, note: '' }]);
  });
  it('uses the first non-empty line to choose', () => {
    expect(parseReadings('\n   \n2026-03-01\t4,5\n').delimiter).toBe('\t');
    expect(parseReadings('\n2026-03-01;4\n2026-03-02,4').delimiter).toBe(';');
  });
  it('uses semicolon when the first line has more semicolons than commas', () => {
    const parsed = parseReadings('date;value;note\n2026-03-01;0,92;a, b\n2026-03-02;1.234,5;x');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.readings).toEqual([{ date: '2026-03-01', value: 0.92, note: 'a, b' }]);
    expect(parsed.problems).toEqual([{ row: 3, text: '2026-03-02;1.234,5;x', message: 'The value "1.234,5" is not a number.' }]);
  });
  it('counts only separators outside quotes', () => {
    expect(parseReadings('2026-03-01,1,"a;b;c"').delimiter).toBe(',');
    expect(parseReadings('2026-03-01;"1,5";"x,y,z"').delimiter).toBe(';');
    expect(parseReadings('2026-03-01;"1,5";"x,y,z"').readings).toEqual([{ date: '2026-03-01', value: 1.5, note: 'x,y,z' }]);
  });
  it('uses comma on a tie and by default', () => {
    expect(parseReadings('2026-03-01,1,a;b').delimiter).toBe(',');
    expect(parseReadings('2026-03-01').delimiter).toBe(',');
    expect(parseReadings('').delimiter).toBe(',');
  });
});

describe('parseReadings: quoting, BOM, line endings and row numbers', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines inside', () => {
    const text = 'date,value,note\n"2026-03-01","1,234.5","He said ""fine"", then left"\n2026-03-02,2,"line one\nline two\r\nline three"\n';
    expect(parseReadings(text).readings).toEqual([
      { date: '2026-03-01', value: 1234.5, note: 'He said "fine", then left' },
      { date: '2026-03-02', value: 2, note: 'line one\nline two\r\nline three' },
    ]);
  });
  it('strips a leading byte order mark so the header is still found', () => {
    const parsed = parseReadings('\uFEFFdate,value\r\n2026-03-01,1\r\n');
    expect(parsed.hasHeader).toBe(true);
    expect(parsed.readings).toEqual([{ date: '2026-03-01', value: 1, note: '' }]);
  });
  it('handles \\r\\n line endings without leaving \\r in the last cell', () => {
    const parsed = parseReadings('date,value,note\r\n2026-03-01,1,a\r\n2026-03-02,2,b\r\n');
    expect(parsed.readings.map((r) => r.note)).toEqual(['a', 'b']);
    expect(parsed.problems).toEqual([]);
  });
  it('skips blank lines silently but still counts them in row numbers', () => {
    const text = '\ndate,value\n\n2026-03-01,1\n   \n2026-03-02,abc\n\r\n,,\n2026-03-03,\n';
    const parsed = parseReadings(text);
    expect(parsed.readings).toEqual([{ date: '2026-03-01', value: 1, note: '' }]);
    expect(parsed.problems).toEqual([
      { row: 6, text: '2026-03-02,abc', message: 'The value "abc" is not a number.' },
      { row: 9, text: '2026-03-03,', message: 'The value is missing.' },
    ]);
  });
  it('numbers rows as a spreadsheet does, one row per record even with a newline in a quote', () => {
    const parsed = parseReadings('date,value,note\n2026-03-01,1,"two\nlines"\nbad,2');
    expect(parsed.problems.map((p) => p.row)).toEqual([3]);
  });
  it('joins the raw row back and cuts it to 80 characters', () => {
    const parsed = parseReadings(`2026-03-01;x;${'n'.repeat(200)}`);
    const text = parsed.problems[0]?.text ?? '';
    expect(text).toHaveLength(80);
    expect(text.startsWith('2026-03-01;x;nnn')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(parseReadings('2026-03-01\tx\ty').problems[0]?.text).toBe('2026-03-01\tx\ty');
  });
  it('reports both a bad date and a bad value on one row, date first', () => {
    expect(parseReadings('soon,lots').problems).toEqual([
      {
        row: 1,
        text: 'soon,lots',
        message: 'The date "soon" is not a date. Write it as YYYY-MM-DD. The value "lots" is not a number.',
      },
    ]);
  });
  it('shortens a long cell quoted in a message', () => {
    const message = parseReadings(`2026-03-01,${'9x'.repeat(100)}`).problems[0]?.message ?? '';
    expect(message.length).toBeLessThan(80);
    expect(message).toContain('…" is not a number.');
  });
});

describe('parseReadings: dates', () => {
  it('accepts year-first dates with -, / or .', () => {
    expect(readDate('2026-03-01')).toBe('2026-03-01');
    expect(readDate('2026/03/01')).toBe('2026-03-01');
    expect(readDate('2026.03.01')).toBe('2026-03-01');
    expect(readDate('  2026-12-31  ')).toBe('2026-12-31');
  });
  it('pads a single-digit month or day', () => {
    expect(readDate('2026-3-1')).toBe('2026-03-01');
    expect(readDate('2026/3/15')).toBe('2026-03-15');
    expect(readDate('2026.11.5')).toBe('2026-11-05');
  });
  it('takes the date part of an ISO date-time as written, without moving it to another zone', () => {
    expect(readDate('2026-03-01T10:00:00Z')).toBe('2026-03-01');
    expect(readDate('2026-03-01T23:30:00.123+05:30')).toBe('2026-03-01');
    expect(readDate('2026-03-01T00:15:00-0800')).toBe('2026-03-01');
    expect(readDate('2026-03-01T10:00')).toBe('2026-03-01');
    expect(readDate('2026-03-01 10:00:00')).toBe('2026-03-01');
  });
  it('accepts leap days only in leap years, and the ends of the year range', () => {
    expect(readDate('2028-02-29')).toBe('2028-02-29');
    expect(readDate('2000-02-29')).toBe('2000-02-29');
    expect(readDate('1900-01-01')).toBe('1900-01-01');
    expect(readDate('2200-12-31')).toBe('2200-12-31');
    expect(readDate('2100-02-29')).toBe('The date "2100-02-29" does not exist.');
    expect(readDate('2026-02-29')).toBe('The date "2026-02-29" does not exist.');
  });
  it('says an impossible date does not exist', () => {
    for (const date of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
      expect(readDate(date)).toBe(`The date "${date}" does not exist.`);
    }
  });
  it('refuses years outside 1900 to 2200', () => {
    expect(readDate('1899-12-31')).toBe('The date "1899-12-31" is not between the years 1900 and 2200.');
    expect(readDate('2201-01-01')).toBe('The date "2201-01-01" is not between the years 1900 and 2200.');
  });
  it('refuses day-first and month-first dates whose order is ambiguous', () => {
    for (const date of ['03/04/2026', '3/4/2026', '03/04/26', '26-03-01', '25.12.26']) {
      expect(readDate(date)).toBe(`The date "${date}" could be read day-first or month-first. Write it as YYYY-MM-DD.`);
    }
  });
  it('reads a day-first or month-first date that only one order makes a date', () => {
    expect(readDate('25.12.2026')).toBe('2026-12-25');
    expect(readDate('12-25-2026')).toBe('2026-12-25');
  });
  it('refuses text that is not a date', () => {
    for (const date of ['yesterday', '2026-03', '20260301', '2026-03/01', '2026-003-01', '2026-03-01T', '45000', 'March 1, 2026']) {
      expect(readDate(date), date).toBe(`The date "${date}" is not a date. Write it as YYYY-MM-DD.`);
    }
  });
  it('says when the date is missing', () => {
    expect(readDate('')).toBe('The date is missing.');
    expect(readDate('   ')).toBe('The date is missing.');
  });
});

describe('parseReadings: values', () => {
  it('accepts plain numbers with a sign and decimals', () => {
    expect(readValue('42')).toBe(42);
    expect(readValue(' 0.92 ')).toBe(0.92);
    expect(readValue('+3.5')).toBe(3.5);
    expect(readValue('-17.25')).toBe(-17.25);
    expect(readValue('.5')).toBe(0.5);
    expect(readValue('5.')).toBe(5);
    expect(readValue('007')).toBe(7);
  });
  it('reads -0 as 0', () => {
    expect(Object.is(readValue('-0'), 0)).toBe(true);
  });
  it('accepts the exponent form spreadsheets export', () => {
    expect(readValue('1.5E-07')).toBe(1.5e-7);
    expect(readValue('2e3')).toBe(2000);
  });
  it('keeps a percentage as written', () => {
    expect(readValue('92%')).toBe(92);
    expect(readValue('92.5 %')).toBe(92.5);
    expect(readValue('-3%')).toBe(-3);
    expect(readValue('%')).toBe('The value "%" is not a number.');
  });
  it('accepts comma thousands separators in a quoted field of a comma file', () => {
    expect(readValue('"1,234.5"')).toBe(1234.5);
    expect(readValue('"1,234,567"')).toBe(1234567);
    expect(readValue('"-12,000"')).toBe(-12000);
  });
  it('accepts comma thousands separators when the delimiter is not comma', () => {
    expect(readValue('1,234.5', ';')).toBe(1234.5);
    expect(readValue('1,234,567', '\t')).toBe(1234567);
  });
  it('splits an unquoted comma in a comma file into another cell, as CSV requires', () => {
    expect(parseReadings('2026-03-01,1,234.5').readings).toEqual([{ date: '2026-03-01', value: 1, note: '234.5' }]);
  });
  it('reads a lone comma as a decimal comma only in semicolon and tab files', () => {
    expect(readValue('0,92', ';')).toBe(0.92);
    expect(readValue('-1,5', '\t')).toBe(-1.5);
    expect(readValue('1,234', ';')).toBe(1.234);
    expect(readValue('1 234,5', ';')).toBe(1234.5);
    expect(readValue('87,5%', ';')).toBe(87.5);
    expect(readValue('"0,92"')).toBe('The value "0,92" is not a number.');
    expect(readValue('"1,234"')).toBe(1234);
  });
  it('accepts spaces as thousands separators, including non-breaking ones', () => {
    expect(readValue('1 234')).toBe(1234);
    expect(readValue('1 234 567.25')).toBe(1234567.25);
    expect(readValue('12\u00a0345')).toBe(12345);
    expect(readValue('12\u202f345,5', ';')).toBe(12345.5);
  });
  it('refuses badly grouped numbers', () => {
    for (const cell of ['12 34', '1 2345', '"1,23"', '"1,2345.6"', '"1,234 567"']) {
      const shown = cell.replace(/"/g, '');
      expect(readValue(cell), cell).toBe(`The value "${shown}" is not a number.`);
    }
  });
  it('says when the value is missing', () => {
    expect(readValue('')).toBe('The value is missing.');
    expect(readValue('   ')).toBe('The value is missing.');
    expect(parseReadings('date,value\n2026-03-01').problems[0]?.message).toBe('The value is missing.');
  });
  it('refuses text, NaN, Infinity and other non-numbers', () => {
    for (const cell of ['abc', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1.2.3', '--1', '+', '-', '.', 'e5', '1e', '5 kg', '$', '$$5', '1.234,5']) {
      expect(readValue(cell, ';'), cell).toBe(`The value "${cell}" is not a number.`);
    }
    // A currency sign before the number is read away: spreadsheets export money as $5.00.
    expect(readValue('$5.00', ';')).toBe(5);
  });
  it('refuses magnitudes above 1e15', () => {
    expect(readValue('1000000000000000')).toBe(1e15);
    expect(readValue('-1e15')).toBe(-1e15);
    expect(readValue('1000000000000001')).toBe('The value "1000000000000001" is too large.');
    expect(readValue('-2e15')).toBe('The value "-2e15" is too large.');
    expect(readValue('1e400')).toBe('The value "1e400" is too large.');
  });
});

describe('parseReadings: notes', () => {
  it('trims notes', () => {
    expect(parseReadings('date,value,note\n2026-03-01,1,  spaced out \t').readings[0]?.note).toBe('spaced out');
  });
  it('cuts a note to the note limit', () => {
    const note = parseReadings(`2026-03-01,1,${'a'.repeat(READING_NOTE_MAX + 50)}`).readings[0]?.note;
    expect(note).toBe('a'.repeat(READING_NOTE_MAX));
  });
  it('does not cut an emoji in half', () => {
    const note = parseReadings(`2026-03-01,1,${'a'.repeat(READING_NOTE_MAX - 1)}😀tail`).readings[0]?.note ?? '';
    expect(note).toBe('a'.repeat(READING_NOTE_MAX - 1));
  });
});

describe('parseReadings: the readings cap', () => {
  it('reads the first 100,000 readings and reports the rest as one problem', () => {
    const rows = Array.from({ length: READINGS_MAX + 5 }, (_, i) => `2026-01-01,${i}`);
    const parsed = parseReadings(['date,value', ...rows].join('\n'));
    expect(parsed.readings).toHaveLength(READINGS_MAX);
    expect(parsed.readings.at(-1)?.value).toBe(READINGS_MAX - 1);
    expect(parsed.problems).toEqual([
      { row: READINGS_MAX + 2, text: `2026-01-01,${READINGS_MAX}`, message: 'Only the first 100,000 readings are read.' },
    ]);
  });
  it('says nothing when exactly 100,000 readings are followed by blank lines', () => {
    const rows = Array.from({ length: READINGS_MAX }, () => '2026-01-01,1');
    const parsed = parseReadings(rows.join('\n') + '\n\n\n');
    expect(parsed.readings).toHaveLength(READINGS_MAX);
    expect(parsed.problems).toEqual([]);
  });
  it('counts only readings, not rows with problems, toward the cap', () => {
    const rows = ['bad,1', ...Array.from({ length: READINGS_MAX }, () => '2026-01-01,1')];
    const parsed = parseReadings(rows.join('\n'));
    expect(parsed.readings).toHaveLength(READINGS_MAX);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.row).toBe(1);
  });
});

describe('parseReadings: properties', () => {
  const reading = fc.record({
    date: fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    value: fc.double({ min: -1e15, max: 1e15, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6 + 0),
    note: fc.oneof(fc.string({ unit: 'binary' }), fc.string({ minLength: READING_NOTE_MAX - 10, maxLength: READING_NOTE_MAX + 20 })),
  });

  /** The note as the parser keeps it: trimmed, then cut without splitting a surrogate pair. */
  function expectedNote(note: string): string {
    // A cell that starts with ' before =, +, -, @ is one Keel's CSV export escaped: the reader
    // takes the ' off (domain/csv-table.ts unescapeFormula), before it trims.
    const trimmed = unescapeFormula(note).trim();
    if (trimmed.length <= READING_NOTE_MAX) return trimmed;
    const last = trimmed.charCodeAt(READING_NOTE_MAX - 1);
    return trimmed.slice(0, last >= 0xd800 && last <= 0xdbff ? READING_NOTE_MAX - 1 : READING_NOTE_MAX);
  }

  it("takes the export's formula escape off a note, as for every CSV import", () => {
    // The property's counterexample once: a note typed as '@… reads back without its '.
    expect(parseReadings("date,value,note\n1970-01-01,0,'@ sign").readings).toEqual([{ date: '1970-01-01', value: 0, note: '@ sign' }]);
  });

  it('reads back what d3-dsv writes', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 20 }), (readings) => {
        const text = csvFormatRows([['date', 'value', 'note'], ...readings.map((r) => [r.date, String(r.value), r.note])]);
        const parsed = parseReadings(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.hasHeader).toBe(true);
        expect(parsed.delimiter).toBe(',');
        expect(parsed.readings).toEqual(readings.map((r) => ({ ...r, note: expectedNote(r.note) })));
      }),
    );
  });

  it('never throws, and whatever it reads is well formed', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('date', 'value', '2026-03-01', '0,5', '"', '""', '1 234', '92%', '\uFEFF', ''),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .tuple(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'))
        .map(([rows, delimiter, newline]) => rows.map((cells) => cells.join(delimiter)).join(newline)),
    );
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parseReadings(input);
        for (const r of parsed.readings) {
          expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isFinite(r.value) && Math.abs(r.value) <= 1e15).toBe(true);
          expect(r.note.length).toBeLessThanOrEqual(READING_NOTE_MAX);
        }
        for (const p of parsed.problems) {
          expect(p.row).toBeGreaterThanOrEqual(1);
          expect(p.text.length).toBeLessThanOrEqual(80);
          expect(p.message).toMatch(/\.$/);
        }
      }),
    );
  });
});

describe('Excel sep= line', () => {
  it('names the delimiter and is skipped, keeping row numbers', () => {
    const result = parseReadings('sep=;\r\ndate;value;note\r\n2026-03-01;0,92;ok\r\nbad;1;x\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.hasHeader).toBe(true);
    expect(result.readings).toEqual([{ date: '2026-03-01', value: 0.92, note: 'ok' }]);
    expect(result.problems.map((p) => p.row)).toEqual([4]);
  });
});

describe("the metric's unit after a value", () => {
  it('is read away, in any case, with or without a space; another unit is still refused', () => {
    const result = parseReadings('2026-03-01,45 ms\n2026-03-02,50MS\n2026-03-03,1.2 s', 'ms');
    expect(result.readings.map((r) => r.value)).toEqual([45, 50]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toContain('"1.2 s" is not a number');
    expect(parseTypedNumber('3.5 USD', 'USD')).toEqual({ ok: true, value: 3.5 });
    expect(parseTypedNumber('3.5 USD').ok).toBe(false);
  });
});

describe('a unit or currency sign before a value', () => {
  it('is read away: $0.30, -€12, USD 3.5 in a USD metric; a sign alone or a word that is not the unit is refused', () => {
    expect(parseTypedNumber('$0.30')).toEqual({ ok: true, value: 0.3 });
    expect(parseTypedNumber('-€12')).toEqual({ ok: true, value: -12 });
    expect(parseTypedNumber('£ 1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseTypedNumber('USD 3.5', 'USD')).toEqual({ ok: true, value: 3.5 });
    expect(parseTypedNumber('$')).toMatchObject({ ok: false, message: 'The value "$" is not a number.' });
    expect(parseTypedNumber('EUR 3.5', 'USD').ok).toBe(false);
    expect(parseReadings('2026-03-01,$0.42\n2026-03-02,0.40', '$ per conversation').readings.map((r) => r.value)).toEqual([0.42, 0.4]);
  });
});
