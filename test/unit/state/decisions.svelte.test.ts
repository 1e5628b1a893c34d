import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { DecisionsRepository } from '../../../renderer/src/storage/decisions-repo';
import { DecisionsState } from '../../../renderer/src/state/decisions.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answerWith, mounted, runToastAction, toastTexts, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
let area: DecisionsState;
let destroy: () => void;

beforeEach(async () => {
  ({ services, program } = await withProgram());
  ({ value: area, destroy } = mounted(() => new DecisionsState(() => program, services)));
  await until(() => area.loaded);
});

afterEach(() => {
  destroy();
  services.db.close();
});

async function accepted(title: string) {
  const added = await area.create(title);
  if (!added.ok) throw new Error(added.message);
  await until(() => area.byId.has(added.value.id));
  expect((await area.setStatus(added.value, 'accepted')).ok).toBe(true);
  await until(() => area.byId.get(added.value.id)?.status === 'accepted');
  return area.byId.get(added.value.id)!;
}

describe('DecisionsState', () => {
  it('adds a draft with the next number and offers one Undo for it', async () => {
    const added = await area.create('Use hybrid search');
    expect(added.ok && added.value.number).toBe(1);
    expect(toastTexts()).toEqual(['success: Added ADR-0001 as a draft.']);
    runToastAction('Undo');
    await until(() => area.records.length === 0);
  });

  it('supersedes an accepted record; accepting the new one says the old is superseded, and one Undo takes it back', async () => {
    const old = await accepted('Use hybrid search');
    const draft = await area.supersede(old);
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(toastTexts().at(-1)).toBe('success: Started ADR-0002 to supersede ADR-0001. Accept it to replace the old decision.');
    await until(() => area.byId.get(old.id)?.supersededBy === draft.value.id);
    expect(area.chain(draft.value.id).chain.map((r) => r.number)).toEqual([1, 2]);

    expect((await area.setStatus(area.byId.get(draft.value.id)!, 'accepted')).ok).toBe(true);
    expect(toastTexts().at(-1)).toBe('success: ADR-0002 is accepted. ADR-0001 is now superseded.');
    await until(() => area.byId.get(old.id)?.status === 'superseded');
    runToastAction('Undo');
    await until(() => area.byId.get(old.id)?.status === 'accepted' && area.byId.get(draft.value.id)?.status === 'draft');
  });

  it('deletes a draft after a confirmation naming what loses its link, and Undo restores both', async () => {
    const old = await accepted('Use hybrid search');
    const draft = await area.supersede(old);
    if (!draft.ok) throw new Error(draft.message);
    await until(() => area.byId.has(draft.value.id));
    const deleting = area.deleteRecord(area.byId.get(draft.value.id)!);
    const asked = await answerWith(true);
    expect(asked.title).toBe('Delete ADR-0002 Use hybrid search?');
    expect(asked.message).toBe('The draft goes from the log. 1 decision record ("ADR-0001 Use hybrid search") links to it; it will lose the link.');
    expect((await deleting)?.ok).toBe(true);
    await until(() => !area.byId.has(draft.value.id) && area.byId.get(old.id)?.supersededBy === '');
    runToastAction('Undo');
    await until(() => area.byId.has(draft.value.id) && area.byId.get(old.id)?.supersededBy === draft.value.id);
  });

  it('filters by status and search, and remembers both on this computer', async () => {
    await accepted('Use hybrid search');
    await area.create('Keep a human in the loop');
    await until(() => area.records.length === 2);
    expect(area.visible.map((r) => r.number)).toEqual([2, 1]);
    area.statusFilter.set('open');
    expect(area.visible.map((r) => r.title)).toEqual(['Keep a human in the loop']);
    area.statusFilter.set('all');
    area.search.set('ADR-0001');
    expect(area.visible.map((r) => r.title)).toEqual(['Use hybrid search']);
    expect(localStorage.getItem('keel.decisions.search')).toBe('"ADR-0001"');
  });

  it('saves typing in a record, and a journaled edit is written back only to a record still open', async () => {
    const added = await area.create('Use hybrid search');
    if (!added.ok) throw new Error(added.message);
    await until(() => area.byId.has(added.value.id));
    const group = area.recordDrafts(added.value, () => area.byId.get(added.value.id)!);
    group.drafts.context.input('Recall is poor');
    await group.drafts.context.flush();
    await until(() => area.byId.get(added.value.id)?.context === 'Recall is poor');
    group.close();
    await new DecisionsRepository(services.editor).setStatus(added.value.id, 'accepted', '', '2026-12-01');
    await expect(new DecisionsRepository(services.editor).updateText(added.value.id, 'context', 'x')).rejects.toThrow(/no longer edited/);
  });
});

