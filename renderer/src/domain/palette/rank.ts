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
  /** The title, lower case without diacritics; and its words and keywords, each after a space: for the match-quality tiers. */
  plain: string;
  words: string;
}

export interface PaletteIndex<E extends PaletteEntry> {
  /** Everything but the commands, and the commands (searched by their keywords too). */
  records: Target<E>[];
  commands: Target<E>[];
  all: Target<E>[];
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
    const words = [...wordsOf(plain), ...(entry.keywords ? wordsOf(plainText(entry.keywords)) : [])].map((word) => ` ${word}`).join('');
    return { entry, title: fuzzysort.prepare(entry.title), keywords: entry.keywords ? fuzzysort.prepare(entry.keywords) : undefined, plain, words };
  });
  return {
    records: targets.filter((t) => t.entry.kind !== 'command'),
    commands: targets.filter((t) => t.entry.kind === 'command'),
    all: targets,
    byKey: new Map(entries.map((entry) => [entry.key, entry])),
  };
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
  /** So many close matches that looser (fuzzy) ones were not looked for: `total` is a floor. */
  more: boolean;
}

/** Match quality, best first: the whole title, its start, the start of each word typed, inside it, fuzzy. */
export const TIER = { exact: 0, prefix: 1, wordStarts: 2, contains: 3, fuzzy: 4 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

/** `words`: the title's words (and keywords), each after a space, as buildIndex keeps them. */
export function matchTier(plainQuery: string, title: string, words: string, typed: readonly string[] = wordsOf(plainQuery)): Tier {
  if (title === plainQuery) return TIER.exact;
  if (title.startsWith(plainQuery)) return TIER.prefix;
  if (typed.length === 0) return TIER.fuzzy;
  // Plain loops: this runs for every thing on every keystroke.
  let starts = true;
  for (let i = 0; starts && i < typed.length; i++) starts = words.includes(` ${typed[i]!}`);
  if (starts) return TIER.wordStarts;
  for (let i = 0; i < typed.length; i++) if (!title.includes(typed[i]!)) return TIER.fuzzy;
  return TIER.contains;
}



/** 0: in the open program (or a command that applies now); 1: elsewhere; 2: a command that does not apply now. */
function placeOf(entry: PaletteEntry, options: SearchOptions): number {
  if (entry.kind === 'command') return options.isAvailable?.(entry) === false ? 2 : 0;
  return entry.programId !== undefined && entry.programId === options.programId ? 0 : 1;
}

interface Match<E extends PaletteEntry> {
  target: Target<E>;
  tier: Tier;
  /** Higher is better, within a tier and place. */
  score: number;
  /** fuzzysort's match of the title, for a fuzzy match (it says where to highlight). */
  fuzzy: Fuzzysort.Result | undefined;
}

const KIND_RANK = Object.fromEntries(KIND_ORDER.map((kind, i) => [kind, i])) as Record<PaletteKind, number>;

/**
 * Ranks what matches `query`: match quality (TIER) first; then the open program's things before
 * other programs'; then how well it matched (fuzzysort's score; for closer matches, how early
 * and in how short a title); then kind (KIND_ORDER); then the most recently changed.
 *
 * Close matches (tiers exact to contains) come from a plain scan of the prepared titles; fuzzysort
 * looks for looser ones only while the close ones do not fill the rows shown: fuzzy matches rank
 * below every close one, and scoring thousands of them on the first letters typed costs frames.
 */
export function search<E extends PaletteEntry>(index: PaletteIndex<E>, query: string, options: SearchOptions): SearchResult<E> {
  const text = query.trim();
  const plainQuery = plainText(text);
  if (!plainQuery) return { hits: [], total: 0, more: false };
  const typed = wordsOf(plainQuery);

  // Close matches: each thing's bucket (tier * 3 + place, 1-based; 0 for none) in a typed array,
  // so a first letter that matches thousands allocates nothing per thing.
  const targets = options.commandsOnly ? index.commands : index.all;
  const slots = new Uint8Array(targets.length);
  const counts = new Array<number>(BUCKETS).fill(0);
  let close = 0;
  let closeCommands = 0;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    const tier = matchTier(plainQuery, target.plain, target.words, typed);
    if (tier === TIER.fuzzy) continue;
    const bucket = tier * 3 + placeOf(target.entry, options);
    slots[i] = bucket + 1;
    counts[bucket]!++;
    close++;
    if (target.entry.kind === 'command') closeCommands++;
  }
  const more = close >= options.limit;
  const fuzzy = more ? { matches: [], total: 0 } : fuzzyMatches(index, text, plainQuery, typed, options, { records: close - closeCommands, commands: closeCommands });

  // Best bucket first; only the buckets that fill the rows shown are gathered and sorted.
  const top: Match<E>[] = [];
  for (let bucket = 0; bucket < BUCKETS && top.length < options.limit; bucket++) {
    const tier = Math.floor(bucket / 3) as Tier;
    const members: Match<E>[] = [];
    if (tier === TIER.fuzzy) {
      for (const match of fuzzy.matches) if (match.tier * 3 + placeOf(match.target.entry, options) === bucket) members.push(match);
    } else if (counts[bucket]) {
      for (let i = 0; i < targets.length; i++) {
        if (slots[i] === bucket + 1) members.push({ target: targets[i]!, tier, score: closeScore(targets[i]!.plain, typed), fuzzy: undefined });
      }
    }
    top.push(...best(members, options.limit - top.length));
  }
  const hits = top.map(({ target, fuzzy: title }) => ({
    entry: target.entry,
    parts: titleParts(target.entry.title, title ? (title.score > 0 ? title.indexes : []) : closeIndexes(target.plain, typed)),
  }));
  return { hits, total: close + fuzzy.total, more };
}

