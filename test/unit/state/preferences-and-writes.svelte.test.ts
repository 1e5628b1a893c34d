import { afterEach, describe, expect, it, vi } from 'vitest';
import { fields, flag, oneOf, preference, text } from '../../../renderer/src/state/preferences.svelte';
import { describeFailure, readProblem, settle } from '../../../renderer/src/state/result';
import { Writes } from '../../../renderer/src/state/writes';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { toasts } from '../../../renderer/src/state/toasts.svelte';
import { clearToasts, freshServices, toastTexts, until } from './harness.svelte';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
  clearToasts();
});

describe('preferences', () => {
  it('falls back on a missing or damaged value, and keeps the parts of a record that are fine', () => {
    localStorage.setItem('test.a', 'not json and not a choice');
    expect(preference('test.a', oneOf(['x', 'y']), 'x').value).toBe('x');
    localStorage.setItem('test.b', JSON.stringify({ layerId: 'l1', kind: 'nonsense' }));
    const capture = preference('test.b', fields({ layerId: text(10), kind: oneOf(['risk']) }), {});
    expect(capture.value).toEqual({ layerId: 'l1' });
  });

  it('is one value per key in a window, and survives storage that refuses to write', () => {
    const a = preference('test.c', flag, true);
    expect(preference('test.c', flag, true)).toBe(a);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    a.set(false);
    expect(a.value).toBe(false);
  });
});

describe('result and writes', () => {
  it('keeps "failed" apart from "succeeded with nothing"', async () => {
    expect(await settle(async () => undefined)).toEqual({ ok: true, value: undefined });
    expect(await settle(async () => Promise.reject(new InvalidInputError('Give it a name.')))).toEqual({ ok: false, message: 'Give it a name.' });
  });

  it('turns storage failures into plain sentences with a next step', () => {
    const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
    expect(describeFailure(quota)).toMatch(/^Your disk is full\. .*Free some disk space/);
    expect(readProblem(undefined)).toBeUndefined();
    expect(readProblem(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))?.message).toMatch(/it is saved when you reload/);
  });

  it('says what was done, offers Undo of exactly that edit, and reports failures in a toast', async () => {
    const services = await freshServices();
    const writes = new Writes(services.editor);
    const done = await writes.run(() => services.editor.edit('Add a row', (tx) => tx.insert('programs', [{ id: 'p1' } as never])), {
      success: 'Added.',
      undo: true,
    });
    expect(done.ok).toBe(true);
    expect(toastTexts()).toEqual(['success: Added.']);
    const failed = await writes.run(() => Promise.reject(new InvalidInputError('No.')));
    expect(failed).toEqual({ ok: false, message: 'No.' });
    expect(toastTexts().at(-1)).toBe('error: No.');
    services.db.close();
  });

  it("the toast's Undo undoes its own edit, and only while nothing newer was done", async () => {
    const services = await freshServices();
    const writes = new Writes(services.editor);
    const add = (id: string) =>
      writes.run(() => services.editor.edit(`Add ${id}`, (tx) => tx.insert('programs', [{ id } as never])), { success: `Added ${id}.`, undo: true });
    await add('p1');
    const firstUndo = [...toasts.items].at(-1)!.action!;
    await add('p2');
    // Undo on the older toast would undo p2: it says so instead, and nothing changes.
    firstUndo.run();
    expect(toastTexts().at(-1)).toBe('info: Newer changes were made since; use Undo in the toolbar to step back through them.');
    expect(await services.db.programs.count()).toBe(2);
    [...toasts.items].at(-2)!.action!.run();
    await until(() => toastTexts().at(-1) === 'info: Undid: Add p2.');
    expect(await services.db.programs.get('p2')).toBeUndefined();
    expect(await services.db.programs.get('p1')).toBeDefined();
    services.db.close();
  });

  it('an action that must read first stops when the read fails, saying what could not be checked', async () => {
    const services = await freshServices();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const read = await new Writes(services.editor).read(() => Promise.reject(new Error('disk')), 'check which matrices use it');
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^Could not check which matrices use it\. Reload this window/) });
    expect(toastTexts().at(-1)).toBe(`error: ${read.ok ? '' : read.message}`);
    expect(logged).toHaveBeenCalled();
    services.db.close();
  });
});
