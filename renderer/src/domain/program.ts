// Programs: the top-level container of a team's plan. Pure rules only: no storage, no DOM.

import { checkLongText, checkOneLine, failed, passed, type Check } from './check';

export interface Program {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  /** Set while the program is archived: hidden from the main list, kept intact. */
  archivedAt: number | null;
  /** Set while the program is in the trash: restorable until the trash is emptied. */
  deletedAt: number | null;
  /** Uncertainty items with no evidence for this many days are flagged stale (0: never). */
  staleAfterDays: number;
}

/** Uncertainty items with no new evidence for this many days are flagged stale, unless the program says otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 30;
export const STALE_AFTER_DAYS_MAX = 3650;

export const PROGRAM_NAME_MAX = 120;
export const PROGRAM_DESCRIPTION_MAX = 5000;

export type ProgramView = 'active' | 'archived' | 'trash';
export type ProgramSort = 'updated' | 'name';

export function programView(program: Program): ProgramView {
  if (program.deletedAt !== null) return 'trash';
  if (program.archivedAt !== null) return 'archived';
  return 'active';
}

/** Trims and checks a program name typed by a user or read from a file. */
export function checkProgramName(raw: string): Check<string> {
  return checkOneLine(raw, PROGRAM_NAME_MAX, 'name', 'Give the program a name.');
}

export function checkProgramDescription(raw: string): Check<string> {
  return checkLongText(raw, PROGRAM_DESCRIPTION_MAX, 'description');
}

export function checkStaleAfterDays(days: number): Check<number> {
  return Number.isInteger(days) && days >= 0 && days <= STALE_AFTER_DAYS_MAX
    ? passed(days)
    : failed(`Use a whole number of days from 0 to ${STALE_AFTER_DAYS_MAX}.`);
}

/** A new program as stored: a name, a description, the default staleness rule. */
export function newProgram(input: { name: string; description?: string }, id: string, time: number): Check<Program> {
  const name = checkProgramName(input.name);
  if (!name.ok) return name;
  // A form sent once is trimmed; the description typed later is kept as typed (trimming as one types eats the space).
  const description = checkProgramDescription((input.description ?? '').trim());
  if (!description.ok) return description;
  return passed({
    id,
    name: name.value,
    description: description.value,
    createdAt: time,
    updatedAt: time,
    archivedAt: null,
    deletedAt: null,
    staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  });
}

/**
 * A program from a copy or an imported file, stored as a new one: active, under a name no other
 * program has ("… (copy)"), and new from `time` when given (a copy; an import keeps its dates).
 */
export function asNewProgram(program: Program, taken: readonly string[], time?: number): Program {
  // Files are untrusted: their names get the same clean-up as names typed in the app.
  const checked = checkProgramName(program.name);
  const clean = checked.ok ? checked.value : 'Imported program';
  const name = taken.includes(clean) ? copyName(clean, taken) : clean;
  const dates = time === undefined ? {} : { createdAt: time, updatedAt: time };
  return { ...program, ...dates, name, archivedAt: null, deletedAt: null };
}

/** "Pricing bot" -> "Pricing bot (copy)", then "(copy 2)", ... avoiding names already taken. */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  const withSuffix = (suffix: string) => `${base.slice(0, PROGRAM_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  let candidate = withSuffix(' (copy)');
  for (let n = 2; used.has(candidate); n++) candidate = withSuffix(` (copy ${n})`);
  return candidate;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The programs one tab of the home screen shows, filtered by a search and sorted. */
export function selectPrograms(
  programs: readonly Program[],
  options: { view: ProgramView; search: string; sort: ProgramSort },
): Program[] {
  const words = options.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = programs.filter((p) => {
    if (programView(p) !== options.view) return false;
    if (words.length === 0) return true;
    const text = `${p.name}\n${p.description}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  if (options.sort === 'name') {
    shown.sort((a, b) => collator.compare(a.name, b.name) || b.updatedAt - a.updatedAt);
  } else if (options.view === 'trash') {
    shown.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
  } else {
    shown.sort((a, b) => b.updatedAt - a.updatedAt || collator.compare(a.name, b.name));
  }
  return shown;
}

export function countByView(programs: readonly Program[]): Record<ProgramView, number> {
  const counts = { active: 0, archived: 0, trash: 0 };
  for (const p of programs) counts[programView(p)]++;
  return counts;
}
