import { dayInWords } from '../time';
import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import { isDay } from '../dates';
import { LINKS_MAX } from '../roadmap/model';
import type { MatrixBasis } from './basis';
import { DECISION_PEOPLE_FIELDS, DECISION_TEXT_FIELDS, isEditable, type DecisionTextField } from './fields';
import {
  CONSIDERED_MAX,
  DECISION_PEOPLE_MAX,
  DECISION_STATUS_LABELS,
  DECISION_TEXT_MAX,
  DECISION_TITLE_MAX,
  type ConsideredOption,
  type DecisionRecord,
  type DecisionStatus,
} from './model';

// The decision log's rules for what may be stored: forms, repositories and the file format share them.
// Drafts and proposals are edited freely; an accepted record is never edited: a new record
// supersedes it, and when that one is accepted the old one becomes superseded.

export function checkDecisionTitle(raw: string): Check<string> {
  return checkOneLine(raw, DECISION_TITLE_MAX, 'title', 'Give the decision a title.');
}

export { DECISION_PEOPLE_FIELDS, DECISION_TEXT_FIELDS, isEditable, type DecisionTextField };

const FIELD_WORDS: Record<DecisionTextField, string> = {
  title: 'title',
  context: 'context',
  outcome: 'outcome',
  consequencesGood: 'good consequences',
  consequencesBad: 'bad consequences',
  deciders: 'list of deciders',
  consulted: 'list of those consulted',
  informed: 'list of those informed',
};

/** The rule one text field of a record must pass. */
export function checkDecisionField(field: DecisionTextField, raw: string): Check<string> {
  if (field === 'title') return checkDecisionTitle(raw);
  if ((DECISION_PEOPLE_FIELDS as readonly string[]).includes(field)) return checkLongText(raw, DECISION_PEOPLE_MAX, FIELD_WORDS[field]);
  return checkLongText(raw, DECISION_TEXT_MAX, FIELD_WORDS[field]);
}

export const OPTION_TITLE_MAX = 200;

export function checkConsideredOption(option: ConsideredOption): Check<ConsideredOption> {
  const title = checkOneLine(option.title, OPTION_TITLE_MAX, 'option title', 'Give the option a title.');
  if (!title.ok) return title;
  const description = checkLongText(option.description, DECISION_TEXT_MAX, 'option description');
  if (!description.ok) return description;
  return passed({ title: title.value, description: description.value });
}

export function checkConsideredOptions(options: readonly ConsideredOption[]): Check<ConsideredOption[]> {
  if (options.length > CONSIDERED_MAX) return failed(`A record considers at most ${CONSIDERED_MAX} options.`);
  const checked: ConsideredOption[] = [];
  for (const option of options) {
    const one = checkConsideredOption(option);
    if (!one.ok) return one;
    checked.push(one.value);
  }
  return passed(checked);
}

export function checkDecisionDay(date: string): Check<string> {
  return isDay(date) ? passed(date) : failed('Give the date as a real day (YYYY-MM-DD).');
}

export function checkLinks(ids: readonly string[]): Check<string[]> {
  if (ids.length > LINKS_MAX) return failed(`A record links to at most ${LINKS_MAX} records of a kind.`);
  return passed([...new Set(ids)]);
}

export const NOT_EDITABLE_MESSAGE = 'This record is settled and is no longer edited. Supersede it to change the decision.';

export function checkEditable(record: Pick<DecisionRecord, 'status'>): Check<true> {
  return isEditable(record) ? passed(true) : failed(NOT_EDITABLE_MESSAGE);
}

/** The next number of a program's log: one past the highest in it (only drafts are ever deleted). */
export function nextDecisionNumber(records: readonly Pick<DecisionRecord, 'number'>[]): number {
  return records.reduce((max, r) => Math.max(max, r.number), 0) + 1;
}

/** The statuses a record can be moved to by hand from where it is (superseded comes only from a successor's acceptance). */
export function nextStatuses(status: DecisionStatus): DecisionStatus[] {
  switch (status) {
    case 'draft':
      return ['proposed', 'accepted', 'rejected'];
    case 'proposed':
      return ['draft', 'accepted', 'rejected'];
    case 'accepted':
      return ['deprecated'];
    default:
      return [];
  }
}

/** Statuses that need a reason, which the record keeps. */
export function needsReason(status: DecisionStatus): boolean {
  return status === 'rejected' || status === 'deprecated';
}

export const STATUS_NOTE_MAX = 2000;

