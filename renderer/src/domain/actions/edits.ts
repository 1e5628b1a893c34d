import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import { isDay, parseDay } from '../dates';
import { plural } from '../words';
import { ACTION_OWNER_MAX, ACTION_STATUSES, ACTION_TEXT_MAX, ACTION_TITLE_MAX, type Action, type ActionStatus } from './model';

// The actions' rules for what may be stored: forms, repositories and the file format share them.

export function checkActionTitle(raw: string): Check<string> {
  return checkOneLine(raw, ACTION_TITLE_MAX, 'action', 'Say what is to be done.');
}

export type ActionPatch = Partial<Pick<Action, 'title' | 'notes' | 'owner' | 'due' | 'status'>>;

/** An action's edit, cleaned, or the sentence saying what is wrong with it. */
export function checkActionPatch(patch: ActionPatch): Check<ActionPatch> {
  const out: ActionPatch = { ...patch };
  if (patch.title !== undefined) {
    const title = checkActionTitle(patch.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  if (patch.owner !== undefined) {
    const owner = checkOneLine(patch.owner, ACTION_OWNER_MAX, 'owner');
    if (!owner.ok) return owner;
    out.owner = owner.value;
  }
  if (patch.notes !== undefined) {
    const notes = checkLongText(patch.notes, ACTION_TEXT_MAX, 'notes');
    if (!notes.ok) return notes;
    out.notes = notes.value;
  }
  if (patch.due !== undefined && patch.due !== '' && !isDay(patch.due)) return failed('Give the due date as a date.');
  if (patch.status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(patch.status)) return failed('Choose a status.');
  return passed(out);
}

/** Whether an action still asks for work: open or in progress. */
export function isOpen(status: ActionStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

const DAY_MS = 86_400_000;

/**
 * Days an action is overdue on `today` (YYYY-MM-DD): its due day is before today and it is
 * neither done nor cancelled. 0 when it is not overdue.
 */
export function overdueDays(action: Pick<Action, 'due' | 'status'>, today: string): number {
  if (!isOpen(action.status)) return 0;
  const due = parseDay(action.due);
  const now = parseDay(today);
  if (due === null || now === null || due >= now) return 0;
  return Math.round((now - due) / DAY_MS);
}

/** "Overdue by 3 days", "Overdue by 1 day". */
export function overdueWords(days: number): string {
  return `Overdue by ${plural(days, 'day')}`;
}

/** A new open action as stored; its fields already checked. */
export function newAction(programId: string, fields: Pick<Action, 'title' | 'notes' | 'owner' | 'due' | 'source'>, id: string, now: number): Action {
  return { id, programId, ...fields, status: 'open', createdAt: now, updatedAt: now };
}
