// Roadmap items from CSV rows: the fields a column may fill, and one row read with the roadmap's
// own rules (edits.ts: title, range, confidence, the item's fields), so an imported item is one
// the board could have made: a range or no date at all, never a single date.

import { failed, passed, type Check } from '../check';
import { failures, readChoice, type ImportKind } from '../csv-import';
import { ANY_YEAR, readCsvDay, type Delimiter } from '../csv-table';
import { readNumber } from '../numbers';
import { quoted } from '../words';
import { checkConfidence, checkRange, checkRoadmapPatch, newRoadmapItem } from './edits';
import { confidenceWords } from './movement';
import {
  HORIZON_LABELS,
  ROADMAP_STATUS_LABELS,
  type ConfidenceLevel,
  type ForecastConfidence,
  type Horizon,
  type RoadmapItem,
} from './model';

export type RoadmapField = 'title' | 'horizon' | 'earliest' | 'latest' | 'confidence' | 'status' | 'owner' | 'description';

export type ImportedRoadmapItem = Pick<RoadmapItem, 'title' | 'horizon' | 'earliest' | 'latest' | 'confidence' | 'status' | 'owner' | 'description'>;

/** Where a row that names no horizon goes (the horizon quick add uses). */
export interface RoadmapImportContext {
  defaultHorizon: Horizon;
}

const LEVEL_LABELS: Record<ConfidenceLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const ROADMAP_IMPORT: ImportKind<RoadmapField, ImportedRoadmapItem, RoadmapImportContext> = {
  noun: 'roadmap item',
  fields: [
    { key: 'title', label: 'Title', required: true, names: ['title', 'name', 'summary', 'item', 'feature', 'epic', 'initiative'] },
    { key: 'horizon', label: 'Horizon', names: ['horizon', 'column', 'bucket', 'when', 'timeframe', 'phase'] },
    { key: 'earliest', label: 'Earliest', names: ['earliest', 'earliest date', 'start', 'start date', 'from', 'begin'] },
    { key: 'latest', label: 'Latest', names: ['latest', 'latest date', 'end', 'end date', 'to', 'due', 'due date', 'target date'] },
    { key: 'confidence', label: 'Confidence', names: ['confidence', 'certainty', 'likelihood'] },
    { key: 'status', label: 'Status', names: ['status', 'state', 'stage'] },
    { key: 'owner', label: 'Owner', names: ['owner', 'assignee', 'responsible', 'lead', 'who'] },
    { key: 'description', label: 'Description', names: ['description', 'details', 'detail', 'notes', 'note', 'body'] },
  ],
  readRow: readRoadmapRow,
  describe: (item) => ({
    title: item.title,
    horizon: HORIZON_LABELS[item.horizon],
    earliest: item.earliest,
    latest: item.latest,
    confidence: confidenceWords(item.confidence),
    status: ROADMAP_STATUS_LABELS[item.status],
    owner: item.owner,
    description: item.description,
  }),
};

function readRoadmapRow(cells: Partial<Record<RoadmapField, string>>, context: RoadmapImportContext, delimiter: Delimiter): Check<ImportedRoadmapItem> {
  const horizon = readChoice(cells.horizon, HORIZON_LABELS, 'horizon', context.defaultHorizon);
  const status = readChoice(cells.status, ROADMAP_STATUS_LABELS, 'status', 'proposed');
  const confidence = readConfidence(cells.confidence, delimiter);
  const earliest = cells.earliest ? readCsvDay(cells.earliest, ANY_YEAR, 'earliest date') : passed('');
  const latest = cells.latest ? readCsvDay(cells.latest, ANY_YEAR, 'latest date') : passed('');
  const range = earliest.ok && latest.ok ? checkRange(earliest.value, latest.value) : passed(null);
  const fields = checkRoadmapPatch({ title: cells.title ?? '', description: cells.description ?? '', owner: cells.owner ?? '' });
  if (!horizon.ok || !status.ok || !confidence.ok || !earliest.ok || !latest.ok || !range.ok || !fields.ok) {
    return failed(failures([horizon, status, confidence, earliest, latest, range, fields]) ?? '');
  }
  return passed({
    title: fields.value.title ?? '',
    horizon: horizon.value,
    earliest: earliest.value,
    latest: latest.value,
    confidence: confidence.value,
    status: status.value,
    owner: fields.value.owner ?? '',
    description: fields.value.description ?? '',
  });
}

/**
 * Low, medium or high, or a whole percentage ("80", "80%"); empty is medium, as for a new item.
 * Keel's own CSV export writes the label the app shows ("medium confidence", "80% confidence").
 */
function readConfidence(cell: string | undefined, delimiter: Delimiter): Check<ForecastConfidence> {
  const text = (cell ?? '').trim().replace(/\s+confidence$/i, '');
  if (!/^[+-]?[\d.,]/.test(text)) {
    const level = readChoice(text, LEVEL_LABELS, 'confidence', 'medium');
    return level.ok ? level : failed(`The confidence ${quoted(text)} is not low, medium, high or a percentage from 0 to 100.`);
  }
  const number = readNumber(text, delimiter);
  return number.ok ? checkConfidence(number.value) : failed(`The confidence ${quoted(text)} is not a percentage from 0 to 100.`);
}

/** The stored item a row makes: newRoadmapItem's defaults at `order` in its horizon, then the row's forecast and fields. */
export function importedRoadmapItem(programId: string, row: ImportedRoadmapItem, order: number, id: string, now: number): Check<RoadmapItem> {
  const made = newRoadmapItem(programId, row.title, row.horizon, order, id, now);
  if (!made.ok) return made;
  const { earliest, latest, confidence, status, owner, description } = row;
  return passed({ ...made.value, earliest, latest, confidence, status, owner, description });
}
