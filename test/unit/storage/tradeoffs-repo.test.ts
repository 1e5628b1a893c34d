import type { Observable } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft, type Metric, type ProgramFunction } from '../../../renderer/src/domain/metrics/model';
import type { Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { MATRIX_LOCKED_MESSAGE, MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: MatrixRepository;
let metricsRepo: MetricsRepository;
let programId: string;
let functions: ProgramFunction[];
let latency: Metric;

beforeEach(async () => {
  store = await freshStore();
  repo = new MatrixRepository(store.editor, store.clock.now);
  metricsRepo = new MetricsRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Support assistant' })).id;
  functions = await store.db.functions.where({ programId }).sortBy('order');
  const [added] = await metricsRepo.addMetrics(programId, [{ ...emptyMetricDraft('p95 latency'), unit: 'ms', direction: 'lower' }]);
  latency = added!;
});

/** The first value a live query emits. */
function firstValueFrom<T>(observable: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = observable.subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });
}

const stored = async (id: string): Promise<Matrix> => (await store.db.matrices.get(id))!;

/** A matrix with two options and two criteria (one linked to the latency metric), scored on one cell. */
async function setUp() {
  const matrix = await repo.create(programId, 'Which retrieval upgrade ships next quarter?');
  const hybrid = await repo.addOption(matrix.id, 'Hybrid search');
  const rerank = await repo.addOption(matrix.id, 'Re-ranker', 'Cross-encoder over the top 50');
  const speed = await repo.addCriterion(matrix.id, { name: '', metricId: latency.id, direction: 'cost' });
  const effort = await repo.addCriterion(matrix.id, { name: 'Effort', metricId: '', direction: 'cost' });
  await repo.setScore(matrix.id, hybrid, speed, { value: 4, rationale: 'No extra model call' });
  return { id: matrix.id, hybrid, rerank, speed, effort };
}

