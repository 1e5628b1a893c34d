import { editFailed, editSaving, editStored, recordEdit, type JsonValue } from './pending-edits';
import { historyStepSince, trackSave } from './text-draft.svelte';

/** How long a stored value is taken as the base over the caller's own (which catches up in milliseconds). */
const FRESH_MS = 5000;

type Slot<V, C> = { value: V; context: C; waiters: ((stored: boolean) => void)[] };

/**
 * Stores the newest value of each record, one save at a time: a burst of edits (2,000 arrow
 * presses, a run of typed scores) becomes at most one save under way and one after it, never a
 * queue of stale writes that leaves the stored value far behind the screen. Every edit is in the
 * pending-edits journal before it shows, so closing the window at any moment loses nothing.
 */
export class CoalescedWriter<V extends JsonValue, C = undefined> {
  // Bookkeeping of saves, not rendered state.
  private readonly next = new Map<string, Slot<V, C>>();
  private readonly saving = new Set<string>();
  /** What this writer stored last per record, and when: the live data may not show it yet. */
  private readonly lastStored = new Map<string, { value: V; at: number }>();

  /** `save` stores one value (with the newest edit's `context`) and resolves true when stored. */
  constructor(
    private readonly kind: string,
    private readonly save: (id: string, value: V, context: C) => Promise<boolean>,
  ) {}

  /**
   * Journals the edit at once and stores it, or a newer one of the same record. Resolves true once
   * this value or a newer one is stored; false when that save failed (the edit stays journaled).
   */
  put(id: string, value: V, base: V, context: C): Promise<boolean> {
    // Just after a save, the caller's view of the record may lag behind it: the base is what was
    // stored, unless an undo or redo has changed the record since.
    const stored = this.lastStored.get(id);
    const fresh = stored && Date.now() - stored.at < FRESH_MS && !historyStepSince(stored.at);
    recordEdit(this.kind, id, value, fresh ? stored.value : base);
    return trackSave(
      new Promise<boolean>((resolve) => {
        const slot = this.next.get(id);
        if (slot) {
          slot.value = value;
          slot.context = context;
          slot.waiters.push(resolve);
        } else this.next.set(id, { value, context, waiters: [resolve] });
        void this.drain(id);
      }),
    );
  }

  private async drain(id: string): Promise<void> {
    if (this.saving.has(id)) return;
    this.saving.add(id);
    try {
      for (let slot = this.next.get(id); slot; slot = this.next.get(id)) {
        this.next.delete(id);
        let stored = false;
        editSaving(this.kind, id, slot.value);
        try {
          stored = await this.save(id, slot.value, slot.context);
        } catch {
          stored = false;
        }
        if (stored) {
          editStored(this.kind, id, slot.value);
          this.lastStored.set(id, { value: slot.value, at: Date.now() });
        } else editFailed(this.kind, id);
        for (const resolve of slot.waiters) resolve(stored);
      }
    } finally {
      this.saving.delete(id);
    }
  }
}
