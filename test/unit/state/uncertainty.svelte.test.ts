import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import type { Services } from '../../../renderer/src/state/services';
import { UncertaintyState } from '../../../renderer/src/state/uncertainty.svelte';
import { confirmations } from '../../../renderer/src/state/confirm.svelte';
import { mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: UncertaintyState;
let destroy: () => void;

function open(): { value: UncertaintyState; destroy: () => void } {
  return mounted(() => new UncertaintyState(() => program, services));
}

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = open());
  await until(() => area.loaded);
});

afterEach(() => {
  destroy();
  services.db.close();
});

describe('UncertaintyState', () => {
  it('adds items in the layer and kind chosen, remembers them for next time, and counts a paste', async () => {
    const data = area.layers[1]!;
    const one = await area.addItems(['Users trust cited answers'], data.id, 'risk');
    expect(one.ok && one.value.map((i) => i.title)).toEqual(['Users trust cited answers']);
    expect(toastTexts()).toEqual([]);
    await area.addItems(['A', 'B'], data.id, 'risk');
    expect(toastTexts()).toEqual(['success: Added 2 items.']);
    await until(() => area.items.length === 3);
    // Another visit to the area starts from the same layer and kind.
    const again = open();
    await until(() => again.value.loaded);
    expect(again.value.captureLayer).toBe(data.id);
    expect(again.value.captureKind).toBe('risk');
    again.destroy();
  });

  it('merges a run of nudges into one undo step, and keeps a drag a step of its own', async () => {
    const added = await area.addItems(['Moved'], area.layers[0]!.id, 'assumption');
    if (!added.ok) throw new Error(added.message);
    const id = added.value[0]!.id;
    await area.moveItem(id, 3.1, 3, true);
    await area.moveItem(id, 3.2, 3, true);
    await area.moveItem(id, 3.3, 3, true);
    await area.moveItem(id, 4, 4, false);
    expect((await services.db.uncertaintyItems.get(id))?.impact).toBe(4);
    await services.editor.undo();
    expect((await services.db.uncertaintyItems.get(id))?.impact).toBe(3.3);
    await services.editor.undo();
    expect((await services.db.uncertaintyItems.get(id))?.impact).toBe(3);
  });

  it('deletes an item: the details close, and the toast offers Undo', async () => {
    const added = await area.addItems(['Remove me'], area.layers[0]!.id, 'unknown');
    if (!added.ok) throw new Error(added.message);
    const item = added.value[0]!;
    area.select(item.id);
    expect((await area.deleteItem(item))?.ok).toBe(true);
    expect(area.selectedId).toBeUndefined();
    runToastAction('Undo');
    await until(() => area.items.some((i) => i.id === item.id));
  });

  it('refuses to remove the last layer, and says why', async () => {
    for (const layer of area.layers.slice(1)) expect((await area.removeLayer(layer, area.layers[0]!.id)).ok).toBe(true);
    await until(() => area.layers.length === 1);
    const last = await area.removeLayer(area.layers[0]!, null);
    expect(last).toEqual({ ok: false, message: 'A map needs at least one layer.' });
  });

  it('saves typing in an item through its drafts, and never saves what the rules refuse, saying why', async () => {
    const added = await area.addItems(['Titled'], area.layers[0]!.id, 'assumption');
    if (!added.ok) throw new Error(added.message);
    const id = added.value[0]!.id;
    const group = area.itemDrafts(added.value[0]!);
    const { title, ownerPerson } = group.drafts;
    title.input('  ');
    expect(title.problem).toBe('Give the item a title.');
    await title.flush();
    expect(title.status).toBe('failed');
    ownerPerson.input('x'.repeat(201));
    expect(ownerPerson.problem).toBe('Keep the owner under 200 characters.');
    await ownerPerson.flush();
    expect(await services.db.uncertaintyItems.get(id)).toMatchObject({ title: 'Titled', ownerPerson: '' });
    title.input('Retitled');
    ownerPerson.input('Sam');
    expect(title.problem).toBeUndefined();
    await Promise.all([title.flush(), ownerPerson.flush()]);
    expect(await services.db.uncertaintyItems.get(id)).toMatchObject({ title: 'Retitled', ownerPerson: 'Sam' });
    group.close();
  });

  it('saves the staleness rule on the program, and says why a bad one is refused', async () => {
    expect(await area.setStaleAfterDays(-3)).toEqual({ ok: false, message: 'Use a whole number of days from 0 to 3650.' });
    expect((await area.setStaleAfterDays(7)).ok).toBe(true);
    expect((await services.db.programs.get(program.id))?.staleAfterDays).toBe(7);
  });

  it('shows a problem, not an empty map, when the items cannot be read', async () => {
    // The disk fails under the query.
    const failure = Object.assign(new Error('I/O error'), { name: 'UnknownError' });
    services.db.uncertaintyItems.where = (() => ({ toArray: () => Promise.reject(failure) })) as unknown as typeof services.db.uncertaintyItems.where;
    const broken = open();
    await until(() => broken.value.problem);
    expect(broken.value.problem?.message).toMatch(/Reload this window/);
    broken.destroy();
  });

  it('removes a layer moving its items, with Undo offered (the stack view has asked where they go)', async () => {
    const layer = area.layers[2]!;
    const added = await area.addItems(['On it'], layer.id, 'risk');
    if (!added.ok) throw new Error(added.message);
    expect((await area.removeLayer(layer, area.layers[0]!.id)).ok).toBe(true);
    expect(confirmations.current).toBeUndefined();
    expect((await services.db.uncertaintyItems.get(added.value[0]!.id))?.layerId).toBe(area.layers[0]!.id);
    expect(toastTexts()).toContain(`success: Removed the layer "${layer.name}".`);
    runToastAction('Undo');
    await until(() => area.layers.some((l) => l.id === layer.id));
  });
});
