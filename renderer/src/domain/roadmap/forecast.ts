import type { Forecast, ForecastConfidence, Horizon, RoadmapItem } from './model';

// Every change to an item's horizon, range or confidence is kept: the forecast it replaces goes
// into the item's history, so the item can say how its forecast moved and the timeline can draw
// earlier ranges as ghosts. Roadmap edits, scope changes and imports all go through here.

export type ForecastPatch = Partial<{ horizon: Horizon; earliest: string; latest: string; confidence: ForecastConfidence }>;

export function currentForecast(item: RoadmapItem): Forecast {
  return { at: item.forecastAt, horizon: item.horizon, earliest: item.earliest, latest: item.latest, confidence: item.confidence };
}

/** Whether the patch changes the forecast (a patch repeating it changes nothing). */
export function changesForecast(item: RoadmapItem, patch: ForecastPatch): boolean {
  return (Object.keys(patch) as (keyof ForecastPatch)[]).some((key) => patch[key] !== undefined && patch[key] !== item[key]);
}

/** The fields to store for `patch` made at `now`: the new forecast, and the one it replaces kept in the history. */
export function withForecast(item: RoadmapItem, patch: ForecastPatch, now: number): Partial<RoadmapItem> {
  if (!changesForecast(item, patch)) return {};
  return { ...patch, forecastAt: now, history: [...item.history, currentForecast(item)] };
}
