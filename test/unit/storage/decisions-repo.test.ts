import { beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { emptyMetricDraft } from '../../../renderer/src/domain/metrics/model';
import { DecisionsRepository } from '../../../renderer/src/storage/decisions-repo';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: DecisionsRepository;
let programId: string;

beforeEach(async () => {
  store = await freshStore();
  repo = new DecisionsRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Support assistant' })).id;
});

const stored = async (id: string): Promise<DecisionRecord> => (await store.db.decisions.get(id))!;
const undo = () => store.editor.undo();

describe('DecisionsRepository', () => {
  it('numbers new drafts in order and edits them, one undo step each', async () => {
    const first = await repo.create(programId, '  Use hybrid search ', '2026-12-01');
    const second = await repo.create(programId, 'Keep a human in the loop', '2026-12-02');
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ title: 'Use hybrid search', status: 'draft', date: '2026-12-01' });
    await expect(repo.create(programId, ' ', '2026-12-01')).rejects.toThrow('Give the decision a title.');

    await repo.updateText(first.id, 'context', 'Recall is poor', 'typing');
    await repo.updateText(first.id, 'context', 'Recall is poor on refunds', 'typing');
    await repo.setOptions(first.id, [{ title: 'Dense', description: '' }, { title: 'Hybrid', description: 'BM25 + dense' }], 'Add option');
    expect(await stored(first.id)).toMatchObject({ context: 'Recall is poor on refunds', options: [{ title: 'Dense' }, { title: 'Hybrid' }] });
    await undo();
    expect((await stored(first.id)).options).toEqual([]);
    await undo();
    // Typing merged into one step.
    expect((await stored(first.id)).context).toBe('');
  });

  it('never edits an accepted record; rejecting and deprecating keep their reason', async () => {
    const record = await repo.create(programId, 'Use hybrid search', '2026-12-01');
    await repo.setStatus(record.id, 'proposed', '', '2026-12-03');
    await repo.setStatus(record.id, 'accepted', '', '2026-12-05');
    expect(await stored(record.id)).toMatchObject({ status: 'accepted', date: '2026-12-05' });
    await expect(repo.updateText(record.id, 'context', 'changed')).rejects.toThrow(/no longer edited/);
    await expect(repo.setStatus(record.id, 'draft', '', '2026-12-05')).rejects.toThrow('A record that is accepted cannot become draft.');
    await expect(repo.setStatus(record.id, 'deprecated', '', '2026-12-05')).rejects.toThrow(/Say why/);
    await repo.setStatus(record.id, 'deprecated', 'The vendor closed', '2026-12-06');
    expect(await stored(record.id)).toMatchObject({ status: 'deprecated', statusNote: 'The vendor closed' });
    await undo();
    expect(await stored(record.id)).toMatchObject({ status: 'accepted', statusNote: '' });
  });

  it('supersedes an accepted record with a draft; accepting the draft supersedes the old one, each in one step', async () => {
    const old = await repo.create(programId, 'Use hybrid search', '2026-12-01');
    await repo.updateText(old.id, 'outcome', 'Hybrid');
    await repo.setStatus(old.id, 'accepted', '', '2026-12-01');
    const draft = await repo.supersede(old.id, '2027-01-10');
    expect(draft).toMatchObject({ number: 2, status: 'draft', outcome: 'Hybrid', supersedes: old.id, date: '2027-01-10' });
    expect(await stored(old.id)).toMatchObject({ status: 'accepted', supersededBy: draft.id });
    await expect(repo.supersede(old.id, '2027-01-10')).rejects.toThrow(/already supersedes/);

    await repo.updateText(draft.id, 'outcome', 'Re-ranker');
    await repo.setStatus(draft.id, 'accepted', '', '2027-01-12');
    expect(await stored(old.id)).toMatchObject({ status: 'superseded', supersededBy: draft.id, outcome: 'Hybrid' });
    expect(await stored(draft.id)).toMatchObject({ status: 'accepted', outcome: 'Re-ranker' });
    await undo();
    expect(await stored(old.id)).toMatchObject({ status: 'accepted', supersededBy: draft.id });
    expect(await stored(draft.id)).toMatchObject({ status: 'draft' });
  });

  it('rejecting a superseding draft leaves the old record standing, free to be superseded again', async () => {
    const old = await repo.create(programId, 'Use hybrid search', '2026-12-01');
    await repo.setStatus(old.id, 'accepted', '', '2026-12-01');
    const draft = await repo.supersede(old.id, '2027-01-10');
    await repo.setStatus(draft.id, 'rejected', 'Not needed after all', '2027-01-11');
    expect(await stored(old.id)).toMatchObject({ status: 'accepted', supersededBy: '' });
    expect((await repo.supersede(old.id, '2027-01-12')).number).toBe(3);
  });

  it('deletes drafts only, unlinking what pointed at them; undo restores both', async () => {
    const old = await repo.create(programId, 'Use hybrid search', '2026-12-01');
    await repo.setStatus(old.id, 'accepted', '', '2026-12-01');
    const draft = await repo.supersede(old.id, '2027-01-10');
    await expect(repo.remove(old.id)).rejects.toThrow(/Only a draft is deleted/);
    expect((await repo.linksTo(draft)).map((h) => [h.kind, h.label])).toEqual([['decision', 'ADR-0001 Use hybrid search']]);
    await repo.remove(draft.id);
    expect(await store.db.decisions.get(draft.id)).toBeUndefined();
    expect((await stored(old.id)).supersededBy).toBe('');
    await undo();
    expect(await stored(draft.id)).toMatchObject({ supersedes: old.id });
    expect((await stored(old.id)).supersededBy).toBe(draft.id);
  });

  it('links only to records of the same program', async () => {
    const record = await repo.create(programId, 'Use hybrid search', '2026-12-01');
    const [metric] = await new MetricsRepository(store.editor, store.clock.now).addMetrics(programId, [emptyMetricDraft('Resolution rate')]);
    await repo.setLinks(record.id, 'metricIds', [metric!.id, metric!.id]);
    expect((await stored(record.id)).metricIds).toEqual([metric!.id]);
    await expect(repo.setLinks(record.id, 'metricIds', ['nope'])).rejects.toThrow('A record to link to no longer exists.');
  });
});

