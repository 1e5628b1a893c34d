import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  DisplayAwakeKeeper,
  presenterPlacement,
  PresenterWindows,
  presenterUrl,
  type DisplayInfo,
  type Placement,
  type PresenterWindowLike,
} from '../../../electron/presenter-window.js';

const laptop: DisplayInfo = { id: 10, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const projector: DisplayInfo = { id: 20, bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, workArea: { x: 1440, y: 0, width: 1920, height: 1050 } };
const wall: DisplayInfo = { id: 30, bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1080 } };

describe('presenterPlacement', () => {
  it('puts the presenter full screen on a display that is not the primary one', () => {
    expect(presenterPlacement([laptop, projector], laptop)).toEqual({ displayId: 20, bounds: projector.bounds, fullScreen: true });
    // The primary display may be listed anywhere; the first other one is the projector.
    expect(presenterPlacement([projector, laptop, wall], laptop).displayId).toBe(20);
    expect(presenterPlacement([laptop, projector], projector).displayId).toBe(10);
  });

  it('opens a window on the primary display, inside its work area, when it is the only one', () => {
    const placement = presenterPlacement([laptop], laptop);
    expect(placement.fullScreen).toBe(false);
    expect(placement.displayId).toBe(10);
    expect(placement.bounds).toEqual({ x: 80, y: 103, width: 1280, height: 720 });
  });

  it('shrinks the window to a small screen', () => {
    const small: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1024, height: 600 }, workArea: { x: 0, y: 0, width: 1024, height: 560 } };
    expect(presenterPlacement([small], small).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 560 });
  });
});

describe('presenterUrl', () => {
  it("is the app's own presenter route, ids encoded", () => {
    expect(presenterUrl({ programId: 'a/b', sessionId: 's#1' })).toBe('app://keel/index.html#/present/a%2Fb/s%231');
  });
});

class FakeWindow extends EventEmitter implements PresenterWindowLike {
  static nextId = 100;
  readonly webContents = { id: FakeWindow.nextId++ };
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  setFullScreen = vi.fn();
  setBounds = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(readonly placement: Placement) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function setup(displays: DisplayInfo[] = [laptop]) {
  const screen = Object.assign(new EventEmitter(), {
    displays,
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => laptop,
  });
  const windows: FakeWindow[] = [];
  const onOpenChange = vi.fn();
  const presenter = new PresenterWindows({
    screen,
    createWindow: (placement) => {
      const window = new FakeWindow(placement);
      windows.push(window);
      return window;
    },
    onOpenChange,
  });
  return { screen, windows, presenter, onOpenChange };
}

describe('PresenterWindows', () => {
  it('opens one window on the session, shown when ready, and brings it forward on the next open', () => {
    const { windows, presenter, onOpenChange } = setup([laptop, projector]);
    presenter.open({ programId: 'p', sessionId: 's' });
    const [window] = windows;
    expect(window?.placement.fullScreen).toBe(true);
    expect(window?.loadURL).toHaveBeenCalledWith('app://keel/index.html#/present/p/s');
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(presenter.contentsId).toBe(window?.webContents.id);

    presenter.open({ programId: 'p', sessionId: 's' });
    expect(windows).toHaveLength(1);
    expect(window?.focus).toHaveBeenCalled();
    expect(window?.loadURL).toHaveBeenCalledTimes(1); // same session: not reloaded

    presenter.open({ programId: 'p', sessionId: 'other' });
    expect(window?.loadURL).toHaveBeenLastCalledWith('app://keel/index.html#/present/p/other');
  });

  it('moves to a display plugged in mid-session, full screen, and back to a window when it is unplugged', () => {
    const { screen, windows, presenter } = setup([laptop]);
    presenter.open({ programId: 'p', sessionId: 's' });
    const [window] = windows;
    expect(window?.placement.fullScreen).toBe(false);

    screen.displays = [laptop, projector];
    screen.emit('display-added');
    expect(window?.setBounds).toHaveBeenLastCalledWith(projector.bounds);
    expect(window?.setFullScreen).toHaveBeenLastCalledWith(true);
    // Full screen is left before the move: a full-screen window cannot change display.
    expect(window?.setFullScreen.mock.invocationCallOrder[0]).toBeLessThan(window?.setBounds.mock.invocationCallOrder[0] ?? 0);

    screen.displays = [laptop];
    screen.emit('display-removed');
    expect(window?.setFullScreen).toHaveBeenLastCalledWith(false);
    expect(window?.setBounds).toHaveBeenLastCalledWith(presenterPlacement([laptop], laptop).bounds);
  });

  it('stops following displays once closed, and opens afresh after', () => {
    const { screen, windows, presenter, onOpenChange } = setup([laptop]);
    presenter.open({ programId: 'p', sessionId: 's' });
    presenter.close();
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(presenter.isOpen).toBe(false);
    expect(screen.listenerCount('display-added')).toBe(0);
    expect(screen.listenerCount('display-removed')).toBe(0);
    presenter.close(); // closing twice is harmless
    expect(windows[0]?.close).toHaveBeenCalledTimes(1);
    presenter.open({ programId: 'p', sessionId: 's' });
    expect(windows).toHaveLength(2);
  });
});

describe('DisplayAwakeKeeper', () => {
  function blocker() {
    let next = 1;
    return { start: vi.fn((_type: 'prevent-display-sleep') => next++), stop: vi.fn() };
  }

  it('starts one blocker for the first reason and stops it when the last reason goes', () => {
    const power = blocker();
    const keeper = new DisplayAwakeKeeper(power);
    keeper.hold('window:1', true);
    keeper.hold('presenter', true);
    keeper.hold('window:1', true);
    expect(power.start).toHaveBeenCalledTimes(1);
    expect(power.start).toHaveBeenCalledWith('prevent-display-sleep');
    keeper.hold('window:1', false);
    expect(power.stop).not.toHaveBeenCalled();
    keeper.hold('presenter', false);
    expect(power.stop).toHaveBeenCalledWith(1);
    expect(keeper.isKeepingAwake).toBe(false);
  });

  it('ignores a release it never held, and starts again after stopping', () => {
    const power = blocker();
    const keeper = new DisplayAwakeKeeper(power);
    keeper.hold('window:1', false);
    expect(power.stop).not.toHaveBeenCalled();
    keeper.hold('window:1', true);
    keeper.hold('window:1', false);
    keeper.hold('window:1', true);
    expect(power.start).toHaveBeenCalledTimes(2);
    expect(keeper.isKeepingAwake).toBe(true);
  });
});
