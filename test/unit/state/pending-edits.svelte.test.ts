import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { KeelDB } from '../../../renderer/src/storage/db';
import { Editor } from '../../../renderer/src/storage/editor';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import { pendingCount, pendingEdit } from '../../../renderer/src/state/pending-edits';
import { PROGRAM_DESCRIPTION } from '../../../renderer/src/state/programs-replay';
import { ProgramsState } from '../../../renderer/src/state/programs.svelte';
import { replayAtStart } from '../../../renderer/src/state/replay';
import { Router } from '../../../renderer/src/state/router.svelte';
import { createServices, type Services } from '../../../renderer/src/state/services';
import { StorageHealth } from '../../../renderer/src/state/storage-health.svelte';
import { undoWithFeedback } from '../../../renderer/src/state/writes';
import { clearToasts, mounted, toastTexts, until } from './harness.svelte';

// The fault scenarios of the adversarial pass that lost typing, played against fake IndexedDB.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
  vi.restoreAllMocks();
});

/** A window: its database (opened as the app opens it), its programs state, and a program. */
async function openWindow(name: string): Promise<{ services: Services; health: StorageHealth; state: ProgramsState }> {
  const services = createServices(name);
  const health = new StorageHealth();
  await health.open(services.db);
  const { value: state, destroy } = mounted(() => new ProgramsState(new Router(), services));
  cleanups.push(() => {
    destroy();
    services.db.close();
  });
  return { services, health, state };
}

async function start(): Promise<{ services: Services; health: StorageHealth; state: ProgramsState; program: Program; name: string }> {
  clearToasts();
  localStorage.clear();
  const name = `keel-faults-${crypto.randomUUID()}`;
  const window = await openWindow(name);
  const program = await new ProgramRepository(window.services.editor).create({ name: 'Support assistant' });
  return { ...window, program, name };
}

const storedDescription = async (services: Services, id: string) => (await services.db.programs.get(id))?.description;

/** Makes every IndexedDB write fail as on a full disk, until the returned function is called. */
function fillTheDisk(): () => void {
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The disk is full', 'QuotaExceededError');
  });
  return () => put.mockRestore();
}

describe('typing is never lost', () => {
  it('a failed save keeps the text across leaving the field and a restart, and stores it once storage works', async () => {
    const { services, state, program } = await start();
    const freeTheDisk = fillTheDisk();
    const draft = state.descriptionDraft(program);
    draft.input('Written while the disk was full');
    await draft.flush();
    expect(draft.status).toBe('failed');
    expect(toastTexts().join()).toMatch(/disk is full/i);
    draft.close(); // moving to another area

    const again = state.descriptionDraft(program);
    expect(again.value).toBe('Written while the disk was full');
    expect(again.status).toBe('failed');
    again.close();

    // A restart with the disk still full keeps it; one with space stores it.
    expect((await replayAtStart(services)).kept).toBe(1);
    freeTheDisk();
    expect(await replayAtStart(services)).toMatchObject({ stored: 1, kept: 0 });
    expect(await storedDescription(services, program.id)).toBe('Written while the disk was full');
    expect(pendingCount()).toBe(0);
  });

  it('a database closed by an upgrade in another window keeps the last moments of typing, and the newer Keel stores them', async () => {
    const { services, health, state, program, name } = await start();
    const draft = state.descriptionDraft(program);
    draft.input('Typed just before the upgrade');
    // Another window opens the database at a newer version.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, services.db.verno * 10 + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(health.blocking?.kind).toBe('closed');
    expect(health.blocking?.message).toMatch(/what you typed in the last moments is kept/i);
    await draft.flush();
    expect(draft.status).toBe('failed');
    expect(pendingEdit(PROGRAM_DESCRIPTION, program.id)?.value).toBe('Typed just before the upgrade');

    // The reloaded window runs the newer Keel, which knows the new version.
    const newer = new KeelDB(name);
    await newer.open();
    cleanups.push(() => newer.close());
    expect((await replayAtStart({ db: newer, editor: new Editor(newer) })).stored).toBe(1);
    expect((await newer.programs.get(program.id))?.description).toBe('Typed just before the upgrade');
  });

  it('another window deleting the database is not reported as safe', async () => {
    const { health, name } = await start();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onblocked = () => resolve();
    });
    await until(() => health.blocking);
    expect(health.blocking?.kind).toBe('deleted');
    expect(health.blocking?.message).not.toMatch(/safe/);
    expect(health.blocking?.message).toMatch(/deleted/);
  });

  it('storage that cannot be opened says so, not that a change could not be saved', async () => {
    localStorage.clear();
    const services = createServices(`keel-faults-${crypto.randomUUID()}`);
    vi.spyOn(services.db, 'openChecked').mockRejectedValue(new Error('Internal error opening backing store'));
    const health = new StorageHealth();
    await health.open(services.db);
    expect(health.ready).toBe(false);
    expect(health.blocking?.kind).toBe('cannot-open');
    expect(health.blocking?.title).toBe('Keel cannot open its storage');
    expect(health.blocking?.message).not.toMatch(/last change/);
    expect(health.blocking?.detail).toMatch(/backing store/);
  });
});

