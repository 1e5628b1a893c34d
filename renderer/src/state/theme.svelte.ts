// The app's colour theme: follow the OS, or always light or always dark. The choice is a
// preference (it survives a reload and follows into every window); the palette in use is put on
// <html data-theme="light|dark">, which app.css and the canvas drawings read.
import { THEME_CHOICES, type ThemeChoice } from '../../../electron/ipc-contract';
import { oneOf, preference } from './preferences.svelte';

export type Palette = 'light' | 'dark';

/** The palette a choice gives when the OS is (or is not) in dark mode. */
export function paletteFor(choice: ThemeChoice, osDark: boolean): Palette {
  if (choice === 'system') return osDark ? 'dark' : 'light';
  return choice;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

class Theme {
  readonly choice = preference<ThemeChoice>('keel.theme', oneOf(THEME_CHOICES), 'system');
  private osDark = $state(false);

  constructor() {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const media = window.matchMedia(DARK_QUERY);
    this.osDark = media.matches;
    // The app lives as long as the window: no need to stop listening.
    media.addEventListener('change', () => (this.osDark = media.matches));
  }

  /** The palette in use now. */
  get palette(): Palette {
    return paletteFor(this.choice.value, this.osDark);
  }

  get isDark(): boolean {
    return this.palette === 'dark';
  }

  set(choice: ThemeChoice): void {
    this.choice.set(choice);
  }
}

/** One per window: every view reads the same theme. */
export const theme = new Theme();

/**
 * Puts the palette on <html> now (before the first paint: main.ts calls this before mounting)
 * and whenever the choice or the OS changes. Exports that draw in the light palette set
 * data-theme themselves for a moment and put back what they found.
 */
export function applyTheme(root: HTMLElement = document.documentElement): () => void {
  root.dataset.theme = theme.palette;
  return $effect.root(() => {
    // Before other effects, so a canvas that redraws on a theme change reads the new colours.
    $effect.pre(() => {
      root.dataset.theme = theme.palette;
    });
  });
}
