import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupName } from '../../../renderer/src/domain/backups/names';
import { ProgramRepository } from '../../../renderer/src/storage/programs-repo';
import { BrowserBackupStore } from '../../../renderer/src/storage/backup-store';
import { BackupScheduler, backUpNow, changedAt, lastBackupAt } from '../../../renderer/src/state/backup-scheduler.svelte';
import { BackupsState } from '../../../renderer/src/state/backups.svelte';
import { ProgramsState } from '../../../renderer/src/state/programs.svelte';
import { Router } from '../../../renderer/src/state/router.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { clearToasts, freshServices, mounted, runToastAction, toastTexts, until } from './harness.svelte';

const workshop = readFileSync('test/fixtures/format-v7/support-assistant-workshop.keel.json', 'utf8');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

let services: Services;
let store: BrowserBackupStore;

beforeEach(async () => {
  clearToasts();
  localStorage.clear();
  changedAt.reload();
  lastBackupAt.reload();
  services = await freshServices();
  store = new BrowserBackupStore(`keel-backups-test-${crypto.randomUUID()}`);
});

afterEach(() => {
  services.db.close();
  store.close();
  vi.useRealTimers();
});

describe('backUpNow', () => {
  it('writes every program, the trash too, as one workspace file named by its time', async () => {
    const repo = new ProgramRepository(services.editor);
    await repo.create({ name: 'Kept' });
    const trashed = await repo.create({ name: 'Trashed' });
    await repo.trash(trashed.id);
    const now = Date.UTC(2026, 10, 29, 14, 30);
    const result = await backUpNow(services, store, now);
    expect(result).toEqual({ ok: true, value: backupName(now) });
    const opened = await store.read(backupName(now));
    if (opened.status !== 'opened') throw new Error(opened.status);
    const file = JSON.parse(opened.text);
    expect(file.format).toBe('keel-workspace');
    expect(file.programs.map((p: { program: { name: string } }) => p.program.name).sort()).toEqual(['Kept', 'Trashed']);
    expect(lastBackupAt.value).toBe(now);
  });

  it('writes nothing when there is no program', async () => {
    expect(await backUpNow(services, store, Date.now())).toEqual({ ok: true, value: undefined });
    expect(await store.list()).toEqual([]);
  });

  it('drops the backups the rotation no longer keeps', async () => {
    await new ProgramRepository(services.editor).create({ name: 'Kept' });
    const start = Date.UTC(2026, 10, 1, 12);
    // Every 15 minutes for three hours, then once a day for ten days.
    for (let i = 0; i < 12; i++) await backUpNow(services, store, start + i * 15 * MIN);
    for (let d = 1; d <= 10; d++) await backUpNow(services, store, start + d * DAY);
    const names = (await store.list()).map((f) => f.name);
    // The newest 8 (all daily now) cover the last 8 days; the day-by-day rule keeps no more.
    expect(names).toHaveLength(8);
    expect(names[0]).toBe(backupName(start + 10 * DAY));
    expect(names.at(-1)).toBe(backupName(start + 3 * DAY));
  });
});

describe('BackupScheduler', () => {
  it('marks changes from the undo history and backs up once due, when idle', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 29, 9));
    const { destroy } = mounted(() => new BackupScheduler(services, () => store));
    try {
      expect(changedAt.value).toBeUndefined();
      await new ProgramRepository(services.editor).create({ name: 'Fraud triage' });
      expect(changedAt.value).toBe(Date.now());
      await vi.advanceTimersByTimeAsync(MIN);
      await vi.waitUntil(async () => (await store.list()).length === 1);
      // More changes within 15 minutes: no second backup yet.
      await new ProgramRepository(services.editor).create({ name: 'Support bot' });
      await vi.advanceTimersByTimeAsync(10 * MIN);
      expect(await store.list()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(6 * MIN);
      await vi.waitUntil(async () => (await store.list()).length === 2);
      // Nothing changed since: none however long it waits.
      await vi.advanceTimersByTimeAsync(60 * MIN);
      expect(await store.list()).toHaveLength(2);
    } finally {
      destroy();
    }
  });
});

describe('BackupsState', () => {
  it('lists backups with their contents and restores one program or all as new copies, undone in one step', async () => {
    const { value: programs, destroy } = mounted(() => new ProgramsState(new Router(), services));
    try {
      await programs.importText(workshop, 'workshop.keel.json');
      await new ProgramRepository(services.editor).create({ name: 'Fraud triage' });
      const state = new BackupsState(services, store);
      await state.backUpNow();
      expect(toastTexts().at(-1)).toBe('success: Backed up every program.');
      expect(state.entries).toHaveLength(1);
      const [entry] = state.entries;
      const contents = state.contents[entry!.name];
      expect(contents?.status === 'ready' && contents.programs.map((p) => p.name).sort()).toEqual(['Fraud triage', 'Support assistant']);

      const all = await state.restore(entry!.name, 'all');
      expect(all.ok && all.value.map((p) => p.name).sort()).toEqual(['Fraud triage (copy)', 'Support assistant (copy)']);
      expect(toastTexts().at(-1)).toBe('success: Restored 2 programs from the backup as new copies.');
      expect(await services.db.programs.count()).toBe(4);
      runToastAction('Undo');
      await until(async () => (await services.db.programs.count()) === 2);
      expect(await services.db.uncertaintyItems.count()).toBe(7);
    } finally {
      destroy();
    }
  });

  it('says a damaged backup cannot be restored, and restores nothing', async () => {
    const name = backupName(Date.now());
    await store.write(name, '{"format":"keel-workspace","formatVersion":1,"programs":[1]}');
    const state = new BackupsState(services, store);
    await state.refresh();
    expect(state.contents[name]).toMatchObject({ status: 'damaged', message: expect.stringContaining('This backup is damaged') });
    const restored = await state.restore(name, 0);
    expect(restored.ok).toBe(false);
    expect(await services.db.programs.count()).toBe(0);
  });
});
