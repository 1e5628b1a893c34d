// The uncertainty map's records: layers of the AI stack and the items placed on the map.

export const ITEM_KINDS = ['assumption', 'risk', 'unknown', 'dependency'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_STATUSES = ['open', 'testing', 'validated', 'invalidated', 'mitigated', 'accepted', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const KIND_LABELS: Record<ItemKind, string> = {
  assumption: 'Assumption',
  risk: 'Risk',
  unknown: 'Unknown',
  dependency: 'Dependency',
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  open: 'Open',
  testing: 'Testing',
  validated: 'Validated',
  invalidated: 'Invalidated',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  closed: 'Closed',
};

/** Impact and uncertainty run from 1 to 5; placement between whole steps is allowed. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** Scores are kept to one decimal: fine enough to place, coarse enough to read back. */
export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return SCORE_MIN;
  const clamped = Math.min(SCORE_MAX, Math.max(SCORE_MIN, value));
  return Math.round(clamped * 10) / 10;
}

export interface Layer {
  id: string;
  programId: string;
  name: string;
  description: string;
  /** A #rrggbb colour for the layer's marks. */
  color: string;
  /** Position in the stack, 0 at the top. */
  order: number;
}

export interface EvidenceEntry {
  id: string;
  /** The day it was learned, YYYY-MM-DD. */
  date: string;
  learned: string;
  source: string;
  /** How it moved the item, e.g. "uncertainty 4 -> 2". */
  effect: string;
}

/** One position and status of an item, kept every time either changes. */
export interface ItemHistoryPoint {
  at: number;
  impact: number;
  uncertainty: number;
  status: ItemStatus;
}

export interface UncertaintyItem {
  id: string;
  programId: string;
  layerId: string;
  title: string;
  description: string;
  kind: ItemKind;
  impact: number;
  /** How little evidence there is: 5 = pure guess, 1 = well established. */
  uncertainty: number;
  ownerPerson: string;
  ownerFunction: string;
  status: ItemStatus;
  /** The experiment or mitigation that would reduce it. */
  nextStep: string;
  /** YYYY-MM-DD, or empty when no review is planned. */
  reviewDate: string;
  tags: string[];
  /** Ids of the program's shared metrics this item bears on (what it puts at risk or rests on). */
  metricIds: string[];
  evidence: EvidenceEntry[];
  history: ItemHistoryPoint[];
  createdAt: number;
  updatedAt: number;
}

export const ITEM_TITLE_MAX = 200;
export const ITEM_TEXT_MAX = 5000;
export const LAYER_NAME_MAX = 80;
export const ITEM_OWNER_MAX = 200;
export const TAG_MAX = 40;
export const TAGS_MAX = 50;
