import type { Action } from './actions/model';
import { isoDay } from './dates';
import type { LinkKind } from './links';
import type { ProgramFunction } from './metrics/model';
import { metricRows } from './metrics/rows';
import { STATUS_LABELS } from './metrics/status';
import { oldestFirst } from './order';
import { flagReason, type PlanRecords, type RevisitFlag } from './revisit/flags';
import { confidenceWords, describeMovement, itemMovement, isLowConfidence } from './roadmap/movement';
import type { ScopeChange } from './scope/model';
import { dayInWords } from './time';
import { isUnplaced, QUADRANTS, quadrantOf } from './uncertainty/quadrants';
import { staleReasons, staleSentence } from './uncertainty/staleness';
import type { UncertaintyItem } from './uncertainty/model';
import { plural } from './words';

// The program's overview as "what needs attention": one list per kind of concern, each line a
// record to open and why it is there. Every rule is the area's own (staleness, metric status,
// agreement, forecast movement, revisit flags); this only gathers them.

export const ATTENTION_SECTIONS = ['revisit', 'metrics', 'uncertainty', 'signoff', 'matrices', 'actions', 'scope', 'roadmap'] as const;
export type AttentionSectionId = (typeof ATTENTION_SECTIONS)[number];

export const ATTENTION_TITLES: Record<AttentionSectionId, string> = {
  revisit: 'Revisit: rests on something that failed',
  metrics: 'Metrics breached or at risk',
  uncertainty: 'Stale uncertainties and untested "test first" items',
  signoff: 'Metrics awaiting sign-off or with objections',
  matrices: 'Trade-off matrices without a decision',
  actions: 'Overdue actions',
  scope: 'Scope changes awaiting a decision',
  roadmap: 'Roadmap items with low confidence or a slipped range',
};

export interface AttentionLine {
  kind: LinkKind;
  id: string;
  title: string;
  /** Why it is here, in one sentence. */
  detail: string;
  /** For a revisit line: the flag, so its chain can link each record. */
  flag?: RevisitFlag;
}

export interface AttentionSection {
  id: AttentionSectionId;
  lines: AttentionLine[];
}

export interface AttentionInput extends PlanRecords {
  functions: readonly ProgramFunction[];
  scopeChanges: readonly ScopeChange[];
}

/** An item in the "test first" quadrant (placed there, not left mid-map) that is still open and has no evidence at all. */
export function isUntestedTestFirst(item: UncertaintyItem): boolean {
  return item.status === 'open' && item.evidence.length === 0 && !isUnplaced(item) && quadrantOf(item.impact, item.uncertainty) === 'test-first';
}

/** An action past its due day (before today) that is neither done nor cancelled. */
export function isOverdue(action: Action, today: string): boolean {
  return action.due !== '' && action.due < today && (action.status === 'open' || action.status === 'in-progress');
}

function uncertaintyLines(items: readonly UncertaintyItem[], now: number, staleAfterDays: number): AttentionLine[] {
  const lines: AttentionLine[] = [];
  for (const item of oldestFirst(items)) {
    const stale = staleSentence(staleReasons(item, now, staleAfterDays));
    const untested = isUntestedTestFirst(item) ? `${QUADRANTS['test-first'].label}, with no evidence yet.` : '';
    if (stale || untested) lines.push({ kind: 'uncertainty', id: item.id, title: item.title, detail: [untested, stale].filter(Boolean).join(' ') });
  }
  return lines;
}

