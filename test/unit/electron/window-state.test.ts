import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDebouncedWriter,
  DEFAULT_WINDOW_SIZE,
  defaultBounds,
  MIN_WINDOW_SIZE,
  readSavedWindowState,
  restoreBounds,
  trackWindowState,
  type Rect,
} from '../../../electron/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 }; // work area below a menu bar
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
const centredDefault = defaultBounds(laptop);

describe('defaultBounds', () => {
  it('centres the default size in the primary work area', () => {
    expect(centredDefault).toEqual({ x: 80, y: 28, width: 1280, height: 820 });
  });

  it('shrinks to fit a small screen', () => {
    expect(defaultBounds({ x: 0, y: 0, width: 1024, height: 600 })).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });
});

describe('restoreBounds', () => {
  it('restores a window that is fully visible', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      isMaximized: false,
    });
  });

  it('restores the maximized flag', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 900, height: 600, isMaximized: true }, [laptop], laptop).isMaximized).toBe(
      true,
    );
  });

  it('restores onto a second monitor, including negative coordinates', () => {
    const saved = { x: 2000, y: -100, width: 1200, height: 900 };
    expect(restoreBounds(saved, [laptop, rightMonitor], laptop).bounds).toEqual({ x: 2000, y: -100, width: 1200, height: 900 });
  });

  it('falls back to the default when the saved window is on a monitor that is gone', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({ bounds: centredDefault, isMaximized: false });
  });

  it('falls back when only a sliver would be visible', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600 }; // 40 px on screen
    expect(restoreBounds(saved, [laptop], laptop).bounds).toEqual(centredDefault);
  });

  it('pulls a partly off-screen window fully onto the display', () => {
    const saved = { x: 1000, y: 500, width: 800, height: 600 };
    expect(restoreBounds(saved, [laptop], laptop).bounds).toEqual({ x: 640, y: 275, width: 800, height: 600 });
  });

  it('pulls a window whose title bar is above the screen back down', () => {
    const saved = { x: 100, y: -300, width: 900, height: 700 };
    expect(restoreBounds(saved, [laptop], laptop).bounds).toEqual({ x: 100, y: 0, width: 900, height: 700 });
  });

  it('shrinks a window larger than the display it is on', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000 };
    expect(restoreBounds(saved, [laptop], laptop).bounds).toEqual(laptop);
  });

  it('grows a window below the minimum size', () => {
    const saved = { x: 10, y: 10, width: 300, height: 200 };
    expect(restoreBounds(saved, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 10,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it('picks the display the window overlaps most', () => {
    const saved = { x: 1300, y: 100, width: 1000, height: 700 }; // 140 px on the laptop, 860 px on the monitor
    expect(restoreBounds(saved, [laptop, rightMonitor], laptop).bounds).toEqual({ x: 1440, y: 100, width: 1000, height: 700 });
  });

  it('rounds fractional values from scaled displays', () => {
    expect(restoreBounds({ x: 10.4, y: 10.6, width: 900.5, height: 600.2 }, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 11,
      width: 901,
      height: 600,
    });
  });

  it('ignores unknown keys written by a newer version', () => {
    expect(restoreBounds({ x: 5, y: 5, width: 900, height: 600, displayId: 3 }, [laptop], laptop).bounds).toEqual({
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
  ])('falls back to the default for corrupt state: %s', (_name, saved) => {
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({ bounds: centredDefault, isMaximized: false });
  });

  it('falls back when there are no displays at all', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 900, height: 600 }, [], laptop).bounds).toEqual(centredDefault);
  });

  it('uses the default size constant', () => {
    expect(centredDefault.width).toBe(DEFAULT_WINDOW_SIZE.width);
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
    getNormalBounds = () => ({ ...this.bounds });
    isMaximized = () => this.maximized;
    isMinimized = () => this.minimized;
    isFullScreen = () => false;
    isDestroyed = () => false;
  }

  it('saves the normal bounds and maximized state on close, as JSON that restores', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = trackWindowState(window as unknown as BrowserWindow, file, 10_000);
    window.bounds = { x: 30, y: 40, width: 1000, height: 750 };
    window.emit('resize');
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    // Written at close, without waiting out the 10 s debounce.
    const saved: unknown = await vi.waitFor(async () => JSON.parse(await readFile(file, 'utf8')) as unknown, {
      timeout: 2000,
    });
    await writer.flush();
    expect(saved).toEqual({ x: 30, y: 40, width: 1000, height: 750, isMaximized: true });
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({
      bounds: { x: 30, y: 40, width: 1000, height: 750 },
      isMaximized: true,
    });
  });

  it.each(['resize', 'move', 'maximize', 'unmaximize'])('saves once, after the debounce, when the window emits %s', async (event) => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    trackWindowState(window as unknown as BrowserWindow, file, 20);
    window.emit(event);
    window.bounds = { x: 50, y: 60, width: 1000, height: 750 };
    window.emit(event); // the second event restarts the wait and its bounds win
    const saved: unknown = await vi.waitFor(async () => JSON.parse(await readFile(file, 'utf8')) as unknown, { timeout: 2000 });
    expect(saved).toEqual({ x: 50, y: 60, width: 1000, height: 750, isMaximized: false });
  });

  it('does not save the bounds of a minimized window', async () => {
    const window = new FakeWindow();
    const file = path.join(dir, 'window-state.json');
    const writer = trackWindowState(window as unknown as BrowserWindow, file, 10_000);
    window.minimized = true;
    window.emit('move');
    await writer.flush();
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
