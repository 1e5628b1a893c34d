import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { freshStore } from '../factories';

let store: Awaited<ReturnType<typeof freshStore>>;

beforeEach(async () => {
  store = await freshStore();
});

describe('ProgramRepository', () => {
  it('creates a program with a trimmed name and stores it', async () => {
    const created = await store.programs.create({ name: '  Support bot ', description: ' Answers tickets ' });
    const stored = await store.programs.get(created.id);
    expect(stored).toEqual({
      id: created.id,
      name: 'Support bot',
      description: 'Answers tickets',
      createdAt: store.clock.now(),
      updatedAt: store.clock.now(),
      archivedAt: null,
      deletedAt: null,
      staleAfterDays: 30,
    });
    const layers = await store.db.layers.where({ programId: created.id }).sortBy('order');
    expect(layers.map((l) => l.name)).toEqual([
      'Scope and requirements',
      'Data',
      'Model behaviour',
      'Users and adoption',
      'Cost and infrastructure',
      'Security and compliance',
      'Organisation and delivery',
    ]);
  });

  it('refuses an empty name without writing anything', async () => {
    await expect(store.programs.create({ name: '  ' })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.programs.list()).toEqual([]);
    expect(store.editor.history.canUndo).toBe(false);
  });

  it('renames and edits the description, stamping updatedAt', async () => {
    const p = await store.programs.create({ name: 'A' });
    store.clock.advance(1000);
    await store.programs.rename(p.id, 'B');
    await store.programs.setDescription(p.id, 'Why we build it');
    const stored = await store.programs.get(p.id);
    expect(stored?.name).toBe('B');
    expect(stored?.description).toBe('Why we build it');
    expect(stored?.updatedAt).toBe(p.updatedAt + 1000);
  });

  it('validates the staleness rule, and undo puts the old one back', async () => {
    const p = await store.programs.create({ name: 'A' });
    await expect(store.programs.setStaleAfterDays(p.id, -1)).rejects.toThrow('whole number');
    await expect(store.programs.setStaleAfterDays(p.id, 2.5)).rejects.toThrow('whole number');
    await store.programs.setStaleAfterDays(p.id, 14);
    expect((await store.programs.get(p.id))?.staleAfterDays).toBe(14);
    await store.editor.undo();
    expect((await store.programs.get(p.id))?.staleAfterDays).toBe(30);
  });

  it('archives, unarchives, trashes and restores', async () => {
    const p = await store.programs.create({ name: 'A' });
    await store.programs.archive(p.id);
    expect((await store.programs.get(p.id))?.archivedAt).toBe(store.clock.now());
    await store.programs.unarchive(p.id);
    expect((await store.programs.get(p.id))?.archivedAt).toBeNull();
    await store.programs.trash(p.id);
    expect((await store.programs.get(p.id))?.deletedAt).toBe(store.clock.now());
    await store.programs.restore(p.id);
    expect((await store.programs.get(p.id))?.deletedAt).toBeNull();
  });

  it('duplicates with a new id and a "(copy)" name', async () => {
    const p = await store.programs.create({ name: 'A', description: 'd' });
    await store.programs.archive(p.id);
    const copy = await store.programs.duplicate(p.id);
    expect(copy.id).not.toBe(p.id);
    expect(copy).toMatchObject({ name: 'A (copy)', description: 'd', archivedAt: null, deletedAt: null });
    expect(await store.programs.list()).toHaveLength(2);
  });

  it('empties only the trash', async () => {
    const keep = await store.programs.create({ name: 'Keep' });
    const gone1 = await store.programs.create({ name: 'Gone 1' });
    const gone2 = await store.programs.create({ name: 'Gone 2' });
    await store.programs.trash(gone1.id);
    await store.programs.trash(gone2.id);
    expect(await store.programs.emptyTrash()).toBe(2);
    expect((await store.programs.list()).map((p) => p.id)).toEqual([keep.id]);
  });
});

describe('undo and redo through the editor', () => {
  it('undoes and redoes every kind of program edit', async () => {
    const p = await store.programs.create({ name: 'A' });
    await store.programs.rename(p.id, 'B');
    await store.programs.archive(p.id);
    await store.programs.trash(p.id);
    const copy = await store.programs.duplicate(p.id);

    expect(await store.editor.undo()).toBe('Duplicate program');
    expect(await store.programs.get(copy.id)).toBeUndefined();
    expect(await store.editor.undo()).toBe('Delete program');
    expect((await store.programs.get(p.id))?.deletedAt).toBeNull();
    expect(await store.editor.undo()).toBe('Archive program');
    expect(await store.editor.undo()).toBe('Rename to "B"');
    expect((await store.programs.get(p.id))?.name).toBe('A');
    expect(await store.editor.undo()).toBe('Create "A"');
    expect(await store.programs.list()).toEqual([]);
    expect(await store.editor.undo()).toBeUndefined();

    expect(await store.editor.redo()).toBe('Create "A"');
    expect(await store.editor.redo()).toBe('Rename to "B"');
    expect((await store.programs.get(p.id))?.name).toBe('B');
  });

  it('runs undos fired together one after the other, losing no history', async () => {
    const a = await store.programs.create({ name: 'One' });
    await store.programs.create({ name: 'Two' });
    await store.programs.create({ name: 'Three' });
    const labels = await Promise.all([store.editor.undo(), store.editor.undo(), store.programs.rename(a.id, 'Uno').then(() => 'rename')]);
    expect(labels).toEqual(['Create "Three"', 'Create "Two"', 'rename']);
    expect((await store.programs.list()).map((p) => p.name)).toEqual(['Uno']);
    expect(await store.editor.undo()).toBe('Rename to "Uno"');
    expect(await store.editor.undo()).toBe('Create "One"');
    expect(await store.programs.list()).toEqual([]);
  });

  it('restores programs deleted forever', async () => {
    const p = await store.programs.create({ name: 'A', description: 'keep me' });
    await store.programs.trash(p.id);
    await store.programs.emptyTrash();
    expect(await store.programs.list()).toEqual([]);
    await store.editor.undo();
    expect(await store.programs.get(p.id)).toMatchObject({ name: 'A', description: 'keep me' });
  });

  it('merges rapid description typing into one undo step', async () => {
    const p = await store.programs.create({ name: 'A' });
    for (const text of ['W', 'Wh', 'Why']) {
      store.clock.advance(300);
      await store.programs.setDescription(p.id, text);
    }
    expect(await store.editor.undo()).toBe('Edit description');
    expect((await store.programs.get(p.id))?.description).toBe('');
    expect(await store.editor.undo()).toBe('Create "A"');
  });

  it('refuses to undo over a change made elsewhere and drops that step', async () => {
    const p = await store.programs.create({ name: 'A' });
    await store.programs.rename(p.id, 'B');
    // Another window (another editor, same database) renames it again.
    await store.db.programs.update(p.id, { name: 'C' });
    await expect(store.editor.undo()).rejects.toMatchObject({ name: 'ChangedElsewhereError' });
    expect((await store.programs.get(p.id))?.name).toBe('C');
    expect(store.editor.history.nextUndo?.label).toBe('Create "A"');
  });
});
