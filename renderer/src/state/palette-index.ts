import { linkLabel, type LinkKind } from '../domain/links';
import type { PaletteEntry } from '../domain/palette/rank';
import { programView, type Program } from '../domain/program';
import type { PaletteRows } from '../storage/palette-read';
import { COMMANDS, type CommandId } from './commands';
import { RECORD_AREAS } from './record-areas';
import type { Route } from './routes';

// What the palette lists, built from the rows read (storage/palette-read.ts) and the one command
// registry (commands.ts): each entry knows what it opens or runs.

export interface FoundEntry extends PaletteEntry {
  /** Where it is, shown beside the title: the program's name ("(archived)" when it is), a command's group. */
  where: string;
  archived: boolean;
  /** What opening it does: a route to go to, or a command to run. */
  route?: Route;
  command?: CommandId;
  /** A command's keys, portable form ("Mod+K"). */
  keys?: string;
}

export type { PaletteRows };

/** The tables of records, with the kind each holds. */
const RECORD_TABLES = {
  uncertaintyItems: 'uncertainty',
  metrics: 'metric',
  matrices: 'matrix',
  decisions: 'decision',
  roadmapItems: 'roadmapItem',
  scopeChanges: 'scope',
  sessions: 'session',
  actions: 'action',
} as const satisfies Record<Exclude<keyof PaletteRows, 'programs'>, LinkKind | 'session'>;

function placeName(program: Program): string {
  return programView(program) === 'archived' ? `${program.name} (archived)` : program.name;
}

/** Every program not in the trash and every named record of theirs, each with the route that opens it. */
export function recordEntries(rows: PaletteRows): FoundEntry[] {
  const programs = new Map(rows.programs.filter((p) => programView(p) !== 'trash').map((p) => [p.id, p]));
  const entries: FoundEntry[] = [...programs.values()].map((program) => ({
    key: `program:${program.id}`,
    kind: 'program',
    title: program.name,
    programId: program.id,
    updatedAt: program.updatedAt,
    where: programView(program) === 'archived' ? 'Archived' : 'Program',
    archived: programView(program) === 'archived',
    route: { name: 'program', programId: program.id, area: 'overview' },
  }));
  for (const [table, kind] of Object.entries(RECORD_TABLES) as [keyof typeof RECORD_TABLES, LinkKind | 'session'][]) {
    for (const row of rows[table]) {
      const program = programs.get(row.programId);
      if (!program) continue;
      const title = kind === 'session' ? (row as { title: string }).title : linkLabel(kind, row as unknown as Record<string, unknown>);
      if (!title.trim()) continue;
      entries.push({
        key: `${kind}:${row.id}`,
        kind,
        title,
        programId: program.id,
        updatedAt: row.updatedAt,
        where: placeName(program),
        archived: programView(program) === 'archived',
        route: { name: 'program', programId: program.id, area: RECORD_AREAS[kind], recordId: row.id },
      });
    }
  }
  return entries;
}

/** The registry's commands as entries (the palette toggles itself with Ctrl/Cmd+K, so it is left out). */
export function commandEntries(): FoundEntry[] {
  return COMMANDS.filter((command) => command.id !== 'palette').map((command) => ({
    key: `command:${command.id}`,
    kind: 'command',
    title: command.label.replace(/…$/, ''),
    keywords: command.keywords?.join(' '),
    updatedAt: 0,
    where: command.group,
    archived: false,
    command: command.id,
    keys: command.keys,
  }));
}

/** Shown before anything is typed, after the recent picks. */
export const COMMON_COMMANDS: readonly CommandId[] = ['new-program', 'import', 'go-uncertainty', 'go-metrics', 'go-roadmap', 'go-sessions', 'report', 'shortcuts'];
