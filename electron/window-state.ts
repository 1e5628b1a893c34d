// Remembers the main window's size, position, maximized and full-screen state, and the display
// it was on, between runs. restoreWindowState is pure; the tracker only uses Electron types, so
// all of it runs under Node.
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

/** The parts of Electron's Display used here (and by the presenter window). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor?: number;
}

export interface RestoredWindowState {
  bounds: Rect;
  isMaximized: boolean;
  isFullScreen: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE: Size = { width: 800, height: 560 };
/** A window counts as on-screen only if this much of it overlaps a display's work area. */
const MIN_VISIBLE: Size = { width: 120, height: 60 };

const coordinate = z.number().finite().min(-1e6).max(1e6);
const length = z.number().finite().positive().max(1e5);
const RectSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length });

const SavedDisplaySchema = z.object({
  id: z.number().finite(),
  bounds: RectSchema,
  workArea: RectSchema,
  scaleFactor: z.number().finite().positive().max(16).optional(),
});

// Forgiving on purpose: unknown keys (from a newer Keel) are ignored, and a damaged display
// record only loses the display, not the window's size.
export const SavedWindowStateSchema = RectSchema.extend({
  isMaximized: z.boolean().optional(),
  isFullScreen: z.boolean().optional(),
  display: SavedDisplaySchema.optional().catch(undefined),
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

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
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

/** Moves and shrinks `rect` (no smaller than the minimum) so all of it is inside `area`. */
function fitInto(rect: Rect, area: Rect, minSize: Size): Rect {
  const width = clamp(rect.width, Math.min(minSize.width, area.width), area.width);
  const height = clamp(rect.height, Math.min(minSize.height, area.height), area.height);
  return {
    x: clamp(rect.x, area.x, area.x + area.width - width),
    y: clamp(rect.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/**
 * `rect` as it was on a work area `from`, placed on `to`: the same offset when the two are the
 * same size (a display the arrangement moved), otherwise the same proportions (a display whose
 * resolution or scale changed, or another display), so it keeps its share of the screen.
 */
function carryOver(rect: Rect, from: Rect, to: Rect): Rect {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return {
    x: Math.round(to.x + (rect.x - from.x) * sx),
    y: Math.round(to.y + (rect.y - from.y) * sy),
    width: Math.round(rect.width * sx),
    height: Math.round(rect.height * sy),
  };
}

/** The display the window was on, if it is still connected: by id, or by its exact bounds (ids can change across restarts). */
function homeDisplay(saved: SavedWindowStateType['display'], displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  if (!saved) return undefined;
  return displays.find((d) => d.id === saved.id) ?? displays.find((d) => sameRect(d.bounds, saved.bounds));
}

/** The display whose work area shows most of `rect`, if any shows enough of it to grab. */
function mostOverlapped(rect: Rect, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: { display: DisplayInfo; visible: number } | undefined;
  for (const display of displays) {
    const visible = overlap(rect, display.workArea);
    if (visible.width < MIN_VISIBLE.width || visible.height < MIN_VISIBLE.height) continue;
    const visibleArea = visible.width * visible.height;
    if (!best || visibleArea > best.visible) best = { display, visible: visibleArea };
  }
  return best?.display;
}

/**
 * Where to open the window, from the saved state (untrusted JSON) and the displays connected
 * now. In order: the display it was on, if still connected (wherever the arrangement put it);
 * else the display that shows most of it; else the primary display, at the same place relative
 * to the display it was on. The result always lies wholly inside one display's work area, so
 * its title bar is reachable. Corrupt state gives the default size centred on the primary.
 */
export function restoreWindowState(
  saved: unknown,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  minSize: Size = MIN_WINDOW_SIZE,
): RestoredWindowState {
  const parsed = SavedWindowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: defaultBounds(primary.workArea), isMaximized: false, isFullScreen: false };
  const state = parsed.data;
  const flags = { isMaximized: state.isMaximized ?? false, isFullScreen: state.isFullScreen ?? false };
  const wanted: Rect = {
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  };

  const home = homeDisplay(state.display, displays);
  if (home && state.display) {
    return { bounds: fitInto(carryOver(wanted, state.display.workArea, home.workArea), home.workArea, minSize), ...flags };
  }
  const overlapped = mostOverlapped(wanted, displays);
  if (overlapped) return { bounds: fitInto(wanted, overlapped.workArea, minSize), ...flags };
  if (state.display) {
    return { bounds: fitInto(carryOver(wanted, state.display.workArea, primary.workArea), primary.workArea, minSize), ...flags };
  }
  return { bounds: defaultBounds(primary.workArea), ...flags };
}

/** The saved state, or undefined when there is none or it is not JSON (restoreWindowState copes). */
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

export type WindowStateSnapshot = Rect & {
  isMaximized: boolean;
  isFullScreen: boolean;
  display?: DisplayInfo;
};

/** The parts of a BrowserWindow the tracker uses. */
export type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'isDestroyed'
>;

/**
 * Saves `window`'s bounds and the display they are on (`displayOf`, Electron's
 * screen.getDisplayMatching) to `filePath`, atomically and debounced, whenever they change.
 */
export function trackWindowState(
  window: TrackedWindow,
  filePath: string,
  displayOf: (bounds: Rect) => DisplayInfo,
  delayMs = 500,
): DebouncedWriter<WindowStateSnapshot> {
  const writer = createDebouncedWriter<WindowStateSnapshot>(
    (state) => atomicWrite(filePath, `${JSON.stringify(state, null, 2)}\n`),
    delayMs,
  );
  // getNormalBounds: a maximized window remembers the size it un-maximizes to.
  const snapshot = (): WindowStateSnapshot => {
    const bounds = window.getNormalBounds();
    const { id, bounds: displayBounds, workArea, scaleFactor } = displayOf(bounds);
    return {
      ...bounds,
      isMaximized: window.isMaximized(),
      isFullScreen: false,
      display: { id, bounds: displayBounds, workArea, scaleFactor },
    };
  };
  // A full-screen window's bounds are its display's; it keeps the ones it returns to, with the flag.
  let lastNormal: WindowStateSnapshot | undefined = window.isFullScreen() ? undefined : snapshot();
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    if (window.isFullScreen()) {
      if (lastNormal) writer.schedule({ ...lastNormal, isFullScreen: true });
      return;
    }
    lastNormal = snapshot();
    writer.schedule(lastNormal);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('enter-full-screen', save);
  window.on('leave-full-screen', save);
  window.on('close', () => {
    save();
    void writer.flush();
  });
  return writer;
}
