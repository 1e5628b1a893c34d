// The roadmap's records: items on Now/Next/Later horizons, each forecast as a date range with a
// confidence, never a single date, and every earlier forecast kept.

export const HORIZONS = ['now', 'next', 'later'] as const;
export type Horizon = (typeof HORIZONS)[number];
export const HORIZON_LABELS: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

export const ROADMAP_STATUSES = ['proposed', 'planned', 'in-progress', 'done', 'dropped'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];
/** A level, or a whole percentage from 0 to 100 when the team has one. */
export type ForecastConfidence = ConfidenceLevel | number;

export const ROADMAP_TITLE_MAX = 200;
export const ROADMAP_TEXT_MAX = 5000;
export const ROADMAP_OWNER_MAX = 200;
export const LINKS_MAX = 1000;
export const FORECASTS_MAX = 10_000;

/** One forecast of an item: kept every time its horizon, range or confidence changes. */
export interface Forecast {
  /** When this forecast was made. */
  at: number;
  horizon: Horizon;
  /** YYYY-MM-DD, or empty while the item has no range yet (both or neither). */
  earliest: string;
  latest: string;
  confidence: ForecastConfidence;
}

export interface RoadmapItem {
  id: string;
  programId: string;
  title: string;
  description: string;
  owner: string;
  horizon: Horizon;
  /** Position within its horizon, 0 first. */
  order: number;
  /** YYYY-MM-DD, or empty while the item has no range yet (both or neither); earliest <= latest. */
  earliest: string;
  latest: string;
  confidence: ForecastConfidence;
  /** When the current forecast (horizon, range, confidence) was made. */
  forecastAt: number;
  status: RoadmapStatus;
  /** The uncertainty items it depends on. */
  uncertaintyIds: string[];
  /** The shared metrics it should move. */
  metricIds: string[];
  /** The decision records it comes from. */
  decisionIds: string[];
  /** Earlier forecasts, oldest first; the current one is the item's own fields. */
  history: Forecast[];
  createdAt: number;
  updatedAt: number;
}
