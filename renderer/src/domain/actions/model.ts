// Actions: one list across the program, each with an owner, a due date and where it came from.

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The kinds of record an action can come from; the link leads back to it. */
export const ACTION_SOURCES = ['uncertainty', 'decision', 'scope', 'metric'] as const;
export type ActionSourceKind = (typeof ACTION_SOURCES)[number];

export const ACTION_TITLE_MAX = 200;
export const ACTION_TEXT_MAX = 5000;
export const ACTION_OWNER_MAX = 200;

export interface Action {
  id: string;
  programId: string;
  title: string;
  notes: string;
  owner: string;
  /** YYYY-MM-DD, or empty. */
  due: string;
  status: ActionStatus;
  /** Where it came from, or null for an action written on its own. */
  source: { kind: ActionSourceKind; id: string } | null;
  createdAt: number;
  updatedAt: number;
}
