import type { DecisionRecord } from './model';

// Which parts of a decision record are text typed by the user, and when they may be edited: the
// little the start-up bundle needs (the journal's replay) without the log's other rules.

export const DECISION_TEXT_FIELDS = ['context', 'outcome', 'consequencesGood', 'consequencesBad'] as const;
export const DECISION_PEOPLE_FIELDS = ['deciders', 'consulted', 'informed'] as const;
export type DecisionTextField = (typeof DECISION_TEXT_FIELDS)[number] | (typeof DECISION_PEOPLE_FIELDS)[number] | 'title';

/** Whether a record's content may still be edited: only drafts and proposals. */
export function isEditable(record: Pick<DecisionRecord, 'status'>): boolean {
  return record.status === 'draft' || record.status === 'proposed';
}
