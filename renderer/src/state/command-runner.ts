// What most commands do (go to an area, a theme, an export, the presenter), loaded the first time
// one runs so the start-up bundle stays small; Shell.svelte keeps only what needs its own state
// (overlays, the new-program form, find, undo and redo) and the keys.
import { THEME_CHOICES } from '../../../electron/ipc-contract';
import type { Program } from '../domain/program';
import type { CommandId } from './commands';
import { exportFocus, isExportTarget } from './export-focus.svelte';
import type { PresenterCommand } from './presenter-command';
import type { ProgramsState } from './programs.svelte';
import type { Router } from './router.svelte';
import { PROGRAM_AREAS, type ProgramArea } from './routes';
import { theme } from './theme.svelte';

export interface CommandContext {
  programs: ProgramsState;
  router: Router;
  presenter: PresenterCommand;
  /** The open program, if any (commands that need one are refused before this runs). */
  program: Program | undefined;
}

function areaOf(command: CommandId): ProgramArea | undefined {
  const area = command.startsWith('go-') ? command.slice(3) : undefined;
  return (PROGRAM_AREAS as readonly (string | undefined)[]).includes(area) ? (area as ProgramArea) : undefined;
}

export function runAppCommand(command: CommandId, { programs, router, presenter, program }: CommandContext): void {
  const area = areaOf(command);
  const themeChoice = THEME_CHOICES.find((choice) => command === `theme-${choice}`);
  if (area && program) router.go({ name: 'program', programId: program.id, area });
  else if (themeChoice) theme.set(themeChoice);
  else if (command === 'import') void programs.import();
  else if (command === 'export-workspace') void programs.exportAll();
  else if (command === 'backups') router.go({ name: 'backups' });
  else if (program && command === 'export-program') void programs.export(program);
  else if (program && command === 'presenter') void presenter.open(program.id);
  else if (program && isExportTarget(command)) {
    // The exporter asks its own questions (which table, which sections): show it, focused.
    exportFocus.request(command);
    router.go({ name: 'program', programId: program.id, area: 'export' });
  }
}
