import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDebouncedWriter,
  DEFAULT_WINDOW_SIZE,
  defaultBounds,
  MIN_WINDOW_SIZE,
  readSavedWindowState,
  restoreWindowState,
  trackWindowState,
  type DisplayInfo,
  type Rect,
  type TrackedWindow,
} from '../../../electron/window-state.js';

// Work areas below a menu bar; the laptop is the primary display.
const laptopArea: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorArea: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
function display(id: number, workArea: Rect, scaleFactor = 1): DisplayInfo {
  return { id, bounds: { ...workArea, y: workArea.y - 25, height: workArea.height + 25 }, workArea, scaleFactor };
}
const laptop = display(1, laptopArea, 2);
const rightMonitor = display(2, monitorArea);
const centredDefault = defaultBounds(laptopArea);
const windowed = { isMaximized: false, isFullScreen: false };

describe('defaultBounds', () => {
  it('centres the default size in the primary work area', () => {
    expect(centredDefault).toEqual({ x: 80, y: 28, width: 1280, height: 820 });
  });

  it('shrinks to fit a small screen', () => {
    expect(defaultBounds({ x: 0, y: 0, width: 1024, height: 600 })).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });
});

describe('restoreWindowState (saved without a display, as before)', () => {
  it('restores a window that is fully visible', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, ...windowed });
  });

  it('restores the maximized and full-screen flags', () => {
    const saved = { x: 10, y: 10, width: 900, height: 600, isMaximized: true, isFullScreen: true };
    expect(restoreWindowState(saved, [laptop], laptop)).toMatchObject({ isMaximized: true, isFullScreen: true });
  });

  it('restores onto a second monitor, including negative coordinates', () => {
    const saved = { x: 2000, y: -100, width: 1200, height: 900 };
    expect(restoreWindowState(saved, [laptop, rightMonitor], laptop).bounds).toEqual({ x: 2000, y: -100, width: 1200, height: 900 });
  });

  it('falls back to the default when the saved window is on a monitor that is gone', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ bounds: centredDefault, ...windowed });
  });

  it('falls back when only a sliver would be visible', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600 }; // 40 px on screen
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual(centredDefault);
  });

  it('pulls a partly off-screen window fully onto the display', () => {
    const saved = { x: 1000, y: 500, width: 800, height: 600 };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 640, y: 275, width: 800, height: 600 });
  });

  it('pulls a window whose title bar is above the screen back down', () => {
    const saved = { x: 100, y: -300, width: 900, height: 700 };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 100, y: 0, width: 900, height: 700 });
  });

  it('shrinks a window larger than the display it is on', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000 };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual(laptopArea);
  });

  it('grows a window below the minimum size', () => {
    const saved = { x: 10, y: 10, width: 300, height: 200 };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 10,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it('picks the display the window overlaps most', () => {
    const saved = { x: 1300, y: 100, width: 1000, height: 700 }; // 140 px on the laptop, 860 px on the monitor
    expect(restoreWindowState(saved, [laptop, rightMonitor], laptop).bounds).toEqual({ x: 1440, y: 100, width: 1000, height: 700 });
  });

  it('rounds fractional values from scaled displays', () => {
    expect(restoreWindowState({ x: 10.4, y: 10.6, width: 900.5, height: 600.2 }, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 11,
      width: 901,
      height: 600,
    });
  });

  it('ignores unknown keys written by a newer version', () => {
    expect(restoreWindowState({ x: 5, y: 5, width: 900, height: 600, monitorName: 'DELL' }, [laptop], laptop).bounds).toEqual({
      x: 5,
      y: 5,
      width: 900,
      height: 600,
    });
  });

  it.each([
    ['nothing saved', undefined],
    ['null', null],
    ['an array', [1, 2, 3, 4]],
    ['a string', '{"x":1}'],
    ['missing width', { x: 0, y: 0, height: 600 }],
    ['width as a string', { x: 0, y: 0, width: '900', height: 600 }],
    ['zero height', { x: 0, y: 0, width: 900, height: 0 }],
    ['negative width', { x: 0, y: 0, width: -900, height: 600 }],
    ['NaN', { x: Number.NaN, y: 0, width: 900, height: 600 }],
    ['Infinity', { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 600 }],
    ['absurd coordinates', { x: 1e12, y: 0, width: 900, height: 600 }],
    ['isMaximized as a string', { x: 0, y: 0, width: 900, height: 600, isMaximized: 'yes' }],
    ['isFullScreen as a number', { x: 0, y: 0, width: 900, height: 600, isFullScreen: 1 }],
  ])('falls back to the default for corrupt state: %s', (_name, saved) => {
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ bounds: centredDefault, ...windowed });
  });

  it('falls back when there are no displays at all', () => {
    expect(restoreWindowState({ x: 0, y: 0, width: 900, height: 600 }, [], laptop).bounds).toEqual(centredDefault);
  });

  it('uses the default size constant', () => {
    expect(centredDefault.width).toBe(DEFAULT_WINDOW_SIZE.width);
  });
});

