// Scope changes: what changed in the program's scope, who asked and why, what it does to the
// plan, and what was decided. Accepting one can apply its roadmap effects in one step.
import type { ForecastConfidence, Horizon } from '../roadmap/model';

export const SCOPE_REASONS = ['data', 'users', 'stakeholder', 'external'] as const;
export type ScopeReason = (typeof SCOPE_REASONS)[number];
export const SCOPE_REASON_LABELS: Record<ScopeReason, string> = {
  data: 'Learned from data',
  users: 'Learned from users',
  stakeholder: 'Stakeholder request',
  external: 'External',
};

export const SCOPE_KINDS = ['expand', 'reduce', 'pivot', 'reprioritise'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  expand: 'Expand',
  reduce: 'Reduce',
  pivot: 'Pivot',
  reprioritise: 'Reprioritise',
};

export const SCOPE_DECISIONS = ['pending', 'accepted', 'deferred', 'rejected'] as const;
export type ScopeDecision = (typeof SCOPE_DECISIONS)[number];
export const SCOPE_DECISION_LABELS: Record<ScopeDecision, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  deferred: 'Deferred',
  rejected: 'Rejected',
};

export const SCOPE_TITLE_MAX = 200;
export const SCOPE_TEXT_MAX = 5000;
export const SCOPE_PERSON_MAX = 200;
export const EFFECTS_MAX = 200;

/** What accepting the change does to the roadmap. */
export type ScopeEffect =
  | { kind: 'move'; roadmapItemId: string; horizon: Horizon; earliest: string; latest: string }
  | { kind: 'add'; title: string; horizon: Horizon; earliest: string; latest: string; confidence: ForecastConfidence }
  | { kind: 'drop'; roadmapItemId: string };

export interface ScopeChange {
  id: string;
  programId: string;
  /** What changed, in one line. */
  title: string;
  description: string;
  requestedBy: string;
  /** The function of who asked (free text: a program's functions can be renamed or removed). */
  requestedFunction: string;
  /** YYYY-MM-DD. */
  requestedOn: string;
  reason: ScopeReason;
  kind: ScopeKind;
  /** The impact on the roadmap's ranges and on cost, in words. */
  impactRoadmap: string;
  impactCost: string;
  roadmapItemIds: string[];
  metricIds: string[];
  uncertaintyIds: string[];
  effects: ScopeEffect[];
  decision: ScopeDecision;
  rationale: string;
  /** YYYY-MM-DD of the decision, or empty while pending. */
  decidedOn: string;
  /** When its effects were applied to the roadmap; null until then. */
  appliedAt: number | null;
  createdAt: number;
  updatedAt: number;
}
