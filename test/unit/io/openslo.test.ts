import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Metric } from '../../../renderer/src/domain/metrics/model';
import type { ProgramRecords } from '../../../renderer/src/domain/program-records';
import { DEFAULT_BUDGET_TARGET, hasObjective, NAME_MAX, openSloExport, sloNames, timeWindow } from '../../../renderer/src/io/openslo';
import { EXPORTED_AT, fixtureRecords } from './format-v7-records';
import { OpenSloDocument, Rfc1123Name, type OpenSloDocumentType } from './openslo-v1-schema';

function documents(text: string): OpenSloDocumentType[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  return docs.map((d) => {
    expect(d.errors).toEqual([]);
    return OpenSloDocument.parse(d.toJS());
  });
}

function withMetrics(records: ProgramRecords, change: (metrics: Metric[]) => Metric[]): ProgramRecords {
  return { ...records, metrics: change(records.metrics.map((m) => structuredClone(m))) };
}

describe('OpenSLO v1 export', () => {
  const records = fixtureRecords();

  it('writes an SLI and an SLO per metric with a target, each valid under the README schema', () => {
    const made = openSloExport(records, EXPORTED_AT);
    const docs = documents(made.text);
    expect(made.included).toEqual(['Task success rate', 'p95 latency (end to end)', 'Escalation rate to a human', 'Cost per resolved ticket']);
    expect(made.leftOut).toEqual([]);
    expect(docs.map((d) => d.kind)).toEqual(['SLI', 'SLO', 'SLI', 'SLO', 'SLI', 'SLO', 'SLI', 'SLO']);
    // Each SLO refers to the SLI written just before it, by name.
    const sliNames = new Set(docs.filter((d) => d.kind === 'SLI').map((d) => d.metadata.name));
    for (const slo of docs.filter((d) => d.kind === 'SLO')) expect(sliNames.has(slo.spec.indicatorRef!)).toBe(true);
  });

  it('maps direction, target and guardrail to objectives, and keeps sign-offs, version and program in annotations', () => {
    const docs = documents(openSloExport(records, EXPORTED_AT).text);
    const slo = (name: string) => docs.find((d) => d.kind === 'SLO' && d.metadata.displayName === name)!;
    const success = slo('Task success rate');
    if (success.kind !== 'SLO') throw new Error('expected an SLO');
    expect(success.metadata.name).toBe('task-success-rate');
    expect(success.spec.budgetingMethod).toBe('Occurrences');
    expect(success.spec.timeWindow).toEqual([{ duration: '28d', isRolling: true }]);
    expect(success.spec.objectives).toEqual([
      { displayName: 'Target: ≥ 90%', op: 'gte', value: 90, target: DEFAULT_BUDGET_TARGET },
      { displayName: 'Guardrail: Must stay ≥ 75%', op: 'gte', value: 75, target: DEFAULT_BUDGET_TARGET },
    ]);
    const annotations = success.metadata.annotations!;
    expect(annotations['keel.app/program']).toBe('Support assistant');
    expect(annotations['keel.app/version']).toBe('2');
    expect(annotations['keel.app/signoffs']).toMatch(/^Engineering: Agrees \(Priya \(eng lead\), \d{4}-\d{2}-\d{2}\); Product: Pending/);
    const latency = slo('p95 latency (end to end)');
    if (latency.kind !== 'SLO') throw new Error('expected an SLO');
    expect(latency.spec.objectives.map((o) => [o.op, o.value])).toEqual([['lte', 4000], ['lte', 8000]]);
    const escalation = slo('Escalation rate to a human');
    if (escalation.kind !== 'SLO') throw new Error('expected an SLO');
    // A range is two objectives, its low and high ends, then the guardrail.
    expect(escalation.spec.objectives.map((o) => [o.op, o.value])).toEqual([['gte', 10], ['lte', 25], ['lte', 40]]);
    const cost = slo('Cost per resolved ticket');
    if (cost.kind !== 'SLO') throw new Error('expected an SLO');
    expect(cost.spec.timeWindow).toEqual([{ duration: '1M', isRolling: false, calendar: { startTime: '2026-11-01 00:00:00', timeZone: 'UTC' } }]);
  });

  it('leaves out metrics without an objective and names them', () => {
    const changed = withMetrics(records, (metrics) => {
      metrics[0]!.target = { value: null, high: null, by: '' };
      metrics[2]!.target = { value: 10, high: null, by: '' }; // a range with one end is no objective
      return metrics;
    });
    const made = openSloExport(changed, EXPORTED_AT);
    expect(made.leftOut).toEqual(['Task success rate', 'Escalation rate to a human']);
    expect(made.included).toEqual(['p95 latency (end to end)', 'Cost per resolved ticket']);
    expect(documents(made.text)).toHaveLength(4);
  });

  it('writes nothing when no metric has an objective', () => {
    const made = openSloExport(withMetrics(records, () => []), EXPORTED_AT);
    expect(made).toEqual({ text: '', included: [], leftOut: [] });
  });

  it('quotes annotation values YAML 1.1 readers would take for numbers, booleans or dates', () => {
    const text = openSloExport(records, EXPORTED_AT).text;
    expect(text).toContain('keel.app/version: "2"');
    expect(text).toContain('keel.app/exported: "2026-11-29T12:00:00.000Z"');
  });

  it('reads the windows people write, and falls back to 4 weeks rolling', () => {
    const at = EXPORTED_AT;
    expect(timeWindow('7-day rolling', at)).toEqual({ window: { duration: '7d', isRolling: true }, understood: true });
    expect(timeWindow('30 days', at).window).toEqual({ duration: '30d', isRolling: true });
    expect(timeWindow('Weekly', at).window).toEqual({ duration: '1w', isRolling: true });
    expect(timeWindow('Calendar quarter', at).window).toMatchObject({ duration: '1Q', isRolling: false });
    expect(timeWindow('', at)).toEqual({ window: { duration: '4w', isRolling: true }, understood: false });
    expect(timeWindow('3 constructor', at).understood).toBe(false);
    expect(timeWindow('until the launch', at).understood).toBe(false);
  });

  it('says which metrics have an objective', () => {
    const [metric] = records.metrics;
    expect(hasObjective(metric!)).toBe(true);
    expect(hasObjective({ direction: 'range', target: { value: 1, high: null, by: '' } })).toBe(false);
    expect(hasObjective({ direction: 'lower', target: { value: 0, high: null, by: '' } })).toBe(true);
  });
});

