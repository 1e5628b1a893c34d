import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { programRecords } from '../../../renderer/src/domain/program-records';
import { buildIndex, search } from '../../../renderer/src/domain/palette/rank';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';
import { COMMANDS } from '../../../renderer/src/state/commands';
import { commandEntries, COMMON_COMMANDS, recordEntries, type PaletteRows } from '../../../renderer/src/state/palette-index';
import { parseRoute, routeHref } from '../../../renderer/src/state/routes';
import { importSnapshot } from '../../../renderer/src/storage/transfer';
import { readPaletteRows } from '../../../renderer/src/storage/palette-read';
import { freshStore, makeProgram } from '../factories';

// What the palette lists: built from the rows the database holds (programs and the named records
// of every area) and the command registry, each with what opening it does.

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));

function fixture() {
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('the format-7 fixture did not read');
  return parsed.snapshot;
}

function rowsOf(records: ReturnType<typeof programRecords>, more: Partial<PaletteRows> = {}): PaletteRows {
  const { program, uncertaintyItems, metrics, matrices, decisions, roadmapItems, scopeChanges, sessions, actions } = records;
  return { programs: [program], uncertaintyItems, metrics, matrices, decisions, roadmapItems, scopeChanges, sessions, actions, ...more };
}

describe('recordEntries', () => {
  const records = programRecords(fixture());
  const id = records.program.id;

  it('lists the program and every named record of each kind, with the route that opens it', () => {
    const entries = recordEntries(rowsOf(records));
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect([count('program'), count('uncertainty'), count('metric'), count('matrix'), count('decision'), count('roadmapItem'), count('scope'), count('session'), count('action')]).toEqual([
      1, 7, 4, 2, 3, 7, 2, 2, 4,
    ]);
    const byTitle = (title: string) => entries.find((e) => e.title === title)!;
    expect(byTitle('Support assistant').route).toEqual({ name: 'program', programId: id, area: 'overview' });
    const expected: [string, string, string][] = [
      ['Vendor LLM API quota', 'uncertainty', records.uncertaintyItems.find((r) => r.title === 'Vendor LLM API quota')!.id],
      ['p95 latency (end to end)', 'metrics', records.metrics.find((r) => r.name === 'p95 latency (end to end)')!.id],
      ['Which retrieval upgrade ships next quarter?', 'tradeoffs', records.matrices.find((r) => r.question.startsWith('Which retrieval'))!.id],
      ['ADR-0003 Pilot in one country first', 'decisions', records.decisions.find((r) => r.number === 3)!.id],
      ['Voice channel', 'roadmap', records.roadmapItems.find((r) => r.title === 'Voice channel')!.id],
      ['Drop the SMS channel', 'scope', records.scopeChanges.find((r) => r.title === 'Drop the SMS channel')!.id],
      ['Kick-off', 'sessions', records.sessions.find((r) => r.title === 'Kick-off')!.id],
      ['Tell the SMS vendor', 'actions', records.actions.find((r) => r.title === 'Tell the SMS vendor')!.id],
    ];
    for (const [title, area, recordId] of expected) {
      const route = byTitle(title).route!;
      expect(route).toEqual({ name: 'program', programId: id, area, recordId });
      // The route is a real link: it reads back as itself.
      expect(parseRoute(routeHref(route))).toEqual(route);
      expect(byTitle(title).where).toBe('Support assistant');
    }
  });

  it('marks archived programs and their records, and leaves out the trash', () => {
    const archived = makeProgram({ name: 'Pricing bot', archivedAt: 1 });
    const trashed = makeProgram({ name: 'Old idea', deletedAt: 2 });
    const rows = rowsOf(records, { programs: [records.program, archived, trashed] });
    rows.actions = [...rows.actions, { ...rows.actions[0]!, id: 'a-archived', programId: archived.id, title: 'Price the pilot' }, { ...rows.actions[0]!, id: 'a-trash', programId: trashed.id, title: 'Forgotten' }];
    const entries = recordEntries(rows);
    expect(entries.find((e) => e.title === 'Pricing bot')).toMatchObject({ kind: 'program', archived: true, where: 'Archived' });
    expect(entries.find((e) => e.title === 'Price the pilot')).toMatchObject({ archived: true, where: 'Pricing bot (archived)' });
    expect(entries.some((e) => e.title === 'Old idea' || e.title === 'Forgotten')).toBe(false);
  });

  it('finds one of each kind by a few letters of its name', () => {
    const index = buildIndex([...recordEntries(rowsOf(records)), ...commandEntries()]);
    const first = (query: string) => search(index, query, { programId: id, limit: 5 }).hits[0]?.entry;
    expect(first('vendor quota')).toMatchObject({ kind: 'uncertainty', title: 'Vendor LLM API quota' });
    expect(first('p95')).toMatchObject({ kind: 'metric' });
    expect(first('holiday peak')).toMatchObject({ kind: 'matrix' });
    expect(first('pilot country')).toMatchObject({ kind: 'decision', title: 'ADR-0003 Pilot in one country first' });
    expect(first('voice')).toMatchObject({ kind: 'roadmapItem', title: 'Voice channel' });
    expect(first('re-plan')).toMatchObject({ kind: 'session', title: 'Re-planning' });
    expect(first('legal')).toMatchObject({ kind: 'action', title: 'Ask legal for the refund rules' });
    expect(first('support')).toMatchObject({ kind: 'program' });
    expect(first('new prog')).toMatchObject({ kind: 'command', command: 'new-program' });
  });
});

describe('commandEntries', () => {
  it('comes from the one registry (all but the palette itself), with keys and keywords', () => {
    const entries = commandEntries();
    expect(entries.map((e) => e.command)).toEqual(COMMANDS.filter((c) => c.id !== 'palette').map((c) => c.id));
    expect(entries.find((e) => e.command === 'export-program')).toMatchObject({ title: 'Export program file (.keel.json)', keys: 'Mod+S', where: 'File' });
    expect(entries.find((e) => e.command === 'export-program')!.keywords).toContain('save');
    for (const id of COMMON_COMMANDS) expect(entries.some((e) => e.command === id)).toBe(true);
  });
});

describe('readPaletteRows', () => {
  it('reads every program and the named records of all of them in one read', async () => {
    const store = await freshStore();
    const imported = await importSnapshot(store.editor, fixture());
    const other = await store.programs.create({ name: 'Pricing bot' });
    const rows = await readPaletteRows(store.db);
    expect(rows.programs.map((p) => p.name).sort()).toEqual(['Pricing bot', 'Support assistant']);
    expect(rows.metrics).toHaveLength(4);
    expect(rows.sessions.every((s) => s.programId === imported.id)).toBe(true);
    expect(recordEntries(rows).filter((e) => e.programId === other.id)).toHaveLength(1);
    store.db.close();
  });
});
