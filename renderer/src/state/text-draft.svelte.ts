// A text field that saves as the user types. What was typed is never lost: it stays in the
// field until a save succeeds, it is flushed before undo, navigation and window close, and a
// change from another window is taken in only when the user has not typed anything since.

import { problemOf, type Check } from '../domain/check';
import { forgetUnsaved, parkUnsaved } from './unsaved-journal';

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

/** Saves every draft with unsaved typing, and waits for saves under way; called before undo/redo, navigation and unload. */
export function flushAllDrafts(): Promise<void> {
  return Promise.all([...[...open].map((d) => d.flush()), ...[...inflight].map((p) => p.catch(() => undefined))]).then(() => undefined);
}

/** The domain rule a field's text must pass before it is saved (a name not empty, not too long). */
export type DraftRule = (text: string) => Check<unknown>;

export class TextDraft {
  value = $state('');
  status = $state<DraftStatus>('idle');
  /** The stored text the draft started from (or last saved). */
  private base: string;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `save` resolves true when stored; it is bound to one record, never to changing props.
   * `park` keeps pending text synchronously (see unsaved-journal.ts) when the window is going
   * away and an asynchronous save would never finish. Text that `rule` refuses is never saved:
   * it stays in the field, with the rule's sentence, until it is put right.
   */
  constructor(
    initial: string,
    private readonly save: (text: string) => Promise<boolean>,
    private readonly park: (text: string, base: string) => void,
    private readonly rule: DraftRule,
  ) {
    this.value = initial;
    this.base = initial;
    open.add(this);
  }

  /** Why the typed text cannot be saved (shown beside the field); undefined when it can. */
  get problem(): string | undefined {
    return problemOf(this.rule(this.value));
  }

  /** The stored value changed (this window or another): adopt it unless the user is typing. */
  sync(stored: string): void {
    if (stored === this.base) return;
    this.base = stored;
    if (!this.dirty) this.value = stored;
    else if (stored === this.value) this.dirty = false;
  }

  input(text: string): void {
    this.value = text;
    this.dirty = text !== this.base;
    this.status = this.dirty ? 'pending' : 'idle';
    clearTimeout(this.timer);
    if (this.dirty) this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    const text = this.value;
    const ok = this.rule(text).ok && (await this.save(text));
    if (ok) {
      this.base = text;
      if (this.value === text) {
        this.dirty = false;
        this.status = 'saved';
      }
    } else {
      this.status = 'failed';
    }
  }

  /** Parks pending typing at once, for a window that is closing; a later save supersedes it. Text the rule refuses could never be saved, so it is not parked. */
  parkNow(): void {
    if (this.dirty && !this.problem) this.park(this.value, this.base);
  }

  /** Saves what is pending and stops tracking; call when the field goes away. */
  close(): void {
    void this.flush().finally(() => open.delete(this));
  }
}

/**
 * A draft for one field of one record, whose pending typing is parked under `kind` and `id`
 * when the window closes and written back on the next start (see App's replay handlers).
 * `save` resolves true when stored; `rule`, the domain's check of the field, refuses text that
 * must not be saved (every field has one, so every field says why).
 */
export function journaledDraft(
  kind: string,
  id: string,
  initial: string,
  save: (text: string) => Promise<boolean>,
  rule: DraftRule,
): TextDraft {
  return new TextDraft(
    initial,
    async (text) => {
      const saved = await save(text);
      if (saved) forgetUnsaved(kind, id);
      return saved;
    },
    (value, base) => parkUnsaved({ kind, id, base, value, at: Date.now() }),
    rule,
  );
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
    for (const field of this.fields) this.drafts[field].close();
  }
}

if (typeof window !== 'undefined') {
  // Closing or hiding the window saves pending typing (IndexedDB writes finish in the background).
  window.addEventListener('pagehide', () => {
    for (const draft of open) draft.parkNow();
    void flushAllDrafts();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllDrafts();
  });
}
