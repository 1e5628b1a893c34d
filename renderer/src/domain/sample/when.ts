import { isoDay } from '../dates';

// The sample program's moments, counted in days from "today", so the sample never looks stale:
// a review date a week ago is overdue on whatever day the sample is created.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SampleClock {
  /** A moment `days` from now (negative: in the past), at `hour` o'clock on that day when given. */
  at(days: number, hour?: number): number;
  /** The day `days` from now, YYYY-MM-DD. */
  day(days: number): string;
}

export function sampleClock(now: number): SampleClock {
  const at = (days: number, hour?: number) => {
    const time = now + days * DAY_MS;
    if (hour === undefined) return time;
    const d = new Date(time);
    d.setHours(hour, 0, 0, 0);
    return d.getTime();
  };
  return { at, day: (days) => isoDay(at(days)) };
}

/** Ids for the sample's records: the app's own, or a counter in tests. */
export type MakeId = () => string;
