// The decision log: records in the manner of MADR (Markdown Architectural Decision Records).
// An accepted record is never edited; a new record supersedes it and both keep the link.
import type { MatrixBasis } from './basis';

export const DECISION_STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
};

export const DECISION_TITLE_MAX = 200;
export const DECISION_TEXT_MAX = 10_000;
export const DECISION_PEOPLE_MAX = 500;
export const CONSIDERED_MAX = 100;

export interface ConsideredOption {
  title: string;
  description: string;
}

export interface DecisionRecord {
  id: string;
  programId: string;
  /** The record's number in the program's log (ADR-0007), never reused. */
  number: number;
  title: string;
  status: DecisionStatus;
  /** Why it was rejected, deprecated or superseded by a reopened matrix ('' otherwise). */
  statusNote: string;
  /** YYYY-MM-DD: when it was decided (or drafted). */
  date: string;
  deciders: string;
  consulted: string;
  informed: string;
  context: string;
  options: ConsideredOption[];
  /** The chosen option and why. */
  outcome: string;
  consequencesGood: string;
  consequencesBad: string;
  /** The record this one replaces, or ''. */
  supersedes: string;
  /** The record that replaced this one, or ''. */
  supersededBy: string;
  uncertaintyIds: string[];
  metricIds: string[];
  roadmapItemIds: string[];
  /** The trade-off matrix this record is the decision of, or ''. */
  matrixId: string;
  /** What a matrix's decision was made on, frozen when it was recorded; null for other records. */
  basis: MatrixBasis | null;
  createdAt: number;
  updatedAt: number;
}

/** A decision record's number as the log shows it: ADR-0007. */
export function decisionNumber(n: number): string {
  return `ADR-${String(n).padStart(4, '0')}`;
}