function metricLines(input: AttentionInput, now: number): { metrics: AttentionLine[]; signoff: AttentionLine[] } {
  const rows = metricRows(input.metrics, input.functions, now, 0);
  const status = (wanted: string) =>
    rows
      .filter((r) => r.status.status === wanted)
      .map((r) => ({ kind: 'metric' as const, id: r.metric.id, title: r.metric.name, detail: `${STATUS_LABELS[r.status.status]}: ${r.status.reason}` }));
  const signoff = rows.flatMap((r): AttentionLine[] => {
    const { agreement } = r;
    const parts: string[] = [];
    if (agreement.state === 'pending') parts.push(`Version ${r.metric.version} awaits sign-off: ${agreement.agreed} of ${plural(agreement.required, 'required function')} agree.`);
    for (const o of agreement.objections) parts.push(`${o.functionName} objects${o.reason ? `: ${o.reason}` : '.'}`);
    return parts.length ? [{ kind: 'metric', id: r.metric.id, title: r.metric.name, detail: parts.join(' ') }] : [];
  });
  return { metrics: [...status('breached'), ...status('at-risk')], signoff };
}

function roadmapLines(input: AttentionInput): AttentionLine[] {
  return oldestFirst(input.roadmapItems).flatMap((item): AttentionLine[] => {
    if (item.status === 'done' || item.status === 'dropped') return [];
    // The card's rule for movement (domain/roadmap/movement.ts), and low confidence said either way.
    const movement = itemMovement(item);
    const slipped = movement !== null && movement.slippedDays !== null && movement.slippedDays > 0;
    const low = isLowConfidence(item.confidence);
    if (!slipped && !low) return [];
    const confidence = `confidence is ${typeof item.confidence === 'number' ? 'only ' : ''}${confidenceWords(item.confidence)}`;
    // A slip that already says the confidence fell needs no second word on it.
    const saidAlready = slipped && movement.confidenceFrom !== movement.confidenceTo;
    const detail = slipped ? `${describeMovement(movement)}${low && !saidAlready ? `; ${confidence}` : ''}` : confidence;
    return [{ kind: 'roadmapItem', id: item.id, title: item.title, detail: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` }];
  });
}

/**
 * What needs attention in a program, section by section (empty sections included, in the order
 * shown). `flags` are the program's revisit flags; only those not yet reviewed are listed.
 */
export function attentionOf(input: AttentionInput, flags: readonly RevisitFlag[], now: number, staleAfterDays: number): AttentionSection[] {
  const today = isoDay(now);
  const { metrics, signoff } = metricLines(input, now);
  const lines: Record<AttentionSectionId, AttentionLine[]> = {
    revisit: flags
      .filter((f) => !f.review)
      .map((flag) => ({ kind: flag.target.kind, id: flag.target.id, title: flag.target.label, detail: flagReason(flag), flag })),
    metrics,
    uncertainty: uncertaintyLines(input.uncertaintyItems, now, staleAfterDays),
    signoff,
    matrices: oldestFirst(input.matrices)
      .filter((m) => m.decision === null)
      .map((m) => ({ kind: 'matrix', id: m.id, title: m.question, detail: `Open, with ${plural(m.options.length, 'option')} and ${plural(m.criteria.length, 'criterion', 'criteria')}.` })),
    actions: input.actions
      .filter((a) => isOverdue(a, today))
      .sort((a, b) => a.due.localeCompare(b.due) || a.createdAt - b.createdAt)
      .map((a) => ({ kind: 'action', id: a.id, title: a.title, detail: `Was due ${dayInWords(a.due)}${a.owner ? `; ${a.owner} owns it` : ''}.` })),
    scope: oldestFirst(input.scopeChanges)
      .filter((c) => c.decision === 'pending')
      .map((c) => ({
        kind: 'scope',
        id: c.id,
        title: c.title,
        detail: `Pending${c.requestedBy ? `, asked by ${c.requestedBy}` : ''}${c.requestedOn ? ` on ${dayInWords(c.requestedOn)}` : ''}.`,
      })),
    roadmap: roadmapLines(input),
  };
  return ATTENTION_SECTIONS.map((id) => ({ id, lines: lines[id] }));
}

/** How many lines need attention in all. */
export function attentionCount(sections: readonly AttentionSection[]): number {
  return sections.reduce((sum, s) => sum + s.lines.length, 0);
}
