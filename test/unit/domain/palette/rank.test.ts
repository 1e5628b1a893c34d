import { describe, expect, it } from 'vitest';
import { buildIndex, kindLabel, matchTier, parseQuery, plainText, search, TIER, type PaletteEntry, type PaletteKind } from '../../../../renderer/src/domain/palette/rank';

let n = 0;
function entry(title: string, kind: PaletteKind = 'metric', programId: string | undefined = 'p1', more: Partial<PaletteEntry> = {}): PaletteEntry {
  n++;
  return { key: `${kind}:${n}`, kind, title, programId: kind === 'command' ? undefined : programId, updatedAt: n, ...more };
}

const titles = (found: { hits: { entry: PaletteEntry }[] }) => found.hits.map((h) => h.entry.title);
const find = (entries: PaletteEntry[], query: string, programId?: string, more: Partial<Parameters<typeof search>[2]> = {}) =>
  search(buildIndex(entries), query, { programId, limit: 50, ...more });

describe('palette ranking', () => {
  it('puts the exact title first, then titles that start with the query, then words that start with it, then fuzzy matches', () => {
    const entries = [entry('Retrieval latency budget'), entry('Lat'), entry('Escalation rate'), entry('Latency'), entry('latency p95')];
    expect(titles(find(entries, 'latency'))).toEqual(['Latency', 'latency p95', 'Retrieval latency budget']);
    expect(titles(find(entries, 'lat'))).toEqual(['Lat', 'Latency', 'latency p95', 'Retrieval latency budget', 'Escalation rate']);
    const fuzzy = find([entry('Customer satisfaction'), entry('Cost per ticket')], 'cst');
    expect(titles(fuzzy)).toContain('Customer satisfaction');
  });

  it('tiers match quality: exact > prefix > word starts > inside a word > fuzzy', () => {
    const tier = (query: string, title: string) => matchTier(plainText(query), plainText(title), plainText(title).split(/\W+/).map((w) => ` ${w}`).join(''));
    expect(tier('latency', 'Latency')).toBe(TIER.exact);
    expect(tier('lat', 'Latency budget')).toBe(TIER.prefix);
    expect(tier('bud lat', 'Latency budget')).toBe(TIER.wordStarts);
    expect(tier('tency', 'Latency budget')).toBe(TIER.contains);
    expect(tier('ltcy', 'Latency budget')).toBe(TIER.fuzzy);
  });

  it('matches several words in any order', () => {
    const entries = [entry('Hybrid retrieval on refund tickets'), entry('Refund rules differ by country'), entry('Hybrid search')];
    expect(titles(find(entries, 'refund hybrid'))).toEqual(['Hybrid retrieval on refund tickets']);
    expect(titles(find(entries, 'tickets retrieval'))).toEqual(['Hybrid retrieval on refund tickets']);
  });

  it('ignores diacritics and case, both ways', () => {
    const entries = [entry('Réponse en français'), entry('Reponse rapide'), entry('Übersetzung prüfen')];
    expect(titles(find(entries, 'reponse francais'))).toEqual(['Réponse en français']);
    expect(titles(find(entries, 'RÉPONSE')).sort()).toEqual(['Reponse rapide', 'Réponse en français']);
    expect(titles(find(entries, 'uber prufen'))).toEqual(['Übersetzung prüfen']);
  });

  it('puts the open program’s things before other programs’ among matches of the same quality', () => {
    const mine = entry('Latency target', 'metric', 'open');
    const theirs = entry('Latency targets', 'metric', 'other');
    const theirsExact = entry('Latency', 'metric', 'other');
    expect(titles(find([theirs, mine, theirsExact], 'latency', 'open'))).toEqual(['Latency', 'Latency target', 'Latency targets']);
    expect(titles(find([mine, theirs], 'latency', 'other'))).toEqual(['Latency targets', 'Latency target']);
  });

  it('breaks ties by kind, then by the most recently changed', () => {
    const older = entry('Pilot', 'action', 'p1', { updatedAt: 1 });
    const newer = entry('Pilot', 'action', 'p1', { updatedAt: 9 });
    const program = entry('Pilot', 'program', 'p1', { updatedAt: 0 });
    const found = find([older, newer, program], 'pilot', 'p1');
    expect(found.hits.map((h) => [h.entry.kind, h.entry.updatedAt])).toEqual([
      ['program', 0],
      ['action', 9],
      ['action', 1],
    ]);
  });

  it('searches commands with records, by label and keywords, and only commands after ">"', () => {
    const command = entry('Theme: dark', 'command', undefined, { keywords: 'appearance colour night' });
    const record = entry('Dark launch of the voice channel', 'roadmapItem');
    expect(titles(find([command, record], 'dark'))).toEqual(['Dark launch of the voice channel', 'Theme: dark']);
    expect(titles(find([command, record], 'night'))).toEqual(['Theme: dark']);
    expect(titles(find([command, record], 'dark', undefined, { commandsOnly: true }))).toEqual(['Theme: dark']);
    expect(parseQuery('> dark')).toEqual({ text: 'dark', commandsOnly: true });
    expect(parseQuery('  dark ')).toEqual({ text: 'dark', commandsOnly: false });
    expect(parseQuery('>')).toEqual({ text: '', commandsOnly: true });
  });

  it('puts commands that do not apply now after those that do', () => {
    const exportCsv = entry('Export CSV tables', 'command');
    const exportAll = entry('Export all programs', 'command');
    const found = find([exportCsv, exportAll], 'export', undefined, { isAvailable: (e) => e !== exportCsv });
    expect(titles(found)).toEqual(['Export all programs', 'Export CSV tables']);
  });

  it('returns at most the limit, counting every match, and nothing for an empty query', () => {
    const entries = Array.from({ length: 120 }, (_, i) => entry(`Metric ${i}`));
    const found = find(entries, 'metric', undefined, { limit: 50 });
    expect(found.hits).toHaveLength(50);
    expect(found.total).toBe(120);
    expect(find(entries, '   ').total).toBe(0);
  });

  it('looks for fuzzy matches only while close ones do not fill the rows, and counts them all', () => {
    const close = Array.from({ length: 60 }, (_, i) => entry(`Latency ${i}`));
    const loose = Array.from({ length: 300 }, (_, i) => entry(`Lots about the end ${i}`, 'action', i % 2 ? 'p1' : 'p2'));
    const many = find([...close, ...loose], 'latency', undefined, { limit: 50 });
    expect(many).toMatchObject({ total: 60, more: true });
    expect(many.hits.every((h) => h.entry.title.startsWith('Latency'))).toBe(true);
    // Fewer close matches than rows: the fuzzy ones follow, all counted (beyond fuzzysort's own limit too).
    const few = find([...close.slice(0, 3), ...loose], 'laten', 'p2', { limit: 50 });
    expect(few.more).toBe(false);
    expect(few.total).toBe(303);
    expect(few.hits.slice(0, 3).map((h) => h.entry.title).sort()).toEqual(['Latency 0', 'Latency 1', 'Latency 2']);
    // Among the fuzzy matches, the open program's come first.
    expect(few.hits.slice(3, 20).every((h) => h.entry.programId === 'p2')).toBe(true);
  });

  it('cuts the title into matched and unmatched parts for highlighting', () => {
    const [hit] = find([entry('p95 latency')], 'lat').hits;
    expect(hit!.parts).toEqual([
      { text: 'p95 ', match: false },
      { text: 'lat', match: true },
      { text: 'ency', match: false },
    ]);
    const [accented] = find([entry('Réponse')], 'rep').hits;
    expect(accented!.parts).toEqual([
      { text: 'Rép', match: true },
      { text: 'onse', match: false },
    ]);
  });

  it('says what each kind is', () => {
    expect(['program', 'uncertainty', 'metric', 'matrix', 'decision', 'roadmapItem', 'session', 'action', 'command'].map((k) => kindLabel(k as PaletteKind))).toEqual([
      'Program',
      'Uncertainty item',
      'Metric',
      'Trade-off matrix',
      'Decision',
      'Roadmap item',
      'Session',
      'Action',
      'Command',
    ]);
  });
});
