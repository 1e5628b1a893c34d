import fuzzysort from 'fuzzysort';
import { LINK_NOUNS, type LinkKind } from '../links';

// The palette's search: fuzzy (fuzzysort), ranked, diacritics-insensitive, words in any order.
// Targets are prepared once per index (buildIndex) and reused for every keystroke.

/** What the palette finds: a program, a record of one of its areas, or a command. */
export type PaletteKind = 'program' | LinkKind | 'session' | 'command';

/** Tie-breaker between kinds, after match quality, place and fuzzy score: places before records, records before commands. */
export const KIND_ORDER: readonly PaletteKind[] = ['program', 'uncertainty', 'metric', 'matrix', 'decision', 'roadmapItem', 'scope', 'session', 'action', 'command'];

/** "Metric", "Roadmap item": how a result says what it is. */
export function kindLabel(kind: PaletteKind): string {
  if (kind === 'program') return 'Program';
  if (kind === 'session') return 'Session';
  if (kind === 'command') return 'Command';
  if (kind === 'decision') return 'Decision';
  const [one] = LINK_NOUNS[kind];
  return one.charAt(0).toUpperCase() + one.slice(1);
}

export interface PaletteEntry {
  /** Unique in the index: "<kind>:<id>" (commands: "command:<command id>"). */
  key: string;
  kind: PaletteKind;
  title: string;
  /** Other words that find it but are not shown (a command's keywords). */
  keywords?: string;
  /** The program it belongs to (a program: itself); none for commands. */
  programId?: string;
  /** Last change, newest first among equals. */
  updatedAt: number;
}

interface Target<E extends PaletteEntry> {
  entry: E;
  title: Fuzzysort.Prepared;
  keywords: Fuzzysort.Prepared | undefined;
  /** The title, lower case without diacritics, and its words: for the match-quality tiers. */
  plain: string;
  words: string[];
}

export interface PaletteIndex<E extends PaletteEntry> {
  targets: Target<E>[];
  byKey: Map<string, E>;
}

/** Lower case, diacritics removed ("Réponse" -> "reponse"), as fuzzysort compares. */
export function plainText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function wordsOf(plain: string): string[] {
  return plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function buildIndex<E extends PaletteEntry>(entries: readonly E[]): PaletteIndex<E> {
  const targets = entries.map((entry) => {
    const plain = plainText(entry.title);
    const words = wordsOf(plain);
    if (entry.keywords) words.push(...wordsOf(plainText(entry.keywords)));
    return { entry, title: fuzzysort.prepare(entry.title), keywords: entry.keywords ? fuzzysort.prepare(entry.keywords) : undefined, plain, words };
  });
  return { targets, byKey: new Map(entries.map((entry) => [entry.key, entry])) };
}

/** A piece of a shown title, matched or not, for highlighting. */
export interface TitlePart {
  text: string;
  match: boolean;
}

export interface PaletteHit<E extends PaletteEntry> {
  entry: E;
  parts: TitlePart[];
}

export interface SearchOptions {
  /** The open program: its things come first among matches of the same quality. */
  programId: string | undefined;
  /** Commands that do not apply now (greyed): they come last among matches of the same quality. */
  isAvailable?: (entry: PaletteEntry) => boolean;
  /** Only commands (the query started with ">"). */
  commandsOnly?: boolean;
  /** Rows returned; `total` still counts every match. */
  limit: number;
}

export interface SearchResult<E extends PaletteEntry> {
  hits: PaletteHit<E>[];
  total: number;
}

/** Match quality, best first: the whole title, its start, the start of each word typed, inside it, fuzzy. */
export const TIER = { exact: 0, prefix: 1, wordStarts: 2, contains: 3, fuzzy: 4 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

export function matchTier(plainQuery: string, title: string, words: readonly string[]): Tier {
  if (title === plainQuery) return TIER.exact;
  if (title.startsWith(plainQuery)) return TIER.prefix;
  const typed = wordsOf(plainQuery);
  if (typed.length > 0 && typed.every((w) => words.some((word) => word.startsWith(w)))) return TIER.wordStarts;
  if (typed.length > 0 && typed.every((w) => title.includes(w))) return TIER.contains;
  return TIER.fuzzy;
}

/** 0: in the open program (or a command that applies now); 1: elsewhere; 2: a command that does not apply now. */
function placeOf(entry: PaletteEntry, options: SearchOptions): number {
  if (entry.kind === 'command') return options.isAvailable?.(entry) === false ? 2 : 0;
  return entry.programId !== undefined && entry.programId === options.programId ? 0 : 1;
}

/**
 * Ranks what matches `query`: match quality (TIER) first; then the open program's things before
 * other programs'; then fuzzysort's score; then kind (KIND_ORDER); then the most recently changed.
 */
export function search<E extends PaletteEntry>(index: PaletteIndex<E>, query: string, options: SearchOptions): SearchResult<E> {
  const plainQuery = plainText(query.trim());
  if (!plainQuery) return { hits: [], total: 0 };
  const targets = options.commandsOnly ? index.targets.filter((t) => t.entry.kind === 'command') : index.targets;
  const results = fuzzysort.go(query.trim(), targets, { keys: ['title', 'keywords'] });
  const ranked = results.map((result) => {
    const target = result.obj;
    return {
      result,
      target,
      tier: matchTier(plainQuery, target.plain, target.words),
      place: placeOf(target.entry, options),
      kind: KIND_ORDER.indexOf(target.entry.kind),
    };
  });
  ranked.sort((a, b) => a.tier - b.tier || a.place - b.place || b.result.score - a.result.score || a.kind - b.kind || b.target.entry.updatedAt - a.target.entry.updatedAt);
  const hits = ranked.slice(0, options.limit).map(({ result, target }) => ({ entry: target.entry, parts: titleParts(target.entry.title, result[0]) }));
  return { hits, total: ranked.length };
}

/** The title cut into matched and unmatched pieces (no HTML: the view renders them). */
function titleParts(title: string, match: Fuzzysort.Result | undefined): TitlePart[] {
  const indexes = match && match.score > 0 ? new Set(match.indexes) : new Set<number>();
  const parts: TitlePart[] = [];
  for (let i = 0; i < title.length; i++) {
    const matched = indexes.has(i);
    const last = parts.at(-1);
    if (last && last.match === matched) last.text += title[i];
    else parts.push({ text: title[i]!, match: matched });
  }
  return parts;
}

/** The query without the ">" that asks for commands only (as in VS Code). */
export function parseQuery(raw: string): { text: string; commandsOnly: boolean } {
  const trimmed = raw.trimStart();
  return trimmed.startsWith('>') ? { text: trimmed.slice(1).trim(), commandsOnly: true } : { text: raw.trim(), commandsOnly: false };
}
