import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract.js';
import {
  MAX_SAVE_BYTES,
  OpenExternalArgsSchema,
  OpenFileArgsSchema,
  OpenFileRequestSchema,
  parseIpcArgs,
  SaveFileArgsSchema,
  SaveFileRequestSchema,
} from '../../../electron/ipc-schemas.js';

const valid = { kind: 'keel-json', suggestedName: 'Support bot.keel.json', data: '{"format":"keel"}' };

describe('SaveFileRequestSchema', () => {
  it('accepts text for text kinds and bytes for binary kinds', () => {
    expect(SaveFileRequestSchema.parse(valid)).toEqual(valid);
    for (const kind of ['markdown', 'csv', 'svg']) {
      expect(SaveFileRequestSchema.safeParse({ ...valid, kind }).success, kind).toBe(true);
    }
    for (const kind of ['png', 'pdf']) {
      expect(SaveFileRequestSchema.safeParse({ ...valid, kind, data: new Uint8Array([1, 2, 3]) }).success, kind).toBe(
        true,
      );
    }
    // Node Buffers are Uint8Arrays too.
    expect(SaveFileRequestSchema.safeParse({ ...valid, kind: 'pdf', data: Buffer.from('%PDF') }).success).toBe(true);
  });

  it.each([
    ['an extra key', { ...valid, path: '/etc/passwd' }],
    ['a missing key', { kind: 'csv', suggestedName: 'x.csv' }],
    ['an unknown kind', { ...valid, kind: 'exe' }],
    ['a kind of the wrong type', { ...valid, kind: 1 }],
    ['a name of the wrong type', { ...valid, suggestedName: ['a'] }],
    ['data of the wrong type', { ...valid, data: 42 }],
    ['data as a plain array', { ...valid, kind: 'png', data: [1, 2, 3] }],
    ['data as an ArrayBuffer', { ...valid, kind: 'png', data: new ArrayBuffer(3) }],
    ['bytes for a text kind', { ...valid, data: new Uint8Array([1]) }],
    ['text for a binary kind', { ...valid, kind: 'pdf', data: '%PDF-1.7' }],
    ['a name with a slash', { ...valid, suggestedName: 'docs/plan.keel.json' }],
    ['a name with a backslash', { ...valid, suggestedName: 'docs\\plan.keel.json' }],
    ['an absolute path', { ...valid, suggestedName: '/etc/passwd' }],
    ['a name with ..', { ...valid, suggestedName: '..' }],
    ['a name with .. inside', { ...valid, suggestedName: 'a..b.keel.json' }],
    ['a name with NUL', { ...valid, suggestedName: 'plan\u0000.keel.json' }],
    ['a name with a newline', { ...valid, suggestedName: 'plan\n.keel.json' }],
    ['a name with DEL', { ...valid, suggestedName: 'plan\u007f.keel.json' }],
    ['a name with a C1 control', { ...valid, suggestedName: 'plan\u0085.keel.json' }],
    ['an empty name', { ...valid, suggestedName: '' }],
    ['a name too long', { ...valid, suggestedName: `${'a'.repeat(201)}` }],
    ['null', null],
    ['a string', 'save it'],
    ['an array', [valid]],
  ])('refuses %s', (_name, input) => {
    expect(SaveFileRequestSchema.safeParse(input).success).toBe(false);
  });

  it('accepts a name of exactly the maximum length', () => {
    expect(SaveFileRequestSchema.safeParse({ ...valid, suggestedName: 'a'.repeat(200) }).success).toBe(true);
  });

  it('refuses bytes over the save limit and accepts bytes at it', () => {
    // A typed-array view over a shared buffer avoids allocating 100 MiB twice.
    const buffer = new ArrayBuffer(MAX_SAVE_BYTES + 1);
    expect(
      SaveFileRequestSchema.safeParse({ ...valid, kind: 'pdf', data: new Uint8Array(buffer, 0, MAX_SAVE_BYTES) }).success,
    ).toBe(true);
    expect(SaveFileRequestSchema.safeParse({ ...valid, kind: 'pdf', data: new Uint8Array(buffer) }).success).toBe(false);
  });

  it('measures text in UTF-8 bytes, not characters', () => {
    // 40M characters of a 3-byte character: under the limit in characters, over it in bytes.
    const text = '€'.repeat(Math.floor(MAX_SAVE_BYTES / 3) + 1);
    expect(text.length).toBeLessThan(MAX_SAVE_BYTES);
    expect(SaveFileRequestSchema.safeParse({ ...valid, data: text }).success).toBe(false);
    expect(SaveFileRequestSchema.safeParse({ ...valid, data: 'a'.repeat(MAX_SAVE_BYTES) }).success).toBe(true);
    expect(SaveFileRequestSchema.safeParse({ ...valid, data: 'a'.repeat(MAX_SAVE_BYTES + 1) }).success).toBe(false);
  });

  it('allows saving more than an import may read (exports are not imports)', () => {
    expect(MAX_SAVE_BYTES).toBeGreaterThanOrEqual(MAX_IMPORT_BYTES);
  });
});