describe('MatrixRepository', () => {
  it('creates matrices, oldest first, and stamps the program', async () => {
    store.clock.advance(1000);
    const first = await repo.create(programId, '  Which   model? ');
    store.clock.advance(1000);
    await repo.create(programId, 'Which vendor?');
    expect(first).toMatchObject({ question: 'Which model?', mode: 'rating', options: [], decision: null, combined: { mode: 'equal' } });
    const list = await firstValueFrom(repo.watchMatrices(programId));
    expect(list.map((m) => m.question)).toEqual(['Which model?', 'Which vendor?']);
    expect((await store.programs.get(programId))!.updatedAt).toBe(store.clock.now());
    await expect(repo.create(programId, '   ')).rejects.toThrow('Ask the question the matrix should answer.');
    await expect(repo.create(programId, 'x'.repeat(301))).rejects.toThrow('Keep the question under 300 characters (it has 301).');
    await expect(repo.create('nope', 'Why?')).rejects.toThrow('That program no longer exists.');
  });

  it('edits the question and context, merging typing into one undo step', async () => {
    const { id } = await repo.create(programId, 'Which?');
    await repo.update(id, { context: 'Q' }, 'context');
    store.clock.advance(500);
    await repo.update(id, { context: 'Q3 budget' }, 'context');
    expect((await stored(id)).context).toBe('Q3 budget');
    expect(await store.editor.undo()).toBe('Edit context');
    expect((await stored(id)).context).toBe('');
    await expect(repo.update(id, { question: ' ' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(repo.update(id, { context: 'x'.repeat(5001) })).rejects.toThrow('Keep the context under 5000 characters.');
  });

  it('adds, edits, reorders and removes options; removing one drops its cells', async () => {
    const { id, hybrid, rerank, speed } = await setUp();
    expect((await stored(id)).options.map((o) => o.title)).toEqual(['Hybrid search', 'Re-ranker']);
    await repo.updateOption(id, rerank, { title: 'Re-ranker (cross-encoder)', description: '' });
    await repo.moveOption(id, rerank, -1);
    await repo.moveOption(id, rerank, -1);
    expect((await stored(id)).options.map((o) => [o.title, o.description])).toEqual([
      ['Re-ranker (cross-encoder)', ''],
      ['Hybrid search', ''],
    ]);
    await repo.setScore(id, rerank, speed, { value: 2 });
    await repo.removeOption(id, hybrid);
    const after = await stored(id);
    expect(after.options.map((o) => o.id)).toEqual([rerank]);
    expect(after.scores.map((s) => s.optionId)).toEqual([rerank]);
    await expect(repo.addOption(id, ' ')).rejects.toThrow('Give the option a title.');
    await expect(repo.updateOption(id, 'gone', { title: 'X' })).rejects.toThrow('That option no longer exists.');
    await expect(repo.moveOption(id, 'gone', 1)).rejects.toThrow('That option no longer exists.');
  });

  it('links a metric under its name, refuses linking it twice and duplicate names', async () => {
    const { id, speed, effort } = await setUp();
    expect((await stored(id)).criteria).toEqual([
      { id: speed, name: 'p95 latency', metricId: latency.id, direction: 'cost' },
      { id: effort, name: 'Effort', metricId: '', direction: 'cost' },
    ]);
    await expect(repo.addCriterion(id, { name: '', metricId: latency.id, direction: 'cost' })).rejects.toThrow(
      '"p95 latency" is already a criterion of this matrix.',
    );
    await expect(repo.addCriterion(id, { name: 'effort', metricId: '', direction: 'cost' })).rejects.toThrow(
      'There is already a criterion called "effort".',
    );
    await expect(repo.addCriterion(id, { name: 'P95 Latency', metricId: '', direction: 'cost' })).rejects.toThrow(/already a criterion called/);
    await expect(repo.addCriterion(id, { name: ' ', metricId: '', direction: 'cost' })).rejects.toThrow('Give the criterion a name.');
    await expect(repo.addCriterion(id, { name: '', metricId: 'gone', direction: 'cost' })).rejects.toThrow('That metric no longer exists.');
  });

  it('renames and turns free-standing criteria, but not linked ones, and reorders them', async () => {
    const { id, speed, effort } = await setUp();
    await repo.updateCriterion(id, effort, { name: 'Engineering effort', direction: 'cost' });
    await expect(repo.updateCriterion(id, effort, { name: 'P95 latency' })).rejects.toThrow(/already a criterion called/);
    await expect(repo.updateCriterion(id, speed, { name: 'Speed' })).rejects.toThrow(/takes its name and direction from its shared metric/);
    await repo.moveCriterion(id, effort, -1);
    expect((await stored(id)).criteria.map((c) => c.name)).toEqual(['Engineering effort', 'p95 latency']);
    await repo.moveCriterion(id, effort, -1);
    expect((await stored(id)).criteria.map((c) => c.name)).toEqual(['Engineering effort', 'p95 latency']);
  });

  it('removing a criterion drops its cells, weights and judgements everywhere', async () => {
    const { id, hybrid, speed, effort } = await setUp();
    const quality = await repo.addCriterion(id, { name: 'Answer quality', metricId: '', direction: 'benefit' });
    await repo.setScore(id, hybrid, effort, { value: 2 });
    await repo.setFunctionWeights(id, functions[0]!.id, { [speed]: 0.5, [effort]: 0.3, [quality]: 0.2 }, { [`${speed}|${effort}`]: 3, [`${effort}|${quality}`]: 1 / 2 });
    await repo.setCombined(id, { mode: 'facilitator', weights: { [speed]: 1, [effort]: 2 }, judgements: { [`${quality}|${effort}`]: 5 } });
    await repo.removeCriterion(id, effort);
    const after = await stored(id);
    expect(after.criteria.map((c) => c.id)).toEqual([speed, quality]);
    expect(after.scores.map((s) => s.criterionId)).toEqual([speed]);
    expect(after.functionWeights).toEqual([{ functionId: functions[0]!.id, weights: { [speed]: 0.5, [quality]: 0.2 }, judgements: {} }]);
    expect(after.combined).toEqual({ mode: 'facilitator', weights: { [speed]: 1 }, judgements: {} });
  });

  it('scores cells within the scale, drops blank cells and checks every field', async () => {
    const { id, hybrid, rerank, speed } = await setUp();
    await repo.setScore(id, rerank, speed, { confidence: 'low', expected: 2400 });
    expect((await stored(id)).scores).toHaveLength(2);
    await repo.setScore(id, rerank, speed, { confidence: null, expected: null });
    expect((await stored(id)).scores).toEqual([
      { optionId: hybrid, criterionId: speed, value: 4, rationale: 'No extra model call', confidence: null, expected: null },
    ]);
    await expect(repo.setScore(id, hybrid, speed, { value: 6 })).rejects.toThrow('Rate with a whole number from 1 to 5.');
    await expect(repo.setScore(id, hybrid, speed, { value: 2.5 })).rejects.toThrow('Rate with a whole number from 1 to 5.');
    await expect(repo.setScore(id, hybrid, speed, { expected: Number.NaN })).rejects.toThrow('The expected value must be a number.');
    await expect(repo.setScore(id, hybrid, speed, { rationale: 'x'.repeat(5001) })).rejects.toThrow('Keep the rationale under 5000 characters.');
    await expect(repo.setScore(id, 'gone', speed, { value: 1 })).rejects.toThrow('That option no longer exists.');
    await expect(repo.setScore(id, hybrid, 'gone', { value: 1 })).rejects.toThrow('That criterion no longer exists.');
  });

  it('changing the scale clears values but keeps rationales; blank cells go', async () => {
    const { id, hybrid, rerank, speed, effort } = await setUp();
    await repo.setScore(id, rerank, effort, { value: 3 });
    await repo.setMode(id, 'effect');
    const after = await stored(id);
    expect(after.mode).toBe('effect');
    expect(after.scores).toEqual([{ optionId: hybrid, criterionId: speed, value: null, rationale: 'No extra model call', confidence: null, expected: null }]);
    await repo.setScore(id, rerank, speed, { value: -3 });
    await expect(repo.setScore(id, rerank, speed, { value: 4 })).rejects.toThrow('Score the effect with a whole number from −3 to +3 (type − first for a worsening).');
    expect(await store.editor.undo()).toBe('Score');
    expect(await store.editor.undo()).toBe('Change scoring scale');
    expect((await stored(id)).scores.map((s) => s.value)).toEqual([4, 3]);
  });

  it('undo and redo a score; typing a rationale merges into one step', async () => {
    const { id, hybrid, effort } = await setUp();
    await repo.setScore(id, hybrid, effort, { value: 5 });
    expect(await store.editor.undo()).toBe('Score');
    expect((await stored(id)).scores.find((s) => s.criterionId === effort)).toBeUndefined();
    expect(await store.editor.redo()).toBe('Score');
    expect((await stored(id)).scores.find((s) => s.criterionId === effort)?.value).toBe(5);

    for (const text of ['Two', 'Two sprints', 'Two sprints of work']) {
      store.clock.advance(300);
      await repo.setScore(id, hybrid, effort, { rationale: text }, `rationale:${hybrid}:${effort}`);
    }
    expect((await stored(id)).scores.find((s) => s.criterionId === effort)?.rationale).toBe('Two sprints of work');
    expect(await store.editor.undo()).toBe('Edit rationale');
    expect((await stored(id)).scores.find((s) => s.criterionId === effort)).toMatchObject({ value: 5, rationale: '' });
  });

  it('sets one function weight (from 1 point each), and AHP weights with judgements', async () => {
    const { id, speed, effort } = await setUp();
    const eng = functions[0]!.id;
    await repo.setFunctionWeights(id, eng, { [speed]: 0.75, [effort]: 0.25 }, { [`${speed}|${effort}`]: 3 });
    expect((await stored(id)).functionWeights).toEqual([{ functionId: eng, weights: { [speed]: 0.75, [effort]: 0.25 }, judgements: { [`${speed}|${effort}`]: 3 } }]);
    // A weight typed by hand keeps the comparisons, for the pairwise dialog to start from.
    await repo.setFunctionWeight(id, eng, effort, 0.5);
    expect((await stored(id)).functionWeights).toEqual([{ functionId: eng, weights: { [speed]: 0.75, [effort]: 0.5 }, judgements: { [`${speed}|${effort}`]: 3 } }]);
    const product = functions[1]!.id;
    await repo.setFunctionWeight(id, product, speed, 2);
    expect((await stored(id)).functionWeights[1]).toEqual({ functionId: product, weights: { [speed]: 2, [effort]: 1 }, judgements: null });
    await repo.clearFunctionWeights(id, eng);
    expect((await stored(id)).functionWeights.map((f) => f.functionId)).toEqual([product]);

    await expect(repo.setFunctionWeight(id, eng, speed, -1)).rejects.toThrow('Give the weight as a number of points from 0 to 1000; 0 leaves the criterion out.');
    await expect(repo.setFunctionWeight(id, eng, speed, Number.POSITIVE_INFINITY)).rejects.toThrow(/from 0 to 1000/);
    await expect(repo.setFunctionWeight(id, 'gone', speed, 1)).rejects.toThrow('That function no longer exists.');
    await expect(repo.setFunctionWeight(id, eng, 'gone', 1)).rejects.toThrow('That criterion no longer exists.');
    await expect(repo.setFunctionWeights(id, eng, { gone: 1 }, null)).rejects.toThrow('That criterion no longer exists.');
    await expect(repo.setFunctionWeights(id, eng, {}, { [`${speed}|${speed}`]: 3 })).rejects.toThrow(/names a criterion that no longer exists/);
    await expect(repo.setFunctionWeights(id, eng, {}, { [`${speed}|${effort}`]: 12 })).rejects.toThrow('Compare criteria on the scale from 1/9 to 9.');
  });

  it('a facilitator weight starts from the equal blend of the functions, then keeps the others', async () => {
    const { id, speed, effort } = await setUp();
    // Engineering cares only about latency; Product and Leadership weigh equally.
    await repo.setFunctionWeights(id, functions[0]!.id, { [speed]: 1, [effort]: 0 }, null);
    await repo.setFacilitatorWeight(id, effort, 50);
    // Latency keeps its share of the blend, (100% + 50% + 50%) / 3, in percentage points.
    expect((await stored(id)).combined).toEqual({ mode: 'facilitator', weights: { [speed]: 66.7, [effort]: 50 }, judgements: null });
    await repo.setFacilitatorWeight(id, speed, 10);
    expect((await stored(id)).combined).toEqual({ mode: 'facilitator', weights: { [speed]: 10, [effort]: 50 }, judgements: null });
    // The blend takes over; the facilitator's weights stay stored, and come back with the mode.
    await repo.setCombined(id, { mode: 'equal' });
    expect((await stored(id)).combined).toEqual({ mode: 'equal', weights: { [speed]: 10, [effort]: 50 }, judgements: null });
    await repo.setCombinedMode(id, 'facilitator');
    expect((await stored(id)).combined).toEqual({ mode: 'facilitator', weights: { [speed]: 10, [effort]: 50 }, judgements: null });
  });

  it("kept facilitator weights follow criteria added and removed under the blend", async () => {
    const { id, speed, effort } = await setUp();
    await repo.setCombined(id, { mode: 'facilitator', weights: { [speed]: 10, [effort]: 30 }, judgements: { [`${speed}|${effort}`]: 1 / 3 } });
    await repo.setCombinedMode(id, 'equal');
    const added = await repo.addCriterion(id, { name: 'Cost', metricId: '', direction: 'cost' });
    expect((await stored(id)).combined).toEqual({
      mode: 'equal',
      weights: { [speed]: 10, [effort]: 30, [added]: 20 },
      judgements: { [`${speed}|${effort}`]: 1 / 3 },
    });
    await repo.removeCriterion(id, speed);
    expect((await stored(id)).combined).toEqual({ mode: 'equal', weights: { [effort]: 30, [added]: 20 }, judgements: {} });
  });

  it('deciding locks the matrix; reopening keeps the decision with the reason', async () => {
    const { id, hybrid, rerank, speed, effort } = await setUp();
    const decision = { optionId: rerank, rationale: ' Quality wins ', deciders: 'Priya, Sam', date: '2026-12-01' };
    await expect(repo.decide(id, { ...decision, rationale: ' ' })).rejects.toThrow('Say why: the rationale is what others will read later.');
    await expect(repo.decide(id, { ...decision, deciders: '' })).rejects.toThrow('Say who decided.');
    await expect(repo.decide(id, { ...decision, date: '1 Dec' })).rejects.toThrow('Give the date of the decision.');
    await expect(repo.decide(id, { ...decision, optionId: 'gone' })).rejects.toThrow('Choose one of the options.');
    store.clock.advance(1000);
    // What it trades away and what was recommended are read from the stored matrix: the
    // re-ranker is unscored on latency, where hybrid search scores 4.
    await repo.decide(id, decision);
    expect((await stored(id)).decision).toEqual({
      optionId: rerank,
      rationale: 'Quality wins',
      deciders: 'Priya, Sam',
      date: '2026-12-01',
      tradedAway: [speed],
      recommendedId: hybrid,
      recordedAt: store.clock.now(),
      reopened: null,
    });

    const edits = [
      () => repo.update(id, { question: 'Other?' }),
      () => repo.setMode(id, 'effect'),
      () => repo.addOption(id, 'Bigger model'),
      () => repo.updateOption(id, hybrid, { title: 'X' }),
      () => repo.removeOption(id, hybrid),
      () => repo.moveOption(id, hybrid, 1),
      () => repo.addCriterion(id, { name: 'Risk', metricId: '', direction: 'cost' }),
      () => repo.updateCriterion(id, effort, { name: 'Y' }),
      () => repo.removeCriterion(id, effort),
      () => repo.moveCriterion(id, effort, -1),
      () => repo.setScore(id, hybrid, effort, { value: 1 }),
      () => repo.setFunctionWeight(id, functions[0]!.id, effort, 1),
      () => repo.setFunctionWeights(id, functions[0]!.id, {}, null),
      () => repo.clearFunctionWeights(id, functions[0]!.id),
      () => repo.setCombined(id, { mode: 'equal' }),
      () => repo.setFacilitatorWeight(id, effort, 1),
    ];
    for (const edit of edits) await expect(edit()).rejects.toThrow(MATRIX_LOCKED_MESSAGE);
    await expect(repo.decide(id, decision)).rejects.toThrow(/already decided/);

    await expect(repo.reopen(id, '  ')).rejects.toThrow('Say why the decision is reopened; the record keeps it.');
    store.clock.advance(1000);
    await repo.reopen(id, 'The re-ranker missed the latency budget');
    const reopened = await stored(id);
    expect(reopened.decision).toBeNull();
    expect(reopened.pastDecisions).toEqual([
      expect.objectContaining({ optionId: rerank, reopened: { at: store.clock.now(), reason: 'The re-ranker missed the latency budget' } }),
    ]);
    await expect(repo.reopen(id, 'again')).rejects.toThrow('This matrix has no decision to reopen.');
    // An earlier decision still reads: what it chose and traded away stays.
    await expect(repo.removeOption(id, rerank)).rejects.toThrow('An earlier decision names this option, so it stays in the matrix.');
    await expect(repo.removeCriterion(id, speed)).rejects.toThrow(/earlier decision traded this criterion away/);
    await repo.removeCriterion(id, effort);
    expect(await store.editor.undo()).toBe('Remove criterion');
    expect(await store.editor.undo()).toBe('Reopen decision');
    expect((await stored(id)).decision?.optionId).toBe(rerank);
  });

  it('deletes a matrix, decided or not, and undo brings it back', async () => {
    const { id, hybrid } = await setUp();
    await repo.decide(id, { optionId: hybrid, rationale: 'Fast', deciders: 'Leads', date: '2026-12-01' });
    const before = await stored(id);
    await repo.remove(id);
    expect(await store.db.matrices.get(id)).toBeUndefined();
    expect(await store.editor.undo()).toBe('Delete matrix');
    expect(await stored(id)).toEqual(before);
    expect(await store.editor.redo()).toBe('Delete matrix');
    expect(await store.db.matrices.count()).toBe(0);
    await expect(repo.remove(id)).rejects.toThrow('That matrix no longer exists.');
  });

  it('deleting a metric makes its criteria free-standing under its name; undo links them again', async () => {
    const { id, hybrid, speed } = await setUp();
    await metricsRepo.updateMetric(latency.id, { name: 'p95 latency (end to end)' });
    await metricsRepo.deleteMetrics([latency.id]);
    const after = await stored(id);
    expect(after.criteria[0]).toEqual({ id: speed, name: 'p95 latency (end to end)', metricId: '', direction: 'cost' });
    expect(after.scores.find((s) => s.optionId === hybrid)?.value).toBe(4);
    // Now free-standing, it can be renamed here.
    await repo.updateCriterion(id, speed, { name: 'Latency' });
    await store.editor.undo();
    expect(await store.editor.undo()).toBe('Delete metric');
    expect((await stored(id)).criteria[0]).toEqual({ id: speed, name: 'p95 latency', metricId: latency.id, direction: 'cost' });
  });

  it('removing a function drops its weights from every matrix; undo restores them', async () => {
    const { id, speed } = await setUp();
    const product = functions[1]!.id;
    await repo.setFunctionWeight(id, functions[0]!.id, speed, 3);
    await repo.setFunctionWeight(id, product, speed, 1);
    await metricsRepo.removeFunction(product);
    expect((await stored(id)).functionWeights.map((f) => f.functionId)).toEqual([functions[0]!.id]);
    expect(await store.editor.undo()).toBe('Remove function');
    expect((await stored(id)).functionWeights.map((f) => f.functionId)).toEqual([functions[0]!.id, product]);
  });

  it('duplicating a program points the copy\'s matrices at the copy\'s metrics and functions; delete forever removes them', async () => {
    const { id, speed } = await setUp();
    await repo.setFunctionWeight(id, functions[1]!.id, speed, 2);
    const copy = await store.programs.duplicate(programId);
    const [copied] = await store.db.matrices.where({ programId: copy.id }).toArray();
    const copyMetric = (await store.db.metrics.where({ programId: copy.id }).first())!;
    const copyProduct = (await store.db.functions.where({ programId: copy.id }).toArray()).find((f) => f.name === 'Product')!;
    expect(copied!.id).not.toBe(id);
    expect(copied!.criteria[0]!.metricId).toBe(copyMetric.id);
    expect(copied!.functionWeights[0]!.functionId).toBe(copyProduct.id);
    // Option and criterion ids only have to be unique within a matrix; weights stay keyed by them.
    expect(copied!.functionWeights[0]!.weights[copied!.criteria[0]!.id]).toBe(2);
    await store.programs.trash(copy.id);
    await store.programs.deleteForever([copy.id]);
    expect(await store.db.matrices.where({ programId: copy.id }).count()).toBe(0);
    expect(await store.db.matrices.count()).toBe(1);
  });

  it('gives a criterion added after weights were set the average of each function’s weights', async () => {
    const { id, speed, effort } = await setUp();
    const [engineering] = functions;
    await repo.setFunctionWeights(id, engineering!.id, { [speed]: 6, [effort]: 2 }, null);
    await repo.setCombined(id, { mode: 'facilitator', weights: { [speed]: 1, [effort]: 4 }, judgements: null });
    const quality = await repo.addCriterion(id, { name: 'Quality', metricId: '', direction: 'benefit' });
    const matrix = await stored(id);
    expect(matrix.functionWeights[0]!.weights[quality]).toBe(4);
    expect(matrix.combined.mode === 'facilitator' && matrix.combined.weights[quality]).toBe(2.5);
    await store.editor.undo();
    expect((await stored(id)).functionWeights[0]!.weights[quality]).toBeUndefined();
  });
});
