import { isOpen, overdueDays } from './edits';
import type { Action, ActionStatus } from './model';

// The one list of actions across the program: filtered by status, owner and overdue, sorted by due date.

export interface ActionFilter {
  /** 'active': open or in progress. */
  status: ActionStatus | 'all' | 'active';
  /** An owner's name as stored, or '' for everyone. */
  owner: string;
  overdueOnly: boolean;
}

export const NO_FILTER: ActionFilter = { status: 'all', owner: '', overdueOnly: false };

export function matchesFilter(action: Action, filter: ActionFilter, today: string): boolean {
  if (filter.status === 'active' ? !isOpen(action.status) : filter.status !== 'all' && action.status !== filter.status) return false;
  if (filter.owner && action.owner !== filter.owner) return false;
  return !filter.overdueOnly || overdueDays(action, today) > 0;
}

/** By due date, soonest first; actions without one last; then as they were made. */
export function byDueDate(a: Action, b: Action): number {
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The owners named on any action, A to Z, for the owner filter. */
export function ownersOf(actions: readonly Action[]): string[] {
  return [...new Set(actions.map((a) => a.owner).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
