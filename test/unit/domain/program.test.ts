import { describe, expect, it } from 'vitest';
import {
  asNewProgram,
  checkProgramName,
  copyName,
  newProgram,
  countByView,
  PROGRAM_NAME_MAX,
  programView,
  selectPrograms,
} from '../../../renderer/src/domain/program';
import { makeProgram } from '../factories';

describe('checkProgramName', () => {
  it('trims and collapses whitespace', () => {
    expect(checkProgramName('  Support   bot \n')).toEqual({ ok: true, value: 'Support bot' });
  });
  it('removes control and bidirectional-override characters', () => {
    expect(checkProgramName('Line1\nLine2\t\ttabbed')).toEqual({ ok: true, value: 'Line1 Line2 tabbed' });
    expect(checkProgramName('invoice\u202Egnp.exe')).toEqual({ ok: true, value: 'invoicegnp.exe' });
  });
  it('refuses an empty name with a plain message', () => {
    expect(checkProgramName('   ')).toEqual({ ok: false, message: 'Give the program a name.' });
  });
  it('refuses a name that is too long and says how long it is', () => {
    const result = checkProgramName('x'.repeat(PROGRAM_NAME_MAX + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(String(PROGRAM_NAME_MAX + 1));
    expect(checkProgramName('x'.repeat(PROGRAM_NAME_MAX)).ok).toBe(true);
  });
});

describe('copyName', () => {
  it('adds (copy), then numbers further copies', () => {
    expect(copyName('Bot', ['Bot'])).toBe('Bot (copy)');
    expect(copyName('Bot', ['Bot', 'Bot (copy)'])).toBe('Bot (copy 2)');
    expect(copyName('Bot (copy)', ['Bot', 'Bot (copy)', 'Bot (copy 2)'])).toBe('Bot (copy 3)');
  });
  it('never exceeds the name limit, shortening the end of the base name', () => {
    const copy = copyName('Start ' + 'y'.repeat(PROGRAM_NAME_MAX), []);
    expect(copy.length).toBeLessThanOrEqual(PROGRAM_NAME_MAX);
    expect(copy.startsWith('Start y')).toBe(true);
    expect(copy.endsWith(' (copy)')).toBe(true);
  });
});

describe('selectPrograms', () => {
  const alpha = makeProgram({ name: 'Alpha', description: 'retrieval assistant', updatedAt: 10 });
  const beta = makeProgram({ name: 'beta', description: 'pricing agent', updatedAt: 30 });
  const gamma = makeProgram({ name: 'Gamma', updatedAt: 20, archivedAt: 5 });
  const delta = makeProgram({ name: 'Delta', updatedAt: 40, deletedAt: 50 });
  const epsilon = makeProgram({ name: 'Epsilon', updatedAt: 1, deletedAt: 60, archivedAt: 2 });
  const all = [alpha, beta, gamma, delta, epsilon];

  it('places each program in exactly one view; trash wins over archive', () => {
    expect(all.map(programView)).toEqual(['active', 'active', 'archived', 'trash', 'trash']);
    expect(countByView(all)).toEqual({ active: 2, archived: 1, trash: 2 });
  });
  it('sorts by recently updated, or by name ignoring case', () => {
    expect(selectPrograms(all, { view: 'active', search: '', sort: 'updated' }).map((p) => p.name)).toEqual([
      'beta',
      'Alpha',
    ]);
    expect(selectPrograms(all, { view: 'active', search: '', sort: 'name' }).map((p) => p.name)).toEqual([
      'Alpha',
      'beta',
    ]);
  });
  it('sorts the trash by most recently deleted', () => {
    expect(selectPrograms(all, { view: 'trash', search: '', sort: 'updated' }).map((p) => p.name)).toEqual([
      'Epsilon',
      'Delta',
    ]);
  });
  it('matches every search word in the name or description, ignoring case', () => {
    expect(selectPrograms(all, { view: 'active', search: 'RETRIEVAL', sort: 'name' }).map((p) => p.name)).toEqual([
      'Alpha',
    ]);
    expect(selectPrograms(all, { view: 'active', search: 'beta agent', sort: 'name' })).toEqual([beta]);
    expect(selectPrograms(all, { view: 'active', search: 'beta retrieval', sort: 'name' })).toEqual([]);
  });
});

describe('new programs', () => {
  it('stores a new program with its name cleaned, its description trimmed and the default staleness rule', () => {
    expect(newProgram({ name: ' Support  bot ', description: ' Tickets ' }, 'p1', 5)).toEqual({
      ok: true,
      value: { id: 'p1', name: 'Support bot', description: 'Tickets', createdAt: 5, updatedAt: 5, archivedAt: null, deletedAt: null, staleAfterDays: 30 },
    });
    expect(newProgram({ name: ' ' }, 'p1', 5)).toEqual({ ok: false, message: 'Give the program a name.' });
  });

  it('stores a copy or an import as an active program under a free name; a copy is new, an import keeps its dates', () => {
    const source = makeProgram({ name: 'Support bot', archivedAt: 3, createdAt: 1, updatedAt: 2 });
    expect(asNewProgram(source, ['Support bot'], 9)).toMatchObject({ name: 'Support bot (copy)', archivedAt: null, createdAt: 9, updatedAt: 9 });
    expect(asNewProgram({ ...source, name: ' Pilot\u202e ' }, ['Support bot'])).toMatchObject({ name: 'Pilot', createdAt: 1, updatedAt: 2 });
    expect(asNewProgram({ ...source, name: '' }, [])).toMatchObject({ name: 'Imported program' });
  });
});
