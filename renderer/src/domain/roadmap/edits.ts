import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import { DAY_PATTERN, parseDay } from '../dates';
import {
  CONFIDENCE_LEVELS,
  HORIZONS,
  LINKS_MAX,
  ROADMAP_OWNER_MAX,
  ROADMAP_STATUSES,
  ROADMAP_TEXT_MAX,
  ROADMAP_TITLE_MAX,
  type ForecastConfidence,
  type Horizon,
  type RoadmapItem,
  type RoadmapStatus,
} from './model';

// The roadmap's rules for what may be stored: forms, repositories and the file format share them.

export function checkRoadmapTitle(raw: string): Check<string> {
  return checkOneLine(raw, ROADMAP_TITLE_MAX, 'title', 'Give the roadmap item a title.');
}

export function checkRoadmapDescription(raw: string): Check<string> {
  return checkLongText(raw, ROADMAP_TEXT_MAX, 'description');
}

export function checkRoadmapOwner(raw: string): Check<string> {
  return checkOneLine(raw, ROADMAP_OWNER_MAX, 'owner');
}

/** A date range: both days or neither (never a single, falsely precise date), the earliest first. */
export function checkRange(earliest: string, latest: string): Check<{ earliest: string; latest: string }> {
  if (earliest === '' && latest === '') return passed({ earliest, latest });
  if (earliest === '' || latest === '') return failed('Give both the earliest and the latest date, or neither: a range, not a single date.');
  for (const [day, what] of [
    [earliest, 'earliest'],
    [latest, 'latest'],
  ] as const) {
    if (!DAY_PATTERN.test(day) || parseDay(day) === null) return failed(`The ${what} date is not a real day.`);
    const year = Number(day.slice(0, 4));
    if (year < 1900 || year > 2200) return failed('Give dates between the years 1900 and 2200.');
  }
  if (earliest > latest) return failed('The earliest date must not be after the latest.');
  return passed({ earliest, latest });
}

/** A level, or a whole percentage from 0 to 100. */
export function checkConfidence(confidence: ForecastConfidence): Check<ForecastConfidence> {
  if (typeof confidence === 'number') {
    return Number.isInteger(confidence) && confidence >= 0 && confidence <= 100
      ? passed(confidence)
      : failed('Give the confidence as a whole percentage from 0 to 100.');
  }
  return (CONFIDENCE_LEVELS as readonly string[]).includes(confidence) ? passed(confidence) : failed('Choose low, medium or high confidence.');
}

export function checkHorizon(horizon: string): Check<Horizon> {
  return (HORIZONS as readonly string[]).includes(horizon) ? passed(horizon as Horizon) : failed('Choose Now, Next or Later.');
}

/** The fields of an item edited directly (the forecast goes through `withForecast`). */
export type RoadmapItemPatch = Partial<Pick<RoadmapItem, 'title' | 'description' | 'owner' | 'status' | 'uncertaintyIds' | 'metricIds' | 'decisionIds'>>;

const LINK_LISTS = ['uncertaintyIds', 'metricIds', 'decisionIds'] as const;

/** An edit of an item's own fields, checked and cleaned; the first field that fails is refused. */
export function checkRoadmapPatch(patch: RoadmapItemPatch): Check<RoadmapItemPatch> {
  const out: RoadmapItemPatch = { ...patch };
  if (patch.title !== undefined) {
    const title = checkRoadmapTitle(patch.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  if (patch.description !== undefined) {
    const description = checkRoadmapDescription(patch.description);
    if (!description.ok) return description;
    out.description = description.value;
  }
  if (patch.owner !== undefined) {
    const owner = checkRoadmapOwner(patch.owner);
    if (!owner.ok) return owner;
    out.owner = owner.value;
  }
  if (patch.status !== undefined && !(ROADMAP_STATUSES as readonly RoadmapStatus[]).includes(patch.status)) return failed('Choose a status from the list.');
  for (const field of LINK_LISTS) {
    const ids = patch[field];
    if (ids === undefined) continue;
    if (ids.length > LINKS_MAX) return failed(`Link at most ${LINKS_MAX} records of one kind.`);
    out[field] = [...new Set(ids)];
  }
  return passed(out);
}

/** A new item at the end of its horizon, with no range yet and medium confidence. */
export function newRoadmapItem(programId: string, title: string, horizon: Horizon, order: number, id: string, now: number): Check<RoadmapItem> {
  const checked = checkRoadmapTitle(title);
  if (!checked.ok) return checked;
  return passed({
    id,
    programId,
    title: checked.value,
    description: '',
    owner: '',
    horizon,
    order,
    earliest: '',
    latest: '',
    confidence: 'medium',
    forecastAt: now,
    status: 'proposed',
    uncertaintyIds: [],
    metricIds: [],
    decisionIds: [],
    history: [],
    createdAt: now,
    updatedAt: now,
  });
}
