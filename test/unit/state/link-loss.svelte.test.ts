import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import type { Services } from '../../../renderer/src/state/services';
import { UncertaintyState } from '../../../renderer/src/state/uncertainty.svelte';
import { confirmations } from '../../../renderer/src/state/confirm.svelte';
import { action, roadmapItem } from '../domain/revisit/factories';
import { answerWith, mounted, runToastAction, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: UncertaintyState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = mounted(() => new UncertaintyState(() => program, services)));
  await until(() => area.loaded);
});

afterEach(() => {
  destroy();
  services.db.close();
});

async function linkedItem() {
  const added = await area.addItems(['Users accept 2 s latency'], area.layers[0]!.id, 'assumption');
  if (!added.ok) throw new Error(added.message);
  const item = added.value[0]!;
  const r = roadmapItem({ programId: program.id, title: 'Hybrid retrieval', uncertaintyIds: [item.id] });
  const a = action({ programId: program.id, title: 'Measure latency', source: { kind: 'uncertainty', id: item.id } });
  await services.db.roadmapItems.add(r);
  await services.db.actions.add(a);
  await until(() => area.items.length === 1);
  return { item, r, a };
}

describe('deleting an uncertainty item others link to', () => {
  it('says which records will lose their link, and keeps everything when the user says no', async () => {
    const { item, r } = await linkedItem();
    const deleting = area.deleteItem(item);
    const asked = await answerWith(false);
    expect(asked.title).toBe('Delete "Users accept 2 s latency"?');
    expect(asked.message).toBe('1 roadmap item ("Hybrid retrieval") and 1 action ("Measure latency") link to it; they will lose the link. Undo restores both.');
    expect(await deleting).toBeUndefined();
    expect(await services.db.uncertaintyItems.get(item.id)).toBeDefined();
    expect((await services.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([item.id]);
  });

  it('deletes and unlinks once confirmed, and Undo restores the item and its links', async () => {
    const { item, r, a } = await linkedItem();
    const deleting = area.deleteItem(item);
    await answerWith(true);
    expect((await deleting)?.ok).toBe(true);
    expect((await services.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([]);
    expect((await services.db.actions.get(a.id))!.source).toBeNull();
    runToastAction('Undo');
    await until(() => area.items.length === 1);
    await vi.waitFor(async () => expect((await services.db.roadmapItems.get(r.id))!.uncertaintyIds).toEqual([item.id]));
    expect((await services.db.actions.get(a.id))!.source).toEqual({ kind: 'uncertainty', id: item.id });
  });

  it('asks nothing when nothing links to the item', async () => {
    const added = await area.addItems(['Alone'], area.layers[0]!.id, 'risk');
    if (!added.ok) throw new Error(added.message);
    expect((await area.deleteItem(added.value[0]!))?.ok).toBe(true);
    expect(confirmations.current).toBeUndefined();
  });
});
