// A program as one Markdown page for a wiki or a repository: what needs attention, the items to
// test first and all items, the metrics with their definitions and sign-off, the matrices with
// their decision and ranking, the decision log, the roadmap by horizon, scope changes and open
// actions. GitHub-flavoured tables; each decision links to its MADR file (io/madr.ts).
import { ACTION_STATUS_LABELS } from '../domain/actions/model';
import { ATTENTION_TITLES, attentionOf } from '../domain/attention';
import { DECISION_STATUS_LABELS, decisionNumber } from '../domain/decisions/model';
import { metricOwner, sortFunctions } from '../domain/metrics/functions';
import { AGREEMENT_LABELS, agreementOf, CHOICE_LABELS, choiceOf, signoffOf } from '../domain/metrics/agreement';
import { categoryLabel, describeGuardrail, describeTarget, DIRECTION_LABELS, formatValue, type Metric } from '../domain/metrics/model';
import { STATUS_LABELS as METRIC_STATUS_LABELS, metricStatus } from '../domain/metrics/status';
import { oldestFirst } from '../domain/order';
import type { ProgramRecords } from '../domain/program-records';
import { revisitFlags } from '../domain/revisit/flags';
import { confidenceLabel, rangeWords } from '../domain/roadmap/labels';
import { HORIZONS, HORIZON_LABELS, ROADMAP_STATUS_LABELS } from '../domain/roadmap/model';
import { SCOPE_DECISION_LABELS, SCOPE_KIND_LABELS } from '../domain/scope/model';
import { byRank, coverageText, isPartial, optionTitles, score100 } from '../domain/tradeoffs/labels';
import { resolveMatrix } from '../domain/tradeoffs/matrix';
import type { Matrix } from '../domain/tradeoffs/model';
import { DEFAULT_ITEM_SORT, sortItems } from '../domain/uncertainty/list-sort';
import { KIND_LABELS, STATUS_LABELS } from '../domain/uncertainty/model';
import { isUnplaced, QUADRANTS, quadrantOf } from '../domain/uncertainty/quadrants';
import { plural } from '../domain/words';
import { madrFileName } from './madr';
import { cell, oneLine, paragraphs, table } from './markdown-text';

/** The file name of the summary inside a zip, beside the decisions/ folder. */
export const SUMMARY_FILE = 'README.md';

function attention(r: ProgramRecords, now: number): string {
  const flags = revisitFlags(r, r.revisitReviews);
  const sections = attentionOf(r, flags, now, r.program.staleAfterDays).filter((s) => s.lines.length);
  if (!sections.length) return 'Nothing needs attention.';
  return sections
    .map((s) => [`### ${ATTENTION_TITLES[s.id]}`, '', ...s.lines.map((l) => `* **${oneLine(l.title)}**: ${oneLine(l.detail)}`)].join('\n'))
    .join('\n\n');
}

function uncertainty(r: ProgramRecords): string {
  if (!r.uncertaintyItems.length) return 'No uncertainty items yet.';
  const layers = new Map(r.layers.map((l) => [l.id, l.name]));
  const sorted = sortItems(r.uncertaintyItems, DEFAULT_ITEM_SORT, r.layers);
  const quadrant = (i: (typeof sorted)[number]) => (isUnplaced(i) ? 'Not placed' : QUADRANTS[quadrantOf(i.impact, i.uncertainty)].label);
  const first = sorted.filter((i) => quadrant(i) === QUADRANTS['test-first'].label && (i.status === 'open' || i.status === 'testing'));
  const testFirst = first.length
    ? first.map((i) => `* **${oneLine(i.title)}** (impact ${i.impact}, uncertainty ${i.uncertainty})${i.nextStep.trim() ? `: ${oneLine(i.nextStep)}` : ''}`).join('\n')
    : 'No open item is in "Test first".';
  const all = table(
    ['Title', 'Layer', 'Kind', 'Impact (1-5)', 'Uncertainty (1-5)', 'Quadrant', 'Status', 'Owner', 'Next step'],
    sorted.map((i) => [i.title, layers.get(i.layerId) ?? '', KIND_LABELS[i.kind], i.impact, i.uncertainty, quadrant(i), STATUS_LABELS[i.status],
      i.ownerPerson || i.ownerFunction, i.nextStep]),
  );
  return [`### ${QUADRANTS['test-first'].label}`, '', `${QUADRANTS['test-first'].advice}`, '', testFirst, '', '### All items', '', all].join('\n');
}

