import { ACTION_STATUS_LABELS } from '../actions/model';
import { DECISION_STATUS_LABELS, decisionNumber } from '../decisions/model';
import type { LinkKind } from '../links';
import { ROADMAP_STATUS_LABELS } from '../roadmap/model';
import { isSetback, movementBetween, movementParts } from '../roadmap/movement';
import { SCOPE_DECISION_LABELS } from '../scope/model';
import { dayInWords } from '../time';
import { STATUS_LABELS } from '../uncertainty/model';
import { QUADRANTS, quadrantOf } from '../uncertainty/quadrants';
import { andList, plural, quoted } from '../words';
import type { ProgramState } from './snapshot';

// What changed in a program between two of its states (a session's snapshots, or a snapshot and
// now): one line per record that changed, in plain words, with the record to open. Records are
// matched by id through Maps, so two programs of thousands of records compare in milliseconds.

export const DIFF_AREAS = ['uncertainty', 'metrics', 'matrices', 'roadmap', 'decisions', 'scope', 'actions'] as const;
export type DiffArea = (typeof DIFF_AREAS)[number];
export const DIFF_AREA_LABELS: Record<DiffArea, string> = {
  uncertainty: 'Uncertainty',
  metrics: 'Metrics',
  matrices: 'Trade-offs',
  roadmap: 'Roadmap',
  decisions: 'Decision log',
  scope: 'Scope changes',
  actions: 'Actions',
};
const AREA_KIND: Record<DiffArea, LinkKind> = {
  uncertainty: 'uncertainty',
  metrics: 'metric',
  matrices: 'matrix',
  roadmap: 'roadmapItem',
  decisions: 'decision',
  scope: 'scope',
  actions: 'action',
};

/** What kind of change a part of a line is: a test or a filter can ask for one. */
export type ChangeKind =
  | 'added'
  | 'removed'
  | 'quadrant'
  | 'moved'
  | 'status'
  | 'evidence'
  | 'version'
  | 'signed'
  | 'breached'
  | 'recovered'
  | 'decided'
  | 'reopened'
  | 'horizon'
  | 'slipped'
  | 'pulled-in'
  | 'dated'
  | 'confidence'
  | 'done'
  | 'owner'
  | 'due';

export interface Change {
  area: DiffArea;
  /** The record to open. */
  target: { kind: LinkKind; id: string };
  /** The record's name now (as it was, when it was removed). */
  title: string;
  /** Every kind of change the line tells, in the order it tells them. */
  kinds: ChangeKind[];
  /** What happened to it, without its name: "moved from Watch to Test first (impact 2 → 4)". */
  sentence: string;
  /** Bad news (a slip, a breach, lower confidence), to be told apart from good news. */
  setback: boolean;
}

interface Part {
  kind: ChangeKind;
  text: string;
  setback?: boolean;
}

/** Every record that changed from `before` to `after`, by area, each area by title. */
export function diffStates(before: ProgramState, after: ProgramState): Change[] {
  const functionName = namesById([...before.functions, ...after.functions]);
  return [
    ...compare('uncertainty', before.uncertainty, after.uncertainty, (i) => i.title, uncertaintyParts),
    ...compare('metrics', before.metrics, after.metrics, (m) => m.name, (a, b) => metricParts(a, b, functionName)),
    ...compare('matrices', before.matrices, after.matrices, (m) => m.question, matrixParts),
    ...compare('roadmap', before.roadmap, after.roadmap, (r) => r.title, roadmapParts),
    ...compare('decisions', before.decisions, after.decisions, (d) => `${decisionNumber(d.number)} ${d.title}`, decisionParts),
    ...compare('scope', before.scope, after.scope, (s) => s.title, scopeParts),
    ...compare('actions', before.actions, after.actions, (a) => a.title, actionParts),
  ];
}

/** The changes of each area that has any, in the areas' order. */
export function changesByArea(changes: readonly Change[]): { area: DiffArea; label: string; changes: Change[] }[] {
  const groups = new Map<DiffArea, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.area);
    if (group) group.push(change);
    else groups.set(change.area, [change]);
  }
  return DIFF_AREAS.filter((area) => groups.has(area)).map((area) => ({ area, label: DIFF_AREA_LABELS[area], changes: groups.get(area)! }));
}

