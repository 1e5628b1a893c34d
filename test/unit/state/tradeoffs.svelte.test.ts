import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft } from '../../../renderer/src/domain/metrics/model';
import type { Program } from '../../../renderer/src/domain/program';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import type { Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { FACILITATOR, MatrixState } from '../../../renderer/src/state/matrix.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { TradeoffsState } from '../../../renderer/src/state/tradeoffs.svelte';
import { answer, mounted, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: TradeoffsState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = mounted(() => new TradeoffsState(() => program, services)));
  await until(() => area.loaded);
});

afterEach(() => {
  destroy();
  services.db.close();
});

/** A matrix with two options and two free-standing criteria, opened as its page would. */
async function openMatrix(): Promise<{ page: MatrixState; close: () => void }> {
  const created = await area.create('Which retriever ships?', 'rating');
  if (!created.ok) throw new Error(created.message);
  await until(() => area.matrices.length === 1);
  const opened = mounted(() => new MatrixState(area, () => area.matrices.find((m) => m.id === created.value.id)!, services));
  const page = opened.value;
  for (const title of ['Hybrid search', 'Re-ranker']) expect((await page.addOption(title)).ok).toBe(true);
  expect((await page.addFreeCriterion('Quality', 'benefit')).ok).toBe(true);
  expect((await page.addFreeCriterion('Effort', 'cost')).ok).toBe(true);
  await until(() => page.matrix.options.length === 2 && page.matrix.criteria.length === 2);
  return { page, close: opened.destroy };
}

const option = (m: Matrix, title: string) => m.options.find((o) => o.title === title)!.id;
const criterion = (m: Matrix, name: string) => m.criteria.find((c) => c.name === name)!.id;

