import { describe, expect, it } from 'vitest';
import {
  checkFunctionName,
  checkMetricPatch,
  checkNewFunction,
  checkObjection,
  checkReading,
  checkReadingDate,
  checkSigner,
  mergeReadings,
  metricAfterFunctionRemoved,
  metricEditLabel,
  newFunction,
  newMetrics,
  reorderFunctions,
  withKnownFunctions,
} from '../../../../renderer/src/domain/metrics/edits';
import { withSignoff } from '../../../../renderer/src/domain/metrics/agreement';
import { emptyMetricDraft, FUNCTIONS_MAX } from '../../../../renderer/src/domain/metrics/model';
import { fn, metric } from './factories';

describe('functions', () => {
  it('needs a free name, whatever its case, and room for one more', () => {
    const existing = [fn('f1', 'Engineering'), fn('f2', 'Product')];
    expect(checkFunctionName('  Legal ', existing)).toEqual({ ok: true, value: 'Legal' });
    expect(checkFunctionName('product', existing)).toEqual({ ok: false, message: 'There is already a function called "product".' });
    expect(checkFunctionName(' ', existing)).toEqual({ ok: false, message: 'Give the function a name.' });
    const full = Array.from({ length: FUNCTIONS_MAX }, (_, i) => fn(`f${i}`, `F${i}`));
    expect(checkNewFunction('Legal', full)).toEqual({ ok: false, message: `A program has up to ${FUNCTIONS_MAX} functions.` });
  });

  it('moves a function and numbers every function in its new order', () => {
    const moved = reorderFunctions([fn('a', 'A', true, 0), fn('b', 'B', true, 1), fn('c', 'C', true, 2)], 'c', 0);
    expect(moved.ok && moved.value.map((f) => [f.id, f.order])).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
    ]);
    expect(reorderFunctions([fn('a', 'A')], 'gone', 0).ok).toBe(false);
  });

  it("takes a removed function's ownership and current sign-off off a metric, and leaves others alone", () => {
    const owned = metric({ ownerFunctionId: 'f1', signoffs: [{ functionId: 'f1', functionName: 'Eng', state: 'agree', reason: '', by: 'Sam', at: 1 }] });
    expect(metricAfterFunctionRemoved(owned, 'f1')).toEqual({ ownerFunctionId: '', signoffs: [] });
    expect(metricAfterFunctionRemoved(owned, 'f2')).toBeUndefined();
  });
});

describe('metric texts and numbers', () => {
  it('cleans the name and names the field that is too long or not a number', () => {
    expect(checkMetricPatch({ name: ' p95\tlatency ' })).toEqual({ ok: true, value: { name: 'p95 latency' } });
    expect(checkMetricPatch({ name: '' })).toEqual({ ok: false, message: 'Give the metric a name.' });
    expect(checkMetricPatch({ dataSource: 'x'.repeat(201) })).toEqual({ ok: false, message: 'Keep the data source under 200 characters.' });
    expect(checkMetricPatch({ formula: 'x'.repeat(5001) })).toEqual({ ok: false, message: 'Keep the formula under 5000 characters.' });
    expect(checkMetricPatch({ target: { value: Number.NaN, high: null, by: '' } })).toEqual({ ok: false, message: 'The target must be a number.' });
    expect(checkMetricPatch({ baseline: { value: 3, date: '2026-02-30' } })).toEqual({ ok: false, message: 'Give the baseline date as a date.' });
  });
});