describe('two windows editing one field', () => {
  it("tells the window whose text the other's replaced, and keeps its text to put back", async () => {
    const { state: here, program, name } = await start();
    const there = await openWindow(name);
    const mine = here.descriptionDraft(program);
    mine.input('Ours: retrieval first');
    await mine.flush();
    await there.state.setDescription(program.id, 'Theirs: agent first');

    mine.sync('Theirs: agent first');
    expect(mine.value).toBe('Theirs: agent first');
    expect(mine.displaced?.text).toBe('Ours: retrieval first');
    // Another draft of the field (after navigating away and back) still offers it.
    const reopened = here.descriptionDraft(program);
    expect(reopened.displaced?.text).toBe('Ours: retrieval first');
    reopened.close();

    mine.restoreDisplaced();
    expect(mine.value).toBe('Ours: retrieval first');
    expect(mine.displaced).toBeUndefined();
    await mine.flush();
    expect(await storedDescription(there.services, program.id)).toBe('Ours: retrieval first');
  });

  it('an undo in this window is not taken for another window replacing the text', async () => {
    const { services, state, program } = await start();
    const draft = state.descriptionDraft(program);
    draft.input('First');
    await draft.flush();
    draft.input('Second');
    await draft.flush();
    // Both saves are one undo step (typing in a field coalesces): undo brings back the start.
    await undoWithFeedback(services.editor);
    const restored = (await storedDescription(services, program.id))!;
    expect(restored).toBe('');
    draft.sync(restored);
    expect(draft.value).toBe('');
    expect(draft.displaced).toBeUndefined();
  });

  it('another window putting back a text this window saw earlier still replaced this window\'s, and says so', async () => {
    const { state: here, program, name } = await start();
    const there = await openWindow(name);
    const mine = here.descriptionDraft(program);
    mine.input('First version');
    await mine.flush();
    mine.input('Second version');
    await mine.flush();
    await there.state.setDescription(program.id, 'First version');
    // Well after any undo of this window (an earlier test's included).
    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    mine.sync('First version');
    expect(mine.displaced?.text).toBe('Second version');
  });

  it('text typed while the other window saved is kept and saved over it, without a notice here', async () => {
    const { state: here, program, name } = await start();
    const there = await openWindow(name);
    const mine = here.descriptionDraft(program);
    mine.input('Still typing');
    await there.state.setDescription(program.id, 'Saved there');
    mine.sync('Saved there');
    expect(mine.value).toBe('Still typing');
    expect(mine.displaced).toBeUndefined();
    await mine.flush();
    expect(await storedDescription(there.services, program.id)).toBe('Still typing');
  });
});

describe('replay at start', () => {
  it('replays typing into a record only while it holds what the typing started from', async () => {
    const { services, state, program } = await start();
    const draft = state.descriptionDraft(program);
    const fill = fillTheDisk();
    draft.input('Mine');
    await draft.flush();
    await draft.close();
    fill();
    await new ProgramRepository(services.editor).setDescription(program.id, 'Changed elsewhere since');
    expect(await replayAtStart(services)).toMatchObject({ stored: 0, displaced: 1 });
    expect(await storedDescription(services, program.id)).toBe('Changed elsewhere since');
    const field = state.descriptionDraft(program);
    expect(field.displaced?.text).toBe('Mine');
    field.close();
  });
});

describe('retry once storage works again', () => {
  it('a failed edit goes in with the next write that succeeds, and its field says saved', async () => {
    const { services, state, program } = await start();
    await replayAtStart(services); // this window's replay handlers
    const freeTheDisk = fillTheDisk();
    const draft = state.descriptionDraft(program);
    draft.input('Kept through the full disk');
    await draft.flush();
    expect(draft.status).toBe('failed');
    freeTheDisk();
    // Any other write that succeeds (here, a rename) shows storage works: the kept text goes in.
    expect((await state.rename(program, 'Support assistant v2')).ok).toBe(true);
    await vi.waitFor(async () => expect(await storedDescription(services, program.id)).toBe('Kept through the full disk'));
    draft.sync('Kept through the full disk');
    expect(draft.status).toBe('saved');
    expect(pendingCount()).toBe(0);
    await draft.close();
  });
});
