import { describe, expect, it } from 'vitest';
import {
  checkStatusChange,
  isEditable,
  newDecision,
  nextDecisionNumber,
  nextStatuses,
  supersedeChain,
  supersedingDraft,
  wouldLoop,
} from '../../../../renderer/src/domain/decisions/edits';
import { missingMatrixRecords } from '../../../../renderer/src/domain/decisions/from-matrix';
import type { DecisionRecord } from '../../../../renderer/src/domain/decisions/model';
import { decidedMatrix, functions, latency } from './fixtures';

const base = (id: string, number: number) => ({ id, programId: 'p', number, title: `Record ${id}`, date: '2026-12-01', now: 1 });
const record = (id: string, number: number, patch: Partial<DecisionRecord> = {}): DecisionRecord => ({ ...newDecision(base(id, number)), ...patch });
const byId = (...records: DecisionRecord[]) => new Map(records.map((r) => [r.id, r]));

describe('decision status rules', () => {
  it('edits drafts and proposals only', () => {
    expect(['draft', 'proposed'].every((status) => isEditable({ status: status as DecisionRecord['status'] }))).toBe(true);
    expect(['accepted', 'rejected', 'deprecated', 'superseded'].some((status) => isEditable({ status: status as DecisionRecord['status'] }))).toBe(false);
  });

  it('moves a record on only where the log allows, with a reason to reject or deprecate', () => {
    expect(nextStatuses('draft')).toEqual(['proposed', 'accepted', 'rejected']);
    expect(nextStatuses('accepted')).toEqual(['deprecated']);
    expect(nextStatuses('superseded')).toEqual([]);
    expect(checkStatusChange({ status: 'accepted' }, 'draft', '')).toEqual({ ok: false, message: 'A record that is accepted cannot become draft.' });
    expect(checkStatusChange({ status: 'draft' }, 'superseded', '')).toMatchObject({ ok: false });
    expect(checkStatusChange({ status: 'proposed' }, 'rejected', '  ')).toEqual({ ok: false, message: 'Say why it is rejected; the record keeps it.' });
    expect(checkStatusChange({ status: 'accepted' }, 'deprecated', ' Vendor gone ')).toEqual({ ok: true, value: 'Vendor gone' });
    expect(checkStatusChange({ status: 'draft' }, 'accepted', 'ignored')).toEqual({ ok: true, value: '' });
  });

  it('numbers records one past the highest, never filling a gap', () => {
    expect(nextDecisionNumber([])).toBe(1);
    expect(nextDecisionNumber([{ number: 1 }, { number: 7 }, { number: 3 }])).toBe(8);
  });
});

describe('superseding', () => {
  it('copies an accepted record into a new draft linked to it', () => {
    const old = record('a', 1, { status: 'accepted', context: 'Why', options: [{ title: 'X', description: '' }], metricIds: ['m'], matrixId: 'mx' });
    const draft = supersedingDraft(old, base('b', 2));
    expect(draft).toMatchObject({ ok: true, value: { id: 'b', number: 2, status: 'draft', supersedes: 'a', supersededBy: '', context: 'Why', metricIds: ['m'], matrixId: 'mx' } });
    if (draft.ok) expect(draft.value.options).not.toBe(old.options);
    expect(supersedingDraft({ ...old, status: 'draft' }, base('b', 2))).toMatchObject({ ok: false });
    expect(supersedingDraft({ ...old, supersededBy: 'c' }, base('b', 2))).toEqual({ ok: false, message: 'A newer record already supersedes this one: open it to continue.' });
  });

  it('shows a chain A superseded by B superseded by C from any of them', () => {
    const a = record('a', 1, { status: 'superseded', supersededBy: 'b' });
    const b = record('b', 2, { status: 'superseded', supersedes: 'a', supersededBy: 'c' });
    const c = record('c', 3, { status: 'accepted', supersedes: 'b' });
    const all = byId(a, b, c, record('other', 4));
    for (const id of ['a', 'b', 'c']) {
      expect(supersedeChain(all, id)).toEqual({ chain: [a, b, c], looped: false });
    }
    expect(supersedeChain(all, 'other').chain.map((r) => r.id)).toEqual(['other']);
    expect(supersedeChain(all, 'gone')).toEqual({ chain: [], looped: false });
  });

  it('stops at a loop of links instead of following it forever', () => {
    const a = record('a', 1, { supersedes: 'c', supersededBy: 'b' });
    const b = record('b', 2, { supersedes: 'a', supersededBy: 'c' });
    const c = record('c', 3, { supersedes: 'b', supersededBy: 'a' });
    const { chain, looped } = supersedeChain(byId(a, b, c), 'b');
    expect(looped).toBe(true);
    expect(chain.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(wouldLoop(byId(a, b, c), 'a', 'c')).toBe(true);
    expect(wouldLoop(byId(record('x', 1), record('y', 2, { supersedes: 'x' })), 'y', 'x')).toBe(false);
    expect(wouldLoop(byId(record('x', 1)), 'x', 'x')).toBe(true);
  });
});

describe('records of matrix decisions taken before the log', () => {
  it('adds the reopened decisions superseded without a basis, and the standing one accepted with it, chained', () => {
    const matrix = decidedMatrix();
    const past = { ...matrix.decision!, optionId: 'b', recordedAt: 1_700_000_000_000, reopened: { at: Date.UTC(2026, 10, 2), reason: 'Latency budget cut' } };
    let n = 0;
    const records = missingMatrixRecords('p', [{ ...matrix, pastDecisions: [past] }], [latency], functions, [{ number: 4, matrixId: '' }], () => `r${++n}`);
    expect(records.map((r) => [r.id, r.number, r.status, r.supersedes, r.supersededBy])).toEqual([
      ['r1', 5, 'superseded', '', 'r2'],
      ['r2', 6, 'accepted', 'r1', ''],
    ]);
    expect(records[0]).toMatchObject({ basis: null, statusNote: 'Reopened on Nov 2, 2026: Latency budget cut', title: 'Which retriever ships? → B', matrixId: 'm1' });
    expect(records[0]!.context).toMatch(/earlier Keel/);
    expect(records[1]!.basis).toMatchObject({ chosen: 0, question: 'Which retriever ships?' });
    expect(records[1]).toMatchObject({ metricIds: [latency.id], deciders: 'Priya, Sam', date: '2026-12-01', consequencesBad: expect.stringContaining('p95 latency') });
    // Only what is missing: a matrix the log already names gets nothing more.
    expect(missingMatrixRecords('p', [matrix], [latency], functions, [{ number: 1, matrixId: 'm1' }], () => 'x')).toEqual([]);
  });
});

describe('the title of a matrix decision', () => {
  it('names the question and the option, and stays within a title’s length', async () => {
    const { matrixDecisionTitle } = await import('../../../../renderer/src/domain/decisions/from-matrix');
    expect(matrixDecisionTitle(' Which retriever ships? ', 'Hybrid')).toBe('Which retriever ships? → Hybrid');
    const long = matrixDecisionTitle('Q'.repeat(300), 'O'.repeat(200));
    expect(long).toHaveLength(200);
    expect(long).toMatch(/^Q+… → O+…$/);
  });
});
