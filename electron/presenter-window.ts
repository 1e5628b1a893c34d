// The presenter window (a second window for the projector) and the display that does not sleep
// while a session runs. Decisions are pure functions; the two small classes take Electron's
// screen, windows and power-save blocker as arguments, so unit tests drive them with fakes.
import { APP_START_URL, type PresenterRoute } from './security.js';
import { defaultBounds, type DisplayInfo, type Rect, type Size } from './window-state.js';

export type { DisplayInfo, PresenterRoute };

/** A windowed presenter (on the laptop's own screen): large enough to read, not full screen. */
export const PRESENTER_WINDOW_SIZE: Size = { width: 1280, height: 720 };

export interface Placement {
  displayId: number;
  bounds: Rect;
  /** Full screen on a second display; a window on the only one, so the facilitator's stays reachable. */
  fullScreen: boolean;
}

/**
 * Where the presenter goes: full screen on a display that is not the primary one (the projector)
 * when there is one, otherwise a window on the primary display.
 */
export function presenterPlacement(displays: readonly DisplayInfo[], primary: DisplayInfo): Placement {
  const second = displays.find((display) => display.id !== primary.id);
  if (second) return { displayId: second.id, bounds: second.bounds, fullScreen: true };
  return { displayId: primary.id, bounds: defaultBounds(primary.workArea, PRESENTER_WINDOW_SIZE), fullScreen: false };
}

export function presenterUrl(route: PresenterRoute): string {
  return `${APP_START_URL}#/present/${encodeURIComponent(route.programId)}/${encodeURIComponent(route.sessionId)}`;
}

/** The parts of a BrowserWindow the presenter uses. */
export interface PresenterWindowLike {
  readonly webContents: { readonly id: number };
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  setFullScreen(flag: boolean): void;
  setBounds(bounds: Rect): void;
  show(): void;
  focus(): void;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** The parts of Electron's screen module the presenter uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
  on(event: 'display-added' | 'display-removed', listener: () => void): unknown;
  removeListener(event: 'display-added' | 'display-removed', listener: () => void): unknown;
}

export interface PresenterWindowsOptions {
  createWindow(placement: Placement): PresenterWindowLike;
  screen: ScreenLike;
  /** Told when the window opens (true) and closes (false). */
  onOpenChange?(open: boolean): void;
}

/**
 * The one presenter window: opened on the projector, brought forward (and pointed at the
 * session asked for) when it is already open, and moved when a display is plugged in or out.
 */
export class PresenterWindows {
  private window: PresenterWindowLike | undefined;
  private url = '';
  private readonly replace = (): void => this.place();

  constructor(private readonly options: PresenterWindowsOptions) {}

  get isOpen(): boolean {
    return this.window !== undefined && !this.window.isDestroyed();
  }

  /** The webContents id of the presenter window, while it is open. */
  get contentsId(): number | undefined {
    return this.isOpen ? this.window?.webContents.id : undefined;
  }

  open(route: PresenterRoute): void {
    const url = presenterUrl(route);
    const existing = this.window;
    if (existing && !existing.isDestroyed()) {
      if (url !== this.url) void existing.loadURL(url).catch(() => undefined);
      this.url = url;
      existing.show();
      existing.focus();
      return;
    }
    const placement = this.currentPlacement();
    const window = this.options.createWindow(placement);
    this.window = window;
    this.url = url;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.window !== window) return;
      this.window = undefined;
      this.options.screen.removeListener('display-added', this.replace);
      this.options.screen.removeListener('display-removed', this.replace);
      this.options.onOpenChange?.(false);
    });
    this.options.screen.on('display-added', this.replace);
    this.options.screen.on('display-removed', this.replace);
    this.options.onOpenChange?.(true);
    void window.loadURL(url).catch((error: unknown) => console.error('Keel could not load the presenter window:', error));
  }

  close(): void {
    if (this.isOpen) this.window?.close();
  }

  private currentPlacement(): Placement {
    return presenterPlacement(this.options.screen.getAllDisplays(), this.options.screen.getPrimaryDisplay());
  }

  /** Moves the open window where it belongs now (a projector plugged in or out mid-session). */
  private place(): void {
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    const placement = this.currentPlacement();
    // Leave full screen first: a full-screen window cannot be moved to another display.
    window.setFullScreen(false);
    window.setBounds(placement.bounds);
    if (placement.fullScreen) window.setFullScreen(true);
  }
}

/** The parts of Electron's powerSaveBlocker used here. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
}

/**
 * Keeps the display awake while anyone needs it: a window running a session (until it says the
 * session ended, or it closes) or the presenter window while it is open. One blocker for all.
 */
export class DisplayAwakeKeeper {
  private readonly reasons = new Set<string>();
  private blockerId: number | undefined;

  constructor(private readonly blocker: PowerSaveBlockerLike) {}

  get isKeepingAwake(): boolean {
    return this.blockerId !== undefined;
  }

  hold(reason: string, on: boolean): void {
    if (on) this.reasons.add(reason);
    else this.reasons.delete(reason);
    if (this.reasons.size > 0 && this.blockerId === undefined) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
    } else if (this.reasons.size === 0 && this.blockerId !== undefined) {
      this.blocker.stop(this.blockerId);
      this.blockerId = undefined;
    }
  }
}
