import { agreementOf, earlierObjections, isOwned, type Agreement, type EarlierObjection } from './agreement';
import { categoryLabel, type Metric, type ProgramFunction } from './model';
import { isReadingStale, metricStatus, type StatusResult } from './status';
import { oldestFirst } from '../order';

/** One metric with what lists show about it, computed once per change. */
export interface MetricRow {
  metric: Metric;
  status: StatusResult;
  agreement: Agreement;
  /** Objections to a version a contract change replaced, from functions yet to sign the current one. */
  earlierObjections: EarlierObjection[];
  owned: boolean;
  category: string;
  /** The latest reading is older than the program's staleness rule. */
  stale: boolean;
}

/** Every metric in creation order, with its status, agreement, owner and staleness. */
export function metricRows(
  metrics: readonly Metric[],
  functions: readonly ProgramFunction[],
  now: number,
  staleAfterDays: number,
): MetricRow[] {
  return oldestFirst(metrics).map((metric) => {
      const status = metricStatus(metric);
      return {
        metric,
        status,
        agreement: agreementOf(metric, functions),
        earlierObjections: earlierObjections(metric, functions),
        owned: isOwned(metric, functions),
        category: categoryLabel(metric),
        stale: isReadingStale(status.latest, now, staleAfterDays),
      };
    });
}
