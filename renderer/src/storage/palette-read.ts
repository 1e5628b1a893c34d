import { liveQuery, type Observable } from 'dexie';
import type { Action } from '../domain/actions/model';
import type { DecisionRecord } from '../domain/decisions/model';
import type { Metric } from '../domain/metrics/model';
import type { Program } from '../domain/program';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { ScopeChange } from '../domain/scope/model';
import type { Session } from '../domain/sessions/model';
import type { Matrix } from '../domain/tradeoffs/model';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import type { KeelDB } from './db';

// What the command palette searches: every program and the named records of every area, across
// programs, read in one transaction so the index never mixes two moments.

export interface PaletteRows {
  programs: Program[];
  uncertaintyItems: UncertaintyItem[];
  metrics: Metric[];
  matrices: Matrix[];
  decisions: DecisionRecord[];
  roadmapItems: RoadmapItem[];
  scopeChanges: ScopeChange[];
  sessions: Session[];
  actions: Action[];
}

const TABLES = ['programs', 'uncertaintyItems', 'metrics', 'matrices', 'decisions', 'roadmapItems', 'scopeChanges', 'sessions', 'actions'] as const;

export function readPaletteRows(db: KeelDB): Promise<PaletteRows> {
  return db.transaction('r', [...TABLES], async () => {
    const rows = await Promise.all(TABLES.map((table) => db.table(table).toArray()));
    return Object.fromEntries(TABLES.map((table, i) => [table, rows[i]])) as unknown as PaletteRows;
  });
}

/** The rows, read again whenever any window changes one of these tables (while the palette is open). */
export function watchPaletteRows(db: KeelDB): Observable<PaletteRows> {
  return liveQuery(() => readPaletteRows(db));
}
