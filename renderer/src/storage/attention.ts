import { liveQuery, type Observable, type Table } from 'dexie';
import type { Action } from '../domain/actions/model';
import type { DecisionRecord } from '../domain/decisions/model';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { RevisitReview } from '../domain/revisit/model';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { ScopeChange } from '../domain/scope/model';
import type { Matrix } from '../domain/tradeoffs/model';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import type { KeelDB } from './db';

// What the program's overview ("what needs attention") and the revisit flags read: every record
// of the program, one live query per table, so a change to one table re-reads only that table.

interface PlanRows {
  uncertaintyItems: UncertaintyItem;
  metrics: Metric;
  functions: ProgramFunction;
  matrices: Matrix;
  roadmapItems: RoadmapItem;
  decisions: DecisionRecord;
  scopeChanges: ScopeChange;
  actions: Action;
  revisitReviews: RevisitReview;
}

export function watchTable<T extends keyof PlanRows>(db: KeelDB, table: T, programId: string): Observable<PlanRows[T][]> {
  return liveQuery(() => (db[table] as unknown as Table<PlanRows[T], string>).where({ programId }).toArray());
}
