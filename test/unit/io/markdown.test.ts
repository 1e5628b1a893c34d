import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MADR_SECTIONS, madrFile, madrFileName, madrFiles, madrStatus } from '../../../renderer/src/io/madr';
import { markdownSummary } from '../../../renderer/src/io/markdown';
import { bullet, cell, oneLine, table } from '../../../renderer/src/io/markdown-text';
import { EXPORTED_AT, fixtureRecords } from './format-v7-records';

function frontMatter(file: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(file);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

/** The level-2 and level-3 headings, in order. */
function headings(markdown: string, level: number): string[] {
  return markdown.split('\n').filter((l) => l.startsWith(`${'#'.repeat(level)} `)).map((l) => l.slice(level + 1));
}

describe('Markdown text', () => {
  it('keeps a table cell to its cell: pipes escaped, line breaks as <br>, HTML inert', () => {
    expect(cell('a | b')).toBe('a \\| b');
    expect(cell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(cell('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(cell('back\\slash')).toBe('back\\\\slash');
    expect(cell('')).toBe('–');
    expect(cell(null)).toBe('–');
    expect(cell(4.5)).toBe('4.5');
    const written = table(['A | B', 'C'], [['x|y', 'two\nlines']]);
    // Every line of the table has the same number of unescaped pipes: no cell spilled over.
    for (const line of written.split('\n')) expect(line.match(/(?<!\\)\|/g)).toHaveLength(3);
  });

  it('keeps a heading on one line and a bullet in its item', () => {
    expect(oneLine('  one\n  two ')).toBe('one two');
    expect(bullet('Good: faster\nand cheaper')).toBe('* Good: faster\n  and cheaper');
  });
});

describe('the Markdown summary', () => {
  const records = fixtureRecords();
  const summary = markdownSummary(records, EXPORTED_AT);

  it('has the sections in order', () => {
    expect(summary.startsWith('# Support assistant\n')).toBe(true);
    expect(headings(summary, 2)).toEqual([
      'What needs attention', 'Uncertainty map', 'Shared metrics', 'Trade-off matrices', 'Decision log', 'Roadmap', 'Scope changes', 'Open actions',
    ]);
    expect(summary).toContain('Exported from Keel on 2026-11-29.');
  });

  it('lists items to test first, every metric with its definition and sign-off, and the roadmap by horizon', () => {
    for (const m of records.metrics) expect(headings(summary, 3)).toContain(m.name);
    expect(summary).toContain('| Target | ≥ 90% |');
    // The owner is the person and the owning function, as the app and the report name them.
    const escalations = records.metrics.find((m) => m.name === 'Escalation rate to a human')!;
    const owner = records.functions.find((f) => f.id === escalations.ownerFunctionId)!.name;
    expect(owner).toBe('Product');
    expect(summary.split('### Escalation rate to a human')[1]).toMatch(new RegExp(`\\| Owner \\| ${escalations.ownerPerson ? `${escalations.ownerPerson}, ` : ''}Product \\|`));
    expect(summary).toContain('**Sign-off of version 2: Awaiting sign-off**');
    expect(summary).toContain('* **Hallucinated refund policy** (impact 4.8, uncertainty 3.5)');
    expect(headings(summary, 3)).toEqual(expect.arrayContaining(['Now', 'Next', 'Later', 'Test first', 'All items']));
  });

  it('links each decision record to its MADR file, and a decided matrix to its record', () => {
    for (const d of records.decisions) expect(summary).toContain(`(decisions/${madrFileName(d)})`);
    expect(summary).toMatch(/\*\*Decision:\*\* Hybrid search .*Recorded as \[ADR-0002\]\(decisions\/0002-/);
    expect(summary).toContain('**No decision yet.**');
  });

  it('gives the matrix ranking the app computes', () => {
    expect(summary).toContain('| 1 | Hybrid search | 53 | All | – |');
  });

  it('says plainly when a program has nothing yet', () => {
    const empty = markdownSummary({ ...records, uncertaintyItems: [], metrics: [], matrices: [], decisions: [], roadmapItems: [], scopeChanges: [], actions: [] }, EXPORTED_AT);
    expect(empty).toContain('Nothing needs attention.');
    expect(empty).toContain('No decision records yet.');
    expect(empty).toContain('No open actions.');
  });
});

describe('MADR decision records', () => {
  const records = fixtureRecords();
  const files = madrFiles(records);

  it('names files decisions/NNNN-title-slug.md in number order', () => {
    expect(Object.keys(files)).toEqual([
      'decisions/0001-which-retrieval-upgrade-ships-next-quarter-cross-encoder-re.md',
      'decisions/0002-which-retrieval-upgrade-ships-next-quarter-hybrid-search.md',
      'decisions/0003-pilot-in-one-country-first.md',
    ]);
    expect(madrFileName({ number: 12, title: '???' })).toBe('0012.md');
  });

  it('writes front matter that parses back as YAML with MADR statuses', () => {
    const [superseded, accepted, draft] = Object.values(files).map(frontMatter);
    expect(superseded).toEqual({ status: 'superseded by ADR-0002', date: '2026-12-01', deciders: 'Priya (eng lead), Sam (product)' });
    expect(accepted).toMatchObject({ status: 'accepted', date: '2026-12-02', deciders: 'Priya (eng lead), Sam (product), Dana (VP support)' });
    expect(draft!.status).toBe('draft');
  });

  it('keeps awkward text inside its front-matter field', () => {
    const [record] = records.decisions;
    const awkward = { ...record!, status: 'accepted' as const, deciders: 'Ana: lead, "Ben" # not a comment', consulted: '- yes\nno', informed: '' };
    const parsed = frontMatter(madrFile(awkward, records));
    expect(parsed).toEqual({ status: 'accepted', date: record!.date, deciders: awkward.deciders, consulted: '- yes\nno' });
  });

  it('has the MADR sections in order', () => {
    for (const file of Object.values(files)) {
      const order = MADR_SECTIONS.map((s) => file.indexOf(`## ${s}\n`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
    const accepted = files['decisions/0002-which-retrieval-upgrade-ships-next-quarter-hybrid-search.md']!;
    expect(accepted).toContain('### Consequences');
    expect(accepted).toContain('* Supersedes [ADR-0001');
    // What it was decided on, frozen with the record, before its consequences.
    const basis = accepted.split('### What it was decided on')[1]!.split('### Consequences')[0]!;
    expect(basis).toContain('| 1 | Hybrid search | 53 | chosen |');
    expect(basis).toContain('| 3 | Bigger generation model | 37 | vetoed |');
    expect(basis).toContain('* Bigger generation model: Cost per resolved ticket expected $0.71 breaks its guardrail (must stay ≤ $0.60).');
    expect(basis).toContain('No single weight change flips the winner.');
    expect(accepted).toContain('* Hybrid search: Keyword (BM25)');
  });

  it('maps every Keel status to MADR', () => {
    expect(madrStatus('draft', undefined)).toBe('draft');
    expect(madrStatus('proposed', undefined)).toBe('proposed');
    expect(madrStatus('rejected', undefined)).toBe('rejected');
    expect(madrStatus('deprecated', undefined)).toBe('deprecated');
    expect(madrStatus('superseded', undefined)).toBe('superseded');
  });
});
