import type { Action } from '../actions/model';
import type { DecisionRecord } from '../decisions/model';
import { ownValue } from '../ids';
import { decisionNumber, LINK_FIELDS, type LinkField, type LinkKind } from '../links';
import type { Metric } from '../metrics/model';
import { breaches } from '../metrics/guardrail';
import type { RoadmapItem } from '../roadmap/model';
import { dayInWords, formatDate } from '../time';
import type { Matrix } from '../tradeoffs/model';
import type { UncertaintyItem } from '../uncertainty/model';
import { quoted } from '../words';
import { REVISIT_CAUSES, REVISIT_TARGETS, type RevisitCauseKind, type RevisitReview, type RevisitTargetKind } from './model';

// Revisit flags, worked out from the program each time it is read (never stored): what rests on
// an assumption found false or a metric past its guardrail, directly or through one flagged
// decision, and whether someone has reviewed it since that failure began.

/** The records flags are worked out from. */
export interface PlanRecords {
  uncertaintyItems: readonly UncertaintyItem[];
  metrics: readonly Metric[];
  roadmapItems: readonly RoadmapItem[];
  decisions: readonly DecisionRecord[];
  matrices: readonly Matrix[];
  actions: readonly Action[];
}

export interface RecordRef {
  kind: LinkKind;
  id: string;
  /** Its title (a decision's number and title, a metric's name, a matrix's question). */
  label: string;
  /** How a sentence names it: a decision by its number (ADR-0003), anything else by its title in quotes. */
  short: string;
}

export interface RevisitCause extends RecordRef {
  kind: RevisitCauseKind;
  /** When the failure began: an ISO time (an item invalidated) or a day (the first reading past the guardrail). */
  since: string;
  /** The failure in words, after the record's name: "found false on Nov 20, 2026". */
  failure: string;
}

/** One link of a flag's chain: the record before it (the target, or the previous step) `relation` this record. */
export interface ChainStep {
  record: RecordRef;
  relation: string;
}

export interface RevisitFlag {
  target: RecordRef & { kind: RevisitTargetKind };
  cause: RevisitCause;
  /** From the target outwards; the last step is the cause. One step when the target links to the cause itself. */
  chain: ChainStep[];
  /** The review that cleared this flag (of this failure of this cause), or undefined while it stands. */
  review: RevisitReview | undefined;
}

/** How many links a flag follows from its cause: to the records that link to it, and once more through a flagged decision. */
const MAX_HOPS = 2;

// --- Causes ---

/** When an invalidated item became so: the first point of the run of invalidated points that ends its history. */
export function invalidatedSince(item: Pick<UncertaintyItem, 'status' | 'history' | 'createdAt'>): number | undefined {
  if (item.status !== 'invalidated') return undefined;
  let since = item.createdAt;
  for (let i = item.history.length - 1; i >= 0 && item.history[i]!.status === 'invalidated'; i--) since = item.history[i]!.at;
  return since;
}

/**
 * The day a metric's latest reading breaks its guardrail, counted from the first of the readings in
 * a row that break it: a metric that stays past its guardrail is one failure, one that recovers and
 * breaks it again is a new one. Undefined when the latest reading is within the guardrail.
 */
export function breachedSince(metric: Pick<Metric, 'readings' | 'guardrail'>): string | undefined {
  const { readings, guardrail } = metric;
  let since: string | undefined;
  for (let i = readings.length - 1; i >= 0 && breaches(readings[i]!.value, guardrail); i--) since = readings[i]!.date;
  return since;
}

function causesOf(records: PlanRecords): RevisitCause[] {
  const causes: RevisitCause[] = [];
  for (const item of records.uncertaintyItems) {
    const since = invalidatedSince(item);
    if (since !== undefined)
      causes.push({ kind: 'uncertainty', id: item.id, label: item.title, short: quoted(item.title), since: new Date(since).toISOString(), failure: `found false on ${formatDate(since)}` });
  }
  for (const metric of records.metrics) {
    const since = breachedSince(metric);
    if (since !== undefined) causes.push({ kind: 'metric', id: metric.id, label: metric.name, short: quoted(metric.name), since, failure: `past its guardrail since ${dayInWords(since)}` });
  }
  return causes;
}