/** A change as one line: "Label noise: moved from Watch to Test first". */
export function changeLine(change: Change): string {
  return `${change.title}: ${change.sentence}`;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function namesById(rows: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Lines for one area: records only in `after` are added, only in `before` removed, and those in
 * both are described by `describe` (no parts: unchanged, no line).
 */
function compare<T extends { id: string }>(
  area: DiffArea,
  before: readonly T[],
  after: readonly T[],
  title: (row: T) => string,
  describe: (was: T, now: T) => Part[],
): Change[] {
  const was = new Map(before.map((row) => [row.id, row]));
  const seen = new Set<string>();
  const out: Change[] = [];
  const line = (row: T, parts: Part[]): Change => ({
    area,
    target: { kind: AREA_KIND[area], id: row.id },
    title: title(row),
    kinds: parts.map((p) => p.kind),
    sentence: parts.map((p) => p.text).join('; '),
    setback: parts.some((p) => p.setback),
  });
  for (const row of after) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const old = was.get(row.id);
    if (!old) {
      out.push(line(row, [{ kind: 'added', text: 'added' }]));
      continue;
    }
    const parts = describe(old, row);
    if (parts.length) out.push(line(row, parts));
  }
  for (const row of before) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    out.push(line(row, [{ kind: 'removed', text: 'removed' }]));
  }
  return out.sort((a, b) => collator.compare(a.title, b.title));
}

type UncertaintyRow = ProgramState['uncertainty'][number];

/** A score as shown on the map's axes: whole or one decimal. */
const score = (n: number) => String(n);

type Place = { impact: number; uncertainty: number };

/**
 * An item's move on the map in words: "moved from Watch to Test first (impact 2 → 4)", or
 * "moved within Test first (…)"; undefined when it did not move.
 */
export function describeMove(was: Place, now: Place): { kind: 'quadrant' | 'moved'; text: string } | undefined {
  const axes: string[] = [];
  if (was.impact !== now.impact) axes.push(`impact ${score(was.impact)} → ${score(now.impact)}`);
  if (was.uncertainty !== now.uncertainty) axes.push(`uncertainty ${score(was.uncertainty)} → ${score(now.uncertainty)}`);
  if (axes.length === 0) return undefined;
  const from = quadrantOf(was.impact, was.uncertainty);
  const to = quadrantOf(now.impact, now.uncertainty);
  if (from !== to) return { kind: 'quadrant', text: `moved from ${QUADRANTS[from].label} to ${QUADRANTS[to].label} (${axes.join(', ')})` };
  return { kind: 'moved', text: `moved within ${QUADRANTS[to].label} (${axes.join(', ')})` };
}

function uncertaintyParts(was: UncertaintyRow, now: UncertaintyRow): Part[] {
  const parts: Part[] = [];
  const move = describeMove(was, now);
  if (move) parts.push(move);
  if (was.status !== now.status) parts.push({ kind: 'status', text: `now ${STATUS_LABELS[now.status]} (was ${STATUS_LABELS[was.status]})`, setback: now.status === 'invalidated' });
  const added = now.evidence - was.evidence;
  if (added > 0 || (added === 0 && now.lastEvidence !== was.lastEvidence && now.lastEvidence !== '')) {
    const count = added > 0 ? plural(added, 'new evidence entry', 'new evidence entries') : 'evidence changed';
    parts.push({ kind: 'evidence', text: now.lastEvidence ? `${count}, the latest: ${quoted(now.lastEvidence)}` : count });
  }
  return parts;
}

type MetricRow = ProgramState['metrics'][number];

function metricParts(was: MetricRow, now: MetricRow, functionName: ReadonlyMap<string, string>): Part[] {
  const parts: Part[] = [];
  const newVersion = was.version !== now.version;
  if (newVersion) parts.push({ kind: 'version', text: `changed to version ${now.version} (was ${was.version})` });
  // Agreement belongs to a version: after a new version every agreement is new.
  const agreedBefore = new Set(newVersion ? [] : was.agreed);
  const signed = now.agreed.filter((id) => !agreedBefore.has(id)).map((id) => functionName.get(id) ?? 'a function since removed');
  if (signed.length) parts.push({ kind: 'signed', text: `signed by ${andList(signed)}` });
  const reading = now.latestValue === null ? '' : ` (latest reading ${now.latestValue}${now.latestDate ? ` on ${dayInWords(now.latestDate)}` : ''})`;
  if (!was.breached && now.breached) parts.push({ kind: 'breached', text: `breached its guardrail${reading}`, setback: true });
  if (was.breached && !now.breached) parts.push({ kind: 'recovered', text: `back within its guardrail${reading}` });
  return parts;
}

