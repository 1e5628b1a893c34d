// Every command the app offers, in one list: the palette searches it, the shortcut sheet shows
// its keys, the Electron menu sends its AppCommand ids, and Shell.svelte runs it. A new command
// is added here once and then appears everywhere.
import type { AppCommand } from '../../../electron/ipc-contract';
import { AREA_LABELS, PROGRAM_AREAS, type ProgramArea } from './routes';

/** Go to an area of the open program (palette only; the menu does not list areas). */
export type GoCommand = `go-${ProgramArea}`;
export type CommandId = AppCommand | GoCommand;

export type CommandGroup = 'File' | 'Edit' | 'View' | 'Go' | 'Help';

export interface CommandInfo {
  id: CommandId;
  /** What the palette and menus show, e.g. "Export program file (.keel.json)…". */
  label: string;
  group: CommandGroup;
  /** Other words people search by ("save", "download"). */
  keywords?: readonly string[];
  /** Keys in the portable form "Mod+Shift+Z" (Mod is Cmd on macOS, Ctrl elsewhere); see keyLabel. */
  keys?: string;
  /** Applies only while a program is open (export, report, presenter, go to an area). */
  needsProgram?: boolean;
}

export const COMMANDS: readonly CommandInfo[] = [
  { id: 'new-program', label: 'New program…', group: 'File', keys: 'Mod+N', keywords: ['create'] },
  { id: 'import', label: 'Import or open a file…', group: 'File', keys: 'Mod+O', keywords: ['open', 'load', '.keel.json', 'workspace'] },
  { id: 'export-program', label: 'Export program file (.keel.json)…', group: 'File', keys: 'Mod+S', needsProgram: true, keywords: ['save', 'share', 'json'] },
  { id: 'export-workspace', label: 'Export all programs (workspace file)…', group: 'File', keywords: ['save', 'everything', 'backup'] },
  { id: 'export-markdown', label: 'Export Markdown summary…', group: 'File', needsProgram: true, keywords: ['md', 'text'] },
  { id: 'export-decisions', label: 'Export decision records (MADR)…', group: 'File', needsProgram: true, keywords: ['adr', 'markdown'] },
  { id: 'export-csv', label: 'Export CSV tables…', group: 'File', needsProgram: true, keywords: ['spreadsheet', 'excel'] },
  { id: 'export-openslo', label: 'Export metrics as OpenSLO…', group: 'File', needsProgram: true, keywords: ['yaml', 'slo'] },
  { id: 'report', label: 'PDF report or print…', group: 'File', keys: 'Mod+P', needsProgram: true, keywords: ['pdf', 'print', 'handout', 'export'] },
  { id: 'backups', label: 'Backups…', group: 'File', keywords: ['restore', 'recover'] },
  { id: 'undo', label: 'Undo', group: 'Edit', keys: 'Mod+Z' },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: 'Mod+Shift+Z' },
  { id: 'find', label: 'Find', group: 'Edit', keys: 'Mod+F', keywords: ['search', 'filter', 'program'] },
  { id: 'palette', label: 'Go to anything…', group: 'View', keys: 'Mod+K', keywords: ['search', 'commands', 'find'] },
  { id: 'presenter', label: 'Presenter window', group: 'View', needsProgram: true, keywords: ['projector', 'screen', 'session'] },
  { id: 'theme-system', label: 'Theme: follow the system', group: 'View', keywords: ['appearance', 'colour', 'mode', 'os', 'auto'] },
  { id: 'theme-light', label: 'Theme: light', group: 'View', keywords: ['appearance', 'colour', 'mode'] },
  { id: 'theme-dark', label: 'Theme: dark', group: 'View', keywords: ['appearance', 'colour', 'mode', 'night'] },
  ...PROGRAM_AREAS.map(
    (area): CommandInfo => ({ id: `go-${area}`, label: `Go to ${AREA_LABELS[area]}`, group: 'Go', needsProgram: true, keywords: ['open', 'area'] }),
  ),
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'Help', keys: '?', keywords: ['keys', 'help'] },
  { id: 'guide', label: 'First-workshop guide', group: 'Help', keywords: ['start', 'tutorial', 'help', 'onboarding'] },
  { id: 'sample-program', label: 'Create the sample program', group: 'Help', keywords: ['example', 'demo', 'customer-support assistant'] },
];

export function commandInfo(id: CommandId): CommandInfo {
  const info = COMMANDS.find((command) => command.id === id);
  if (!info) throw new Error(`Unknown command ${id}`);
  return info;
}

/** "Mod+Shift+Z" as this platform writes it: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function keyLabel(keys: string, isMac: boolean): string {
  if (!isMac) return keys.replace(/\bMod\b/g, 'Ctrl');
  const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return keys
    .split('+')
    .map((part) => symbols[part] ?? part)
    .join('');
}
