// What the page keeps in this browser (localStorage belongs to one origin, so to one room's
// address and port): the device's token, the text being written, and the messages not yet
// acknowledged. A reload, a phone that locked or a dropped connection loses none of it.

export const SAVED_KEYS = {
  device: 'keel.room.device',
  draft: 'keel.room.draft',
  outbox: 'keel.room.outbox',
} as const;

/** A place to keep text under a key (localStorage in the page, a Map in tests). */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Reads a saved value, or undefined when there is none or it is not what `isValue` expects. */
export function readSaved<T>(store: TextStore, key: string, isValue: (value: unknown) => value is T): T | undefined {
  try {
    const text = store.getItem(key);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    return isValue(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a value; false when the browser refused (storage full or switched off). */
export function writeSaved(store: TextStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forgetSaved(store: TextStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to do: the value stays, and the next join replaces it.
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** Who this device is in the room, as the join answered. */
export interface SavedDevice {
  deviceId: string;
  token: string;
  name: string;
}

export function isSavedDevice(v: unknown): v is SavedDevice {
  return isRecord(v) && isText(v.deviceId) && isText(v.token) && v.token.length > 0 && isText(v.name);
}

/** The item being written, not yet submitted. */
export interface SavedDraft {
  kind: string;
  text: string;
}

export function isSavedDraft(v: unknown): v is SavedDraft {
  return isRecord(v) && isText(v.kind) && isText(v.text);
}

/** The browser's localStorage, or a memory-only store where it is switched off (some private modes). */
export function pageStore(): TextStore {
  try {
    const store = window.localStorage;
    store.setItem('keel.room.check', '1');
    store.removeItem('keel.room.check');
    return store;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}