type MatrixRow = ProgramState['matrices'][number];

function matrixParts(was: MatrixRow, now: MatrixRow): Part[] {
  const parts: Part[] = [];
  const reopened = now.reopened > was.reopened;
  if (reopened) parts.push({ kind: 'reopened', text: was.decided ? `reopened (the decision for ${quoted(was.decided)} was withdrawn)` : 'reopened' });
  if (now.decided && (now.decided !== was.decided || reopened)) {
    parts.push({ kind: 'decided', text: was.decided && !reopened ? `decided for ${quoted(now.decided)} (was ${quoted(was.decided)})` : `decided for ${quoted(now.decided)}` });
  }
  return parts;
}

type RoadmapRow = ProgramState['roadmap'][number];

function roadmapParts(was: RoadmapRow, now: RoadmapRow): Part[] {
  const parts: Part[] = [];
  // The roadmap's own words for a forecast that moved (movement.ts), a phrase per change.
  const movement = movementBetween({ at: 0, horizon: was.horizon, earliest: was.earliest, latest: was.latest, confidence: was.confidence }, now);
  const setback = isSetback(movement);
  for (const text of movementParts(movement)) parts.push({ kind: movementKind(text), text, setback });
  if (was.latest === '' && now.latest !== '') parts.push({ kind: 'dated', text: `dated ${dayInWords(now.earliest)} to ${dayInWords(now.latest)}` });
  if (was.status !== now.status) {
    parts.push({ kind: now.status === 'done' ? 'done' : 'status', text: `now ${ROADMAP_STATUS_LABELS[now.status]} (was ${ROADMAP_STATUS_LABELS[was.status]})` });
  }
  return parts;
}

/** Which kind movementParts' phrase tells. */
function movementKind(text: string): ChangeKind {
  if (text.startsWith('moved')) return 'horizon';
  if (text.startsWith('slipped')) return 'slipped';
  if (text.startsWith('came in')) return 'pulled-in';
  return 'confidence';
}

type DecisionRow = ProgramState['decisions'][number];

function decisionParts(was: DecisionRow, now: DecisionRow): Part[] {
  return was.status === now.status ? [] : [{ kind: 'status', text: `now ${DECISION_STATUS_LABELS[now.status]} (was ${DECISION_STATUS_LABELS[was.status]})` }];
}

type ScopeRow = ProgramState['scope'][number];

function scopeParts(was: ScopeRow, now: ScopeRow): Part[] {
  if (was.decision === now.decision) return [];
  const label = SCOPE_DECISION_LABELS[now.decision];
  if (was.decision === 'pending') return [{ kind: 'decided', text: `decided: ${label}` }];
  return [{ kind: now.decision === 'pending' ? 'reopened' : 'decided', text: `now ${label} (was ${SCOPE_DECISION_LABELS[was.decision]})` }];
}

type ActionRow = ProgramState['actions'][number];

function actionParts(was: ActionRow, now: ActionRow): Part[] {
  const parts: Part[] = [];
  if (was.status !== now.status) {
    parts.push(now.status === 'done' ? { kind: 'done', text: 'done' } : { kind: 'status', text: `now ${ACTION_STATUS_LABELS[now.status]} (was ${ACTION_STATUS_LABELS[was.status]})` });
  }
  if (was.owner !== now.owner) parts.push({ kind: 'owner', text: now.owner ? `owner ${now.owner}${was.owner ? ` (was ${was.owner})` : ''}` : `no owner (was ${was.owner})` });
  if (was.due !== now.due) {
    const later = was.due !== '' && now.due > was.due;
    parts.push({ kind: 'due', text: now.due ? `due ${dayInWords(now.due)}${was.due ? ` (was ${dayInWords(was.due)})` : ''}` : `no due date (was ${dayInWords(was.due)})`, setback: later });
  }
  return parts;
}
