import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The renderer and the participant page import the protocol's constants at run time: the module
// must bring nothing with it (zod's schemas live in device-schemas.ts, for the server only).
describe('electron/room/protocol.ts', () => {
  it('imports types only', () => {
    const source = readFileSync(new URL('../../../../electron/room/protocol.ts', import.meta.url), 'utf8');
    const imports = source.split('\n').filter((line) => /^import\b/.test(line));
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^import type\b/);
  });
});
