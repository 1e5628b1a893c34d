// The rules of every change of shared metrics and functions, pure: what may be stored, cleaned,
// or a sentence saying why not. The repository reads, applies them and writes; forms use the
// same checks for their inline messages.

import { checkLongText, checkNumber, checkOneLine, checkTextFields, failed, passed, type Check } from '../check';
import { parseDay } from '../dates';
import { movedTo } from '../order';
import {
  FUNCTION_NAME_MAX,
  FUNCTIONS_MAX,
  METRIC_NAME_MAX,
  METRIC_SHORT_MAX,
  METRIC_TEXT_MAX,
  READING_NOTE_MAX,
  READINGS_MAX,
  type AgreementChoice,
  type Metric,
  type MetricDraft,
  type ProgramFunction,
  type Reading,
} from './model';
import type { MetricPatch } from './versions';

export function checkMetricName(raw: string): Check<string> {
  return checkOneLine(raw, METRIC_NAME_MAX, 'metric', 'Give the metric a name.');
}

export function checkFunctionName(raw: string, others: readonly Pick<ProgramFunction, 'name'>[] = []): Check<string> {
  const name = checkOneLine(raw, FUNCTION_NAME_MAX, 'function', 'Give the function a name.');
  if (!name.ok) return name;
  if (others.some((f) => f.name.toLocaleLowerCase() === name.value.toLocaleLowerCase())) {
    return failed(`There is already a function called "${name.value}".`);
  }
  return name;
}

/** A new function for the program that has `existing`: a free name, and room for it. */
export function checkNewFunction(raw: string, existing: readonly ProgramFunction[]): Check<string> {
  if (existing.length >= FUNCTIONS_MAX) return failed(`A program has up to ${FUNCTIONS_MAX} functions.`);
  return checkFunctionName(raw, existing);
}

/** A new function at the end of the program's list, required to sign off. */
export function newFunction(programId: string, raw: string, existing: readonly ProgramFunction[], id: string): Check<ProgramFunction> {
  const name = checkNewFunction(raw, existing);
  return name.ok ? passed({ id, programId, name: name.value, required: true, order: existing.length }) : name;
}

/** An optional day of a contract (baseline date, target date): empty, or a real date. */
function checkOptionalDay(value: string, what: string): Check<string> {
  return value !== '' && parseDay(value) === null ? failed(`Give the ${what} as a date.`) : passed(value);
}

/** The texts of a metric and what a message calls them. */
const SHORT_FIELDS = {
  unit: 'unit',
  window: 'window',
  cadence: 'cadence',
  dataSource: 'data source',
  numerator: 'numerator',
  denominator: 'denominator',
  ownerPerson: 'owner',
  customCategory: 'category',
} as const;
const LONG_FIELDS = { description: 'description', decision: 'decision it informs', formula: 'formula' } as const;

/** Cleans and checks a patch the way every write of a metric needs. */
export function checkMetricPatch<T extends MetricPatch>(patch: T): Check<T> {
  const out: MetricPatch = { ...patch };
  const checks: Check<unknown>[] = [];
  if (out.name !== undefined) {
    const name = checkMetricName(out.name);
    if (!name.ok) return name;
    out.name = name.value;
  }
  const short = checkTextFields(out, SHORT_FIELDS, METRIC_SHORT_MAX);
  const long = checkTextFields(short.ok ? short.value : out, LONG_FIELDS, METRIC_TEXT_MAX);
  if (long.ok) Object.assign(out, long.value);
  checks.push(short, long);
  if (out.baseline) checks.push(checkNumber(out.baseline.value, 'baseline'), checkOptionalDay(out.baseline.date, 'baseline date'));
  if (out.target) {
    checks.push(
      checkNumber(out.target.value, 'target'),
      checkNumber(out.target.high, 'top of the target range'),
      checkOptionalDay(out.target.by, 'target date'),
    );
  }
  if (out.guardrail) checks.push(checkNumber(out.guardrail.value, 'guardrail'));
  const problem = checks.find((c) => !c.ok);
  return problem && !problem.ok ? failed(problem.message) : passed(out as T);
}

/**
 * New metrics as stored: checked, at version 1 with nothing signed or read, each a millisecond
 * apart so metrics added together keep the order they were given in.
 */
export function newMetrics(programId: string, drafts: readonly MetricDraft[], makeId: () => string, time: number): Check<Metric[]> {
  const metrics: Metric[] = [];
  for (const [i, draft] of drafts.entries()) {
    const checked = checkMetricPatch(draft);
    if (!checked.ok) return checked;
    metrics.push({ ...checked.value, id: makeId(), programId, version: 1, signoffs: [], versions: [], readings: [], createdAt: time + i, updatedAt: time + i });
  }
  return passed(metrics);
}

/**
 * A metric as the program's functions allow: an owner or sign-offs of functions it does not
 * have (a metric from the library, a version brought back by undo) are dropped.
 */
