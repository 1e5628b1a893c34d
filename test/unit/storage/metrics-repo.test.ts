import { beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft, type ProgramFunction } from '../../../renderer/src/domain/metrics/model';
import { MetricsRepository } from '../../../renderer/src/storage/metrics-repo';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;
let repo: MetricsRepository;
let programId: string;
let functions: ProgramFunction[];

beforeEach(async () => {
  store = await freshStore();
  repo = new MetricsRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Metrics' })).id;
  functions = await store.db.functions.where({ programId }).sortBy('order');
});

async function addOne(name = 'Task success rate') {
  const [metric] = await repo.addMetrics(programId, [{ ...emptyMetricDraft(name), unit: '%', target: { value: 90, high: null, by: '' } }]);
  return metric!;
}

describe('MetricsRepository', () => {
  it('a new program has engineering, product and leadership, all required', () => {
    expect(functions.map((f) => [f.name, f.required, f.order])).toEqual([
      ['Engineering', true, 0],
      ['Product', true, 1],
      ['Leadership', true, 2],
    ]);
  });

  it('adds metrics at version 1 with nothing signed, as one undo step', async () => {
    const added = await repo.addMetrics(programId, [emptyMetricDraft('A'), emptyMetricDraft('B')]);
    expect(added.map((m) => [m.name, m.version, m.signoffs.length])).toEqual([
      ['A', 1, 0],
      ['B', 1, 0],
    ]);
    expect(await store.editor.undo()).toBe('Add 2 metrics');
    expect(await store.db.metrics.count()).toBe(0);
  });

  it('refuses a metric without a name and drops an owner from another program', async () => {
    await expect(repo.addMetrics(programId, [emptyMetricDraft('  ')])).rejects.toBeInstanceOf(InvalidInputError);
    const [m] = await repo.addMetrics(programId, [{ ...emptyMetricDraft('X'), ownerFunctionId: 'not-ours' }]);
    expect(m!.ownerFunctionId).toBe('');
  });

  it('changing the target after sign-off starts version 2; undo brings version 1 and its sign-offs back', async () => {
    const metric = await addOne();
    await repo.signOff(metric.id, functions[0]!.id, 'agree', { reason: '', by: 'Ana' });
    await repo.signOff(metric.id, functions[1]!.id, 'object', { reason: 'Too low', by: 'Bo' });
    store.clock.advance(1000);
    const outcome = await repo.updateMetric(metric.id, { target: { value: 95, high: null, by: '' } });
    expect(outcome.newVersion).toBe(2);
    const stored = (await store.db.metrics.get(metric.id))!;
    expect(stored).toMatchObject({ version: 2, signoffs: [], target: { value: 95 } });
    expect(stored.versions[0]!.signoffs.map((s) => [s.functionName, s.state, s.by])).toEqual([
      ['Engineering', 'agree', 'Ana'],
      ['Product', 'object', 'Bo'],
    ]);
    expect(await store.editor.undo()).toBe('Change target');
    expect(await store.db.metrics.get(metric.id)).toMatchObject({ version: 1, versions: [], target: { value: 90 } });
    expect((await store.db.metrics.get(metric.id))!.signoffs).toHaveLength(2);
  });

  it('refuses an objection without a reason and a sign-off by a function of another program', async () => {
    const metric = await addOne();
    await expect(async () => repo.signOff(metric.id, functions[0]!.id, 'object', { reason: ' ', by: 'Sam' })).rejects.toThrow(/Say why/);
    await expect(repo.signOff(metric.id, functions[0]!.id, 'agree', { reason: '', by: ' ' })).rejects.toThrow('Type your name first');
    const other = (await store.programs.create({ name: 'Other' })).id;
    const foreign = (await store.db.functions.where({ programId: other }).first())!;
    await expect(repo.signOff(metric.id, foreign.id, 'agree', { reason: '', by: 'Sam' })).rejects.toThrow(/no longer exists/);
  });

  it('keeps readings in date order and refuses bad ones', async () => {
    const metric = await addOne();
    await repo.addReadings(metric.id, [
      { date: '2026-03-05', value: 91, note: '' },
      { date: '2026-03-01', value: 88, note: ' first ' },
    ]);
    const next = await repo.addReadings(metric.id, [{ date: '2026-03-03', value: 90, note: '' }]);
    expect(next.readings.map((r) => [r.date, r.value, r.note])).toEqual([
      ['2026-03-01', 88, 'first'],
      ['2026-03-03', 90, ''],
      ['2026-03-05', 91, ''],
    ]);
    await expect(repo.addReadings(metric.id, [{ date: '2026-13-45', value: 1, note: '' }])).rejects.toThrow(/date/);
    await expect(repo.addReadings(metric.id, [{ date: '2026-03-01', value: Number.NaN, note: '' }])).rejects.toThrow(/number/);
    await expect(repo.addReadings(metric.id, [{ date: '9999-12-31', value: 1, note: '' }])).rejects.toThrow(/between the years/);
    const fixed = await repo.updateReading(metric.id, next.readings[0]!.id, { date: '2026-03-04', value: 89, note: 'regraded' });
    expect(fixed.readings.map((r) => [r.date, r.value, r.note])).toEqual([
      ['2026-03-03', 90, ''],
      ['2026-03-04', 89, 'regraded'],
      ['2026-03-05', 91, ''],
    ]);
    expect(await store.editor.undo()).toBe('Edit reading');
    await expect(repo.updateReading(metric.id, 'nope', { date: '2026-03-04', value: 1, note: '' })).rejects.toThrow(/no longer exists/);
    const removed = await repo.removeReading(metric.id, next.readings[1]!.id);
    expect(removed.readings.map((r) => r.value)).toEqual([88, 91]);
    expect(await store.editor.undo()).toBe('Remove reading');
    expect((await store.db.metrics.get(metric.id))!.readings).toHaveLength(3);
  });

  it('adds, renames, reorders and refuses duplicate functions', async () => {
    const security = await repo.addFunction(programId, ' Security ');
    expect(security).toMatchObject({ name: 'Security', required: true, order: 3 });
    await expect(repo.addFunction(programId, 'security')).rejects.toThrow(/already/);
    await expect(repo.renameFunction(security.id, 'Product')).rejects.toThrow(/already/);
    await repo.renameFunction(security.id, 'Security and privacy');
    await repo.moveFunction(programId, security.id, 0);
    const names = (await store.db.functions.where({ programId }).sortBy('order')).map((f) => f.name);
    expect(names).toEqual(['Security and privacy', 'Engineering', 'Product', 'Leadership']);
    await repo.setFunctionRequired(security.id, false);
    expect((await store.db.functions.get(security.id))!.required).toBe(false);
  });

  it('removing a function unowns its metrics and drops its current sign-offs, keeping old versions', async () => {
    const metric = await addOne();
    const product = functions[1]!;
    await repo.updateMetric(metric.id, { ownerFunctionId: product.id });
    await repo.signOff(metric.id, product.id, 'agree', { reason: '', by: 'Bo' });
    await repo.updateMetric(metric.id, { unit: 'ratio' });
    await repo.signOff(metric.id, product.id, 'agree', { reason: '', by: 'Bo' });
    await repo.removeFunction(product.id);
    const stored = (await store.db.metrics.get(metric.id))!;
    expect(stored.ownerFunctionId).toBe('');
    expect(stored.signoffs).toEqual([]);
    expect(stored.versions[0]!.signoffs[0]!.functionName).toBe('Product');
    expect((await store.db.functions.where({ programId }).sortBy('order')).map((f) => [f.name, f.order])).toEqual([
      ['Engineering', 0],
      ['Leadership', 1],
    ]);
    expect(await store.editor.undo()).toBe('Remove function');
    expect((await store.db.metrics.get(metric.id))!.ownerFunctionId).toBe(product.id);
  });

  it('a version brought back by editing the contract back keeps no sign-off of a removed function', async () => {
    const metric = await addOne();
    for (const f of functions) await repo.signOff(metric.id, f.id, 'agree', { reason: '', by: 'Ana' });
    await repo.updateMetric(metric.id, { unit: 'ratio' });
    await repo.removeFunction(functions[2]!.id);
    const back = await repo.updateMetric(metric.id, { unit: '%' });
    expect(back.metric.version).toBe(1);
    expect(back.metric.signoffs.map((s) => s.functionName)).toEqual(['Engineering', 'Product']);
    expect((await store.db.metrics.get(metric.id))!.signoffs).toHaveLength(2);
  });

  it('deleting a metric unlinks the items that named it; undo links them again', async () => {
    const metric = await addOne();
    const other = await addOne('Cost per task');
    const uncertainty = new UncertaintyRepository(store.editor, store.clock.now);
    const layerId = (await store.db.layers.where({ programId }).first())!.id;
    const [item] = await uncertainty.addItems(programId, [{ title: 'Graders disagree', layerId, kind: 'risk' }]);
    expect(item!.metricIds).toEqual([]);
    await uncertainty.updateItem(item!.id, { metricIds: [metric.id, other.id] });
    await repo.deleteMetrics([metric.id]);
    expect((await store.db.uncertaintyItems.get(item!.id))!.metricIds).toEqual([other.id]);
    await store.editor.undo();
    expect((await store.db.uncertaintyItems.get(item!.id))!.metricIds).toEqual([metric.id, other.id]);
  });

  it('delete forever, duplicate and export include functions and metrics', async () => {
    const metric = await addOne();
    await repo.addReadings(metric.id, [{ date: '2026-03-01', value: 1, note: '' }]);
    const copy = await store.programs.duplicate(programId);
    const copied = await store.db.metrics.where({ programId: copy.id }).toArray();
    const copiedFunctions = await store.db.functions.where({ programId: copy.id }).toArray();
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe(metric.id);
    expect(copiedFunctions.map((f) => f.name).sort()).toEqual(['Engineering', 'Leadership', 'Product']);
    await store.programs.trash(copy.id);
    await store.programs.deleteForever([copy.id]);
    expect(await store.db.metrics.where({ programId: copy.id }).count()).toBe(0);
    expect(await store.db.functions.where({ programId: copy.id }).count()).toBe(0);
  });
});