function metric(m: Metric, r: ProgramRecords): string {
  const agreement = agreementOf(m, r.functions);
  const status = metricStatus(m);
  const definition = table(['Field', 'Value'], [
    ['Category', categoryLabel(m)],
    ['Formula', m.formula],
    ['Numerator', m.numerator],
    ['Denominator', m.denominator],
    ['Unit', m.unit],
    ['Direction', DIRECTION_LABELS[m.direction]],
    ['Baseline', m.baseline.value === null ? '' : `${formatValue(m.baseline.value, m.unit)}${m.baseline.date ? ` (${m.baseline.date})` : ''}`],
    ['Target', `${describeTarget(m)}${m.target.by ? ` by ${m.target.by}` : ''}`],
    ['Guardrail', describeGuardrail(m.guardrail, m.unit)],
    ['Window', m.window],
    ['Data source', m.dataSource],
    ['Owner', metricOwner(m, r.functions)],
    ['Decision it informs', m.decision],
    ['Cadence', m.cadence],
    ['Status', `${METRIC_STATUS_LABELS[status.status]}: ${status.reason}`],
  ]);
  const functions = sortFunctions(r.functions);
  const signoffs = functions.length
    ? table(['Function', 'Required', 'Sign-off', 'By', 'Reason'], functions.map((f) => {
        const s = signoffOf(m, f.id);
        return [f.name, f.required ? 'Yes' : 'No', CHOICE_LABELS[choiceOf(m, f.id)], s?.by ?? '', s?.reason ?? ''];
      }))
    : 'The program has no functions to sign off.';
  return [
    `### ${oneLine(m.name)}`,
    '',
    paragraphs(m.description, ''),
    '',
    definition,
    '',
    `**Sign-off of version ${m.version}: ${AGREEMENT_LABELS[agreement.state]}** (${agreement.agreed} of ${plural(agreement.required, 'required function')} agree)`,
    '',
    signoffs,
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
}

function matrix(m: Matrix, r: ProgramRecords, decisionLink: (matrixId: string) => string): string {
  const { analysis } = resolveMatrix(m, new Map(r.metrics.map((x) => [x.id, x])), r.functions);
  const title = optionTitles(m.options);
  let decision = '**No decision yet.**';
  if (m.decision) {
    const who = [m.decision.date, oneLine(m.decision.deciders)].filter(Boolean).join(', ');
    decision = `**Decision:** ${oneLine(title(m.decision.optionId))}${who ? ` (${who})` : ''}. ${decisionLink(m.id)}`.trim();
    if (m.decision.rationale.trim()) decision += `\n\n${paragraphs(m.decision.rationale)}`;
  }
  const ranking = m.options.length
    ? table(['Rank', 'Option', 'Score (0-100)', 'Scored', 'Vetoed'], byRank(analysis.results).map((res) => [
        res.score === null ? '' : res.rank,
        title(res.optionId),
        res.score === null ? '' : score100(res.score),
        res.score === null ? 'Not scored' : isPartial(res) ? coverageText(res.coverage) : 'All',
        res.vetoes.length ? 'Yes' : '',
      ]))
    : 'No options yet.';
  return [`### ${oneLine(m.question)}`, '', decision, '', ranking].join('\n');
}

function decisionLog(r: ProgramRecords): string {
  if (!r.decisions.length) return 'No decision records yet.';
  const sorted = [...r.decisions].sort((a, b) => a.number - b.number);
  // The link is written raw (its text escaped): a table cell would escape the link's own brackets.
  return [
    '| Record | Title | Status | Date |',
    '| --- | --- | --- | --- |',
    ...sorted.map((d) => `| [${decisionNumber(d.number)}](decisions/${madrFileName(d)}) | ${cell(d.title)} | ${DECISION_STATUS_LABELS[d.status]} | ${cell(d.date)} |`),
  ].join('\n');
}

function roadmap(r: ProgramRecords, thisYear: number): string {
  if (!r.roadmapItems.length) return 'No roadmap items yet.';
  return HORIZONS.map((h) => {
    const items = r.roadmapItems.filter((i) => i.horizon === h).sort((a, b) => a.order - b.order);
    const body = items.length
      ? table(['Item', 'Status', 'Range', 'Confidence', 'Owner'], items.map((i) => [i.title, ROADMAP_STATUS_LABELS[i.status],
          i.earliest ? rangeWords(i.earliest, i.latest, thisYear) : 'No range yet', confidenceLabel(i.confidence), i.owner]))
      : 'Nothing here.';
    return `### ${HORIZON_LABELS[h]}\n\n${body}`;
  }).join('\n\n');
}

function scope(r: ProgramRecords): string {
  if (!r.scopeChanges.length) return 'No scope changes yet.';
  return table(['Change', 'Kind', 'Decision', 'Requested by', 'Requested on', 'Rationale'], oldestFirst(r.scopeChanges).map((c) => [
    c.title, SCOPE_KIND_LABELS[c.kind], SCOPE_DECISION_LABELS[c.decision], c.requestedBy, c.requestedOn, c.rationale]));
}

function openActions(r: ProgramRecords): string {
  const open = oldestFirst(r.actions).filter((a) => a.status === 'open' || a.status === 'in-progress');
  if (!open.length) return 'No open actions.';
  const sorted = [...open].sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
  return table(['Action', 'Owner', 'Due', 'Status'], sorted.map((a) => [a.title, a.owner, a.due, ACTION_STATUS_LABELS[a.status]]));
}

/** The program summary as Markdown, as of `at`. */
export function markdownSummary(r: ProgramRecords, at: Date): string {
  const now = at.getTime();
  // A matrix decided again after reopening has several records: the newest is the standing one.
  const decisionLink = (matrixId: string) => {
    const d = r.decisions.filter((x) => x.matrixId === matrixId).sort((a, b) => b.number - a.number)[0];
    return d ? `Recorded as [${decisionNumber(d.number)}](decisions/${madrFileName(d)}).` : '';
  };
  const metrics = oldestFirst(r.metrics);
  const matrices = oldestFirst(r.matrices);
  const parts = [
    `# ${oneLine(r.program.name)}`,
    paragraphs(r.program.description, ''),
    `Exported from Keel on ${at.toISOString().slice(0, 10)}.`,
    '## What needs attention',
    attention(r, now),
    '## Uncertainty map',
    uncertainty(r),
    '## Shared metrics',
    metrics.length ? metrics.map((m) => metric(m, r)).join('\n\n') : 'No shared metrics yet.',
    '## Trade-off matrices',
    matrices.length ? matrices.map((m) => matrix(m, r, decisionLink)).join('\n\n') : 'No trade-off matrices yet.',
    '## Decision log',
    decisionLog(r),
    '## Roadmap',
    roadmap(r, at.getUTCFullYear()),
    '## Scope changes',
    scope(r),
    '## Open actions',
    openActions(r),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
