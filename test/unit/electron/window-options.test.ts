import { describe, expect, it } from 'vitest';
import { mainWindowOptions, presenterWindowOptions, secureWebPreferences, windowBackgroundColor } from '../../../electron/window-options.js';
import { PRESENTER_BACKGROUND } from '../../../electron/theme-colors.js';
import { MIN_WINDOW_SIZE } from '../../../electron/window-state.js';

const bounds = { x: 10, y: 20, width: 1000, height: 700 };

describe('window options (security checklist)', () => {
  // Built inside each test, not when the file loads, so mutation testing sees which test reads it.
  const prefs = () => secureWebPreferences('/app/dist-electron/preload.cjs');

  // toEqual, not toMatchObject: a preference added or dropped has to be looked at here.
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs()).toEqual({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('does not weaken web security or enable experimental features', () => {
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs(), key).not.toHaveProperty(key);
    }
  });

  it('builds the main window hidden until ready, with a minimum size and the theme background', () => {
    const options = mainWindowOptions({ bounds, preloadPath: '/p.cjs', prefersDark: true });
    expect(options).toMatchObject({
      ...bounds,
      show: false,
      title: 'Keel',
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      backgroundColor: windowBackgroundColor(true),
    });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });

  it('uses a dark background for dark mode and a light one otherwise', () => {
    const luminance = (hex: string): number => parseInt(hex.slice(1, 3), 16);
    expect(luminance(windowBackgroundColor(true))).toBeLessThan(64);
    expect(luminance(windowBackgroundColor(false))).toBeGreaterThan(192);
  });
});

describe('presenter window options', () => {
  it('uses exactly the secure preferences of the main window', () => {
    const options = presenterWindowOptions({ bounds, fullScreen: true, preloadPath: '/p.cjs', prefersDark: false });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(options).toMatchObject({ ...bounds, fullscreen: true, show: false, backgroundColor: PRESENTER_BACKGROUND.light });
  });

  it('is a window, not full screen, when told so (a single display)', () => {
    expect(presenterWindowOptions({ bounds, fullScreen: false, preloadPath: '/p.cjs', prefersDark: true }).fullscreen).toBe(false);
  });
});
