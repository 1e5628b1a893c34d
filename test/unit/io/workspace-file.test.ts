import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programRecords } from '../../../renderer/src/domain/program-records';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { parseAnyKeelFile, parseWorkspaceFile, serializeWorkspace, workspaceFileName } from '../../../renderer/src/io/workspace-file';
import { importSnapshots, snapshotsForBackup, snapshotsForWorkspace } from '../../../renderer/src/storage/transfer';
import { freshStore } from '../factories';
import { snapshotArb } from './arbitraries';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const v7 = fixture('format-v7/support-assistant-workshop.keel.json');
const v8 = fixture('format-v8/support-assistant-room.keel.json');
const v2 = fixture('format-v2/support-assistant.keel.json');

/** A workspace file with the given program files inside, as Keel writes one. */
function workspaceOf(programs: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'keel-workspace', formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-11-29T10:00:00.000Z', programs, ...extra });
}

function refusal(text: string): string {
  const parsed = parseWorkspaceFile(text);
  if (parsed.ok) throw new Error('expected a refusal');
  return describeImportError(parsed.error, 'all.keel-workspace.json');
}

describe('workspace file', () => {
  it('holds every program as its own .keel.json content, and reads back the same programs', () => {
    const program = parseKeelFile(v7);
    if (!program.ok) throw new Error('fixture');
    const text = serializeWorkspace([program.snapshot, program.snapshot], '0.1.0', new Date('2026-11-29T10:00:00Z'));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'keel-workspace', formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-11-29T10:00:00.000Z' });
    expect(file.programs).toHaveLength(2);
    expect(file.programs[0]).toEqual(JSON.parse(serializeProgram(program.snapshot, '0.1.0', new Date('2026-11-29T10:00:00Z'))));
    const parsed = parseWorkspaceFile(text);
    if (!parsed.ok) throw new Error(describeImportError(parsed.error));
    expect(parsed.snapshots.map((s) => programRecords(s).uncertaintyItems.length)).toEqual([7, 7]);
  });

  it('migrates each older program inside it step by step, as a program file', () => {
    const parsed = parseWorkspaceFile(workspaceOf([JSON.parse(v2), JSON.parse(v7)]));
    if (!parsed.ok) throw new Error(describeImportError(parsed.error));
    expect(parsed.snapshots.map((s) => s.program.name)).toEqual(['Support assistant', 'Support assistant']);
    expect(parsed.snapshots[0]!.owned.uncertaintyItems).toHaveLength(6);
    expect(parsed.snapshots[1]!.owned.sessions).toHaveLength(2);
  });

  it('refuses the whole file when one program is broken, naming the program, its place and the field', () => {
    const broken = JSON.parse(v8);
    broken.program.name = 'Fraud triage';
    broken.data.metrics[2].name = 42;
    const sentence = refusal(workspaceOf([JSON.parse(v2), JSON.parse(v7), broken]));
    expect(sentence).toMatch(/^Program 3 \("Fraud triage"\) in all\.keel-workspace\.json is damaged or was edited by hand: data\.metrics\.2\.name: /);
    expect(sentence).toContain('Nothing was imported and your programs are unchanged.');
  });

  it('refuses a broken envelope with plain sentences', () => {
    expect(refusal(workspaceOf([], { extra: 1 }))).toContain('extra: a field Keel never writes in a workspace file');
    expect(refusal(workspaceOf([], { programs: {} }))).toContain('programs: expected a list of programs');
    expect(refusal(workspaceOf([], { formatVersion: 2, appVersion: '9.0.0' }))).toContain('was made by a newer Keel (9.0.0)');
    expect(refusal(workspaceOf([], { formatVersion: '1' }))).toContain('unreadable format version');
    expect(refusal('{"format":"keel-workspace","formatVersion":1,"programs":[{"__proto__":{}}]}')).toContain('("programs[0].__proto__")');
    expect(refusal(workspaceOf([{ ...JSON.parse(v7), constructor: 1 }]))).toContain('("programs[0].constructor")');
    expect(refusal(workspaceOf([]).slice(0, 40))).toContain('it is not valid JSON');
    expect(refusal(v7)).toContain('is not a Keel file');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parsed = parseWorkspaceFile(workspaceOf([]), 10);
    expect(!parsed.ok && parsed.error.kind).toBe('too-large');
  });

  it('reads either kind through parseAnyKeelFile; a program reader told of a workspace says what it is', () => {
    const one = parseAnyKeelFile(v7);
    expect(one.ok && one.kind).toBe('program');
    const all = parseAnyKeelFile(workspaceOf([JSON.parse(v7), JSON.parse(v2)]));
    expect(all.ok && all.kind === 'workspace' && all.snapshots.length).toBe(2);
    const single = parseKeelFile(workspaceOf([]));
    expect(!single.ok && describeImportError(single.error, 'all.json')).toContain('is a Keel workspace file (every program in one file)');
  });

  it('names the file after the day', () => {
    expect(workspaceFileName('2026-11-29')).toBe('Keel workspace 2026-11-29.keel-workspace.json');
  });

  it('a workspace of generated programs re-imports losslessly (property)', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { maxLength: 4 }), (snapshots) => {
        const parsed = parseWorkspaceFile(serializeWorkspace(snapshots, '0.1.0', new Date(0)));
        if (!parsed.ok) throw new Error(describeImportError(parsed.error));
        // Each program comes back exactly as its own .keel.json would (round-trip.test.ts holds
        // that one lossless against the original).
        expect(parsed.snapshots).toEqual(
          snapshots.map((s) => {
            const alone = parseKeelFile(serializeProgram(s, '0.1.0', new Date(0)));
            if (!alone.ok) throw new Error('program file');
            return alone.snapshot;
          }),
        );
      }),
      { numRuns: 40 },
    );
    // Generous: the machine is shared, and 40 workspaces of up to four programs take a few seconds.
  }, 60_000);
});

describe('importing several programs', () => {
  it('stores them as new copies in one edit with unique names; one undo removes them all', async () => {
    const store = await freshStore();
    try {
      const existing = await store.programs.create({ name: 'Support assistant' });
      const parsed = parseWorkspaceFile(workspaceOf([JSON.parse(v7), JSON.parse(v7)]));
      if (!parsed.ok) throw new Error('fixture');
      const programs = await importSnapshots(store.editor, parsed.snapshots, 'Import 2 programs');
      expect(programs.map((p) => p.name)).toEqual(['Support assistant (copy)', 'Support assistant (copy 2)']);
      expect(new Set(programs.map((p) => p.id)).size).toBe(2);
      expect(programs.every((p) => p.id !== parsed.snapshots[0]!.program.id)).toBe(true);
      expect(await store.db.uncertaintyItems.count()).toBe(14);
      expect(await store.editor.undo()).toBe('Import 2 programs');
      expect((await store.db.programs.toArray()).map((p) => p.id)).toEqual([existing.id]);
      expect(await store.db.uncertaintyItems.count()).toBe(0);
    } finally {
      store.db.close();
    }
  });

  it('a workspace leaves the trash out; a backup keeps it', async () => {
    const store = await freshStore();
    try {
      const kept = await store.programs.create({ name: 'Kept' });
      const trashed = await store.programs.create({ name: 'Trashed' });
      await store.programs.trash(trashed.id);
      expect((await snapshotsForWorkspace(store.editor)).map((s) => s.program.id)).toEqual([kept.id]);
      expect((await snapshotsForBackup(store.editor)).map((s) => s.program.name).sort()).toEqual(['Kept', 'Trashed']);
    } finally {
      store.db.close();
    }
  });
});
