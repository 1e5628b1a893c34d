// Revisit flags are worked out from the program (see flags.ts); what is stored is only the
// review that clears one, so a flag can never be lost or left stale by a missed write.

export const REVISIT_TARGETS = ['roadmapItem', 'decision', 'matrix', 'action'] as const;
export type RevisitTargetKind = (typeof REVISIT_TARGETS)[number];

/** What can fail: an assumption found false, or a metric past its guardrail. */
export const REVISIT_CAUSES = ['uncertainty', 'metric'] as const;
export type RevisitCauseKind = (typeof REVISIT_CAUSES)[number];

export const REVIEW_NOTE_MAX = 5000;
export const REVIEWER_MAX = 200;

export interface RevisitReview {
  id: string;
  programId: string;
  targetKind: RevisitTargetKind;
  targetId: string;
  /**
   * Which failure was reviewed: the failed record and when its failure began (an ISO time or a
   * day). A later failure of the same record is a new flag, to be reviewed again.
   */
  causeKind: RevisitCauseKind;
  causeId: string;
  causeSince: string;
  note: string;
  by: string;
  at: number;
}
