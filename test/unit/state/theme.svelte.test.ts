import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paletteFor } from '../../../renderer/src/state/theme.svelte';

/** A matchMedia whose "dark" answer the test changes, as the OS would. */
function fakeDarkMode(initiallyDark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: initiallyDark,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => media);
  return (dark: boolean) => {
    media.matches = dark;
    for (const listener of listeners) listener();
  };
}

/** The theme module as a fresh window (a reload, a second window) loads it, with its Svelte runtime. */
let flushSync: () => void = () => undefined;
async function loadTheme() {
  vi.resetModules();
  flushSync = (await import('svelte')).flushSync;
  return import('../../../renderer/src/state/theme.svelte');
}

let stop: (() => void) | undefined;
beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.unstubAllGlobals();
});

describe('paletteFor', () => {
  it('follows the OS only when the choice is to follow it', () => {
    expect(paletteFor('system', true)).toBe('dark');
    expect(paletteFor('system', false)).toBe('light');
    expect(paletteFor('light', true)).toBe('light');
    expect(paletteFor('dark', false)).toBe('dark');
  });
});

describe('the theme on <html>', () => {
  it('follows the system at first, and the OS when it changes', async () => {
    const setOsDark = fakeDarkMode(true);
    const { applyTheme, theme } = await loadTheme();
    stop = applyTheme();
    expect(theme.choice.value).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('dark'); // at once, before any effect runs
    setOsDark(false);
    flushSync();
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('switches to light, to dark and back to the system, whatever the OS says', async () => {
    const setOsDark = fakeDarkMode(false);
    const { applyTheme, theme } = await loadTheme();
    stop = applyTheme();
    theme.set('dark');
    flushSync();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(theme.isDark).toBe(true);
    setOsDark(true);
    theme.set('light');
    flushSync();
    expect(document.documentElement.dataset.theme).toBe('light');
    theme.set('system');
    flushSync();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('survives a reload: the next start draws in the chosen palette from the first frame', async () => {
    fakeDarkMode(false);
    (await loadTheme()).theme.set('dark');
    delete document.documentElement.dataset.theme;
    const { applyTheme } = await loadTheme();
    stop = applyTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('follows a choice made in another window (the storage event)', async () => {
    fakeDarkMode(false);
    const { applyTheme } = await loadTheme();
    stop = applyTheme();
    localStorage.setItem('keel.theme', JSON.stringify('dark'));
    window.dispatchEvent(new StorageEvent('storage', { key: 'keel.theme' }));
    flushSync();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('ignores a stored value that is not a theme', async () => {
    fakeDarkMode(false);
    localStorage.setItem('keel.theme', JSON.stringify('purple'));
    const { applyTheme, theme } = await loadTheme();
    stop = applyTheme();
    expect(theme.choice.value).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
