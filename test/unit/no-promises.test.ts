// The app's words point only at what exists: a sentence that names a feature Keel does not
// have yet sends a user looking for it. (Room mode was listed here until issue 16 built it.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Features named in the roadmap that the app does not have yet. */
const NOT_YET: RegExp[] = [];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|svelte|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('the app names only features it has', () => {
  it('no text in the renderer promises a feature that does not exist', () => {
    const found = sources('renderer').flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (NOT_YET.some((p) => p.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
