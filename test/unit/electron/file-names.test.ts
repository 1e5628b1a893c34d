import { describe, expect, it } from 'vitest';
import { dialogFilters, FILE_KINDS, safeFileName } from '../../../electron/file-names.js';

describe('safeFileName', () => {
  it.each([
    ['Support bot', 'keel-json', 'Support bot.keel.json'],
    ['Support bot.keel.json', 'keel-json', 'Support bot.keel.json'],
    ['Support bot.KEEL.JSON', 'keel-json', 'Support bot.keel.json'],
    ['plan.json', 'keel-json', 'plan.keel.json'],
    ['Metrics', 'csv', 'Metrics.csv'],
    ['Metrics.csv', 'csv', 'Metrics.csv'],
    ['Roadmap', 'markdown', 'Roadmap.md'],
    ['Map', 'svg', 'Map.svg'],
    ['Map', 'png', 'Map.png'],
    ['Report', 'pdf', 'Report.pdf'],
    ['Report.csv', 'pdf', 'Report.csv.pdf'],
  ] as const)('%s as %s -> %s', (input, kind, expected) => {
    expect(safeFileName(input, kind)).toBe(expected);
  });

  it.each([
    ['../../etc/passwd', 'etc passwd.csv'],
    ['a/b\\c', 'a b c.csv'],
    ['C:\\Users\\x', 'C Users x.csv'],
    ['what? <really> "yes" | no * :', 'what really yes no.csv'],
    ['tab\there\nnewline\u0000nul\u007f', 'tabherenewlinenul.csv'],
    ['   .hidden', 'hidden.csv'],
    ['trailing dots...', 'trailing dots.csv'],
    ['trailing spaces   ', 'trailing spaces.csv'],
    ['multiple    spaces', 'multiple spaces.csv'],
    ['C1\u0080control\u0085chars\u009f', 'C1controlchars.csv'],
    ['no-break\u00a0space', 'no-break space.csv'],
    ['data.json', 'data.json.csv'],
  ])('cleans %j', (input, expected) => {
    expect(safeFileName(input, 'csv')).toBe(expected);
  });

  it.each(['', '   ', '...', '/', '\u0000'])('uses a default name for %j', (input) => {
    expect(safeFileName(input, 'keel-json')).toBe('Untitled.keel.json');
  });

  it.each(['CON', 'con', 'Nul', 'COM1', 'lpt9', 'aux.notes'])('prefixes the Windows device name %s', (input) => {
    const name = safeFileName(input, 'csv');
    expect(name.startsWith('_')).toBe(true);
    expect(name.endsWith('.csv')).toBe(true);
  });

  it('prefixes a device name followed by blanks, which Windows ignores', () => {
    expect(safeFileName('con .notes', 'csv')).toBe('_con .notes.csv');
  });

  it('drops only ".json" from a name given for a Keel file', () => {
    expect(safeFileName('my plan.json', 'keel-json')).toBe('my plan.keel.json');
  });

  it('trims dots and blanks that shortening leaves at the end', () => {
    expect(safeFileName(`${'a'.repeat(117)} ..${'b'.repeat(10)}`, 'csv')).toBe(`${'a'.repeat(117)}.csv`);
  });

  it('leaves names that merely contain a device name alone', () => {
    expect(safeFileName('Console', 'csv')).toBe('Console.csv');
  });

  it('keeps non-Latin names', () => {
    expect(safeFileName('Évaluation — 評価 🚀', 'markdown')).toBe('Évaluation — 評価 🚀.md');
  });

  it('shortens very long names but keeps the extension', () => {
    const name = safeFileName('x'.repeat(1000), 'keel-json');
    expect(name.endsWith('.keel.json')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(120 + '.keel.json'.length);
  });

  it('never splits a surrogate pair when shortening', () => {
    const name = safeFileName('🚀'.repeat(200), 'csv');
    expect(name).toBe(`${'🚀'.repeat(120)}.csv`);
  });

  it('never returns separators, control characters or a leading dot, whatever the input', () => {
    const nasty = ['..', '/', '\\', ':', '\u0000', '\n', '.', ' ', 'a', '*', '?', 'é'];
    for (let i = 0; i < 2000; i++) {
      let input = '';
      for (let j = 0; j < (i % 17) + 1; j++) input += nasty[(i * 7 + j * 13) % nasty.length];
      const name = safeFileName(input, 'svg');
      // eslint-disable-next-line no-control-regex -- asserting control characters are absent
      expect(name, JSON.stringify(input)).toMatch(/^[^./\\:\u0000-\u001f<>"|?*][^/\\:\u0000-\u001f<>"|?*]*\.svg$/);
    }
  });
});

describe('dialogFilters', () => {
  it('puts the kind first and allows all files second', () => {
    expect(dialogFilters('keel-json')).toEqual([
      { name: 'Keel file', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(dialogFilters('png')[0]).toEqual({ name: 'PNG image', extensions: ['png'] });
  });

  it('returns copies that callers cannot use to change the table', () => {
    const filters = dialogFilters('csv');
    filters[0]?.extensions.push('exe');
    expect(FILE_KINDS.csv.filterExtensions).toEqual(['csv']);
  });

  it('marks only png, pdf and zip as binary', () => {
    const binary = Object.entries(FILE_KINDS).filter(([, info]) => info.isBinary).map(([kind]) => kind);
    expect(binary.sort()).toEqual(['pdf', 'png', 'zip']);
  });
});
