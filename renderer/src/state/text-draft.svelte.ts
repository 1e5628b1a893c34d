// A text field that saves as the user types. What was typed is never lost: each keystroke goes
// into the pending-edits journal before anything else, it stays there until a save succeeds
// (across navigation, a closed database and a restart), it is flushed before undo, navigation
// and window close, and a change from another window is taken in only when the user has not
// typed anything since; text of this window that another window's replaced is kept to restore.

import { problemOf, type Check } from '../domain/check';
import {
  displacedText,
  editFailed,
  editSaving,
  editStored,
  forgetDisplaced,
  forgetEdit,
  keepDisplaced,
  pendingEdit,
  recordEdit,
  type DisplacedText,
} from './pending-edits';

export type DraftStatus = 'idle' | 'pending' | 'saved' | 'failed';

const SAVE_DELAY_MS = 300;
// Bookkeeping of live drafts, not rendered state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const open = new Set<TextDraft>();

// Saves started elsewhere that undo must wait for (a typed score saves after its first paint).
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const inflight = new Set<Promise<unknown>>();

/** Lets undo, redo and navigation wait for a save that is under way. */
export function trackSave<T>(save: Promise<T>): Promise<T> {
  inflight.add(save);
  void save.finally(() => inflight.delete(save)).catch(() => undefined);
  return save;
}

/** When this window last undid or redid an edit. */
let historyStepAt = 0;
/** How long after an undo or redo a stored text this window had seen is taken for its own, not another window's. */
const HISTORY_STEP_MS = 2000;

/** This window just undid or redid an edit: the texts it brings back are its own. */
export function markHistoryStep(): void {
  historyStepAt = Date.now();
}

/** Whether this window undid or redid something since `time` (what it stored then may be undone). */
export function historyStepSince(time: number): boolean {
  return historyStepAt >= time;
}

/** Saves every draft with unsaved typing, and waits for saves under way; called before undo/redo, navigation and unload. */
export function flushAllDrafts(): Promise<void> {
  return Promise.all([...[...open].map((d) => d.flush()), ...[...inflight].map((p) => p.catch(() => undefined))]).then(() => undefined);
}

/**
 * Whether two texts differ only in what the rules clean when they store text: spaces at the ends
 * and runs of them, the spacing of a comma-separated list, direction and zero-width controls.
 */
export function sameWhenCleaned(a: string, b: string): boolean {
  const loose = (text: string) => text.replace(/[\s,\u200B-\u200D\u202A-\u202E\u2066-\u2069\uFEFF]+/g, '');
  return a === b || loose(a) === loose(b);
}

/** The domain rule a field's text must pass before it is saved (a name not empty, not too long). */
export type DraftRule = (text: string) => Check<unknown>;

export class TextDraft {
  value = $state('');
  status = $state<DraftStatus>('idle');
  /** This window's text of the field that another window's text replaced, kept to put back. */
  displaced = $state<DisplacedText | undefined>(undefined);
  /** The stored text the draft started from (or last saved). */
  private base: string;
  private dirty = false;
  /** Whether the stored text is one this window saved (so a change from elsewhere replaced it). */
  private wroteBase = false;
  /** Texts this window has stored or seen stored here: its undo brings back one of them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly known = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `save` resolves true when stored; it is bound to one record, never to changing props.
   * Typing is journaled under `kind` and `id` until stored; typing still in the journal (a
   * failed save, a reload) comes back into the field. Text that `rule` refuses is never saved:
   * it stays in the field, with the rule's sentence, until it is put right.
   */
  constructor(
    readonly kind: string,
    readonly id: string,
    initial: string,
    private readonly save: (text: string) => Promise<boolean>,
    private readonly rule: DraftRule,
  ) {
    this.value = initial;
    this.base = initial;
    this.known.add(initial);
    const pending = pendingEdit(kind, id);
    if (pending && typeof pending.value === 'string') {
      if (sameWhenCleaned(pending.value, initial)) {
        // Stored already (its save landed as the field went away): nothing is pending.
        forgetEdit(kind, id);
      } else if (pending.base === initial) {
        this.value = pending.value;
        this.dirty = true;
        this.status = pending.failed ? 'failed' : 'pending';
        this.schedule();
      } else {
        // Changed since it was typed: what is stored shows, the typing is kept to put back.
        keepDisplaced(kind, id, pending.value);
        forgetEdit(kind, id);
      }
    }
    this.displaced = displacedText(kind, id);
    open.add(this);
  }

