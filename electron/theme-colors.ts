// The colours a window paints before its page's first frame. Each must equal what the page then
// paints over the whole window, or the window flashes from one colour to the other as it opens.
// test/unit/electron/theme-colors.test.ts reads the renderer's CSS and checks they agree.

export interface ThemeColors {
  light: string;
  dark: string;
}

/** The app's page background: `--bg` in renderer/src/styles/app.css, painted by <body>. */
export const APP_BACKGROUND: ThemeColors = { light: '#f6f7f9', dark: '#12161c' };

/** The presenter's own palette (`--p-bg` in PresenterWindow.svelte): white or black for the room. */
export const PRESENTER_BACKGROUND: ThemeColors = { light: '#ffffff', dark: '#000000' };

/** A report is paper: always white (report.css), whatever the theme. */
export const REPORT_BACKGROUND = '#ffffff';

export function themeColor(colors: ThemeColors, prefersDark: boolean): string {
  return prefersDark ? colors.dark : colors.light;
}
