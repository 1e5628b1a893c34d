// The browser's reminder to download a workspace file: there, automatic backups live in the
// same browser as the programs, so clearing its data would take both.
import { shouldRemindToDownload } from '../domain/backups/reminder';
import type { Program } from '../domain/program';
import { bridge } from '../platform/files';
import { finite, preference } from './preferences.svelte';

/** When a workspace file was last saved from this computer (set by ProgramsState.exportAll). */
export const lastDownloadAt = preference<number | undefined>('keel.backups.lastDownloadAt', finite, undefined);
const dismissedAt = preference<number | undefined>('keel.backups.reminderDismissedAt', finite, undefined);

export const downloadReminder = {
  /** Whether the home screen shows it now; never in Electron, never without programs to lose. */
  shown(programs: readonly Program[], now: number): boolean {
    if (bridge()) return false;
    const kept = programs.filter((p) => p.deletedAt === null);
    const oldestProgramAt = kept.length ? Math.min(...kept.map((p) => p.createdAt)) : undefined;
    return shouldRemindToDownload({ now, lastDownloadAt: lastDownloadAt.value, dismissedAt: dismissedAt.value, oldestProgramAt });
  },
  /** When the last download was, for the reminder's sentence. */
  get lastDownloadAt(): number | undefined {
    return lastDownloadAt.value;
  },
  /** "Not now": quiet for another reminder period, in every window. */
  dismiss(now = Date.now()): void {
    dismissedAt.set(now);
  },
};
