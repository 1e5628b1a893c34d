export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  action?: { label: string; run: () => void };
}

const LIFETIME_MS: Record<ToastTone, number> = { info: 5000, success: 5000, error: 12000 };
/** The latest few only: a burst of them would stack up over the page. */
const SHOWN_MAX = 3;

/** Short messages announced to screen readers; errors stay longer and can be dismissed. */
export class Toasts {
  items = $state<Toast[]>([]);
  private nextId = 1;
  // Timers are bookkeeping, not state anything renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(message: string, tone: ToastTone = 'info', action?: Toast['action']): number {
    const id = this.nextId++;
    const kept = this.items.slice(-(SHOWN_MAX - 1));
    for (const dropped of this.items.slice(0, -(SHOWN_MAX - 1))) clearTimeout(this.timers.get(dropped.id));
    this.items = [...kept, { id, tone, message, ...(action ? { action } : {}) }];
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), LIFETIME_MS[tone]),
    );
    return id;
  }

  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
