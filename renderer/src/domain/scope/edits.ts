import { checkOneLine, checkTextFields, failed, passed, type Check } from '../check';
import { isDay } from '../dates';
import { checkConfidence, checkRange, checkRoadmapTitle } from '../roadmap/edits';
import { HORIZONS, LINKS_MAX } from '../roadmap/model';
import {
  EFFECTS_MAX,
  SCOPE_DECISIONS,
  SCOPE_KINDS,
  SCOPE_PERSON_MAX,
  SCOPE_REASONS,
  SCOPE_TEXT_MAX,
  SCOPE_TITLE_MAX,
  type ScopeChange,
  type ScopeEffect,
} from './model';

// The scope changes' rules for what may be stored: forms, repositories and the file format share them.

export function checkScopeTitle(raw: string): Check<string> {
  return checkOneLine(raw, SCOPE_TITLE_MAX, 'change', 'Say what changed.');
}

/** What a scope change's edit may set by hand (its decision is set by `decide`, its effects by `setEffects`). */
export type ScopePatch = Partial<
  Pick<
    ScopeChange,
    | 'title'
    | 'description'
    | 'requestedBy'
    | 'requestedFunction'
    | 'requestedOn'
    | 'reason'
    | 'kind'
    | 'impactRoadmap'
    | 'impactCost'
    | 'rationale'
    | 'decidedOn'
    | 'roadmapItemIds'
    | 'metricIds'
    | 'uncertaintyIds'
  >
>;

const LONG_FIELDS = { description: 'description', impactRoadmap: 'impact on the roadmap', impactCost: 'impact on cost', rationale: 'rationale' } as const;
const PERSON_FIELDS = { requestedBy: 'name of who asked', requestedFunction: 'function' } as const;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): boolean {
  return value === undefined || (values as readonly string[]).includes(value);
}

/** A scope change's edit, cleaned, or the sentence saying what is wrong with it. */
export function checkScopePatch(patch: ScopePatch): Check<ScopePatch> {
  const out: ScopePatch = { ...patch };
  if (patch.title !== undefined) {
    const title = checkScopeTitle(patch.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  for (const [field, what] of Object.entries(PERSON_FIELDS) as [keyof typeof PERSON_FIELDS, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    const checked = checkOneLine(value, SCOPE_PERSON_MAX, what);
    if (!checked.ok) return checked;
    out[field] = checked.value;
  }
  const long = checkTextFields(out, LONG_FIELDS, SCOPE_TEXT_MAX);
  if (!long.ok) return long;
  if (patch.requestedOn !== undefined && !isDay(patch.requestedOn)) return failed('Give the day it was asked as a date.');
  if (patch.decidedOn !== undefined && patch.decidedOn !== '' && !isDay(patch.decidedOn)) return failed('Give the day of the decision as a date.');
  if (!oneOf(SCOPE_REASONS, patch.reason)) return failed('Choose why the scope changed.');
  if (!oneOf(SCOPE_KINDS, patch.kind)) return failed('Choose the kind of change.');
  for (const field of ['roadmapItemIds', 'metricIds', 'uncertaintyIds'] as const) {
    const list = patch[field];
    if (list !== undefined && list.length > LINKS_MAX) return failed(`A scope change links to up to ${LINKS_MAX} records of a kind.`);
    if (list !== undefined) out[field] = [...new Set(list)];
  }
  return passed(long.value);
}

export function checkScopeDecision(value: string): Check<ScopeChange['decision']> {
  return oneOf(SCOPE_DECISIONS, value) ? passed(value as ScopeChange['decision']) : failed('Choose a decision.');
}

/** One effect of a change on the roadmap, cleaned, or what is wrong with it. */
export function checkEffect(effect: ScopeEffect): Check<ScopeEffect> {
  if (effect.kind === 'drop') return effect.roadmapItemId ? passed({ ...effect }) : failed('Choose the roadmap item to drop.');
  if (!(HORIZONS as readonly string[]).includes(effect.horizon)) return failed('Choose a horizon.');
  const range = checkRange(effect.earliest, effect.latest);
  if (!range.ok) return range;
  if (effect.kind === 'move') return effect.roadmapItemId ? passed({ ...effect, ...range.value }) : failed('Choose the roadmap item to move.');
  const title = checkRoadmapTitle(effect.title);
  if (!title.ok) return title;
  const confidence = checkConfidence(effect.confidence);
  if (!confidence.ok) return confidence;
  return passed({ ...effect, ...range.value, title: title.value, confidence: confidence.value });
}

/** A change's list of effects, each checked; the first problem is named with its place. */
export function checkEffects(effects: readonly ScopeEffect[]): Check<ScopeEffect[]> {
  if (effects.length > EFFECTS_MAX) return failed(`A scope change has up to ${EFFECTS_MAX} effects on the roadmap.`);
  const out: ScopeEffect[] = [];
  for (const [i, effect] of effects.entries()) {
    const checked = checkEffect(effect);
    if (!checked.ok) return failed(effects.length === 1 ? checked.message : `Effect ${i + 1}: ${checked.message}`);
    out.push(checked.value);
  }
  return passed(out);
}

/** A text of a scope change is at most this long: the long fields' limit (for a form's maxlength). */
export const scopeTextLimit = (field: keyof typeof LONG_FIELDS | keyof typeof PERSON_FIELDS | 'title'): number =>
  field === 'title' ? SCOPE_TITLE_MAX : field in PERSON_FIELDS ? SCOPE_PERSON_MAX : SCOPE_TEXT_MAX;

/** A new scope change as logged: pending, asked on `requestedOn`, nothing applied yet. */
export function newScopeChange(programId: string, title: string, requestedOn: string, id: string, now: number): ScopeChange {
  return {
    id,
    programId,
    title,
    description: '',
    requestedBy: '',
    requestedFunction: '',
    requestedOn,
    reason: 'data',
    kind: 'expand',
    impactRoadmap: '',
    impactCost: '',
    roadmapItemIds: [],
    metricIds: [],
    uncertaintyIds: [],
    effects: [],
    decision: 'pending',
    rationale: '',
    decidedOn: '',
    appliedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
