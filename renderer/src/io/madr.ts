// Decision records as MADR files (https://adr.github.io/madr/): YAML front matter, then the
// template's sections in its order. One file per record, named decisions/NNNN-title-slug.md.
import { stringify } from 'yaml';
import type { MatrixBasis } from '../domain/decisions/basis';
import { basisOption, basisRanking, COMBINED_HOW } from '../domain/decisions/basis-summary';
import { decisionNumber, type DecisionRecord, type DecisionStatus } from '../domain/decisions/model';
import type { ProgramRecords } from '../domain/program-records';
import { bullet, inline, oneLine, paragraphs, table } from './markdown-text';
import { slug } from './slug';

/** The MADR sections, in the template's order. */
export const MADR_SECTIONS = ['Context and Problem Statement', 'Considered Options', 'Decision Outcome', 'Consequences', 'More Information'] as const;

/** The file's name inside its folder: "0007-use-hybrid-search.md", as MADR numbers them. */
export function madrFileName(record: Pick<DecisionRecord, 'number' | 'title'>): string {
  const title = slug(record.title, 60);
  return `${String(record.number).padStart(4, '0')}${title ? `-${title}` : ''}.md`;
}

/**
 * Keel's status as MADR's. MADR's template lists proposed, rejected, accepted, deprecated, "…" and
 * "superseded by ADR-0005"; a draft stays "draft" (the "…" leaves room for it, and calling it
 * proposed would say more than the team did). A superseded record names its successor.
 */
export function madrStatus(status: DecisionStatus, successor: DecisionRecord | undefined): string {
  if (status === 'superseded') return successor ? `superseded by ${decisionNumber(successor.number)}` : 'superseded';
  return status;
}

function frontMatter(record: DecisionRecord, successor: DecisionRecord | undefined): string {
  const fields: Record<string, string> = { status: madrStatus(record.status, successor) };
  if (record.date) fields.date = record.date;
  for (const key of ['deciders', 'consulted', 'informed'] as const) if (record[key].trim()) fields[key] = record[key].trim();
  return `---\n${stringify(fields, { lineWidth: 0 })}---`;
}

/** A link to another record's file, beside this one. */
function recordLink(record: DecisionRecord): string {
  return `[${decisionNumber(record.number)} ${oneLine(record.title)}](${madrFileName(record)})`;
}

/** The titles of the records `ids` name, those still there, each on one line. */
function titles(ids: readonly string[], byId: ReadonlyMap<string, string>): string[] {
  return ids.flatMap((id) => {
    const title = byId.get(id);
    return title === undefined ? [] : [oneLine(title)];
  });
}

/** One decision record as a MADR file. */
/**
 * What a matrix's decision was made on, frozen when it was decided: the ranking, the vetoes and
 * how far a weight could move before the winner changed, as the record's page in Keel shows it.
 */
function basisSection(basis: MatrixBasis): string {
  const ranking = table(['Rank', 'Option', 'Score /100', 'Notes'], basisRanking(basis).map((r) => [r.rank, r.title, r.score, r.notes]));
  const vetoes = basis.vetoes.map((v) => `* ${oneLine(basisOption(basis, v.option))}: ${oneLine(v.reason)}`);
  return [
    '### What it was decided on',
    '',
    `Frozen in Keel when the matrix was decided on ${basis.date}. Weighted with ${COMBINED_HOW[basis.combined.how]}.`,
    '',
    ranking,
    ...(vetoes.length ? ['', 'Vetoed by a guardrail:', '', ...vetoes] : []),
    ...(basis.flip ? ['', inline(basis.flip)] : []),
  ].join('\n');
}

export function madrFile(record: DecisionRecord, records: ProgramRecords): string {
  const byId = new Map(records.decisions.map((d) => [d.id, d]));
  const successor = byId.get(record.supersededBy);
  const predecessor = byId.get(record.supersedes);
  const options = record.options.length
    ? record.options.map((o) => `* ${oneLine(o.title)}${o.description.trim() ? `: ${oneLine(o.description)}` : ''}`).join('\n')
    : '_No options recorded._';
  const good = record.consequencesGood.trim() ? bullet(`Good: ${record.consequencesGood}`) : '';
  const bad = record.consequencesBad.trim() ? bullet(`Bad: ${record.consequencesBad}`) : '';
  const more: string[] = [];
  if (record.statusNote.trim()) more.push(`* ${oneLine(record.statusNote)}`);
  if (predecessor) more.push(`* Supersedes ${recordLink(predecessor)}`);
  if (successor) more.push(`* Superseded by ${recordLink(successor)}`);
  const matrix = records.matrices.find((m) => m.id === record.matrixId);
  if (matrix) more.push(`* The decision of the trade-off matrix "${oneLine(matrix.question)}" in Keel.`);
  const links: [string, string[]][] = [
    ['Uncertainty items', titles(record.uncertaintyIds, new Map(records.uncertaintyItems.map((i) => [i.id, i.title])))],
    ['Shared metrics', titles(record.metricIds, new Map(records.metrics.map((m) => [m.id, m.name])))],
    ['Roadmap items', titles(record.roadmapItemIds, new Map(records.roadmapItems.map((i) => [i.id, i.title])))],
  ];
  for (const [what, titles] of links) if (titles.length) more.push(`* ${what}: ${titles.join('; ')}`);
  more.push(`* ${decisionNumber(record.number)} in the decision log of "${oneLine(records.program.name)}" (Keel).`);
  return [
    frontMatter(record, successor),
    '',
    `# ${oneLine(record.title) || decisionNumber(record.number)}`,
    '',
    `## ${MADR_SECTIONS[0]}`,
    '',
    paragraphs(record.context),
    '',
    `## ${MADR_SECTIONS[1]}`,
    '',
    options,
    '',
    `## ${MADR_SECTIONS[2]}`,
    '',
    paragraphs(record.outcome),
    '',
    ...(record.basis ? [basisSection(record.basis), ''] : []),
    `### ${MADR_SECTIONS[3]}`,
    '',
    [good, bad].filter(Boolean).join('\n') || '_None recorded._',
    '',
    `## ${MADR_SECTIONS[4]}`,
    '',
    more.join('\n'),
    '',
  ].join('\n');
}

/** Every record, by number, as files under decisions/. */
export function madrFiles(records: ProgramRecords): Record<string, string> {
  const sorted = [...records.decisions].sort((a, b) => a.number - b.number);
  return Object.fromEntries(sorted.map((d) => [`decisions/${madrFileName(d)}`, madrFile(d, records)]));
}
