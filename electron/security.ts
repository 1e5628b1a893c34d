// Navigation, new-window, webview and permission guards, and the URL allowlists they use.
// Pure apart from the guards' wiring: Electron types are imported as types only, so this module
// runs under plain Node in unit tests.
import type { App, Session, WebContents } from 'electron';

/** The one origin the app's own content is served from (see protocol-paths.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'keel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Hosts whose https pages may open in the system browser. Empty: Keel links to no page outside
 * itself yet. When it needs one (an issue tracker the project owns, its documentation), its host
 * goes here; anything the renderer (or a crafted document) asks to open must be on this list.
 */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set<string>();

function parseUrl(url: unknown): URL | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for app://keel/... URLs (parsed, never prefix-matched: "app://keel.evil" fails). */
export function isInternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True only for https URLs on an allowlisted host, without credentials or a custom port. */
export function isAllowedExternalUrl(url: unknown, allowlist: ReadonlySet<string> = EXTERNAL_HOST_ALLOWLIST): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === 'https:' &&
    allowlist.has(parsed.hostname) &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The session a presenter window shows (the route #/present/<programId>/<sessionId>). */
export interface PresenterRoute {
  programId: string;
  sessionId: string;
}

/** The session a URL of Keel's presenter route shows; undefined for any other URL (or another origin). */
export function presenterRouteOf(url: string): PresenterRoute | undefined {
  if (!isInternalUrl(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.pathname !== '/index.html' || parsed.search !== '') return undefined;
  const match = /^#\/present\/([^/]+)\/([^/]+)$/.exec(parsed.hash);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { programId: decodeURIComponent(match[1]), sessionId: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}

/** Every web permission (camera, notifications, geolocation...) is refused: Keel needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Opens `url` in the system browser when it is on the allowlist. Returns whether it was opened,
 * so callers (IPC, menu) can report a refusal instead of failing silently.
 */
export async function openExternalIfAllowed(
  url: unknown,
  openExternal: OpenExternal,
  allowlist: ReadonlySet<string> = EXTERNAL_HOST_ALLOWLIST,
): Promise<boolean> {
  if (typeof url !== 'string' || !isAllowedExternalUrl(url, allowlist)) return false;
  await openExternal(url);
  return true;
}

/** Opens (or brings forward) Keel's own presenter window on a session. */
export type OpenPresenter = (route: PresenterRoute) => void;

/**
 * Stops a webContents from leaving app://keel: navigations and redirects elsewhere are
 * cancelled, every window.open is denied (allowlisted https links go to the system browser
 * instead; Keel's own presenter route opens the presenter window, made by main with the same
 * guards), and <webview> cannot be attached.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: OpenExternal,
  allowlist: ReadonlySet<string> = EXTERNAL_HOST_ALLOWLIST,
  openPresenter?: OpenPresenter,
): void {
  contents.on('will-navigate', (event) => {
    if (!isInternalUrl(event.url)) event.preventDefault();
  });
  // Subframes too: an iframe must not be steered to a remote page either.
  contents.on('will-frame-navigate', (event) => {
    if (!isInternalUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isInternalUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const presenter = openPresenter ? presenterRouteOf(url) : undefined;
    if (presenter) {
      openPresenter?.(presenter);
      return { action: 'deny' };
    }
    // Fire and forget: the handler must answer synchronously, and a refused or failed
    // openExternal has nothing to report back to window.open.
    void openExternalIfAllowed(url, openExternal, allowlist).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check in a session. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  // WebHID/WebUSB/Web Serial device access.
  session.setDevicePermissionHandler(() => false);
}

/**
 * Guards every webContents the app ever creates (windows, devtools, anything a future feature
 * adds), and each session they use, as soon as it exists.
 */
export function guardAllWebContents(app: App, openExternal: OpenExternal, openPresenter?: OpenPresenter): void {
  const guardedSessions = new WeakSet<Session>();
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, openExternal, EXTERNAL_HOST_ALLOWLIST, openPresenter);
    if (!guardedSessions.has(contents.session)) {
      guardedSessions.add(contents.session);
      guardSession(contents.session);
    }
  });
}