describe('replaying typing in the decision log', () => {
  it('writes a journaled edit to a draft, and keeps it to restore when the record has been accepted since', async () => {
    const { recordEdit } = await import('../../../renderer/src/state/pending-edits');
    const { decisionReplayHandlers } = await import('../../../renderer/src/state/decisions-replay');
    const handlers = decisionReplayHandlers(services);
    const repo = new DecisionsRepository(services.editor);
    const draft = await repo.create(program.id, 'Use hybrid search', '2026-12-01');
    recordEdit('decision-context', draft.id, 'Recall is poor', '');
    expect(await handlers['decision-context']!({ kind: 'decision-context', id: draft.id, base: '', value: 'Recall is poor', at: 1 })).toBe('stored');
    expect((await services.db.decisions.get(draft.id))?.context).toBe('Recall is poor');

    await repo.setOptions(draft.id, [{ title: 'Dense', description: '' }], 'Add option');
    recordEdit('decision-option-title', `${draft.id}/0`, 'Dense retrieval', 'Dense');
    expect(await handlers['decision-option-title']!({ kind: 'decision-option-title', id: `${draft.id}/0`, base: 'Dense', value: 'Dense retrieval', at: 2 })).toBe('stored');
    expect((await services.db.decisions.get(draft.id))?.options[0]?.title).toBe('Dense retrieval');

    await repo.setStatus(draft.id, 'accepted', '', '2026-12-02');
    recordEdit('decision-outcome', draft.id, 'Hybrid', '');
    expect(await handlers['decision-outcome']!({ kind: 'decision-outcome', id: draft.id, base: '', value: 'Hybrid', at: 3 })).toBe('changed');
    expect((await services.db.decisions.get(draft.id))?.outcome).toBe('');
  });
});

describe('deleting a decided matrix', () => {
  it('says its records in the log lose the link and keep their basis; Undo restores both', async () => {
    const { MatrixRepository } = await import('../../../renderer/src/storage/tradeoffs-repo');
    const { MatrixState } = await import('../../../renderer/src/state/matrix.svelte');
    const matrices = new MatrixRepository(services.editor);
    const matrix = await matrices.create(program.id, 'Which retriever ships?');
    const a = await matrices.addOption(matrix.id, 'Dense');
    await matrices.decide(matrix.id, { optionId: a, rationale: 'Only one', deciders: 'Ana', date: '2026-12-01' });
    const stored = (await services.db.matrices.get(matrix.id))!;
    const { value: page, destroy: end } = mounted(() => new MatrixState({ metricsById: new Map(), functions: [] } as never, () => stored, services));
    const deleting = page.remove();
    const asked = await answerWith(true);
    expect(asked.message).toContain('1 decision record ("ADR-0001 Which retriever ships? → Dense") links to it; it will lose the link. Decision records keep what they were decided on.');
    expect((await deleting)?.ok).toBe(true);
    const [record] = await services.db.decisions.toArray();
    expect(record).toMatchObject({ matrixId: '', basis: { question: 'Which retriever ships?' } });
    runToastAction('Undo');
    await vi.waitFor(async () => expect((await services.db.decisions.toArray())[0]!.matrixId).toBe(matrix.id));
    expect(await services.db.matrices.get(matrix.id)).toBeDefined();
    end();
  });
});
