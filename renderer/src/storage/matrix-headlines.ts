import { liveQuery, type Observable } from 'dexie';
import { optionTitles } from '../domain/tradeoffs/labels';
import type { KeelDB } from './db';
import { oldestFirst } from '../domain/order';

// What the program overview shows of each trade-off matrix, read without loading the
// trade-off area (its repository and analysis stay in the area's own chunk).

export interface MatrixHeadline {
  id: string;
  question: string;
  /** The chosen option's title and the decision's date, or null while the matrix is open. */
  decided: { option: string; date: string } | null;
  options: number;
}

export function watchMatrixHeadlines(db: KeelDB, programId: string): Observable<MatrixHeadline[]> {
  return liveQuery(async () => {
    const matrices = await db.matrices.where({ programId }).toArray();
    return oldestFirst(matrices).map((m) => ({
        id: m.id,
        question: m.question,
        options: m.options.length,
        decided: m.decision
          ? { option: optionTitles(m.options)(m.decision.optionId), date: m.decision.date }
          : null,
      }));
  });
}
