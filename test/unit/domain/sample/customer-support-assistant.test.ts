import { describe, expect, it } from 'vitest';
import { attentionCount, attentionOf } from '../../../../renderer/src/domain/attention';
import { LINK_FIELDS, LINK_TABLES } from '../../../../renderer/src/domain/links';
import { programRecords } from '../../../../renderer/src/domain/program-records';
import { revisitFlags } from '../../../../renderer/src/domain/revisit/flags';
import { customerSupportAssistant, SAMPLE_PROGRAM_NAME } from '../../../../renderer/src/domain/sample/customer-support-assistant';
import { ITEM_KINDS } from '../../../../renderer/src/domain/uncertainty/model';
import { HORIZONS } from '../../../../renderer/src/domain/roadmap/model';
import { isoDay } from '../../../../renderer/src/domain/dates';
import { parseKeelFile, serializeProgram } from '../../../../renderer/src/io/keel-file';

const NOW = Date.parse('2027-03-15T10:00:00Z');
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

/** The sample as the app creates it: written as a .keel.json file and read back through the import pipeline. */
function imported(now = NOW) {
  const text = serializeProgram(customerSupportAssistant(now, counter()), 'test', new Date(now));
  const parsed = parseKeelFile(text);
  if (!parsed.ok) throw new Error(`The sample does not validate: ${JSON.stringify(parsed.error, null, 2)}`);
  return programRecords(parsed.snapshot);
}

describe('the sample program', () => {
  it('passes the same validation as an imported file', () => {
    const text = serializeProgram(customerSupportAssistant(NOW, counter()), 'test', new Date(NOW));
    const parsed = parseKeelFile(text);
    expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
  });

  it('has records in every area', () => {
    const records = imported();
    expect(records.program.name).toBe(SAMPLE_PROGRAM_NAME);
    for (const table of ['layers', 'uncertaintyItems', 'functions', 'metrics', 'matrices', 'roadmapItems', 'decisions', 'scopeChanges', 'actions', 'sessions', 'captures', 'votes', 'snapshots', 'revisitReviews'] as const) {
      expect(records[table].length, table).toBeGreaterThan(0);
    }
  });

  it('exercises each kind of item, each horizon, agreement states, a veto, a superseded record and both kinds of session', () => {
    const r = imported();
    expect(new Set(r.uncertaintyItems.map((i) => i.kind))).toEqual(new Set(ITEM_KINDS));
    expect(r.uncertaintyItems.every((i) => i.ownerPerson && i.nextStep && i.reviewDate)).toBe(true);
    expect(r.uncertaintyItems.some((i) => i.evidence.length > 0)).toBe(true);
    expect(new Set(r.roadmapItems.map((i) => i.horizon))).toEqual(new Set(HORIZONS));
    expect(r.roadmapItems.every((i) => i.earliest && i.latest && i.earliest <= i.latest)).toBe(true);
    expect(r.roadmapItems.some((i) => i.history.length > 0)).toBe(true);
    expect(r.metrics.every((m) => m.readings.length > 1 && m.baseline.value !== null && m.target.value !== null && m.guardrail)).toBe(true);
    expect(r.metrics.some((m) => m.versions.length > 0)).toBe(true);
    expect(r.metrics.some((m) => m.signoffs.some((s) => s.state === 'object'))).toBe(true);
    const [matrix] = r.matrices;
    expect(matrix!.decision).not.toBeNull();
    expect(matrix!.criteria.filter((c) => c.metricId).length).toBeGreaterThan(1);
    expect(matrix!.functionWeights.length).toBe(3);
    const matrixRecord = r.decisions.find((d) => d.matrixId === matrix!.id);
    expect(matrixRecord?.status).toBe('accepted');
    expect(matrixRecord?.basis?.vetoes.length).toBeGreaterThan(0);
    expect(r.decisions.some((d) => d.status === 'superseded' && d.supersededBy)).toBe(true);
    expect(new Set(r.sessions.map((s) => s.status))).toEqual(new Set(['closed', 'planned']));
    expect(r.votes[0]!.revealedAt).not.toBeNull();
    // A breached guardrail flags what rests on it: some flags reviewed with a note, some standing.
    const flags = revisitFlags(r, r.revisitReviews);
    expect(flags.some((f) => f.review) && flags.some((f) => !f.review)).toBe(true);
    expect(new Set(r.actions.map((a) => a.source?.kind ?? 'none'))).toEqual(new Set(['uncertainty', 'scope', 'decision', 'metric', 'none']));
  });

  it('links only records it has', () => {
    const r = imported();
    const ids = (kind: keyof typeof LINK_TABLES) => new Set((r[LINK_TABLES[kind] as keyof typeof r] as { id: string }[]).map((row) => row.id));
    let checked = 0;
    for (const f of LINK_FIELDS) {
      const targets = ids(f.to);
      for (const row of r[LINK_TABLES[f.from] as keyof typeof r] as unknown as Record<string, unknown>[]) {
        const value = row[f.field];
        const linked = f.list ? (value as string[]) : value ? [value as string] : [];
        for (const id of linked) {
          expect(targets.has(id), `${f.from}.${f.field} -> ${id}`).toBe(true);
          checked++;
        }
      }
    }
    for (const action of r.actions) if (action.source) expect(ids(action.source.kind).has(action.source.id)).toBe(true);
    for (const capture of r.captures) if (capture.recordId) expect([...ids('uncertainty'), ...ids('action')]).toContain(capture.recordId);
    expect(checked).toBeGreaterThan(30);
  });

  it('dates its records from the day it is created, so "what needs attention" has something to show', () => {
    for (const now of [NOW, Date.parse('2031-08-01T18:00:00Z')]) {
      const r = imported(now);
      const today = isoDay(now);
      expect(r.uncertaintyItems.some((i) => i.reviewDate < today)).toBe(true);
      expect(r.sessions.find((s) => s.status === 'planned')!.date > today).toBe(true);
      const flags = revisitFlags(r, r.revisitReviews);
      const sections = attentionOf(r, flags, now, r.program.staleAfterDays);
      expect(attentionCount(sections)).toBeGreaterThan(0);
    }
  });

  it('is a different set of ids each time it is made', () => {
    const a = customerSupportAssistant(NOW, counter());
    const b = customerSupportAssistant(NOW, () => `other-${Math.random()}`);
    expect(a.program.id).not.toBe(b.program.id);
  });
});
