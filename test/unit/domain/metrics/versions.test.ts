import { describe, expect, it } from 'vitest';
import { agreementOf, choiceOf, earlierObjections, isOwned, withSignoff } from '../../../../renderer/src/domain/metrics/agreement';
import type { Signoff } from '../../../../renderer/src/domain/metrics/model';
import { allVersions, applyMetricPatch, diffContracts } from '../../../../renderer/src/domain/metrics/versions';
import { fn, metric } from './factories';

const eng = fn('f-eng', 'Engineering');
const prod = fn('f-prod', 'Product', true, 1);
const lead = fn('f-lead', 'Leadership', true, 2);
const legal = fn('f-legal', 'Legal', false, 3);
const functions = [eng, prod, lead, legal];

function signed(...entries: [typeof eng, 'agree' | 'object', string?][]): Signoff[] {
  return entries.reduce<Signoff[]>((all, [f, state, reason]) => withSignoff(all, f, state, { reason: reason ?? '', by: 'Ana', at: 5 }), []);
}

describe('applyMetricPatch', () => {
  it('edits an unsigned draft in place, without a new version', () => {
    const m = metric({ target: { value: 90, high: null, by: '' } });
    const out = applyMetricPatch(m, { target: { value: 95, high: null, by: '' } }, 2000);
    expect(out.newVersion).toBeNull();
    expect(out.metric).toMatchObject({ version: 1, versions: [], updatedAt: 2000 });
    expect(out.metric.target.value).toBe(95);
  });

  it('keeps the signed version and resets sign-offs when a contract field changes', () => {
    const signoffs = signed([eng, 'agree'], [prod, 'object', 'Too lenient']);
    const m = metric({ target: { value: 90, high: null, by: '' }, signoffs });
    const out = applyMetricPatch(m, { target: { value: 95, high: null, by: '' } }, 2000);
    expect(out.newVersion).toBe(2);
    expect(out.changedContract).toEqual(['target']);
    expect(out.metric.version).toBe(2);
    expect(out.metric.signoffs).toEqual([]);
    expect(out.metric.versions).toHaveLength(1);
    expect(out.metric.versions[0]).toMatchObject({ version: 1, supersededAt: 2000, target: { value: 90 } });
    expect(out.metric.versions[0]!.signoffs).toEqual(signoffs);
  });

  it.each([
    ['formula', { formula: 'a / b' }],
    ['numerator', { numerator: 'good' }],
    ['denominator', { denominator: 'all' }],
    ['unit', { unit: 'ms' }],
    ['direction', { direction: 'lower' as const }],
    ['baseline', { baseline: { value: 1, date: '2026-01-01' } }],
    ['guardrail', { guardrail: { op: 'gte' as const, value: 1 } }],
    ['window', { window: '28-day rolling' }],
  ])('a change of %s starts a new version once signed', (_field, patch) => {
    const m = metric({ signoffs: signed([eng, 'agree']) });
    expect(applyMetricPatch(m, patch, 1).newVersion).toBe(2);
  });

  it.each([
    ['name', { name: 'Renamed' }],
    ['description', { description: 'More words' }],
    ['decision', { decision: 'Ship or not' }],
    ['dataSource', { dataSource: 'Logs' }],
    ['cadence', { cadence: 'Weekly' }],
    ['owner', { ownerPerson: 'Bo', ownerFunctionId: 'f-eng' }],
    ['category', { category: 'cost' as const }],
  ])('a change of %s keeps the sign-offs', (_field, patch) => {
    const signoffs = signed([eng, 'agree']);
    const out = applyMetricPatch(metric({ signoffs }), patch, 1);
    expect(out.newVersion).toBeNull();
    expect(out.metric.signoffs).toEqual(signoffs);
  });

  it('a patch that sets a contract field to its current value is no change', () => {
    const m = metric({ unit: '%', signoffs: signed([eng, 'agree']) });
    expect(applyMetricPatch(m, { unit: '%' }, 1).newVersion).toBeNull();
  });

  it('an objection alone is a signature: changing the contract resets it too', () => {
    const m = metric({ signoffs: signed([prod, 'object', 'Unclear']) });
    const out = applyMetricPatch(m, { formula: 'clearer' }, 1);
    expect(out.newVersion).toBe(2);
    expect(out.metric.signoffs).toEqual([]);
  });

  it('counts versions on: a second signed change makes version 3, keeping both', () => {
    let m = metric({ signoffs: signed([eng, 'agree']) });
    m = applyMetricPatch(m, { unit: 'ms' }, 1).metric;
    m = { ...m, signoffs: signed([prod, 'agree']) };
    m = applyMetricPatch(m, { unit: 's' }, 2).metric;
    expect(m.version).toBe(3);
    expect(m.versions.map((v) => [v.version, v.unit, v.signoffs[0]?.functionName])).toEqual([
      [1, '', 'Engineering'],
      [2, 'ms', 'Product'],
    ]);
    expect(allVersions(m).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('an edit undone by hand (a letter typed and deleted) before anyone signs brings the signed version back', () => {
    const signoffs = signed([eng, 'agree'], [prod, 'agree']);
    let m = metric({ formula: 'a / b', signoffs });
    m = applyMetricPatch(m, { formula: 'a / bZ' }, 1).metric;
    expect(m.version).toBe(2);
    const back = applyMetricPatch(m, { formula: 'a / b' }, 2);
    expect(back.newVersion).toBeNull();
    expect(back.metric).toMatchObject({ version: 1, versions: [], formula: 'a / b' });
    expect(back.metric.signoffs).toEqual(signoffs);
  });

  it('does not bring a version back once the new one has been signed', () => {
    let m = metric({ formula: 'a / b', signoffs: signed([eng, 'agree']) });
    m = applyMetricPatch(m, { formula: 'changed' }, 1).metric;
    m = { ...m, signoffs: signed([prod, 'agree']) };
    const out = applyMetricPatch(m, { formula: 'a / b' }, 2);
    expect(out.newVersion).toBe(3);
    expect(out.metric.versions.map((v) => v.formula)).toEqual(['a / b', 'changed']);
  });

  it('keeps earlier versions unchanged when the current one is edited', () => {
    let m = metric({ target: { value: 1, high: null, by: '' }, signoffs: signed([eng, 'agree']) });
    m = applyMetricPatch(m, { target: { value: 2, high: null, by: '' } }, 1).metric;
    m = applyMetricPatch(m, { target: { value: 3, high: null, by: '' } }, 2).metric;
    expect(m.versions).toHaveLength(1);
    expect(m.versions[0]!.target.value).toBe(1);
    expect(m.target.value).toBe(3);
  });
});

describe('diffContracts', () => {
  it('lists each changed field as a person reads it', () => {
    const before = metric({ unit: '%', target: { value: 90, high: null, by: '' }, guardrail: null });
    const after = { ...before, target: { value: 95, high: null, by: '2026-06-30' }, guardrail: { op: 'gte' as const, value: 85 } };
    expect(diffContracts(before, after)).toEqual([
      { field: 'target', label: 'Target', before: '≥ 90%', after: '≥ 95% by 2026-06-30' },
      { field: 'guardrail', label: 'Guardrail', before: 'No guardrail', after: 'Must stay ≥ 85%' },
    ]);
  });

  it('is empty for identical contracts', () => {
    const m = metric();
    expect(diffContracts(m, { ...m })).toEqual([]);
  });
});

describe('agreement', () => {
  it('is agreed only when every required function agrees', () => {
    expect(agreementOf(metric({ signoffs: signed([eng, 'agree'], [prod, 'agree']) }), functions)).toMatchObject({
      state: 'pending',
      agreed: 2,
      required: 3,
    });
    expect(agreementOf(metric({ signoffs: signed([eng, 'agree'], [prod, 'agree'], [lead, 'agree']) }), functions).state).toBe('agreed');
  });

  it('an optional function neither blocks nor is needed, but its objection is listed', () => {
    const m = metric({ signoffs: signed([eng, 'agree'], [prod, 'agree'], [lead, 'agree'], [legal, 'object', 'Data retention']) });
    const result = agreementOf(m, functions);
    expect(result.state).toBe('agreed');
    expect(result.objections.map((o) => o.reason)).toEqual(['Data retention']);
  });

  it('a required objection makes it objected, whatever the others say', () => {
    const m = metric({ signoffs: signed([eng, 'agree'], [prod, 'object', 'Wrong denominator'], [lead, 'agree']) });
    expect(agreementOf(m, functions)).toMatchObject({ state: 'objected', agreed: 2 });
  });

  it('ignores sign-offs of functions that were removed', () => {
    const m = metric({ signoffs: signed([fn('gone', 'Gone'), 'object', 'x'], [eng, 'agree']) });
    expect(agreementOf(m, [eng])).toMatchObject({ state: 'agreed', objections: [] });
  });

  it('says so when no function is required', () => {
    expect(agreementOf(metric(), [legal]).state).toBe('no-required');
  });

  it('withSignoff replaces a function\'s earlier choice, and pending removes it', () => {
    let s = signed([eng, 'object', 'Why']);
    s = withSignoff(s, eng, 'agree', { reason: ' ok ', by: ' Bo ', at: 9 });
    expect(s).toEqual([{ functionId: 'f-eng', functionName: 'Engineering', state: 'agree', reason: 'ok', by: 'Bo', at: 9 }]);
    expect(choiceOf({ signoffs: withSignoff(s, eng, 'pending', { reason: '', by: '', at: 1 }) }, 'f-eng')).toBe('pending');
  });

  it('refuses an objection without a reason', () => {
    expect(() => withSignoff([], eng, 'object', { reason: '  ', by: 'Ana', at: 1 })).toThrow(/reason/);
  });

  it('knows which metrics no current function owns', () => {
    expect(isOwned(metric({ ownerFunctionId: 'f-eng' }), functions)).toBe(true);
    expect(isOwned(metric({ ownerFunctionId: '' }), functions)).toBe(false);
    expect(isOwned(metric({ ownerFunctionId: 'removed' }), functions)).toBe(false);
  });
});

describe('objections to an earlier version', () => {
  const target = (value: number) => ({ target: { value, high: null, by: '' } });

  it('keeps a function\'s objection to the version a contract change replaced, with what changed since', () => {
    const m = metric({ ...target(90), signoffs: signed([eng, 'agree'], [prod, 'object', 'Too lenient']) });
    const next = applyMetricPatch(m, target(95), 2000).metric;
    expect(agreementOf(next, functions).objections).toEqual([]);
    expect(earlierObjections(next, functions)).toEqual([
      { signoff: expect.objectContaining({ functionId: 'f-prod', functionName: 'Product', reason: 'Too lenient', by: 'Ana' }), version: 1, changed: ['Target'] },
    ]);
  });

  it('is gone once the function signs the current version, and never lists an agreement', () => {
    const m = metric({ ...target(90), signoffs: signed([eng, 'agree'], [prod, 'object', 'Too lenient']) });
    const next = applyMetricPatch(m, target(95), 2000).metric;
    const resigned = { ...next, signoffs: signed([prod, 'agree']) };
    expect(earlierObjections(resigned, functions)).toEqual([]);
  });

  it('goes back to the latest version the function signed, and ignores removed functions', () => {
    const v1 = metric({ ...target(90), signoffs: signed([prod, 'object', 'Too lenient'], [legal, 'object', 'Retention']) });
    const v2 = applyMetricPatch(v1, target(95), 2000).metric;
    const v3 = applyMetricPatch({ ...v2, signoffs: signed([eng, 'agree']) }, { unit: '%' }, 3000).metric;
    expect(v3.version).toBe(3);
    const found = earlierObjections(v3, [eng, prod]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ version: 1, changed: ['Unit', 'Target'], signoff: { reason: 'Too lenient' } });
  });
});