describe('a matrix decision in the log', () => {
  async function decidedMatrix() {
    const matrices = new MatrixRepository(store.editor, store.clock.now);
    const matrix = await matrices.create(programId, 'Which retriever ships?');
    const a = await matrices.addOption(matrix.id, 'Dense');
    const b = await matrices.addOption(matrix.id, 'Hybrid');
    const quality = await matrices.addCriterion(matrix.id, { name: 'Quality', metricId: '', direction: 'benefit' });
    await matrices.setScore(matrix.id, a, quality, { value: 2 });
    await matrices.setScore(matrix.id, b, quality, { value: 4, rationale: 'Better recall' });
    await matrices.decide(matrix.id, { optionId: b, rationale: 'Recall matters most', deciders: 'Priya', date: '2026-12-01' });
    return { matrices, id: matrix.id, a, b, quality };
  }

  it('deciding writes the record in the same edit; undo removes both', async () => {
    const { id } = await decidedMatrix();
    const [record] = await store.db.decisions.where({ matrixId: id }).toArray();
    expect(record).toMatchObject({ number: 1, status: 'accepted', title: 'Which retriever ships? → Hybrid', deciders: 'Priya', date: '2026-12-01' });
    expect(record!.basis).toMatchObject({ chosen: 1, recommended: 1, ranking: [{ option: 0, score: 0.25 }, { option: 1, score: 0.75 }] });
    expect(store.editor.history.nextUndo?.label).toBe('Record decision');
    await undo();
    expect(await store.db.decisions.count()).toBe(0);
    expect((await store.db.matrices.get(id))!.decision).toBeNull();
  });

  it('reopening supersedes the record, which keeps its basis through changes; the next decision links to it', async () => {
    const { matrices, id, a, quality } = await decidedMatrix();
    store.clock.advance(86_400_000);
    await matrices.reopen(id, 'New eval data');
    const [first] = await store.db.decisions.where({ matrixId: id }).toArray();
    expect(first).toMatchObject({ status: 'superseded', statusNote: expect.stringMatching(/^Reopened on [A-Z][a-z]{2} \d{1,2}, \d{4}: New eval data$/) });
    await matrices.setScore(id, a, quality, { value: 5 });
    await matrices.decide(id, { optionId: a, rationale: 'Dense caught up', deciders: 'Priya', date: '2026-12-08' });
    const records = await store.db.decisions.where({ matrixId: id }).sortBy('number');
    expect(records.map((r) => [r.number, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'accepted'],
    ]);
    expect(records[0]).toMatchObject({ supersededBy: records[1]!.id, basis: { ranking: [{ score: 0.25 }, { score: 0.75 }] } });
    expect(records[1]).toMatchObject({ supersedes: records[0]!.id, basis: { ranking: [{ score: 1 }, { score: 0.75 }] } });
    await undo();
    expect(await stored(records[0]!.id)).toMatchObject({ supersededBy: '', status: 'superseded' });
    expect(await store.db.decisions.count()).toBe(1);
  });

  it('deleting the matrix unlinks its records, which keep their basis', async () => {
    const { matrices, id } = await decidedMatrix();
    await matrices.remove(id);
    const [record] = await store.db.decisions.toArray();
    expect(record).toMatchObject({ matrixId: '', basis: { question: 'Which retriever ships?' } });
    await undo();
    expect((await store.db.decisions.toArray())[0]!.matrixId).toBe(id);
  });
});
