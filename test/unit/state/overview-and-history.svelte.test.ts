import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyMetricDraft } from '../../../renderer/src/domain/metrics/model';
import type { Program } from '../../../renderer/src/domain/program';
import { HistoryState } from '../../../renderer/src/state/history.svelte';
import { OverviewState } from '../../../renderer/src/state/overview.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { mounted, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let overview: OverviewState;
let history: HistoryState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: { overview, history }, destroy } = mounted(() => ({ overview: new OverviewState(() => program.id, services), history: new HistoryState(services) })));
  await until(() => overview.metricsLoaded && overview.matricesLoaded);
});

afterEach(() => {
  destroy();
  services.db.close();
  vi.restoreAllMocks();
});

describe('OverviewState', () => {
  it("follows the program's metrics and matrices live, with a decided matrix's choice and date", async () => {
    expect(overview.metricRows).toEqual([]);
    await new MetricsRepository(services.editor).addMetrics(program.id, [emptyMetricDraft('Task success'), emptyMetricDraft('Latency')]);
    const matrices = new MatrixRepository(services.editor);
    const matrix = await matrices.create(program.id, 'Which retriever?');
    const bm25 = await matrices.addOption(matrix.id, 'BM25');
    await matrices.decide(matrix.id, { optionId: bm25, rationale: 'Cheapest', deciders: 'Sam', date: '2026-11-20' });
    await until(() => overview.metricRows.length === 2 && overview.matrices[0]?.decided);
    expect(overview.metricRows.map((r) => r.metric.name)).toEqual(['Task success', 'Latency']);
    expect(overview.matrices[0]).toMatchObject({ question: 'Which retriever?', options: 1, decided: { option: 'BM25', date: '2026-11-20' } });
  });

  it('says it could not read the matrices instead of showing none, and still shows the metrics', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The disk fails under the query.
    const failure = Object.assign(new Error('I/O error'), { name: 'UnknownError' });
    services.db.matrices.where = (() => ({ toArray: () => Promise.reject(failure) })) as unknown as typeof services.db.matrices.where;
    const broken = mounted(() => new OverviewState(() => program.id, services));
    await until(() => broken.value.matricesProblem);
    expect(broken.value.matricesProblem?.message).toMatch(/Reload this window/);
    expect(broken.value.matrices).toEqual([]);
    expect(broken.value.metricsProblem).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(failure);
    broken.destroy();
  });
});

describe('HistoryState', () => {
  it('names the next undo and redo, and steps through them with a toast', async () => {
    expect(history.undoLabel).toBe('Create "Support assistant"');
    expect(history.redoLabel).toBeUndefined();
    await new MetricsRepository(services.editor).addMetrics(program.id, [emptyMetricDraft('Latency')]);
    await until(() => history.undoLabel === 'Add metric "Latency"');
    await history.undo();
    expect(toastTexts().at(-1)).toBe('info: Undid: Add metric "Latency".');
    await until(() => history.redoLabel === 'Add metric "Latency"' && history.undoLabel === 'Create "Support assistant"');
    await history.redo();
    expect(toastTexts().at(-1)).toBe('info: Redid: Add metric "Latency".');
    expect(await services.db.metrics.count()).toBe(1);
  });
});
