// The pending-edits journal: every edit shown on screen but not yet stored in IndexedDB (typing,
// a typed score, a map move) is written here first. localStorage writes are synchronous, so an
// edit recorded here survives a save that fails or never finishes, a database closed by another
// window, a crash and the window closing. It leaves the journal only once the database has it;
// what is left is written on the next start, or when the user asks to retry, through the replay
// handler its area declares (see replay.ts).
//
// Each window keeps its own entries (two windows typing in one field must not take each other's
// text for their own). A window holds a Web Lock for its life, so the next start can tell the
// entries of a window that is gone from those of one still open.

import { InvalidInputError } from '../storage/errors';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface PendingEdit {
  /** What was edited, for the replay handler: e.g. "program-description", "item-position". */
  kind: string;
  /** The record's id (or a path of ids: "matrix/option/criterion"). */
  id: string;
  /** The stored value the edits started from: a replay writes only while it is still stored. */
  base: JsonValue;
  value: JsonValue;
  at: number;
  /** The last save of it failed: shown as not saved, and retried. */
  failed?: boolean;
  /**
   * A value whose save was under way: if the window went just as it landed, before it could
   * learn so, the record holds this value rather than the base, and the edit still replays.
   */
  saving?: JsonValue;
}

/**
 * What a replay did: `stored`; `changed` when the record no longer holds the edit's base
 * (someone changed it since), in which case a text edit is kept for the user to restore; or
 * `gone` when the record was deleted since.
 */
export type ReplayOutcome = 'stored' | 'changed' | 'gone';
export type ReplayHandler = (edit: PendingEdit) => Promise<ReplayOutcome>;

const PREFIX = 'keel.pending/';
const DISPLACED_PREFIX = 'keel.displaced/';
const LOCK_PREFIX = 'keel.window/';
const DISPLACED_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** The journal of earlier Keel versions: one object of edits parked when a window closed. */
const LEGACY_KEY = 'keel.unsaved';

const windowId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
const entryKey = (kind: string, id: string) => `${kind}:${id}`;
const storageKey = (window: string, key: string) => `${PREFIX}${window}/${key}`;

// This window's entries, mirrored in localStorage entry by entry so a keystroke writes only its
// own field's entry. Bookkeeping, not rendered state.
const mine = new Map<string, PendingEdit>();

function store(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the edit stays in this window's memory and its save goes on.
  }
}

function unstore(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing more can be done; a stale entry is refused at replay by its base.
  }
}

function same(a: JsonValue, b: JsonValue): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isEdit(value: unknown): value is PendingEdit {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return typeof e.kind === 'string' && typeof e.id === 'string' && 'value' in e && 'base' in e;
}

/** Puts `edit` as this window's entry of its field, in memory and in localStorage. */
function put(edit: PendingEdit): void {
  const key = entryKey(edit.kind, edit.id);
  mine.set(key, edit);
  store(storageKey(windowId, key), edit);
}

/**
 * Records an edit the screen shows before the database has it. The base is the stored value when
 * the first of a run of edits was made: later edits keep it until one of them is stored.
 */
export function recordEdit(kind: string, id: string, value: JsonValue, base: JsonValue): void {
  const earlier = mine.get(entryKey(kind, id));
  // Back to what is stored: nothing to keep, unless an earlier edit's save is under way (then
  // this one must still be written after it, and stays until it is).
  if (!earlier && same(value, base)) return;
  put({ ...earlier, kind, id, base: earlier ? earlier.base : base, value, at: Date.now() });
}

/** This window's entry of kind:id without the note of a save under way, or undefined. */
function settled(kind: string, id: string): PendingEdit | undefined {
  const edit = mine.get(entryKey(kind, id));
  if (!edit) return undefined;
  const { saving: _, ...rest } = edit;
  return rest;
}

/**
 * `value` is now stored. The entry goes if nothing newer was edited since; otherwise the stored
 * value becomes the newer edit's base, so its replay is not refused as "changed since".
 */
export function editStored(kind: string, id: string, value: JsonValue): void {
  const edit = settled(kind, id);
  if (!edit) return;
  if (same(edit.value, value)) forgetEdit(kind, id);
  else put({ ...edit, base: value, failed: false });
}

/** A save of `value` starts: noted, in case the window goes just as it lands. */
export function editSaving(kind: string, id: string, value: JsonValue): void {
  const edit = mine.get(entryKey(kind, id));
  if (edit) put({ ...edit, saving: value });
}