  /** Why the typed text cannot be saved (shown beside the field); undefined when it can. */
  get problem(): string | undefined {
    return problemOf(this.rule(this.value));
  }

  /** The stored value changed (this window or another): adopt it unless the user is typing. */
  sync(stored: string): void {
    if (stored === this.base) return;
    if (sameWhenCleaned(stored, this.value)) {
      // This text, stored as the rules clean it ("Reduce " as "Reduce"): what was typed stays as
      // typed, so the next key press carries on from it.
      this.base = stored;
      this.known.add(stored);
      this.dirty = false;
      if (this.status === 'failed') this.status = 'saved';
      return;
    }
    const ownUndo = this.known.has(stored) && Date.now() < historyStepAt + HISTORY_STEP_MS;
    if (!this.dirty && this.wroteBase && !ownUndo) this.keepReplaced(this.base);
    this.base = stored;
    this.wroteBase = false;
    this.known.add(stored);
    if (!this.dirty) this.value = stored;
  }

  input(text: string): void {
    this.value = text;
    this.dirty = text !== this.base;
    this.status = this.dirty ? 'pending' : 'idle';
    if (!this.dirty) forgetEdit(this.kind, this.id);
    // Text the rule refuses is never journaled: the last acceptable typing stays there.
    else if (this.rule(text).ok) recordEdit(this.kind, this.id, text, this.base);
    this.schedule();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    const text = this.value;
    const allowed = this.rule(text).ok;
    if (allowed) editSaving(this.kind, this.id, text);
    const ok = allowed && (await this.save(text));
    if (!ok) {
      if (allowed) editFailed(this.kind, this.id);
      this.status = 'failed';
      return;
    }
    editStored(this.kind, this.id, text);
    this.base = text;
    this.wroteBase = true;
    this.known.add(text);
    // Typing made during the save (even back to the text before it) is saved next.
    this.dirty = this.value !== text;
    this.status = this.dirty ? 'pending' : 'saved';
    if (this.dirty) this.input(this.value);
  }

  /** Puts back this window's text that another window's replaced. */
  restoreDisplaced(): void {
    const displaced = this.displaced;
    this.dismissDisplaced();
    if (displaced) this.input(displaced.text);
  }

  dismissDisplaced(): void {
    forgetDisplaced(this.kind, this.id);
    this.displaced = undefined;
  }

  /** Saves what is pending and stops tracking; call when the field goes away. What cannot be saved stays in the journal. */
  close(): Promise<void> {
    return this.flush().finally(() => open.delete(this));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.dirty) this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private keepReplaced(text: string): void {
    keepDisplaced(this.kind, this.id, text);
    this.displaced = { text, at: Date.now() };
  }
}

/**
 * A draft for one field of one record, journaled under `kind` and `id` until stored and written
 * back on the next start by its area's replay handler. `save` resolves true when stored; `rule`,
 * the domain's check of the field, refuses text that must not be saved (every field has one, so
 * every field says why).
 */
export function journaledDraft(
  kind: string,
  id: string,
  initial: string,
  save: (text: string) => Promise<boolean>,
  rule: DraftRule,
): TextDraft {
  return new TextDraft(kind, id, initial, save, rule);
}

/** One draft per text field of a record (an item, a metric), kept in step and closed together. */
export class DraftGroup<F extends string> {
  readonly drafts: Record<F, TextDraft>;

  constructor(
    private readonly fields: readonly F[],
    make: (field: F) => TextDraft,
  ) {
    this.drafts = Object.fromEntries(fields.map((field) => [field, make(field)])) as Record<F, TextDraft>;
  }

  /** The stored record changed: each field adopts it unless the user is typing there. */
  sync(stored: Readonly<Record<F, string>>): void {
    for (const field of this.fields) this.drafts[field].sync(stored[field]);
  }

  close(): void {
    for (const field of this.fields) void this.drafts[field].close();
  }
}

if (typeof window !== 'undefined') {
  // Closing or hiding the window saves pending typing; the journal holds it whatever happens.
  window.addEventListener('pagehide', () => void flushAllDrafts());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllDrafts();
  });
}