describe('restoreWindowState across displays', () => {
  const onMonitor = { x: 2000, y: -100, width: 1200, height: 900, isMaximized: false, display: rightMonitor };

  it('goes back to the same display when it is still there', () => {
    expect(restoreWindowState(onMonitor, [laptop, rightMonitor], laptop)).toEqual({
      bounds: { x: 2000, y: -100, width: 1200, height: 900 },
      ...windowed,
    });
  });

  it('follows its display when the arrangement moved it, keeping its offset within it', () => {
    // The monitor now sits left of the laptop (negative coordinates), a little lower.
    const movedLeft = display(2, { x: -2560, y: 100, width: 2560, height: 1400 });
    expect(restoreWindowState(onMonitor, [laptop, movedLeft], laptop).bounds).toEqual({
      x: -2560 + (2000 - 1440),
      y: 100 + (-100 - -200),
      width: 1200,
      height: 900,
    });
  });

  it('prefers its own display to the one its old coordinates now overlap', () => {
    // The monitor moved to the left, and another monitor now sits where the window was.
    const movedLeft = display(2, { x: -2560, y: 0, width: 2560, height: 1400 });
    const newcomer = display(3, { x: 1440, y: -200, width: 2560, height: 1400 });
    expect(restoreWindowState(onMonitor, [laptop, movedLeft, newcomer], laptop).bounds.x).toBe(-2560 + 560);
  });

  it('finds its display by its bounds when the id changed (a restart renumbered the displays)', () => {
    const renumbered = { ...rightMonitor, id: 77 };
    expect(restoreWindowState(onMonitor, [laptop, renumbered], laptop).bounds).toEqual({ x: 2000, y: -100, width: 1200, height: 900 });
  });

  it('keeps its share of the screen when its display changed resolution or scale factor', () => {
    // The same monitor switched from 100 % to 200 %: half as many points each way.
    const scaled = display(2, { x: 1440, y: -200, width: 1280, height: 700 }, 2);
    // 1200 x 900 would be 600 x 450 there: grown back to the minimum size, at the same place.
    expect(restoreWindowState(onMonitor, [laptop, scaled], laptop).bounds).toEqual({
      x: 1440 + 280,
      y: -200 + 50,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it('scales a window proportionally onto a display of another size', () => {
    const big = { x: 100, y: 100, width: 1600, height: 1000, display: display(9, { x: 0, y: 0, width: 3200, height: 2000 }) };
    const small = display(9, { x: 0, y: 0, width: 1600, height: 1000 });
    expect(restoreWindowState(big, [small], small).bounds).toEqual({ x: 50, y: 50, width: 800, height: 560 });
  });

  it('lands on the display it overlaps most when its own was unplugged', () => {
    const saved = { ...onMonitor, x: 1300, y: 100, width: 1000, height: 700 }; // mostly on the laptop area's right edge
    const third = display(3, { x: 1440, y: 0, width: 1920, height: 1080 });
    expect(restoreWindowState(saved, [laptop, third], laptop).bounds).toEqual({ x: 1440, y: 100, width: 1000, height: 700 });
  });

  it('moves to the primary display, at the same relative place, when its display was unplugged', () => {
    // The monitor is gone; its window was in the middle of it.
    const saved = { x: 1440 + 640, y: -200 + 350, width: 1280, height: 700, display: rightMonitor };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({
      x: Math.round(640 * (1440 / 2560)),
      y: Math.round(350 * (875 / 1400)),
      width: 800,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it('is never off-screen, whatever the displays', () => {
    const aboveLeft = display(5, { x: -1920, y: -1080, width: 1920, height: 1080 });
    const displays = [laptop, aboveLeft];
    const cases = [
      { x: -5000, y: -5000, width: 900, height: 600, display: rightMonitor },
      { x: 99_999, y: 99_999, width: 900, height: 600, display: aboveLeft },
      { x: 10, y: 10, width: 90_000, height: 90_000, display: laptop },
      { x: -1900, y: -1070, width: 900, height: 600 },
    ];
    for (const saved of cases) {
      const { bounds } = restoreWindowState(saved, displays, laptop);
      const inside = displays.some(
        ({ workArea: a }) =>
          bounds.x >= a.x && bounds.y >= a.y && bounds.x + bounds.width <= a.x + a.width && bounds.y + bounds.height <= a.y + a.height,
      );
      expect(inside, JSON.stringify(saved)).toBe(true);
    }
  });

  it('keeps the window and drops only a damaged display record', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, display: { id: 'two', workArea: null } };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, ...windowed });
  });

  it('ignores a display record whose work area is empty', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, display: { ...rightMonitor, workArea: { x: 0, y: 0, width: 0, height: 0 } } };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
  });
});

describe('createDebouncedWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once, with the latest value, after a quiet period', async () => {
    const write = vi.fn(async (_value: number) => undefined);
    const writer = createDebouncedWriter(write, 500);
    writer.schedule(1);
    vi.advanceTimersByTime(300);
    writer.schedule(2);
    vi.advanceTimersByTime(300);
    writer.schedule(3);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(write.mock.calls).toEqual([[3]]);
  });

  it('flush writes the pending value at once and waits for it', async () => {
    let finished = false;
    const write = vi.fn(async (_value: string) => {
      await Promise.resolve();
      finished = true;
    });
    const writer = createDebouncedWriter(write, 500);
    writer.schedule('closing');
    await writer.flush();
    expect(write.mock.calls).toEqual([['closing']]);
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(write).toHaveBeenCalledTimes(1); // the cancelled timer does not write again
  });

  it('flush with nothing pending writes nothing', async () => {
    const write = vi.fn(async () => undefined);
    await createDebouncedWriter(write, 500).flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('keeps writing after a failed write', async () => {
    const write = vi.fn(async (value: number) => {
      if (value === 1) throw new Error('disk full');
    });
    const writer = createDebouncedWriter(write, 10);
    writer.schedule(1);
    await writer.flush();
    writer.schedule(2);
    await writer.flush();
    expect(write.mock.calls).toEqual([[1], [2]]);
  });

  it('never runs two writes at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const write = async (): Promise<void> => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
    };
    const writer = createDebouncedWriter(write, 10);
    writer.schedule(1);
    await vi.advanceTimersByTimeAsync(20); // first write starts
    writer.schedule(2);
    const flushed = writer.flush(); // second write queued behind the first
    await vi.advanceTimersByTimeAsync(200);
    await flushed;
    expect(maxRunning).toBe(1);
  });
});

