// The colour each window paints before its first frame must be the colour its page paints over
// the whole window in the same theme; otherwise the window visibly changes colour as it opens.
// These read the renderer's own CSS, so a palette change that forgets the window fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_BACKGROUND, PRESENTER_BACKGROUND, REPORT_BACKGROUND } from '../../../electron/theme-colors.js';

const read = (file: string): string => readFileSync(new URL(`../../../renderer/src/${file}`, import.meta.url), 'utf8');

interface Declaration {
  /** The selectors and at-rules the declaration sits in, outermost first. */
  context: string[];
  value: string;
}

/** Every declaration of `property`, with the blocks around it (comments removed). */
function declarations(css: string, property: string): Declaration[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: Declaration[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      stack.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (char === '}') {
      stack.pop();
      start = i + 1;
    } else if (char === ';') {
      const declaration = text.slice(start, i).trim();
      const colon = declaration.indexOf(':');
      if (colon > 0 && declaration.slice(0, colon).trim() === property) {
        found.push({ context: [...stack], value: declaration.slice(colon + 1).trim() });
      }
      start = i + 1;
    }
  }
  return found;
}

/** #abc and #AABBCC as #aabbcc. */
function hex(value: string): string {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) throw new Error(`not a hex colour: ${value}`);
  const digits = match[1]!.toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

/** The light and dark values of a colour variable, written per block or as light-dark(). */
function themeValues(css: string, variable: string): { light: string[]; dark: string[] } {
  const light: string[] = [];
  const dark: string[] = [];
  for (const { context, value } of declarations(css, variable)) {
    const pair = /^light-dark\(\s*([^,]+),\s*([^)]+)\)$/.exec(value);
    if (pair) {
      light.push(hex(pair[1]!));
      dark.push(hex(pair[2]!));
    } else if (context.some((block) => /dark/.test(block.replace(/\[data-theme=['"]?light['"]?\]/g, '')))) {
      dark.push(hex(value));
    } else {
      light.push(hex(value));
    }
  }
  return { light, dark };
}

function svelteStyle(file: string): string {
  const source = read(file);
  const style = /<style>([\s\S]*?)<\/style>/.exec(source);
  if (!style) throw new Error(`${file} has no <style>`);
  return style[1]!;
}

describe('window backgrounds agree with the pages they show', () => {
  it('the main window paints the app background, --bg, of each theme', () => {
    const { light, dark } = themeValues(read('styles/app.css'), '--bg');
    expect(light.length).toBeGreaterThan(0);
    expect(dark.length).toBeGreaterThan(0);
    expect(new Set(light)).toEqual(new Set([APP_BACKGROUND.light]));
    expect(new Set(dark)).toEqual(new Set([APP_BACKGROUND.dark]));
  });

  it('the page paints --bg on body and nothing else on html, so the whole window is --bg', () => {
    const backgrounds = [...declarations(read('styles/app.css'), 'background'), ...declarations(read('styles/app.css'), 'background-color')];
    const onRoot = backgrounds.filter(({ context }) => /^(html|body|:root)\b/.test(context.at(-1)?.split(',')[0]?.trim() ?? ''));
    expect(onRoot.length).toBeGreaterThan(0);
    for (const { value } of onRoot) expect(value).toBe('var(--bg)');
  });

  it('the presenter window paints the presenter palette, --p-bg, of each theme', () => {
    const { light, dark } = themeValues(svelteStyle('views/sessions/presenter/PresenterWindow.svelte'), '--p-bg');
    expect(new Set(light)).toEqual(new Set([PRESENTER_BACKGROUND.light]));
    expect(new Set(dark)).toEqual(new Set([PRESENTER_BACKGROUND.dark]));
  });

  it('the report window paints paper white, as the report does in any theme', () => {
    const reportRule = declarations(read('views/report/report.css'), 'background').find(({ context }) => context.at(-1) === '.report');
    expect(reportRule && hex(reportRule.value)).toBe(REPORT_BACKGROUND);
  });
});

describe('the CSS reader used above', () => {
  it('tells the light and dark values apart, in blocks or with light-dark()', () => {
    const css = `:root { --bg: #fff; }
      @media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { --bg: #000; } }
      :root[data-theme='dark'] { --bg: #000000; }
      /* --bg: #123456; */`;
    expect(themeValues(css, '--bg')).toEqual({ light: ['#ffffff'], dark: ['#000000', '#000000'] });
    expect(themeValues(':root { --bg: light-dark(#F6F7F9, #12161c); }', '--bg')).toEqual({ light: ['#f6f7f9'], dark: ['#12161c'] });
  });
});