describe('OpenFileRequestSchema', () => {
  it('accepts only { kind: "keel-json" }', () => {
    expect(OpenFileRequestSchema.safeParse({ kind: 'keel-json' }).success).toBe(true);
    expect(OpenFileRequestSchema.safeParse({ kind: 'csv' }).success).toBe(false);
    expect(OpenFileRequestSchema.safeParse({ kind: 'keel-json', path: '/etc/passwd' }).success).toBe(false);
    expect(OpenFileRequestSchema.safeParse({}).success).toBe(false);
  });
});

describe('argument lists', () => {
  it('takes exactly one argument per call', () => {
    expect(SaveFileArgsSchema.safeParse([valid]).success).toBe(true);
    expect(SaveFileArgsSchema.safeParse([]).success).toBe(false);
    expect(SaveFileArgsSchema.safeParse([valid, 'extra']).success).toBe(false);
    expect(OpenFileArgsSchema.safeParse([{ kind: 'keel-json' }, {}]).success).toBe(false);
    expect(OpenExternalArgsSchema.safeParse(['https://github.com/']).success).toBe(true);
    expect(OpenExternalArgsSchema.safeParse([{ href: 'https://github.com/' }]).success).toBe(false);
    expect(OpenExternalArgsSchema.safeParse([`https://github.com/${'a'.repeat(3000)}`]).success).toBe(false);
  });
});

describe('parseIpcArgs', () => {
  it('returns the parsed arguments', () => {
    expect(parseIpcArgs(SaveFileArgsSchema, [valid], 'keel:save-file')).toEqual([valid]);
  });

  it('throws a plain Error naming the capability and the field', () => {
    const call = (): unknown =>
      parseIpcArgs(SaveFileArgsSchema, [{ ...valid, suggestedName: '../x' }], 'keel:save-file');
    expect(call).toThrow(Error);
    expect(call).toThrow(/^Refused keel:save-file: invalid arguments \(suggestedName: .*\.\.*/);
  });

  it('reports a wrong argument count', () => {
    expect(() => parseIpcArgs(OpenFileArgsSchema, [], 'keel:open-file')).toThrow(
      /^Refused keel:open-file: invalid arguments \(Too small: expected array to have >=1 items\)\.$/,
    );
  });

  // The message is all a developer sees of a refused call in the renderer: it names the field
  // and the rule it broke.
  it.each([
    ['png', 'text', 'data: png data must be bytes'],
    ['csv', new Uint8Array(2), 'data: csv data must be text'],
    ['png', new Uint8Array(MAX_SAVE_BYTES + 1), `data: data is larger than ${MAX_SAVE_BYTES} bytes`],
    ['csv', 'x'.repeat(MAX_SAVE_BYTES + 1), `data: data is larger than ${MAX_SAVE_BYTES} bytes`],
  ])('names the problem with %s data', (kind, data, problem) => {
    expect(() => parseIpcArgs(SaveFileArgsSchema, [{ kind, suggestedName: 'x', data }], 'keel:save-file')).toThrow(
      `Refused keel:save-file: invalid arguments (${problem}).`,
    );
  });

  it('calls a lone argument "argument"', () => {
    expect(() => parseIpcArgs(OpenExternalArgsSchema, [42], 'keel:open-external')).toThrow(
      'Refused keel:open-external: invalid arguments (argument: Invalid input: expected string, received number).',
    );
  });
});
