import { routeHref } from '../state/routes';
import { bridge } from './files';

// The presenter window and the display that does not sleep: through the Electron bridge when
// it is there (a second BrowserWindow on the second display; the power-save blocker), otherwise
// with the browser's own means (a named window; the Screen Wake Lock API).

/** The browser window's name: a second click finds and focuses it rather than opening another. */
export const PRESENTER_WINDOW_NAME = 'keel-presenter';

let opened: Window | null = null;

export function presenterUrl(programId: string, sessionId: string): string {
  return `${location.pathname}${location.search}${routeHref({ name: 'present', programId, sessionId })}`;
}

/** Opens the presenter window, or brings it forward; false when the browser blocked it. */
export async function openPresenterWindow(programId: string, sessionId: string): Promise<boolean> {
  const keel = bridge();
  if (keel) return keel.openPresenter(programId, sessionId);
  // Not noopener: the name has to find the window again. The route is the app's own, same origin.
  opened = window.open(presenterUrl(programId, sessionId), PRESENTER_WINDOW_NAME, 'popup,width=1280,height=720');
  opened?.focus();
  return opened !== null;
}

export async function closePresenterWindow(): Promise<void> {
  const keel = bridge();
  if (keel) return keel.closePresenter();
  if (opened && !opened.closed) opened.close();
  opened = null;
}

/** Whether the display is kept awake: 'unavailable' where neither Electron nor the browser can, 'refused' when the browser said no. */
export type AwakeStatus = 'on' | 'unavailable' | 'refused';

export interface AwakeHold {
  readonly status: AwakeStatus;
  release(): void;
}

/**
 * Keeps the display awake until released. In the browser a wake lock ends whenever the page is
 * hidden, so it is asked for again each time the page shows. `browserOnly`: in Electron, leave it
 * to main (it holds the blocker while the presenter window is open).
 */
export async function holdDisplayAwake(browserOnly = false): Promise<AwakeHold> {
  const keel = bridge();
  if (keel && browserOnly) return { status: 'on', release: () => undefined };
  if (keel) {
    const held = await keel.keepDisplayAwake(true).catch(() => false);
    return { status: held ? 'on' : 'refused', release: () => void keel.keepDisplayAwake(false).catch(() => undefined) };
  }
  const wakeLock = typeof navigator === 'undefined' ? undefined : navigator.wakeLock;
  if (!wakeLock) return { status: 'unavailable', release: () => undefined };
  let sentinel: WakeLockSentinel | undefined;
  let released = false;
  const request = async (): Promise<boolean> => {
    try {
      const next = await wakeLock.request('screen');
      if (released) void next.release();
      else sentinel = next;
      return true;
    } catch {
      return false;
    }
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible' && !released) void request();
  };
  const held = await request();
  document.addEventListener('visibilitychange', onVisible);
  return {
    status: held ? 'on' : 'refused',
    release() {
      released = true;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release().catch(() => undefined);
      sentinel = undefined;
    },
  };
}