// --- What rests on what ---

const isTargetKind = (kind: LinkKind): kind is RevisitTargetKind => (REVISIT_TARGETS as readonly string[]).includes(kind);
const isCauseKind = (kind: LinkKind): boolean => (REVISIT_CAUSES as readonly string[]).includes(kind);

/**
 * The link fields (domain/links.ts) read as "rests on". Most say that the record holding them rests
 * on what they name (a roadmap item on its assumptions, metrics and decisions); a decision's
 * roadmap items and matrix rest on the decision instead (it shapes them). Supersession is history,
 * not reliance, and scope changes are not flagged.
 */
const HOLDER_RESTS_ON = LINK_FIELDS.filter((f) => isTargetKind(f.from) && (isCauseKind(f.to) || (f.to === 'decision' && f.from !== 'decision')));
const NAMED_RESTS_ON = LINK_FIELDS.filter((f) => f.from === 'decision' && isTargetKind(f.to) && f.to !== 'decision');

const RELATIONS: Record<string, string> = {
  'roadmapItem.decisionIds': 'comes from',
  'decision.roadmapItemIds': 'comes from',
  'decision.matrixId': 'was decided in',
};
const relationOf = (f: LinkField) => RELATIONS[`${f.from}.${f.field}`] ?? 'rests on';

interface Dependent {
  kind: RevisitTargetKind;
  id: string;
  relation: string;
}

const keyOf = (kind: LinkKind, id: string) => `${kind}:${id}`;

function idsIn(row: object, f: LinkField): string[] {
  const value = ownValue(row as Record<string, unknown>, f.field);
  if (f.list) return Array.isArray(value) ? (value as string[]) : [];
  return typeof value === 'string' && value ? [value] : [];
}

/** Who rests on each record (by kind:id), among the records that can be flagged now. */
function dependentsOf(records: PlanRecords, eligible: ReadonlyMap<string, RecordRef>): Map<string, Dependent[]> {
  const dependents = new Map<string, Dependent[]>();
  const add = (onKind: LinkKind, onId: string, dependent: Dependent) => {
    if (!eligible.has(keyOf(dependent.kind, dependent.id))) return;
    const key = keyOf(onKind, onId);
    const list = dependents.get(key);
    if (list) list.push(dependent);
    else dependents.set(key, [dependent]);
  };
  const rows: Record<RevisitTargetKind, readonly { id: string }[]> = {
    roadmapItem: records.roadmapItems,
    decision: records.decisions,
    matrix: records.matrices,
    action: records.actions,
  };
  for (const f of HOLDER_RESTS_ON) {
    const kind = f.from as RevisitTargetKind;
    for (const row of rows[kind]) for (const id of idsIn(row, f)) add(f.to, id, { kind, id: row.id, relation: relationOf(f) });
  }
  for (const f of NAMED_RESTS_ON) {
    for (const row of rows.decision) for (const id of idsIn(row, f)) add('decision', row.id, { kind: f.to as RevisitTargetKind, id, relation: relationOf(f) });
  }
  // Links outside LINK_FIELDS: an action's source, and a matrix's criteria that are shared metrics.
  for (const action of records.actions) if (action.source) add(action.source.kind, action.source.id, { kind: 'action', id: action.id, relation: 'comes from' });
  for (const matrix of records.matrices) {
    for (const c of matrix.criteria) if (c.metricId) add('metric', c.metricId, { kind: 'matrix', id: matrix.id, relation: 'weighs' });
  }
  return dependents;
}