function better<E extends PaletteEntry>(a: Match<E>, b: Match<E>): number {
  return b.score - a.score || KIND_RANK[a.target.entry.kind] - KIND_RANK[b.target.entry.kind] || b.target.entry.updatedAt - a.target.entry.updatedAt;
}

/** The `count` best members in order, without sorting thousands to show a few. */
function best<E extends PaletteEntry>(members: Match<E>[], count: number): Match<E>[] {
  if (members.length <= count * 4) return members.sort(better).slice(0, count);
  const kept: Match<E>[] = [];
  for (const match of members) {
    if (kept.length === count && better(match, kept[count - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && better(match, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, match);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

const BUCKETS = 15;

/** How many of fuzzysort's best it returns: enough to put the open program's first among the rows shown. */
const FUZZY_LIMIT = 200;

/**
 * Looser matches, by fuzzysort: records by their title (the lighter search), commands by their
 * keywords too. fuzzysort matches the close ones as well; `close` says how many to take off its total.
 */
function fuzzyMatches<E extends PaletteEntry>(
  index: PaletteIndex<E>,
  text: string,
  plainQuery: string,
  typed: readonly string[],
  options: SearchOptions,
  close: { records: number; commands: number },
): { matches: Match<E>[]; total: number } {
  const matches: Match<E>[] = [];
  const add = (target: Target<E>, score: number, title: Fuzzysort.Result | undefined) => {
    if (matchTier(plainQuery, target.plain, target.words, typed) === TIER.fuzzy) matches.push({ target, tier: TIER.fuzzy, score, fuzzy: title });
  };
  let total = 0;
  if (!options.commandsOnly) {
    const results = fuzzysort.go(text, index.records, { key: 'title', limit: FUZZY_LIMIT });
    for (const result of results) add(result.obj, result.score, result);
    total += results.total - close.records;
  }
  const commands = fuzzysort.go(text, index.commands, { keys: ['title', 'keywords'] });
  for (const result of commands) add(result.obj, result.score, result[0]);
  total += commands.total - close.commands;
  return { matches, total };
}

/** A close match scores higher the earlier its first word appears and the shorter the title. */
function closeScore(plain: string, typed: readonly string[]): number {
  const at = typed.length ? findWord(plain, typed[0]!) : 0;
  return 1 / (1 + Math.max(0, at) + plain.length / 100);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `word` appears in `plain`, at the start of one of its words if it does anywhere; -1 when nowhere. */
function findWord(plain: string, word: string): number {
  const first = plain.indexOf(word);
  for (let at = first; at >= 0; at = plain.indexOf(word, at + 1)) if (at === 0 || !WORD_CHAR.test(plain[at - 1]!)) return at;
  return first;
}

/** The letters of a close match to highlight: each typed word where it appears in the title. */
function closeIndexes(plain: string, typed: readonly string[]): number[] {
  const indexes: number[] = [];
  for (const word of typed) {
    const at = findWord(plain, word);
    for (let i = 0; at >= 0 && i < word.length; i++) indexes.push(at + i);
  }
  return indexes;
}

/** The title cut into matched and unmatched pieces (no HTML: the view renders them). */
function titleParts(title: string, matched: readonly number[]): TitlePart[] {
  const indexes = new Set(matched);
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
