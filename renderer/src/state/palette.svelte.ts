import { buildIndex, parseQuery, search, type PaletteHit, type PaletteIndex } from '../domain/palette/rank';
import { watchPaletteRows, type PaletteRows } from '../storage/palette-read';
import type { CommandId } from './commands';
import { Live } from './live.svelte';
import { commandEntries, COMMON_COMMANDS, recordEntries, type FoundEntry } from './palette-index';
import { preference, type Parse } from './preferences.svelte';
import { readProblem, type ReadProblem } from './result';
import { useServices, type Services } from './services';

/** At most this many rows are drawn: the count says how many more there are. */
export const PALETTE_ROWS = 50;
const RECENT_MAX = 6;

const keyList: Parse<string[]> = (stored) =>
  Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string').slice(0, RECENT_MAX) : undefined;

/** What was opened from the palette lately, newest first: shown before anything is typed (kept on this computer, across windows). */
export const recentPicks = preference<string[]>('keel.palette-recent', keyList, []);

export interface PaletteResults {
  hits: PaletteHit<FoundEntry>[];
  total: number;
  /** `total` is a floor: so many close matches that looser ones were not looked for. */
  more: boolean;
  /** Nothing typed yet: the hits are recent picks and common commands. */
  suggested: boolean;
}

/**
 * The palette's index while it is open: every program and named record, read from the database
 * in one transaction and read again (liveQuery) whenever any window changes them, so what it
 * finds is never out of date; the commands from the one registry are there from the start.
 */
export class PaletteState {
  private readonly rows: Live<PaletteRows>;
  private readonly commands = commandEntries();

  constructor(services: Services = useServices()) {
    this.rows = new Live(() => watchPaletteRows(services.db));
  }

  get loaded(): boolean {
    return this.rows.loaded;
  }
  get problem(): ReadProblem | undefined {
    return readProblem(this.rows.error);
  }

  /** Prepared once per read, reused for every keystroke. */
  index: PaletteIndex<FoundEntry> = $derived.by(() => buildIndex([...(this.rows.value ? recordEntries(this.rows.value) : []), ...this.commands]));

  results(raw: string, programId: string | undefined, isAvailable: (id: CommandId) => boolean): PaletteResults {
    const query = parseQuery(raw);
    const available = (entry: FoundEntry) => entry.command === undefined || isAvailable(entry.command);
    if (!query.text) {
      const hits = this.suggestions(query.commandsOnly).map((entry) => ({ entry, parts: [{ text: entry.title, match: false }] }));
      return { hits, total: hits.length, more: false, suggested: true };
    }
    const found = search(this.index, query.text, {
      programId,
      commandsOnly: query.commandsOnly,
      isAvailable: (entry) => available(entry as FoundEntry),
      limit: PALETTE_ROWS,
    });
    return { ...found, suggested: false };
  }

  /** Recent picks still there, then the common commands (with ">": every command). */
  private suggestions(commandsOnly: boolean): FoundEntry[] {
    if (commandsOnly) return this.commands;
    const recent = recentPicks.value.map((key) => this.index.byKey.get(key)).filter((entry) => entry !== undefined);
    const common = COMMON_COMMANDS.map((id) => this.index.byKey.get(`command:${id}`)).filter((entry) => entry !== undefined);
    return [...recent, ...common.filter((entry) => !recent.includes(entry))];
  }

  /** Remembers a pick, newest first. */
  remember(entry: FoundEntry): void {
    recentPicks.set([entry.key, ...recentPicks.value.filter((key) => key !== entry.key)].slice(0, RECENT_MAX));
  }
}
