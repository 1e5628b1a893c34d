import { describe, expect, it } from 'vitest';
import { checkLongText, checkNumber, checkOneLine, checkTextFields, problemOf } from '../../../renderer/src/domain/check';
import { isDay, isoDay, parseDay } from '../../../renderer/src/domain/dates';

describe('checkOneLine', () => {
  it('stores one line: control characters and runs of spaces become one space, ends trimmed, direction controls gone', () => {
    expect(checkOneLine('  Retrieval\n\tpilot  ', 80, 'name')).toEqual({ ok: true, value: 'Retrieval pilot' });
    // U+202E would show "gnp.exe" as "exe.png"; isolates (U+2066-2069) reorder text too.
    expect(checkOneLine('report\u202Egnp.exe', 80, 'name')).toEqual({ ok: true, value: 'reportgnp.exe' });
    expect(checkOneLine('\u2067Cost\u2069 \u202Aper\u202C call', 80, 'name')).toEqual({ ok: true, value: 'Cost per call' });
  });

  it('refuses an empty text only when a sentence for it is given, and a long one with its length', () => {
    expect(checkOneLine('   ', 80, 'name')).toEqual({ ok: true, value: '' });
    expect(checkOneLine('   ', 80, 'name', 'Give it a name.')).toEqual({ ok: false, message: 'Give it a name.' });
    expect(checkOneLine('x'.repeat(81), 80, 'name')).toEqual({ ok: false, message: 'Keep the name under 80 characters (it has 81).' });
    // The limit applies to the cleaned text: spaces at the ends do not count.
    expect(checkOneLine(` ${'x'.repeat(80)} `, 80, 'name').ok).toBe(true);
  });
});

describe('checkLongText, checkNumber and problemOf', () => {
  it('keeps long text as typed up to its limit, without direction overrides, embeddings or isolates', () => {
    expect(checkLongText('  two\nlines ', 20, 'note')).toEqual({ ok: true, value: '  two\nlines ' });
    expect(checkLongText('a\u202Eb\nc\u2066d\u2069\u202B', 20, 'note')).toEqual({ ok: true, value: 'ab\ncd' });
    expect(checkTextFields({ unit: '\u202E$', window: '28 days', other: 1 }, { unit: 'unit', window: 'window' }, 20)).toEqual({
      ok: true,
      value: { unit: '$', window: '28 days', other: 1 },
    });
    expect(checkLongText('x'.repeat(21), 20, 'note')).toEqual({ ok: false, message: 'Keep the note under 20 characters.' });
  });

  it('takes null as "not set" and refuses what is not a finite number', () => {
    expect(checkNumber(null, 'target')).toEqual({ ok: true, value: null });
    expect(checkNumber(Number.NaN, 'target')).toEqual({ ok: false, message: 'The target must be a number.' });
    expect(checkNumber(Infinity, 'target').ok).toBe(false);
    expect(checkNumber(-0.5, 'target')).toEqual({ ok: true, value: -0.5 });
  });

  it('gives the sentence of a failed check and nothing for a passed one', () => {
    expect(problemOf(checkNumber(Number.NaN, 'value'))).toBe('The value must be a number.');
    expect(problemOf(checkNumber(1, 'value'))).toBeUndefined();
  });
});

describe('days', () => {
  it('reads real YYYY-MM-DD days as UTC midnight and refuses the rest', () => {
    expect(parseDay('2026-03-04')).toBe(Date.UTC(2026, 2, 4));
    expect(parseDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-3-4', '04/03/2026', '', '2026-03-04T00:00']) {
      expect(parseDay(bad), bad).toBeNull();
      expect(isDay(bad), bad).toBe(false);
    }
  });

  it("gives today's day in local time, as a date field shows it", () => {
    const lateEvening = new Date(2026, 10, 29, 23, 30).getTime();
    expect(isoDay(lateEvening)).toBe('2026-11-29');
    expect(isDay(isoDay(lateEvening))).toBe(true);
  });
});
