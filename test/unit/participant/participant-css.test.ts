import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The participant page copies a few of the app's colour tokens (it does not load the app's CSS):
// each copy must be the app's own value, in light and in dark.
const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../../../renderer/src', file), 'utf8');

/** The custom properties of the first block that follows `opening`. */
function tokens(css: string, opening: string): Map<string, string> {
  const start = css.indexOf(opening);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('the participant page’s colour tokens', () => {
  const app = read('styles/app.css');
  const page = read('participant/participant.css');

  it.each([
    ['light', ':root {', ':root {'],
    ['dark', ":root[data-theme='dark'] {", '@media (prefers-color-scheme: dark) {\n  :root {'],
  ])('are the app’s in %s', (_scheme, appBlock, pageBlock) => {
    const ours = tokens(page, pageBlock);
    const theirs = tokens(app, appBlock);
    expect(ours.size).toBeGreaterThan(10);
    for (const [name, value] of ours) expect(`${name}: ${value}`).toBe(`${name}: ${theirs.get(name)}`);
  });
});
