// Settings remembered on this computer (a sort order, the signer's name, the heatmap toggle),
// and forms filled in but not yet sent (formDraft): read safely whatever localStorage holds,
// written without ever throwing, and followed across windows, so a choice made in one window
// shows in the others.

/** Turns what was stored (already JSON-parsed where it could be) into a value, or undefined when it is not one. */
export type Parse<T> = (stored: unknown) => T | undefined;

function read(key: string): unknown {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Written by an earlier Keel as a bare string.
    return raw;
  }
}

export class Preference<T> {
  value = $state<T>(undefined as T);

  constructor(
    readonly key: string,
    private readonly parse: Parse<T>,
    private readonly fallback: T,
  ) {
    this.reload();
  }

  /** Takes what is stored now (another window may have changed it). */
  reload(): void {
    const stored = read(this.key);
    this.value = (stored === undefined ? undefined : this.parse(stored)) ?? this.fallback;
  }

  set(value: T): void {
    this.value = value;
    try {
      localStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the choice holds for this window only.
    }
  }

  clear(): void {
    this.value = this.fallback;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing to do: the value is gone from this window.
    }
  }
}

// One instance per key, so every part of a window sees the same value.
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, not rendered state
const registry = new Map<string, Preference<unknown>>();

export function preference<T>(key: string, parse: Parse<T>, fallback: T): Preference<T> {
  let found = registry.get(key) as Preference<T> | undefined;
  if (!found) {
    found = new Preference(key, parse, fallback);
    registry.set(key, found as Preference<unknown>);
  }
  return found;
}

/**
 * A form being filled in for one record (a decision, evidence, pasted readings), kept on this
 * computer until it is sent, so closing the dialog, another item, a reload or a crash loses
 * nothing. Clear it once the form is sent.
 */
export function formDraft<T>(kind: string, id: string, parse: Parse<T>, empty: T): Preference<T> {
  return preference(`keel.${kind}-draft.${id}`, parse, empty);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null) for (const p of registry.values()) p.reload();
    else registry.get(event.key)?.reload();
  });
}

// --- Parsers ---

export const oneOf =
  <const T extends string>(values: readonly T[]): Parse<T> =>
  (stored) =>
    typeof stored === 'string' && (values as readonly string[]).includes(stored) ? (stored as T) : undefined;

export const text =
  (max = 1000): Parse<string> =>
  (stored) =>
    typeof stored === 'string' ? stored.slice(0, max) : undefined;

/** A text kept whole or not at all: pasted rows cut short would be wrong rows. */
export const wholeText =
  (max: number): Parse<string> =>
  (stored) =>
    typeof stored === 'string' && stored.length <= max ? stored : undefined;

export const finite: Parse<number> = (stored) => (typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined);

/** true/false, or the "on"/"off" an earlier Keel wrote. */
export const flag: Parse<boolean> = (stored) =>
  typeof stored === 'boolean' ? stored : stored === 'on' ? true : stored === 'off' ? false : undefined;

/** An object whose fields are each parsed on their own: a damaged field falls back alone. */
export const fields =
  <T extends Record<string, unknown>>(parsers: { [K in keyof T]: Parse<T[K]> }): Parse<Partial<T>> =>
  (stored) => {
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
    const out: Partial<T> = {};
    for (const key of Object.keys(parsers) as (keyof T)[]) {
      const value = parsers[key]((stored as Record<string, unknown>)[key as string]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
