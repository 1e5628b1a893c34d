// Options for Keel's windows. Pure, so the security settings are asserted by a unit test
// (see "Security" in README.md).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_BACKGROUND, PRESENTER_BACKGROUND, themeColor } from './theme-colors.js';
import { MIN_WINDOW_SIZE, type Rect } from './window-state.js';

/** Painted before the renderer's first frame, so a dark-mode user sees no white flash. */
export function windowBackgroundColor(prefersDark: boolean): string {
  return themeColor(APP_BACKGROUND, prefersDark);
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webviewTag: false,
    // A file dropped on the window must not replace the app (will-navigate blocks it too).
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // webSecurity, allowRunningInsecureContent, experimentalFeatures and enableBlinkFeatures are
    // deliberately left at their safe defaults.
  };
}

export function mainWindowOptions(options: {
  bounds: Rect;
  preloadPath: string;
  prefersDark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Keel',
    show: false, // shown on ready-to-show, so the window never appears blank
    backgroundColor: windowBackgroundColor(options.prefersDark),
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

/** The presenter window: the same secure preferences, placed where presenterPlacement says. */
export function presenterWindowOptions(options: {
  bounds: Rect;
  fullScreen: boolean;
  preloadPath: string;
  prefersDark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    fullscreen: options.fullScreen,
    title: 'Keel presenter',
    show: false,
    autoHideMenuBar: true,
    // Its page paints its own black-or-white palette, not the app's background.
    backgroundColor: themeColor(PRESENTER_BACKGROUND, options.prefersDark),
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}