/** Checks a move of status and its reason; returns the reason as stored ('' when none is asked). */
export function checkStatusChange(record: Pick<DecisionRecord, 'status'>, to: DecisionStatus, reason: string): Check<string> {
  if (!nextStatuses(record.status).includes(to)) {
    return failed(`A record that is ${DECISION_STATUS_LABELS[record.status].toLowerCase()} cannot become ${DECISION_STATUS_LABELS[to].toLowerCase()}.`);
  }
  if (!needsReason(to)) return passed('');
  const why = reason.trim();
  if (!why) return failed(`Say why it is ${DECISION_STATUS_LABELS[to].toLowerCase()}; the record keeps it.`);
  return checkLongText(why, STATUS_NOTE_MAX, 'reason');
}

/** What goes in a record's empty content, with its number and today's date. */
export interface NewDecisionBase {
  id: string;
  programId: string;
  number: number;
  title: string;
  date: string;
  now: number;
}

export function newDecision(base: NewDecisionBase): DecisionRecord {
  const { id, programId, number, title, date, now } = base;
  return {
    id,
    programId,
    number,
    title,
    status: 'draft',
    statusNote: '',
    date,
    deciders: '',
    consulted: '',
    informed: '',
    context: '',
    options: [],
    outcome: '',
    consequencesGood: '',
    consequencesBad: '',
    supersedes: '',
    supersededBy: '',
    uncertaintyIds: [],
    metricIds: [],
    roadmapItemIds: [],
    matrixId: '',
    basis: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A new draft that supersedes an accepted record: a copy of its content (its basis too, for a
 * matrix's decision) to change, linked both ways. The old record stays accepted until the new one is.
 */
export function supersedingDraft(old: DecisionRecord, base: NewDecisionBase): Check<DecisionRecord> {
  if (old.status !== 'accepted') return failed('Only an accepted record is superseded; edit a draft or a proposal directly.');
  if (old.supersededBy) return failed('A newer record already supersedes this one: open it to continue.');
  return passed({
    ...structuredClone(old),
    ...newDecision(base),
    title: base.title,
    deciders: old.deciders,
    consulted: old.consulted,
    informed: old.informed,
    context: old.context,
    options: structuredClone(old.options),
    outcome: old.outcome,
    consequencesGood: old.consequencesGood,
    consequencesBad: old.consequencesBad,
    uncertaintyIds: [...old.uncertaintyIds],
    metricIds: [...old.metricIds],
    roadmapItemIds: [...old.roadmapItemIds],
    matrixId: old.matrixId,
    basis: old.basis === null ? null : (structuredClone(old.basis) as MatrixBasis),
    supersedes: old.id,
  });
}

/** A reopened matrix's decision: superseded with the date and reason of the reopening. */
export function reopenedNote(day: string, reason: string): string {
  return `Reopened on ${dayInWords(day)}: ${reason}`;
}

/** The line a matrix decision carries when an earlier Keel did not keep what it was made on. */
export const NO_BASIS_NOTE =
  'Recorded from the matrix by an earlier Keel, which did not keep what this decision was made on (the scores, weights and ranking at the time).';

/**
 * The records a record belongs with in its supersede chain, oldest first: A superseded by B
 * superseded by C. Follows the links both ways and stops at a record already seen, so a loop
 * (from a hand-edited file) never hangs it; `looped` says one was found.
 */
export function supersedeChain(records: ReadonlyMap<string, DecisionRecord>, id: string): { chain: DecisionRecord[]; looped: boolean } {
  const start = records.get(id);
  if (!start) return { chain: [], looped: false };
  const seen = new Set([start.id]);
  let looped = false;
  const before: DecisionRecord[] = [];
  for (let r = records.get(start.supersedes); r; r = records.get(r.supersedes)) {
    if (seen.has(r.id)) {
      looped = true;
      break;
    }
    seen.add(r.id);
    before.unshift(r);
  }
  const after: DecisionRecord[] = [];
  for (let r = records.get(start.supersededBy); r; r = records.get(r.supersededBy)) {
    if (seen.has(r.id)) {
      looped = true;
      break;
    }
    seen.add(r.id);
    after.push(r);
  }
  return { chain: [...before, start, ...after], looped };
}

/** Whether making `newer` supersede `older` would close a loop: `newer` is already among what `older` superseded. */
export function wouldLoop(records: ReadonlyMap<string, DecisionRecord>, newer: string, older: string): boolean {
  const seen = new Set<string>();
  for (let r = records.get(older); r && !seen.has(r.id); r = records.get(r.supersedes)) {
    if (r.id === newer) return true;
    seen.add(r.id);
  }
  return false;
}

/** Newest first: by number, highest first. */
export function newestFirst<T extends Pick<DecisionRecord, 'number'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.number - a.number);
}
