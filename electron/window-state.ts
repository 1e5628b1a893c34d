// Remembers the main window's size, position and maximized state between runs.
// restoreBounds is pure; the tracker only uses Electron types, so all of it runs under Node.
import { readFile } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { atomicWrite } from './atomic-write.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface RestoredWindowState {
  bounds: Rect;
  isMaximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE: Size = { width: 800, height: 560 };
/** A window counts as on-screen only if this much of it overlaps a display's work area. */
const MIN_VISIBLE: Size = { width: 120, height: 60 };

const coordinate = z.number().finite().min(-1e6).max(1e6);
const length = z.number().finite().positive().max(1e5);

// Forgiving on purpose: unknown keys (from a newer Keel) are ignored, not an error.
export const SavedWindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  isMaximized: z.boolean().optional(),
});

export type SavedWindowStateType = z.infer<typeof SavedWindowStateSchema>;

function overlap(a: Rect, b: Rect): Size {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** The default size (shrunk to fit small screens), centred in the primary work area. */
export function defaultBounds(primaryWorkArea: Rect, size: Size = DEFAULT_WINDOW_SIZE): Rect {
  const width = Math.min(size.width, primaryWorkArea.width);
  const height = Math.min(size.height, primaryWorkArea.height);
  return {
    x: Math.round(primaryWorkArea.x + (primaryWorkArea.width - width) / 2),
    y: Math.round(primaryWorkArea.y + (primaryWorkArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window, from the saved state (untrusted JSON) and the current displays'
 * work areas. A corrupt state, or one whose window would be (almost) off every display (a
 * monitor was unplugged), gives the default centred bounds. Otherwise the window is moved and
 * shrunk onto the display it overlaps most, so its title bar is always reachable.
 */
export function restoreBounds(
  saved: unknown,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
  minSize: Size = MIN_WINDOW_SIZE,
): RestoredWindowState {
  const fallback: RestoredWindowState = { bounds: defaultBounds(primaryWorkArea), isMaximized: false };
  const parsed = SavedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return fallback;
  const state = parsed.data;
  const wanted: Rect = {
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  };

  let best: { area: Rect; visible: number } | undefined;
  for (const area of workAreas) {
    const visible = overlap(wanted, area);
    if (visible.width < MIN_VISIBLE.width || visible.height < MIN_VISIBLE.height) continue;
    const visibleArea = visible.width * visible.height;
    if (!best || visibleArea > best.visible) best = { area, visible: visibleArea };
  }
  if (!best) return { ...fallback, isMaximized: state.isMaximized ?? false };

  const { area } = best;
  const width = clamp(wanted.width, Math.min(minSize.width, area.width), area.width);
  const height = clamp(wanted.height, Math.min(minSize.height, area.height), area.height);
  return {
    bounds: {
      x: clamp(wanted.x, area.x, area.x + area.width - width),
      y: clamp(wanted.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    isMaximized: state.isMaximized ?? false,
  };
}

/** The saved state, or undefined when there is none or it is not JSON (restoreBounds copes). */
export async function readSavedWindowState(filePath: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(filePath, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export interface DebouncedWriter<T> {
  /** Writes `value` after `delayMs` of quiet; a newer value replaces a pending one. */
  schedule(value: T): void;
  /** Writes the pending value now (if any) and resolves when every write has finished. */
  flush(): Promise<void>;
}

/**
 * Resize and move fire dozens of times a second; this writes the last value once things settle.
 * Writes never overlap, and a failed write is dropped (window bounds are not worth an error).
 */
export function createDebouncedWriter<T>(
  write: (value: T) => Promise<void>,
  delayMs: number,
): DebouncedWriter<T> {
  let pending: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  function startWrite(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending) return chain;
    const { value } = pending;
    pending = undefined;
    chain = chain.then(() => write(value)).catch(() => undefined);
    return chain;
  }

  return {
    schedule(value) {
      pending = { value };
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void startWrite(), delayMs);
    },
    flush: startWrite,
  };
}

export type WindowStateSnapshot = Required<SavedWindowStateType>;

/** Saves `window`'s bounds to `filePath` (atomically, debounced) whenever they change. */
export function trackWindowState(
  window: BrowserWindow,
  filePath: string,
  delayMs = 500,
): DebouncedWriter<WindowStateSnapshot> {
  const writer = createDebouncedWriter<WindowStateSnapshot>(
    (state) => atomicWrite(filePath, `${JSON.stringify(state, null, 2)}\n`),
    delayMs,
  );
  // getNormalBounds: a maximized window remembers the size it un-maximizes to.
  const snapshot = (): WindowStateSnapshot => ({ ...window.getNormalBounds(), isMaximized: window.isMaximized() });
  const save = (): void => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isFullScreen()) writer.schedule(snapshot());
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', () => {
    save();
    void writer.flush();
  });
  return writer;
}