/** The records a flag can land on: roadmap items not dropped, accepted decisions, decided matrices, open actions. */
function eligibleTargets(records: PlanRecords): Map<string, RecordRef> {
  const eligible = new Map<string, RecordRef>();
  const put = (kind: RevisitTargetKind, id: string, label: string, short = quoted(label)) => eligible.set(keyOf(kind, id), { kind, id, label, short });
  for (const r of records.roadmapItems) if (r.status !== 'dropped') put('roadmapItem', r.id, r.title);
  for (const d of records.decisions) if (d.status === 'accepted') put('decision', d.id, `${decisionNumber(d.number)} ${d.title}`, decisionNumber(d.number));
  for (const m of records.matrices) if (m.decision) put('matrix', m.id, m.question);
  for (const a of records.actions) if (a.status === 'open' || a.status === 'in-progress') put('action', a.id, a.title);
  return eligible;
}

function reviewKey(targetKind: string, targetId: string, causeKind: string, causeId: string, since: string): string {
  return [targetKind, targetId, causeKind, causeId, since].join('\u0000');
}

/**
 * Every revisit flag of the program, reviewed or not: for each failed assumption or breached
 * metric, the records that rest on it, and those resting on a flagged decision in turn (the chain
 * says how). Each record is flagged once per cause, by its shortest chain; a loop of links ends
 * because no record is visited twice for one cause, and no chain is longer than MAX_HOPS.
 */
export function revisitFlags(records: PlanRecords, reviews: readonly RevisitReview[]): RevisitFlag[] {
  const causes = causesOf(records);
  if (causes.length === 0) return [];
  const eligible = eligibleTargets(records);
  const dependents = dependentsOf(records, eligible);
  const reviewed = new Map<string, RevisitReview>();
  for (const r of reviews) {
    const key = reviewKey(r.targetKind, r.targetId, r.causeKind, r.causeId, r.causeSince);
    if ((reviewed.get(key)?.at ?? -Infinity) <= r.at) reviewed.set(key, r);
  }

  const flags: RevisitFlag[] = [];
  for (const cause of causes) {
    const seen = new Set<string>([keyOf(cause.kind, cause.id)]);
    let frontier: { key: string; chain: ChainStep[] }[] = [{ key: keyOf(cause.kind, cause.id), chain: [] }];
    for (let hop = 1; hop <= MAX_HOPS && frontier.length; hop++) {
      const next: typeof frontier = [];
      for (const { key, chain } of frontier) {
        const on = key === keyOf(cause.kind, cause.id) ? cause : eligible.get(key)!;
        for (const dependent of dependents.get(key) ?? []) {
          const dependentKey = keyOf(dependent.kind, dependent.id);
          if (seen.has(dependentKey)) continue;
          seen.add(dependentKey);
          const target = eligible.get(dependentKey)! as RecordRef & { kind: RevisitTargetKind };
          const steps = [{ record: { kind: on.kind, id: on.id, label: on.label, short: on.short }, relation: dependent.relation }, ...chain];
          flags.push({ target, cause, chain: steps, review: reviewed.get(reviewKey(target.kind, target.id, cause.kind, cause.id, cause.since)) });
          // Only a decision passes a flag on: what it shaped rests on it (the "once more").
          if (dependent.kind === 'decision') next.push({ key: dependentKey, chain: steps });
        }
      }
      frontier = next;
    }
  }
  return flags;
}

/** The flags on one record, standing ones first. */
export function flagsOn(flags: readonly RevisitFlag[], kind: RevisitTargetKind, id: string): RevisitFlag[] {
  const own = flags.filter((f) => f.target.kind === kind && f.target.id === id);
  return [...own.filter((f) => !f.review), ...own.filter((f) => f.review)];
}

/** Why the record is flagged, from its own point of view: "Rests on ADR-0003, which rests on "Users accept 2 s", found false on Nov 20, 2026." */
export function flagReason(flag: RevisitFlag): string {
  const text = chainText(flag);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The flag in one sentence that names the record: ""Hybrid retrieval" rests on ADR-0003, which rests on …, found false on Nov 20, 2026." */
export function flagSentence(flag: RevisitFlag): string {
  return `${flag.target.short} ${chainText(flag)}.`;
}

function chainText(flag: RevisitFlag): string {
  const steps = flag.chain.map((step, i) => `${i ? 'which ' : ''}${step.relation} ${step.record.short}`);
  return `${steps.join(', ')}, ${flag.cause.failure}`;
}
