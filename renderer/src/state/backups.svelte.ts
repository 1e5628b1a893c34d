// The backups screen: the backups kept, what each holds, "Back up now" and restoring programs
// from one as new copies (never over what is stored), with undo.
import { programContents, type ProgramContents } from '../domain/backups/contents';
import { backupTime } from '../domain/backups/names';
import type { Program } from '../domain/program';
import type { ProgramSnapshot } from '../domain/snapshot';
import { plural } from '../domain/words';
import { describeImportError } from '../io/import-errors';
import type { BackupStore } from '../storage/backup-store';
import { importSnapshots } from '../storage/transfer';
import { backUpNow, lastBackupAt } from './backup-scheduler.svelte';
import { backupsAreFiles, backupStore } from './backup-store';
import { PART_NOT_LOADED, type Result } from './result';
import { useServices, type Services } from './services';
import { toasts } from './toasts.svelte';
import { Writes } from './writes';

export interface BackupEntry {
  name: string;
  time: number;
  sizeBytes: number;
}

export type BackupContents =
  | { status: 'loading' }
  | { status: 'ready'; programs: ProgramContents[] }
  | { status: 'damaged'; message: string };

export class BackupsState {
  entries = $state<BackupEntry[]>([]);
  loaded = $state(false);
  /** Why the list could not be read; never shown as "no backups". */
  problem = $state<string | undefined>(undefined);
  contents = $state<Record<string, BackupContents>>({});
  busy = $state(false);
  /** When the list was read: times are told against it when the page's clock has not ticked since. */
  listedAt = $state(0);
  readonly inFiles = backupsAreFiles();
  /** When any window last wrote a backup: the page lists again when it changes. */
  get lastWrittenAt(): number | undefined {
    return lastBackupAt.value;
  }
  private readonly writes: Writes;
  // Parsed once per backup: the preview and the restore use the same programs.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not rendered state
  private readonly parsed = new Map<string, ProgramSnapshot[]>();

  constructor(
    private readonly services: Services = useServices(),
    private readonly store: BackupStore = backupStore(),
  ) {
    this.writes = new Writes(services.editor);
  }

  async refresh(): Promise<void> {
    try {
      const files = await this.store.list();
      this.entries = files.flatMap((file) => {
        // A name Keel did not give falls back to the file's own time.
        const time = backupTime(file.name) ?? file.modifiedAt;
        return [{ name: file.name, time, sizeBytes: file.sizeBytes }];
      });
      this.problem = undefined;
      this.listedAt = Date.now();
    } catch (error) {
      this.problem = `The backups could not be listed (${error instanceof Error ? error.message : String(error)}). Reload to try again.`;
    }
    this.loaded = true;
    // Contents one after another, newest first, so the list shows at once and fills in.
    for (const entry of this.entries) if (!this.contents[entry.name]) await this.loadContents(entry.name);
  }

  /** Reads a backup and what it holds, without importing anything. */
  async loadContents(name: string): Promise<ProgramSnapshot[] | undefined> {
    const cached = this.parsed.get(name);
    if (cached) return cached;
    this.contents[name] = { status: 'loading' };
    const opened = await this.store.read(name);
    if (opened.status !== 'opened') {
      const message = opened.status === 'failed' ? opened.message : opened.status === 'too-large' ? describeImportError({ kind: 'too-large', sizeBytes: opened.sizeBytes, limitBytes: opened.limitBytes }, 'This backup') : 'The backup could not be opened.';
      this.contents[name] = { status: 'damaged', message };
      return undefined;
    }
    let workspaceFile: typeof import('../io/workspace-file');
    try {
      workspaceFile = await import('../io/workspace-file');
    } catch {
      this.contents[name] = { status: 'damaged', message: PART_NOT_LOADED };
      return undefined;
    }
    const parsed = workspaceFile.parseWorkspaceFile(opened.text);
    if (!parsed.ok) {
      this.contents[name] = { status: 'damaged', message: describeImportError(parsed.error, 'This backup') };
      return undefined;
    }
    this.parsed.set(name, parsed.snapshots);
    this.contents[name] = { status: 'ready', programs: parsed.snapshots.map(programContents) };
    return parsed.snapshots;
  }

  async backUpNow(): Promise<Result<string | undefined>> {
    this.busy = true;
    try {
      const result = await backUpNow(this.services, this.store);
      if (!result.ok) toasts.show(result.message, 'error');
      else if (result.value === undefined) toasts.show('There is nothing to back up yet: make a program first.', 'info');
      else toasts.show('Backed up every program.', 'success');
      await this.refresh();
      return result;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Restores one program of a backup (by its place in it) or all of them, as new copies beside
   * what is stored; one Undo takes them away again.
   */
  async restore(name: string, which: number | 'all'): Promise<Result<Program[]>> {
    const snapshots = await this.loadContents(name);
    if (!snapshots) {
      const contents = this.contents[name];
      const message = contents?.status === 'damaged' ? contents.message : 'The backup could not be read.';
      toasts.show(message, 'error');
      return { ok: false, message };
    }
    const chosen = which === 'all' ? snapshots : snapshots.slice(which, which + 1);
    const label = chosen.length === 1 ? `Restore "${chosen[0]!.program.name}" from a backup` : `Restore ${plural(chosen.length, 'program')} from a backup`;
    return this.writes.run(() => importSnapshots(this.services.editor, chosen, label), {
      success: (programs) => {
        if (programs.length !== 1) return `Restored ${plural(programs.length, 'program')} from the backup as new copies.`;
        const [original, copy] = [chosen[0]!.program.name, programs[0]!.name];
        return `Restored "${original}" from the backup as a new copy${copy === original ? '' : ` named "${copy}"`}.`;
      },
      undo: true,
    });
  }
}
