import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramsState } from '../../../renderer/src/state/programs.svelte';
import { Router } from '../../../renderer/src/state/router.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { answer, loadedPrograms, mounted, runToastAction, toastTexts, until } from './harness.svelte';

let services: Services;
let state: ProgramsState;
let router: Router;
let close: () => void;

beforeEach(async () => {
  ({ services, state, router, close } = await loadedPrograms());
});

afterEach(() => close());

describe('ProgramsState', () => {
  it('creates a program, opens it, and lists it live', async () => {
    const created = await state.create('  Support   assistant ', 'Answers tickets');
    expect(created.ok && created.value.name).toBe('Support assistant');
    expect(router.route).toMatchObject({ name: 'program', area: 'overview' });
    await until(() => state.all.length === 1);
    expect(state.shown('active', 'support').map((p) => p.name)).toEqual(['Support assistant']);
  });

  it('refuses a name the rules refuse: a failed Result with the sentence, said in a toast, nothing stored', async () => {
    const created = await state.create('   ', '');
    expect(created).toEqual({ ok: false, message: 'Give the program a name.' });
    expect(toastTexts()).toContain('error: Give the program a name.');
    expect(await services.db.programs.count()).toBe(0);
  });

  it('archives with an Undo in its toast that takes exactly that step back', async () => {
    const created = await state.create('Pricing bot', '');
    if (!created.ok) throw new Error(created.message);
    await state.archive(created.value);
    expect((await services.db.programs.get(created.value.id))?.archivedAt).not.toBeNull();
    expect(toastTexts()).toContain('success: Archived "Pricing bot".');
    runToastAction('Undo');
    await until(() => state.byId(created.value.id)?.archivedAt === null);
  });

  it('deletes forever only after a confirmation; cancelling changes nothing', async () => {
    const created = await state.create('Doomed', '');
    if (!created.ok) throw new Error(created.message);
    await state.trash(created.value);
    const cancelled = state.deleteForever(created.value);
    expect(await answer(false)).toBe('Delete "Doomed" forever?');
    expect(await cancelled).toBeUndefined();
    expect(await services.db.programs.get(created.value.id)).toBeDefined();
    const confirmed = state.deleteForever(created.value);
    await answer(true);
    expect((await confirmed)?.ok).toBe(true);
    expect(await services.db.programs.get(created.value.id)).toBeUndefined();
    expect(await services.db.layers.where({ programId: created.value.id }).count()).toBe(0);
  });

  it('refuses a file that is not a Keel file with a plain sentence, importing nothing', async () => {
    const imported = await state.importText('{"hello": 1}', 'notes.json');
    expect(imported.ok).toBe(false);
    expect(toastTexts().at(-1)).toMatch(/^error: notes\.json is not a Keel file/);
    expect(await services.db.programs.count()).toBe(0);
  });

  it('remembers the sort order and follows a change made in another window', async () => {
    state.sort.set('name');
    expect(localStorage.getItem('keel.programs.sort')).toBe('"name"');
    localStorage.setItem('keel.programs.sort', '"updated"');
    window.dispatchEvent(new StorageEvent('storage', { key: 'keel.programs.sort' }));
    expect(state.sort.value).toBe('updated');
  });

  it('says the programs could not be read instead of showing an empty list', async () => {
    // The disk fails under the query.
    const failure = Object.assign(new Error('I/O error'), { name: 'UnknownError' });
    services.db.programs.toArray = (() => Promise.reject(failure)) as unknown as typeof services.db.programs.toArray;
    const second = mounted(() => new ProgramsState(router, services));
    await until(() => second.value.problem);
    expect(second.value.problem?.message).toMatch(/Reload this window/);
    expect(second.value.all).toEqual([]);
    second.destroy();
  });
});
