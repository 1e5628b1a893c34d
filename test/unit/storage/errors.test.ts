import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { KeelDB } from '../../../renderer/src/storage/db';
import { ChangedElsewhereError, classifyStorageError } from '../../../renderer/src/storage/errors';

describe('classifyStorageError', () => {
  it('finds a quota error wrapped in an AbortError', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    const problem = classifyStorageError(abort);
    expect(problem.kind).toBe('quota');
    expect(problem.message).toMatch(/Free some disk space/);
    expect(problem.detail).toContain('QuotaExceededError');
  });
  it('names undo conflicts', () => {
    expect(classifyStorageError(new ChangedElsewhereError('Rename')).kind).toBe('changed-elsewhere');
  });
  it('falls back to a plain message, never a stack trace', () => {
    const problem = classifyStorageError(new TypeError('x is undefined'));
    expect(problem.kind).toBe('unknown');
    expect(problem.message).not.toMatch(/undefined|at /);
  });
});

describe('opening the database', () => {
  it('refuses a database made by a newer Keel with a plain message and leaves it intact', async () => {
    const name = `keel-newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(99).stores({ programs: 'id, updatedAt', futureThings: 'id' });
    await newer.open();
    await newer.table('programs').put({ id: 'p1', name: 'From the future' });
    newer.close();

    const db = new KeelDB(name);
    const error = await db.openChecked().then(
      () => undefined,
      (e: unknown) => e,
    );
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('newer-database');
    expect(problem.message).toMatch(/newer version of Keel/);

    const again = new Dexie(name);
    again.version(99).stores({ programs: 'id, updatedAt', futureThings: 'id' });
    expect(await again.table('programs').get('p1')).toEqual({ id: 'p1', name: 'From the future' });
    again.close();
  });

  it('reports a blocked upgrade while an older connection stays open', async () => {
    const name = `keel-blocked-${crypto.randomUUID()}`;
    const older = new Dexie(name);
    older.version(1).stores({ programs: 'id, updatedAt' });
    await older.open();
    // The older window refuses to close, as a hung window would.
    older.on('versionchange', () => false);

    const upgrading = new Dexie(name);
    upgrading.version(1).stores({ programs: 'id, updatedAt' });
    upgrading.version(2).stores({ programs: 'id, updatedAt, name' });
    let blocked = false;
    upgrading.on('blocked', () => {
      blocked = true;
      older.close();
    });
    await upgrading.open();
    expect(blocked).toBe(true);
    upgrading.close();
  });
});