describe('readSavedWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keel-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the parsed JSON', async () => {
    await writeFile(path.join(dir, 's.json'), '{"x":1}');
    await expect(readSavedWindowState(path.join(dir, 's.json'))).resolves.toEqual({ x: 1 });
  });

  it('returns undefined for a missing or truncated file', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{"x":1, "wid');
    await expect(readSavedWindowState(path.join(dir, 'bad.json'))).resolves.toBeUndefined();
    await expect(readSavedWindowState(path.join(dir, 'missing.json'))).resolves.toBeUndefined();
  });
});

describe('trackWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keel-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  class FakeWindow extends EventEmitter {
    bounds = { x: 10, y: 20, width: 900, height: 700 };
    maximized = false;
    minimized = false;
    fullScreen = false;
    getNormalBounds = () => ({ ...this.bounds });
    isMaximized = () => this.maximized;
    isMinimized = () => this.minimized;
    isFullScreen = () => this.fullScreen;
    isDestroyed = () => false;
  }

  // Like screen.getDisplayMatching: the display that holds most of the bounds.
  const displayOf = (bounds: Rect): DisplayInfo => (bounds.x >= monitorArea.x ? rightMonitor : laptop);
  const track = (window: FakeWindow, file: string, delayMs: number) =>
    trackWindowState(window as unknown as TrackedWindow, file, displayOf, delayMs);
  const readSaved = (file: string): Promise<unknown> =>
    vi.waitFor(async () => JSON.parse(await readFile(file, 'utf8')) as unknown, { timeout: 2000 });

  it('saves the normal bounds, maximized state and display on close, as JSON that restores', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = track(window, file, 10_000);
    window.bounds = { x: 30, y: 40, width: 1000, height: 750 };
    window.emit('resize');
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    // Written at close, without waiting out the 10 s debounce.
    const saved = await readSaved(file);
    await writer.flush();
    expect(saved).toEqual({ x: 30, y: 40, width: 1000, height: 750, isMaximized: true, isFullScreen: false, display: laptop });
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({
      bounds: { x: 30, y: 40, width: 1000, height: 750 },
      isMaximized: true,
      isFullScreen: false,
    });
  });

  it('remembers the display, so the window follows it when the arrangement changes', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = track(window, file, 10_000);
    window.bounds = { x: 2000, y: -100, width: 1200, height: 900 };
    window.emit('move');
    await writer.flush();
    const saved = await readSaved(file);
    const movedLeft = display(2, { x: -2560, y: -200, width: 2560, height: 1400 });
    expect(restoreWindowState(saved, [laptop, movedLeft], laptop).bounds).toEqual({ x: -2000, y: -100, width: 1200, height: 900 });
  });

  it('keeps the bounds a full-screen window returns to, with the full-screen flag', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = track(window, file, 10_000);
    window.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    window.emit('resize');
    window.fullScreen = true;
    window.bounds = laptopArea; // what a full-screen window reports
    window.emit('enter-full-screen');
    window.emit('resize');
    await writer.flush();
    expect(await readSaved(file)).toMatchObject({ x: 50, y: 60, width: 1000, height: 700, isFullScreen: true });
    window.fullScreen = false;
    window.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    window.emit('leave-full-screen');
    await writer.flush();
    expect(await readSaved(file)).toMatchObject({ x: 50, y: 60, isFullScreen: false });
  });

  it.each(['resize', 'move', 'maximize', 'unmaximize'])('saves once, after the debounce, when the window emits %s', async (event) => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    track(window, file, 20);
    window.emit(event);
    window.bounds = { x: 50, y: 60, width: 1000, height: 750 };
    window.emit(event); // the second event restarts the wait and its bounds win
    expect(await readSaved(file)).toMatchObject({ x: 50, y: 60, width: 1000, height: 750, isMaximized: false });
  });

  it('does not save the bounds of a minimized window', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = track(window, file, 10_000);
    window.minimized = true;
    window.emit('move');
    await writer.flush();
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