export function withKnownFunctions(metric: Metric, functionIds: ReadonlySet<string>): Metric {
  const owner = metric.ownerFunctionId && !functionIds.has(metric.ownerFunctionId) ? '' : metric.ownerFunctionId;
  const signoffs = metric.signoffs.filter((s) => functionIds.has(s.functionId));
  return owner === metric.ownerFunctionId && signoffs.length === metric.signoffs.length ? metric : { ...metric, ownerFunctionId: owner, signoffs };
}

/** What an edit of a metric is called in the undo history: "Undid: Change target." */
const METRIC_EDIT_LABELS: [keyof MetricPatch, string][] = [
  ['name', 'Rename metric'],
  ['target', 'Change target'],
  ['baseline', 'Change baseline'],
  ['direction', 'Change direction'],
  ['unit', 'Edit unit'],
  ['formula', 'Edit formula'],
  ['numerator', 'Edit numerator'],
  ['denominator', 'Edit denominator'],
  ['window', 'Edit window'],
  ['category', 'Change category'],
  ['customCategory', 'Edit category'],
  ['ownerFunctionId', 'Change owner'],
  ['ownerPerson', 'Edit owner'],
  ['description', 'Edit description'],
  ['decision', 'Edit decision'],
  ['dataSource', 'Edit data source'],
  ['cadence', 'Edit cadence'],
];

export function metricEditLabel(patch: MetricPatch): string {
  if (patch.guardrail !== undefined) return patch.guardrail === null ? 'Remove guardrail' : 'Change guardrail';
  return METRIC_EDIT_LABELS.find(([field]) => patch[field] !== undefined)?.[1] ?? 'Edit metric';
}

// --- Readings ---

/** Readings are dated within these years, as the CSV reader accepts. */
export const READING_YEARS = { min: 1900, max: 2200 } as const;

/** A reading's date: a real day within READING_YEARS. The form, the repository, the CSV and the file reader use it. */
export function checkReadingDate(date: string): Check<string> {
  if (parseDay(date) === null) return failed('Give the reading a date.');
  const year = Number(date.slice(0, 4));
  if (year < READING_YEARS.min || year > READING_YEARS.max) {
    return failed(`Date readings between the years ${READING_YEARS.min} and ${READING_YEARS.max}.`);
  }
  return passed(date);
}

export type NewReading = Omit<Reading, 'id'>;

/** A reading as stored, with the id given. */
export function checkReading(input: NewReading, id: string): Check<Reading> {
  const date = checkReadingDate(input.date);
  if (!date.ok) return date;
  if (!Number.isFinite(input.value)) return failed('A reading needs a number.');
  const note = checkLongText(input.note.trim(), READING_NOTE_MAX, 'note');
  if (!note.ok) return note;
  return passed({ id, date: input.date, value: input.value, note: note.value });
}

/** Readings stay in date order; readings of the same day keep the order they were added in. */
export function mergeReadings(existing: readonly Reading[], added: readonly Reading[]): Check<Reading[]> {
  if (existing.length + added.length > READINGS_MAX) return failed(`A metric keeps up to ${READINGS_MAX.toLocaleString('en-US')} readings.`);
  return passed([...existing, ...added].sort((a, b) => a.date.localeCompare(b.date)));
}

// --- Sign-off ---

/** An objection needs its reason, so the team knows what to resolve; `fnName` is who objects. */
export function checkObjection(choice: AgreementChoice, reason: string, fnName = 'the function'): Check<string> {
  if (choice === 'object' && !reason.trim()) return failed(`Say why ${fnName} objects, so the team knows what to resolve.`);
  return checkLongText(reason, METRIC_TEXT_MAX, 'reason');
}

/** Who signs: a name for agreeing or objecting, so everyone can see who signed; none to reset. */
export function checkSigner(raw: string, choice: AgreementChoice = 'agree'): Check<string> {
  return checkOneLine(raw, METRIC_SHORT_MAX, 'name', choice === 'pending' ? undefined : 'Type your name first, so everyone can see who signed.');
}

// --- What removing a function does ---

/** A removed function's hold on a metric goes: its ownership and its sign-off on the current version. */
export function metricAfterFunctionRemoved(metric: Metric, functionId: string): Partial<Metric> | undefined {
  const patch: Partial<Metric> = {};
  if (metric.ownerFunctionId === functionId) patch.ownerFunctionId = '';
  if (metric.signoffs.some((s) => s.functionId === functionId)) patch.signoffs = metric.signoffs.filter((s) => s.functionId !== functionId);
  return Object.keys(patch).length ? patch : undefined;
}

/** Moves one function to `toIndex`: the order every function has after the move. */
export function reorderFunctions(functions: readonly ProgramFunction[], id: string, toIndex: number): Check<ProgramFunction[]> {
  const moved = movedTo(functions, id, toIndex);
  return moved ? passed(moved) : failed('That function no longer exists.');
}