describe('OpenSLO names', () => {
  it('gives every metric name a valid RFC 1123 name, unique, with room for the SLI suffix', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('Latency', 'latency', 'LATENCY!', 'Über-Latenz', '---', '')), { maxLength: 30 }), (names) => {
        const made = sloNames(names);
        expect(made).toHaveLength(names.length);
        expect(new Set(made).size).toBe(made.length);
        for (const name of made) {
          Rfc1123Name.parse(name);
          Rfc1123Name.parse(`${name}-sli`);
        }
      }),
    );
  });

  it('resolves collisions with -2, -3 and cuts long names to fit', () => {
    expect(sloNames(['Latency', 'latency', 'LATENCY!', '', '?'])).toEqual(['latency', 'latency-2', 'latency-3', 'metric', 'metric-2']);
    const long = 'A very long metric name that goes on and on well past the limit of sixty-three characters';
    const [first, second] = sloNames([long, long]);
    expect(first!.length).toBeLessThanOrEqual(NAME_MAX - 4);
    expect(second).toMatch(/-2$/);
    expect(second!.length).toBeLessThanOrEqual(NAME_MAX - 4);
    expect(sloNames(['Über-Latenz'])).toEqual(['uber-latenz']);
  });
});

describe('the OpenSLO v1 schema the tests use', () => {
  const slo = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'latency' },
    spec: { service: 'web', indicatorRef: 'latency-sli', timeWindow: [{ duration: '4w', isRolling: true }], budgetingMethod: 'Occurrences', objectives: [{ op: 'lte', value: 800, target: 0.99 }] },
  };
  const spec = slo.spec;

  it('takes a valid SLO and refuses what the README forbids', () => {
    expect(OpenSloDocument.safeParse(slo).success).toBe(true);
    const refused = [
      { ...slo, metadata: { name: 'Latency' } },
      { ...slo, metadata: { name: 'x'.repeat(64) } },
      { ...slo, metadata: { name: 'latency', annotations: { version: 2 } } },
      { ...slo, spec: { ...spec, objectives: [{ op: 'lte', value: 800, target: 1 }] } },
      { ...slo, spec: { ...spec, objectives: [{ op: 'lte', value: 800, target: 0.9, targetPercent: 90 }] } },
      { ...slo, spec: { ...spec, timeWindow: [{ duration: '4 weeks', isRolling: true }] } },
      { ...slo, spec: { ...spec, budgetingMethod: 'Requests' } },
      { ...slo, spec: { ...spec, indicatorRef: undefined } },
      { ...slo, apiVersion: 'openslo/v1alpha' },
    ];
    for (const doc of refused) expect(OpenSloDocument.safeParse(doc).success, JSON.stringify(doc)).toBe(false);
  });
});
