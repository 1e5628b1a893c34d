import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAM_DESCRIPTION_MAX, PROGRAM_NAME_MAX, type Program } from '../../../renderer/src/domain/program';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { importSnapshot, snapshotForExport } from '../../../renderer/src/storage/transfer';
import { freshStore } from '../factories';

const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
const programArb: fc.Arbitrary<Program> = fc.record({
  id: fc.uuid(),
  name: fc
    .string({ minLength: 1, maxLength: PROGRAM_NAME_MAX, unit: 'grapheme' })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= PROGRAM_NAME_MAX),
  description: fc.string({ maxLength: 300, unit: 'grapheme' }).filter((s) => s.length <= PROGRAM_DESCRIPTION_MAX),
  createdAt: time,
  updatedAt: time,
  archivedAt: fc.constant(null),
  deletedAt: fc.constant(null),
});

describe('.keel.json round trip', () => {
  it('serialise -> parse gives back the same program (property)', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        const text = serializeProgram({ program, owned: {} }, '0.1.0', new Date());
        const parsed = parseKeelFile(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.snapshot).toEqual({ program, owned: {} });
      }),
      { numRuns: 300 },
    );
  });

  it('export -> import -> export through storage is lossless apart from the new id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, async (program) => {
        const store = await freshStore();
        await store.programs.createMany([program]);
        const first = await snapshotForExport(store.editor, program.id);
        const text = serializeProgram(first!, '0.1.0', new Date(0));
        const parsed = parseKeelFile(text);
        if (!parsed.ok) throw new Error(`did not re-import: ${JSON.stringify(parsed.error)}`);
        const imported = await importSnapshot(store.editor, parsed.snapshot);
        expect(imported.id).not.toBe(program.id);
        const second = await snapshotForExport(store.editor, imported.id);
        const again = serializeProgram(second!, '0.1.0', new Date(0));
        const normalise = (t: string) => ({ ...JSON.parse(t), program: { ...JSON.parse(t).program, id: 'x', name: 'n' } });
        expect(normalise(again)).toEqual(normalise(text));
        // The imported copy keeps the name, or gets "(copy)" when the name is taken.
        expect(imported.name.startsWith(program.name.slice(0, 60))).toBe(true);
        store.db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a failed import changes nothing stored', async () => {
    const store = await freshStore();
    const existing = await store.programs.create({ name: 'Existing' });
    const before = await store.programs.list();
    const parsed = parseKeelFile('{"format":"keel","formatVersion":1,"program":{}}');
    expect(parsed.ok).toBe(false);
    // A storage failure after the program row was written leaves nothing behind: one transaction.
    const good = parseKeelFile(serializeProgram({ program: { ...existing, id: 'other' }, owned: {} }, '0.1.0', new Date()));
    if (!good.ok) throw new Error('fixture should parse');
    const broken = { ...good.snapshot, owned: { noSuchTable: [{ id: 'row', programId: 'other' }] } };
    await expect(importSnapshot(store.editor, broken)).rejects.toThrow();
    expect(store.editor.history.nextUndo?.label).toBe('Create "Existing"');
    expect(await store.programs.list()).toEqual(before);
  });
});
