import { parseDay } from '../dates';
import { formatDay } from '../time';
import { capitalised } from '../words';
import { confidenceWords, describeMovement, hasMoved, itemMovement, type Movement } from './movement';
import type { ForecastConfidence, RoadmapItem } from './model';

// How a forecast reads on a card, a band and in a sentence: "Oct 1 – Oct 31", "high confidence".

/** A range as a card shows it ("Oct 1 – Oct 31"; the year when it is not this one), or "No range yet". */
export function rangeWords(earliest: string, latest: string, thisYear = new Date().getUTCFullYear()): string {
  const from = parseDay(earliest);
  const to = parseDay(latest);
  if (from === null || to === null) return 'No range yet';
  const withYear = new Date(from).getUTCFullYear() !== thisYear || new Date(to).getUTCFullYear() !== thisYear;
  return `${formatDay(from, withYear)} – ${formatDay(to, withYear)}`;
}

/** "high confidence", "60% confidence". */
export function confidenceLabel(confidence: ForecastConfidence): string {
  return `${confidenceWords(confidence)} confidence`;
}

/** The card's line on how the forecast moved ("Slipped 3 weeks since Oct 2"), or undefined when it has not. */
export function movementLine(item: RoadmapItem): string | undefined {
  const movement = itemMovement(item);
  if (!movement || !hasMoved(movement)) return undefined;
  return movementSentence(movement);
}

/** describeMovement as a sentence of its own: "Slipped 3 weeks since Oct 2". */
export function movementSentence(movement: Movement): string {
  return capitalised(describeMovement(movement));
}