/** The save of this entry failed: it stays, marked, to be retried or replayed at the next start. */
export function editFailed(kind: string, id: string): void {
  const edit = settled(kind, id);
  if (edit && !edit.failed) put({ ...edit, failed: true });
}

export function pendingEdit(kind: string, id: string): PendingEdit | undefined {
  return mine.get(entryKey(kind, id));
}

export function forgetEdit(kind: string, id: string): void {
  const key = entryKey(kind, id);
  if (mine.delete(key)) unstore(storageKey(windowId, key));
}

/** How many edits this window has not stored yet. */
export function pendingCount(): number {
  return mine.size;
}

// --- Text replaced by another window's, kept so the user can put theirs back ---

export interface DisplacedText {
  text: string;
  at: number;
}

/** Keeps text of this field that another window's text replaced (or that could not be replayed). */
export function keepDisplaced(kind: string, id: string, text: string): void {
  store(DISPLACED_PREFIX + entryKey(kind, id), { text, at: Date.now() } satisfies DisplacedText);
}

export function displacedText(kind: string, id: string): DisplacedText | undefined {
  const d = readStored(DISPLACED_PREFIX + entryKey(kind, id)) as Partial<DisplacedText> | null | undefined;
  return d && typeof d.text === 'string' && typeof d.at === 'number' ? { text: d.text, at: d.at } : undefined;
}

export function forgetDisplaced(kind: string, id: string): void {
  unstore(DISPLACED_PREFIX + entryKey(kind, id));
}

// --- Replay ---

/** The windows open now, by the locks they hold; undefined where Web Locks are missing. */
async function openWindows(): Promise<Set<string> | undefined> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return undefined;
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [])));
  } catch {
    return undefined;
  }
}

function storedKeys(): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
  } catch {
    return [];
  }
}

/** The window whose entry a localStorage key holds (`keel.pending/<window>/<kind>:<id>`). */
function ownerOf(key: string): string {
  return key.slice(PREFIX.length, key.indexOf('/', PREFIX.length));
}

function readStored(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
}

/** The entries of window `owner` in localStorage, taken out of it and made this window's. */
function takeEntriesOf(owner: string): void {
  const prefix = `${PREFIX}${owner}/`;
  for (const key of storedKeys()) {
    if (!key.startsWith(prefix)) continue;
    const edit = readStored(key);
    unstore(key);
    if (isEdit(edit)) adopt(edit);
  }
}

/**
 * Takes over the entries of windows that are gone (a reload, a crash, a closed window), and those
 * of an earlier Keel's journal. A window still open keeps its own; if it goes without storing
 * them (it crashes, or closes a moment before this one asked), this window takes them over then,
 * once its lock is free, and writes them.
 */
async function adoptOrphans(): Promise<void> {
  const open = await openWindows();
  const owners = new Set(storedKeys().flatMap((key) => (key.startsWith(PREFIX) ? [ownerOf(key)] : [])));
  owners.delete(windowId);
  for (const owner of owners) {
    if (open?.has(owner)) afterWindowGoes(owner);
    else takeEntriesOf(owner);
  }
  // Text kept to put back is offered for a month; a field never opened again does not keep it forever.
  for (const key of storedKeys()) {
    if (!key.startsWith(DISPLACED_PREFIX)) continue;
    const kept = readStored(key) as Partial<DisplacedText> | undefined;
    if (typeof kept?.at !== 'number' || Date.now() - kept.at > DISPLACED_KEPT_MS) unstore(key);
  }
  const legacy = readStored(LEGACY_KEY);
  unstore(LEGACY_KEY);
  if (legacy && typeof legacy === 'object') for (const edit of Object.values(legacy)) if (isEdit(edit)) adopt(edit);
}

const watched = new Set<string>();

/** Waits for window `owner` to go (its lock comes free), then takes over and writes what it left. */
function afterWindowGoes(owner: string): void {
  if (watched.has(owner) || typeof navigator === 'undefined' || !navigator.locks) return;
  watched.add(owner);
  void navigator.locks
    .request(LOCK_PREFIX + owner, async () => {
      takeEntriesOf(owner);
      await replayPending();
    })
    .catch(() => undefined);
}

function adopt(edit: PendingEdit): void {
  const newer = mine.get(entryKey(edit.kind, edit.id));
  if (!newer || newer.at < edit.at) put(edit);
}

