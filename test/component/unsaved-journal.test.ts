import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../renderer/src/storage/errors';
import { forgetUnsaved, parkUnsaved, replayUnsaved, type UnsavedEdit } from '../../renderer/src/state/unsaved-journal';

beforeEach(() => localStorage.clear());

describe('unsaved journal', () => {
  it('replays parked typing once, through the handler of its kind', async () => {
    parkUnsaved({ kind: 'program-description', id: 'p1', base: '', value: 'typed', at: 1 });
    parkUnsaved({ kind: 'unknown-kind', id: 'x', base: '', value: 'dropped', at: 1 });
    const seen: UnsavedEdit[] = [];
    expect(await replayUnsaved({ 'program-description': async (e) => void seen.push(e) })).toBe(1);
    expect(seen.map((e) => e.value)).toEqual(['typed']);
    expect(await replayUnsaved({ 'program-description': async (e) => void seen.push(e) })).toBe(0);
  });

  it('keeps only the newest text per field, and forgets it once saved', async () => {
    parkUnsaved({ kind: 'k', id: '1', base: '', value: 'first', at: 1 });
    parkUnsaved({ kind: 'k', id: '1', base: '', value: 'second', at: 2 });
    parkUnsaved({ kind: 'k', id: '2', base: '', value: 'other', at: 2 });
    forgetUnsaved('k', '2');
    const values: string[] = [];
    await replayUnsaved({ k: async (e) => void values.push(e.value) });
    expect(values).toEqual(['second']);
  });

  it('drops typing the rules refuse, and keeps typing the database could not take for the next start', async () => {
    parkUnsaved({ kind: 'k', id: 'refused', base: 'A', value: '', at: 1 });
    parkUnsaved({ kind: 'k', id: 'disk-full', base: 'A', value: 'kept', at: 1 });
    const failing = async (e: UnsavedEdit) => {
      if (e.id === 'refused') throw new InvalidInputError('Give the item a title.');
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    };
    expect(await replayUnsaved({ k: failing })).toBe(0);
    const values: string[] = [];
    expect(await replayUnsaved({ k: async (e) => void values.push(e.value) })).toBe(1);
    expect(values).toEqual(['kept']);
  });

  it('survives a corrupt journal', async () => {
    localStorage.setItem('keel.unsaved', '{not json');
    expect(await replayUnsaved({})).toBe(0);
  });
});
