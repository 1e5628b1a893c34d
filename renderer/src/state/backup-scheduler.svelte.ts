// Automatic backups: every window notes when its undo history moves; one window (the holder of
// a Web Lock) checks each minute whether a backup is due and, when the browser is idle, writes
// one and drops the backups the rotation no longer keeps.
import { backupName, backupTime } from '../domain/backups/names';
import { backupsToKeep } from '../domain/backups/rotation';
import { backupDue } from '../domain/backups/schedule';
import { snapshotsForBackup } from '../storage/transfer';
import type { BackupStore } from '../storage/backup-store';
import { backupStore } from './backup-store';
import { finite, preference } from './preferences.svelte';
import type { Result } from './result';
import { describeFailure } from './result';
import { useServices, type Services } from './services';

/** Shared by every window through localStorage: any window's change makes a backup due. */
export const changedAt = preference<number | undefined>('keel.backups.changedAt', finite, undefined);
export const lastBackupAt = preference<number | undefined>('keel.backups.lastAt', finite, undefined);

const LOCK = 'keel-automatic-backups';
const CHECK_EVERY_MS = 60_000;

/**
 * Writes a backup of every program now (the trash too) and rotates. Undefined when there is
 * nothing to back up. Reads in one read transaction, never inside an edit.
 */
export async function backUpNow(services: Services, store: BackupStore = backupStore(), now = Date.now()): Promise<Result<string | undefined>> {
  try {
    const snapshots = await snapshotsForBackup(services.editor);
    if (!snapshots.length) return { ok: true, value: undefined };
    const { serializeWorkspace } = await import('../io/workspace-file');
    const name = backupName(now);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the file's timestamp, not state
    const written = await store.write(name, serializeWorkspace(snapshots, __APP_VERSION__, new Date(now)));
    if (written.status === 'failed') return { ok: false, message: written.message };
    lastBackupAt.set(now);
    await rotate(store, now);
    return { ok: true, value: name };
  } catch (error) {
    return { ok: false, message: describeFailure(error) };
  }
}

/** Removes the backups the rotation does not keep; names Keel did not give are left alone. */
async function rotate(store: BackupStore, now: number): Promise<void> {
  const timed = (await store.list()).flatMap((file) => {
    const time = backupTime(file.name);
    return time === undefined ? [] : [{ name: file.name, time }];
  });
  const keep = new Set(backupsToKeep(timed.map((b) => b.time), now));
  for (const backup of timed) if (!keep.has(backup.time)) await store.remove(backup.name);
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 30_000 });
  else setTimeout(run, 0);
}

/**
 * Started once per window (Shell). Stops with its owner: the history listener, the timer and
 * the lock are released, so another window takes over.
 */
export class BackupScheduler {
  /** Why the last automatic backup failed, for the backups screen; undefined when it worked. */
  problem = $state<string | undefined>(undefined);
  private running = false;

  constructor(
    private readonly services: Services = useServices(),
    private readonly store: () => BackupStore = backupStore,
  ) {
    $effect(() => services.editor.history.subscribe(() => changedAt.set(Date.now())));
    $effect(() => {
      const stop = new AbortController();
      let timer: ReturnType<typeof setInterval> | undefined;
      const lead = () => {
        timer = setInterval(() => this.check(), CHECK_EVERY_MS);
        this.check();
      };
      if (typeof navigator !== 'undefined' && navigator.locks) {
        // Held until this window closes or stops: one window backs up, the others wait in line.
        navigator.locks
          .request(LOCK, { signal: stop.signal }, () => {
            lead();
            return new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve()));
          })
          .catch(() => undefined);
      } else lead();
      return () => {
        stop.abort();
        clearInterval(timer);
      };
    });
  }

  /** Backs up if due, once the browser is idle so it never competes with typing. */
  check(): void {
    if (this.running) return;
    changedAt.reload();
    lastBackupAt.reload();
    if (!backupDue({ now: Date.now(), lastBackupAt: lastBackupAt.value, changedAt: changedAt.value })) return;
    this.running = true;
    whenIdle(() => {
      void backUpNow(this.services, this.store())
        .then((result) => (this.problem = result.ok ? undefined : result.message))
        .finally(() => (this.running = false));
    });
  }
}