describe('TradeoffsState and MatrixState', () => {
  it('creates a matrix on its scale in one undo step, opening on its options and criteria', async () => {
    area.tab = 'results';
    const created = await area.create('Which model?', 'effect');
    expect(created.ok && created.value.mode).toBe('effect');
    expect(area.tab).toBe('setup');
    expect(services.editor.history.nextUndo?.label).toBe('Add matrix');
    await services.editor.undo();
    expect(await services.db.matrices.count()).toBe(0);
  });

  it('shows a typed score at once and stores it after the frame', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    const saving = page.score(option(m, 'Re-ranker'), criterion(m, 'Quality'), 4);
    flushSync();
    expect(page.shown.scores.find((s) => s.value === 4)).toBeDefined();
    await saving;
    expect((await services.db.matrices.get(m.id))?.scores.map((s) => s.value)).toEqual([4]);
    expect(page.resolved.analysis.winner?.optionId).toBe(option(m, 'Re-ranker'));
    close();
  });

  it('asks before removing an option whose cells carry scores, and offers Undo after', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    await page.score(option(m, 'Hybrid search'), criterion(m, 'Quality'), 3);
    await until(() => page.matrix.scores.length === 1);
    const hybrid = page.matrix.options.find((o) => o.title === 'Hybrid search')!;
    const cancelled = page.removeOption(hybrid);
    expect(await answer(false)).toBe('Remove "Hybrid search"?');
    expect(await cancelled).toBeUndefined();
    const removing = page.removeOption(hybrid);
    await answer(true);
    expect((await removing)?.ok).toBe(true);
    expect(toastTexts()).toContain('success: Removed "Hybrid search".');
    // An option without scores goes at once.
    const reranker = page.matrix.options.find((o) => o.title === 'Re-ranker')!;
    await until(() => page.matrix.options.length === 1);
    expect((await page.removeOption(reranker))?.ok).toBe(true);
    close();
  });

  it('starts facilitator weights from the blend the table showed', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    const fn = area.functions[0]!;
    expect((await page.setPoints(fn.id, criterion(m, 'Quality'), 3)).ok).toBe(true);
    await until(() => page.matrix.functionWeights.length === 1);
    const blend = page.pointsOf(FACILITATOR);
    expect((await page.setCombinedMode('facilitator')).ok).toBe(true);
    await until(() => page.matrix.combined.mode === 'facilitator');
    expect(page.pointsOf(FACILITATOR)).toEqual(blend);
    close();
  });

  it("keeps the facilitator's pairwise weights through the equal blend and back, and after a reload", async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    const quality = criterion(m, 'Quality');
    const effort = criterion(m, 'Effort');
    // Effort far over quality: the re-ranker (less effort) wins; under equal weights hybrid search would.
    await page.score(option(m, 'Hybrid search'), quality, 5);
    await page.score(option(m, 'Hybrid search'), effort, 3);
    await page.score(option(m, 'Re-ranker'), quality, 2);
    await page.score(option(m, 'Re-ranker'), effort, 1);
    expect((await page.setCombinedMode('facilitator')).ok).toBe(true);
    await until(() => page.matrix.combined.mode === 'facilitator');
    const judgements = { [`${quality}|${effort}`]: 1 / 7 };
    expect((await page.applyPairwise(FACILITATOR, { [quality]: 0.125, [effort]: 0.875 }, judgements)).ok).toBe(true);
    await until(() => page.judgementsOf(FACILITATOR) !== null);
    const facilitatorPoints = page.pointsOf(FACILITATOR);
    expect(page.resolved.analysis.winner?.optionId).toBe(option(m, 'Re-ranker'));

    expect((await page.setCombinedMode('equal')).ok).toBe(true);
    await until(() => page.matrix.combined.mode === 'equal');
    expect(page.resolved.analysis.winner?.optionId).toBe(option(m, 'Hybrid search'));
    expect((await page.setCombinedMode('facilitator')).ok).toBe(true);
    await until(() => page.matrix.combined.mode === 'facilitator');
    expect(page.pointsOf(FACILITATOR)).toEqual(facilitatorPoints);
    expect(page.judgementsOf(FACILITATOR)).toEqual(judgements);
    expect(page.resolved.analysis.winner?.optionId).toBe(option(m, 'Re-ranker'));

    // Back to the blend, then a reload: a new page state over what the database holds.
    expect((await page.setCombinedMode('equal')).ok).toBe(true);
    await until(() => page.matrix.combined.mode === 'equal');
    close();
    const reloaded = mounted(() => new MatrixState(area, () => area.matrices.find((x) => x.id === m.id)!, services));
    expect((await reloaded.value.setCombinedMode('facilitator')).ok).toBe(true);
    await until(() => reloaded.value.matrix.combined.mode === 'facilitator');
    expect(reloaded.value.pointsOf(FACILITATOR)).toEqual(facilitatorPoints);
    expect(reloaded.value.judgementsOf(FACILITATOR)).toEqual(judgements);
    reloaded.destroy();
  });

  it('the decision form follows the recommendation until an option is picked, and keeps the pick across a reload', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    const [hybrid, reranker, quality] = [option(m, 'Hybrid search'), option(m, 'Re-ranker'), criterion(m, 'Quality')];
    await page.score(hybrid, quality, 4);
    await page.score(reranker, quality, 2);
    expect(page.decisionForm.chosen).toBe(hybrid);
    // Looking at the form stores nothing: the option, the deciders and today's date stay defaults.
    expect(page.decisionDraft.value).toEqual({});
    await page.score(reranker, quality, 5);
    await until(() => page.resolved.analysis.winner?.optionId === reranker);
    expect(page.decisionForm.chosen).toBe(reranker);

    // Picked by the user: kept when the recommendation changes back, and after a reload.
    page.editDecision({ chosen: hybrid });
    await page.score(hybrid, quality, 1);
    expect(page.decisionForm.chosen).toBe(hybrid);
    close();
    const reloaded = mounted(() => new MatrixState(area, () => area.matrices.find((x) => x.id === m.id)!, services));
    expect(reloaded.value.decisionForm.chosen).toBe(hybrid);
    reloaded.destroy();
  });

  it('marks vetoed options in the decision list and asks before recording one', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    const [hybrid, reranker] = [option(m, 'Hybrid search'), option(m, 'Re-ranker')];
    const [latency] = await new MetricsRepository(services.editor).addMetrics(program.id, [
      { ...emptyMetricDraft('p95 latency'), unit: 'ms', direction: 'lower', guardrail: { op: 'lte', value: 8000 } },
    ]);
    await until(() => area.metrics.length === 1);
    expect((await page.addMetricCriterion(latency!.id)).ok).toBe(true);
    await until(() => page.matrix.criteria.length === 3);
    expect((await page.setCell(hybrid, criterion(page.matrix, 'p95 latency'), { expected: 9500 })).ok).toBe(true);
    await until(() => page.resolved.analysis.results.some((r) => r.vetoes.length > 0));
    expect(page.decisionChoices).toEqual([
      { id: hybrid, label: 'Hybrid search (vetoed by the p95 latency guardrail)', vetoed: true },
      { id: reranker, label: 'Re-ranker', vetoed: false },
    ]);

    const input = { optionId: hybrid, rationale: 'Accepting the latency', deciders: 'Ana', date: '2026-11-29' };
    const refused = page.decide(input, 'Hybrid search');
    expect(await answer(false)).toBe('Record a vetoed option?');
    expect(await refused).toBeUndefined();
    expect(page.locked).toBe(false);
    const accepted = page.decide(input, 'Hybrid search');
    await answer(true);
    expect((await accepted)?.ok).toBe(true);
    close();
  });

  it('records a decision (locking the matrix), forgets the draft, remembers the deciders; reopening needs a reason', async () => {
    const { page, close } = await openMatrix();
    const m = page.matrix;
    page.decisionDraft.set({ rationale: 'half typed' });
    const input = { optionId: option(m, 'Re-ranker'), rationale: 'Best quality for the effort', deciders: 'Ana, Sam', date: '2026-11-29' };
    expect((await page.decide(input, 'Re-ranker'))?.ok).toBe(true);
    await until(() => page.locked);
    expect(page.decisionDraft.value).toEqual({});
    expect(page.lastDeciders.value).toBe('Ana, Sam');
    expect(await page.addOption('Too late')).toEqual({ ok: false, message: 'This matrix is decided. Reopen it to change it.' });
    expect(await page.reopen('  ')).toEqual({ ok: false, message: 'Say why the decision is reopened; the record keeps it.' });
    expect((await page.reopen('New latency numbers')).ok).toBe(true);
    await until(() => !page.locked && page.matrix.pastDecisions.length === 1);
    close();
  });

  it('keeps the heatmap choice on this computer', () => {
    area.heatmap.set(false);
    expect(localStorage.getItem('keel.tradeoffs.heatmap')).toBe('false');
    area.heatmap.set(true);
    // An earlier Keel stored "on" and "off": another window writing "off" turns it off here.
    localStorage.setItem('keel.tradeoffs.heatmap', 'off');
    window.dispatchEvent(new StorageEvent('storage', { key: 'keel.tradeoffs.heatmap' }));
    expect(area.heatmap.value).toBe(false);
    localStorage.setItem('keel.tradeoffs.heatmap', 'on');
    window.dispatchEvent(new StorageEvent('storage', { key: 'keel.tradeoffs.heatmap' }));
    expect(area.heatmap.value).toBe(true);
  });
});
