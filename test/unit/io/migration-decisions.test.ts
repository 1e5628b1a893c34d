import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';
import { migrateFile } from '../../../renderer/src/io/migrations';

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
type Data = { matrices: { id: string; decision: unknown; pastDecisions: unknown[] }[]; decisions: Record<string, unknown>[] };

describe('file migration 5 -> 6: the decision log', () => {
  it('puts the matrices’ decisions in the log: the standing one with its basis, the reopened one without', () => {
    const migrated = migrateFile(fixture('format-v5/support-assistant.keel.json'), 5, 6);
    const data = migrated.data as Data;
    const decided = data.matrices.find((m) => m.decision)!;
    expect(data.decisions.map((d) => [d.id, d.number, d.status, d.matrixId, d.supersedes, d.supersededBy])).toEqual([
      ['v5-decision-1', 1, 'superseded', decided.id, '', 'v5-decision-2'],
      ['v5-decision-2', 2, 'accepted', decided.id, 'v5-decision-1', ''],
    ]);
    expect(data.decisions[0]).toMatchObject({ basis: null, context: expect.stringContaining('earlier Keel'), statusNote: expect.stringMatching(/^Reopened on /) });
    expect(data.decisions[1]!.basis).toMatchObject({ question: 'Which retrieval upgrade ships next quarter?' });

    // The migrated file reads as a current one, the records and their basis included.
    const parsed = parseKeelFile(readFileSync(new URL('../../fixtures/format-v5/support-assistant.keel.json', import.meta.url), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const records = parsed.snapshot.owned.decisions as unknown as DecisionRecord[];
    expect(records).toHaveLength(2);
    const basis = records.find((r) => r.status === 'accepted')!.basis!;
    expect(basis.options.length).toBe(basis.ranking.length);
    expect(basis.functions.length).toBeGreaterThan(0);
  });

  it('adds only what is missing: a file whose log names the matrix keeps its log as it is', () => {
    const file = fixture('format-v5/support-assistant.keel.json');
    const data = file.data as Data;
    const decided = data.matrices.find((m) => m.decision)!;
    const kept = { id: 'mine', number: 9, matrixId: decided.id };
    const migrated = migrateFile({ ...file, data: { ...data, decisions: [kept] } }, 5, 6);
    expect((migrated.data as Data).decisions).toEqual([kept]);
  });

  it('leaves a decision that does not read as one to validation, and records the rest', () => {
    const file = fixture('format-v5/support-assistant.keel.json');
    const data = file.data as Data;
    const broken = { ...data, matrices: [{ ...data.matrices[0], decision: { recordedAt: 'not a date' } }] };
    const decisions = (migrateFile({ ...file, data: broken }, 5, 6).data as Data).decisions;
    expect(decisions.map((d) => [d.status, d.supersededBy])).toEqual([['superseded', '']]);
    const unreadable = { ...data, matrices: [{ ...data.matrices[0], pastDecisions: 'not a list', decision: { recordedAt: 'not a date', rationale: 'x', deciders: 'y', date: '2026-01-01', optionId: 'o' } }] };
    expect((migrateFile({ ...file, data: unreadable }, 5, 6).data as Data).decisions).toEqual([]);
  });
});