export interface ReplayReport {
  stored: number;
  /** Kept for the next try: the database could not take them. */
  kept: number;
  /** Texts not written because the record changed since; kept for the user to restore. */
  displaced: number;
}

let handlers: Record<string, ReplayHandler> = {};

/** The areas' replay handlers, combined by the app at start-up. */
export function useReplayHandlers(all: Record<string, ReplayHandler>): void {
  handlers = all;
}

/**
 * Writes this window's pending edits (and, with `adopt`, those of windows that are gone) through
 * their handlers. An edit the rules refuse, or of an unknown kind, is dropped; one the database
 * could not take stays for the next try; text whose record changed since is kept to restore.
 */
export async function replayPending({ adopt = false, only }: { adopt?: boolean; only?: (edit: PendingEdit) => boolean } = {}): Promise<ReplayReport> {
  if (adopt) await adoptOrphans();
  const report: ReplayReport = { stored: 0, kept: 0, displaced: 0 };
  for (const edit of [...mine.values()]) {
    if (only && !only(edit)) continue;
    const handler = Object.hasOwn(handlers, edit.kind) ? handlers[edit.kind] : undefined;
    if (!handler) {
      forgetEdit(edit.kind, edit.id);
      continue;
    }
    try {
      const outcome = await handler(edit);
      if (outcome === 'stored') {
        report.stored++;
        // Typing made while this ran is newer than what was replayed: it stays, on its new base.
        editStored(edit.kind, edit.id, edit.value);
        continue;
      }
      if (outcome === 'changed' && typeof edit.value === 'string') {
        keepDisplaced(edit.kind, edit.id, edit.value);
        report.displaced++;
      }
      if (same(mine.get(entryKey(edit.kind, edit.id))?.value ?? null, edit.value)) forgetEdit(edit.kind, edit.id);
    } catch (error) {
      if (error instanceof InvalidInputError) forgetEdit(edit.kind, edit.id);
      else {
        editFailed(edit.kind, edit.id);
        report.kept++;
      }
    }
  }
  return report;
}

let retrying: Promise<ReplayReport> | undefined;

/**
 * Writes again the edits whose save failed (the disk had no room, the database was busy), once
 * storage works again: called after any write succeeds. One retry runs at a time.
 */
export function retryFailedEdits(): Promise<ReplayReport> | undefined {
  if (retrying || ![...mine.values()].some((e) => e.failed)) return retrying;
  retrying = replayPending({ only: (edit) => edit.failed === true }).finally(() => (retrying = undefined));
  return retrying;
}

/** A replay that writes `edit.value` only while the record still holds `edit.base` where `current` reads it. */
export async function writeIfUnchanged(current: JsonValue | undefined, edit: PendingEdit, write: () => Promise<unknown>): Promise<ReplayOutcome> {
  if (current === undefined) return 'gone';
  // Already stored (by the window itself a moment before it went, or by another taking over).
  if (same(current, edit.value)) return 'stored';
  // A newer edit of it was made or stored meanwhile: that one is written, not this older one.
  const newest = mine.get(entryKey(edit.kind, edit.id));
  if (!newest || !same(newest.value, edit.value)) return 'stored';
  // A save that landed unseen counts as stored, except for a way back to the base: whether that
  // was still meant, or another window's value has been shown over it since, cannot be told, and
  // what is stored (and shown) is kept.
  const landedUnseen = edit.saving !== undefined && same(current, edit.saving) && !same(edit.value, edit.base);
  if (!same(current, edit.base) && !landedUnseen) return 'changed';
  await write();
  return 'stored';
}

/** Reads `edit.value` as text; an entry of another shape (a damaged journal) is refused. */
export function textOf(edit: PendingEdit): string {
  if (typeof edit.value !== 'string') throw new InvalidInputError('Not a text.');
  return edit.value;
}

if (typeof navigator !== 'undefined' && navigator.locks) {
  // Held until the window goes: its entries belong to it meanwhile.
  void navigator.locks.request(LOCK_PREFIX + windowId, () => new Promise<never>(() => undefined)).catch(() => undefined);
}

if (typeof window !== 'undefined') {
  // A window opened after this one journals an edit: if it goes without storing it (a crash),
  // this window takes it over.
  window.addEventListener('storage', (event) => {
    if (!event.key?.startsWith(PREFIX) || event.newValue === null) return;
    const owner = ownerOf(event.key);
    if (owner !== windowId) afterWindowGoes(owner);
  });
}
