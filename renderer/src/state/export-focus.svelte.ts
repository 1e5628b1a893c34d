// A one-shot request from a command ("Export CSV tables…", "PDF report or print…") to the
// program's Export & share area: show that export and put focus on it, so the user picks up
// where the exporter itself asks its questions. The exporters stay where they are.
import type { CommandId } from './commands';

export const EXPORT_TARGETS = ['export-markdown', 'export-decisions', 'export-csv', 'export-openslo', 'report'] as const satisfies readonly CommandId[];
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export function isExportTarget(command: CommandId): command is ExportTarget {
  return (EXPORT_TARGETS as readonly CommandId[]).includes(command);
}

class ExportFocus {
  /** The export to focus when the area shows it; cleared once taken. */
  requested = $state<ExportTarget | undefined>(undefined);

  request(target: ExportTarget): void {
    this.requested = target;
  }

  take(): ExportTarget | undefined {
    const target = this.requested;
    this.requested = undefined;
    return target;
  }
}

export const exportFocus = new ExportFocus();
