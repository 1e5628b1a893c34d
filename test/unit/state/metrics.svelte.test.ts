import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METRIC_LIBRARY } from '../../../renderer/src/domain/metrics/library';
import { emptyMetricDraft } from '../../../renderer/src/domain/metrics/model';
import type { Program } from '../../../renderer/src/domain/program';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { MatrixRepository } from '../../../renderer/src/storage/tradeoffs-repo';
import { MetricsState } from '../../../renderer/src/state/metrics.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answer, answerWith, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: MetricsState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = mounted(() => new MetricsState(() => program, services)));
  await until(() => area.loaded && area.functions.length === 3);
});

afterEach(() => {
  destroy();
  services.db.close();
});

async function addMetric(name = 'Task success rate') {
  const added = await area.addMetric(emptyMetricDraft(name));
  if (!added.ok) throw new Error(added.message);
  await until(() => area.metrics.some((m) => m.id === added.value.id));
  return added.value;
}

describe('MetricsState', () => {
  it('copies library metrics with the owner the library suggests, and offers Undo', async () => {
    const templates = METRIC_LIBRARY.slice(0, 2);
    const added = await area.addFromLibrary(templates);
    expect(added.ok && added.value).toHaveLength(2);
    const product = area.functions.find((f) => f.name.toLowerCase() === templates[0]!.suggestedOwner.toLowerCase());
    expect(added.ok && added.value[0]!.ownerFunctionId).toBe(product?.id ?? '');
    expect(toastTexts()).toEqual(['success: Added 2 metrics.']);
    runToastAction('Undo');
    await until(() => area.metrics.length === 0);
  });

  it('says when a change of a signed contract starts a new version, and withdraws that toast when it is undone', async () => {
    const metric = await addMetric();
    area.signer.set('Ana');
    expect((await area.signOff(metric, area.functions[0]!, 'agree')).ok).toBe(true);
    await until(() => area.metrics[0]!.signoffs.length === 1);
    const changed = await area.updateMetric(area.metrics[0]!, { unit: '%' });
    expect(changed.ok && changed.value.newVersion).toBe(2);
    expect(toastTexts()).toContain('info: Started version 2: the contract changed, so every function is asked to sign off again.');
    runToastAction('Undo');
    await until(() => area.metrics[0]!.version === 1);
  });

  it('needs a reason to object, and signs with the name remembered on this computer', async () => {
    const metric = await addMetric();
    area.signer.set('Sam');
    expect(await area.signOff(metric, area.functions[1]!, 'object', '  ')).toEqual({ ok: false, message: `Say why ${area.functions[1]!.name} objects, so the team knows what to resolve.` });
    expect((await area.signOff(metric, area.functions[1]!, 'object', 'No baseline yet')).ok).toBe(true);
    expect((await services.db.metrics.get(metric.id))?.signoffs[0]).toMatchObject({ by: 'Sam', reason: 'No baseline yet' });
    expect(localStorage.getItem('keel.signer')).toBe('"Sam"');
  });

  it('refuses a reading outside the years a reading may have, with the same sentence as the form', async () => {
    const metric = await addMetric();
    expect(await area.addReading(metric, { date: '1850-01-01', value: 3, note: '' })).toEqual({
      ok: false,
      message: 'Date readings between the years 1900 and 2200.',
    });
    expect((await area.addReading(metric, { date: '2026-03-01', value: 3, note: '' })).ok).toBe(true);
  });

  it('keeps pasted rows until they are added, then forgets them', async () => {
    const metric = await addMetric();
    area.readingsDraft(metric.id).set('2026-03-01,4\n2026-03-02,5');
    expect(JSON.parse(localStorage.getItem(`keel.readings-draft.${metric.id}`)!)).toBe('2026-03-01,4\n2026-03-02,5');
    const refused = await area.addReadings(metric, [{ date: '2026-03-01', value: 4, note: 'x'.repeat(1001) }]);
    expect(refused).toEqual({ ok: false, message: 'Keep the note under 1000 characters.' });
    expect(area.readingsDraft(metric.id).value).toBe('2026-03-01,4\n2026-03-02,5');
    expect((await area.addReadings(metric, [{ date: '2026-03-01', value: 4, note: '' }])).ok).toBe(true);
    expect(area.readingsDraft(metric.id).value).toBe('');
    expect(localStorage.getItem(`keel.readings-draft.${metric.id}`)).toBeNull();
  });

  it('deletes a metric after a confirmation that names the matrices using it', async () => {
    const metric = await addMetric('Groundedness');
    const matrices = new MatrixRepository(services.editor);
    const matrix = await matrices.create(program.id, 'Which retriever?');
    await matrices.addCriterion(matrix.id, { name: '', metricId: metric.id, direction: 'benefit' });
    const deleting = area.deleteMetric(metric);
    const asked = await answerWith(true);
    expect(asked.title).toBe('Delete "Groundedness"?');
    expect(asked.message).toContain('It is a criterion in the trade-off matrix "Which retriever?"');
    expect((await deleting)?.ok).toBe(true);
    // Its criterion stays, free-standing, under the metric's name.
    expect((await services.db.matrices.get(matrix.id))?.criteria[0]).toMatchObject({ metricId: '', name: 'Groundedness' });
  });

  it('moves a function and removes one after a confirmation', async () => {
    const [engineering, product] = area.functions;
    expect((await area.moveFunction(product!, -1)).ok).toBe(true);
    await until(() => area.functions[0]!.id === product!.id);
    const removing = area.removeFunction(engineering!);
    expect(await answer(false)).toBe('Remove Engineering?');
    expect(await removing).toBeUndefined();
    expect(area.functions).toHaveLength(3);
  });

  it('removes a function after a confirmation that names the matrices it weighs, with Undo', async () => {
    const engineering = area.functions.find((f) => f.name === 'Engineering')!;
    const matrices = new MatrixRepository(services.editor);
    const matrix = await matrices.create(program.id, 'Which retriever?');
    const speed = await matrices.addCriterion(matrix.id, { name: 'Speed', metricId: '', direction: 'benefit' });
    await matrices.setFunctionWeight(matrix.id, engineering.id, speed, 5);
    const removing = area.removeFunction(engineering);
    const asked = await answerWith(true);
    expect(asked.message).toContain('Its weights in the trade-off matrix "Which retriever?" go too');
    expect((await removing)?.ok).toBe(true);
    await until(() => !area.functions.some((f) => f.id === engineering.id));
    expect((await services.db.matrices.get(matrix.id))?.functionWeights).toEqual([]);
    runToastAction('Undo');
    await until(() => area.functions.some((f) => f.id === engineering.id));
    expect((await services.db.matrices.get(matrix.id))?.functionWeights).toHaveLength(1);
  });

  it('asks nothing and deletes nothing when it cannot read which matrices a metric is in', async () => {
    const metric = await addMetric('Latency');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const spied = vi.spyOn(MetricsRepository.prototype, 'matricesUsing').mockRejectedValue(Object.assign(new Error('x'), { name: 'UnknownError' }));
    const deleting = await area.deleteMetric(metric);
    spied.mockRestore();
    logged.mockRestore();
    expect(deleting).toMatchObject({ ok: false });
    expect(toastTexts().at(-1)).toMatch(/^error: Could not check which trade-off matrices use it\. /);
    expect(await services.db.metrics.get(metric.id)).toBeDefined();
  });

  it('keeps the list sort on this computer, and falls back from a damaged setting', async () => {
    area.sort.set('name');
    expect(localStorage.getItem('keel.metrics.sort')).toBe('"name"');
    localStorage.setItem('keel.metrics.sort', '{broken');
    window.dispatchEvent(new StorageEvent('storage', { key: 'keel.metrics.sort' }));
    expect(area.sort.value).toBe('status');
  });
});
