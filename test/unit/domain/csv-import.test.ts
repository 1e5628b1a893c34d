import { describe, expect, it } from 'vitest';
import { failed, passed } from '../../../renderer/src/domain/check';
import {
  assignColumn,
  guessMapping,
  headerKey,
  IMPORT_ROWS_MAX,
  planImport,
  readChoice,
  rememberMapping,
  unmappedRequired,
  type ImportKind,
} from '../../../renderer/src/domain/csv-import';
import { readCsvTable } from '../../../renderer/src/domain/csv-table';

type Field = 'name' | 'size' | 'note';
/** A small kind: a required name and a size that must be a whole number. */
const KIND: ImportKind<Field, { name: string; size: number }, { max: number }> = {
  noun: 'thing',
  fields: [
    { key: 'name', label: 'Name', required: true, names: ['name', 'title'] },
    { key: 'size', label: 'Size', names: ['size', 'count'] },
    { key: 'note', label: 'Note', names: ['note'] },
  ],
  readRow: (cells, { max }) => {
    if (!cells.name) return failed('The name is missing.');
    const size = Number(cells.size || '1');
    return Number.isInteger(size) && size <= max ? passed({ name: cells.name, size }) : failed(`The size "${cells.size}" is not a whole number up to ${max}.`);
  },
  describe: (r) => ({ name: r.name, size: String(r.size) }),
};

describe('headerKey', () => {
  it('compares headers without case, units in brackets or punctuation', () => {
    expect(headerKey('Impact (1-5)')).toBe('impact');
    expect(headerKey('  Review_date ')).toBe('review date');
    expect(headerKey('Owner [person]')).toBe('owner');
    expect(headerKey('Titel')).toBe('titel');
    expect(headerKey('__proto__')).toBe('proto');
  });
});

describe('guessMapping', () => {
  it('maps headers by the fields’ names and ignores the rest', () => {
    expect(guessMapping(['Title', 'Count', 'Colour'], KIND.fields)).toEqual(['name', 'size', null]);
  });
  it('gives a field to the first column that claims it only', () => {
    expect(guessMapping(['Name', 'Title', 'Note'], KIND.fields)).toEqual(['name', null, 'note']);
  });
  it('prefers what the user chose for that header before, ignore included', () => {
    const remembered = { colour: 'note', title: null, 'column 4': 'size' };
    expect(guessMapping(['Title', 'Colour', 'Name', ''], KIND.fields, remembered)).toEqual([null, 'note', 'name', 'size']);
  });
  it('drops a remembered field that no longer exists', () => {
    expect(guessMapping(['X'], KIND.fields, { x: 'gone' })).toEqual([null]);
  });
});

describe('assignColumn and rememberMapping', () => {
  it('moves a field from the column that had it', () => {
    expect(assignColumn(['name', null, 'note'], 1, 'name')).toEqual([null, 'name', 'note']);
    expect(assignColumn(['name', null, 'note'], 2, null)).toEqual(['name', null, null]);
  });
  it('remembers every column’s choice by header, an unnamed one by position', () => {
    expect(rememberMapping({ other: 'size' }, ['Title', '', 'Colour'], ['name', 'note', null])).toEqual({
      other: 'size',
      title: 'name',
      'column 2': 'note',
      colour: null,
    });
  });
  it('says which required fields are unmapped', () => {
    expect(unmappedRequired([null, 'size'], KIND.fields).map((f) => f.key)).toEqual(['name']);
    expect(unmappedRequired(['name'], KIND.fields)).toEqual([]);
  });
});

describe('planImport', () => {
  it('reads each data row into a record or a problem on the row the user sees', () => {
    const table = readCsvTable('\nName,Size,Extra\nA,2\n\nB,x,extra\n,3\nC,1,,more');
    const plan = planImport(table, ['name', 'size', null], KIND, { max: 5 });
    expect(plan.columns).toEqual(['Name', 'Size', 'Extra']);
    expect(plan.headerRow).toBe(2);
    expect(plan.records).toEqual([
      { row: 3, record: { name: 'A', size: 2 } },
      { row: 7, record: { name: 'C', size: 1 } },
    ]);
    expect(plan.problems).toEqual([
      { row: 5, text: 'B,x,extra', message: 'The size "x" is not a whole number up to 5.' },
      { row: 6, text: ',3', message: 'The name is missing.' },
    ]);
  });
  it('reads nothing while a required field has no column', () => {
    const plan = planImport(readCsvTable('Name,Size\nA,1'), [null, 'size'], KIND, { max: 5 });
    expect(plan.records).toEqual([]);
    expect(plan.problems).toEqual([]);
  });
  it('reads empty text as nothing', () => {
    expect(planImport(readCsvTable('\n \n'), [], KIND, { max: 5 })).toEqual({ columns: [], headerRow: 0, records: [], problems: [] });
  });
  it(`refuses more than ${IMPORT_ROWS_MAX} data rows with a sentence, reading none`, () => {
    const rows = Array.from({ length: IMPORT_ROWS_MAX + 1 }, (_, i) => `T${i},1`).join('\n');
    const plan = planImport(readCsvTable(`Name,Size\n${rows}`), ['name', 'size'], KIND, { max: 5 });
    expect(plan.refusal).toBe('This text has 5,001 rows; Keel imports up to 5,000 at a time. Split it into smaller files.');
    expect(plan.records).toEqual([]);
    const most = Array.from({ length: IMPORT_ROWS_MAX }, (_, i) => `T${i},1`).join('\n');
    expect(planImport(readCsvTable(`Name,Size\n${most}\n\n`), ['name', 'size'], KIND, { max: 5 }).records).toHaveLength(IMPORT_ROWS_MAX);
  });
});

describe('readChoice', () => {
  const labels = { open: 'Open', 'in-progress': 'In progress' } as const;
  it('reads a key or a label in any case and spacing; empty is the fallback', () => {
    expect(readChoice('IN PROGRESS', labels, 'status', 'open')).toEqual({ ok: true, value: 'in-progress' });
    expect(readChoice('in_progress', labels, 'status', 'open')).toEqual({ ok: true, value: 'in-progress' });
    expect(readChoice(' ', labels, 'status', 'open')).toEqual({ ok: true, value: 'open' });
    expect(readChoice(undefined, labels, 'status', 'in-progress')).toEqual({ ok: true, value: 'in-progress' });
  });
  it('names the choices when the cell is none of them', () => {
    expect(readChoice('later', labels, 'status', 'open')).toEqual({ ok: false, message: 'The status "later" is not one of open or in progress.' });
  });
});