describe('readings', () => {
  it('dates readings with a real day within the years a CSV accepts', () => {
    expect(checkReadingDate('2026-03-01')).toEqual({ ok: true, value: '2026-03-01' });
    expect(checkReadingDate('2026-02-30')).toEqual({ ok: false, message: 'Give the reading a date.' });
    expect(checkReadingDate('1899-12-31')).toEqual({ ok: false, message: 'Date readings between the years 1900 and 2200.' });
    expect(checkReading({ date: '2026-03-01', value: Number.NaN, note: '' }, 'r1')).toEqual({ ok: false, message: 'A reading needs a number.' });
    expect(checkReading({ date: '2026-03-01', value: 4, note: ' ok ' }, 'r1')).toEqual({ ok: true, value: { id: 'r1', date: '2026-03-01', value: 4, note: 'ok' } });
  });

  it('keeps readings in date order, same-day readings in the order added', () => {
    const a = { id: 'a', date: '2026-03-02', value: 1, note: '' };
    const b = { id: 'b', date: '2026-03-01', value: 2, note: '' };
    const c = { id: 'c', date: '2026-03-02', value: 3, note: '' };
    const merged = mergeReadings([a], [b, c]);
    expect(merged.ok && merged.value.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('sign-off', () => {
  it('needs a signer to agree or object, but not to reset', () => {
    expect(checkSigner('  ', 'agree')).toEqual({ ok: false, message: 'Type your name first, so everyone can see who signed.' });
    expect(checkSigner('  ', 'object').ok).toBe(false);
    expect(checkSigner('  ', 'pending')).toEqual({ ok: true, value: '' });
    expect(checkSigner(' Sam  Lee ', 'agree')).toEqual({ ok: true, value: 'Sam Lee' });
  });

  it('needs the reason of an objection, naming who objects', () => {
    expect(checkObjection('object', ' ', 'Product')).toEqual({ ok: false, message: 'Say why Product objects, so the team knows what to resolve.' });
    expect(checkObjection('agree', '').ok).toBe(true);
    expect(checkObjection('object', 'No baseline yet').ok).toBe(true);
  });
});

describe('new metrics and functions', () => {
  it('stores new metrics at version 1, a millisecond apart so they keep their order', () => {
    let n = 0;
    const made = newMetrics('p1', [emptyMetricDraft(' Latency '), emptyMetricDraft('Cost')], () => `m${++n}`, 100);
    expect(made.ok && made.value.map((m) => [m.id, m.name, m.version, m.createdAt])).toEqual([
      ['m1', 'Latency', 1, 100],
      ['m2', 'Cost', 1, 101],
    ]);
    expect(newMetrics('p1', [emptyMetricDraft('')], () => 'x', 1)).toEqual({ ok: false, message: 'Give the metric a name.' });
  });

  it('drops an owner and sign-offs of functions the program does not have', () => {
    const stray = metric({ ownerFunctionId: 'gone', signoffs: [{ functionId: 'gone', functionName: 'Old', state: 'agree', reason: '', by: 'Sam', at: 1 }] });
    expect(withKnownFunctions(stray, new Set(['f1']))).toMatchObject({ ownerFunctionId: '', signoffs: [] });
    const fine = metric({ ownerFunctionId: 'f1' });
    expect(withKnownFunctions(fine, new Set(['f1']))).toBe(fine);
  });

  it('adds a function at the end of the list, required', () => {
    expect(newFunction('p1', ' Legal ', [fn('f1', 'Eng')], 'f2')).toEqual({ ok: true, value: { id: 'f2', programId: 'p1', name: 'Legal', required: true, order: 1 } });
    expect(newFunction('p1', 'eng', [fn('f1', 'Eng')], 'f2').ok).toBe(false);
  });
});

describe('undo labels', () => {
  it('names a metric edit by what it changes', () => {
    expect(metricEditLabel({ guardrail: null })).toBe('Remove guardrail');
    expect(metricEditLabel({ guardrail: { op: 'gte', value: 75 } })).toBe('Change guardrail');
    expect(metricEditLabel({ target: { value: 90, high: null, by: '' } })).toBe('Change target');
    expect(metricEditLabel({ name: 'x' })).toBe('Rename metric');
  });
});

describe('direction controls', () => {
  it('are taken out of a metric\'s texts, a reading\'s note and a sign-off, as stored', () => {
    expect(checkMetricPatch({ unit: '\u202E$', formula: 'a\u2067 / b', name: 'Cost\u202E' })).toEqual({ ok: true, value: { unit: '$', formula: 'a / b', name: 'Cost' } });
    expect(checkReading({ date: '2026-03-01', value: 1, note: 'n\u202Eote' }, 'r1')).toMatchObject({ ok: true, value: { note: 'note' } });
    const [signoff] = withSignoff([], { id: 'f', name: 'Eng' }, 'object', { reason: 'Too\u202E lenient', by: 'A\u202Ena', at: 1 });
    expect(signoff).toMatchObject({ reason: 'Too lenient', by: 'Ana' });
  });
});
