// What edits in other areas do to trade-off matrices: deleting a shared metric, removing a
// function. Apart from edits.ts so the metrics area, which every window loads, does not bring the
// trade-off rules and scoring with it.

import type { Metric } from '../metrics/model';
import { CRITERION_NAME_MAX, metricDirection, type Criterion, type Matrix, type StoredFunctionWeights } from './model';

/**
 * Criteria that stood for deleted metrics become free-standing ones under the metric's name and
 * direction, keeping their scores. Undefined when the matrix has none of them.
 */
export function criteriaAfterMetricsDeleted(matrix: Matrix, deleted: ReadonlyMap<string, Metric>): Criterion[] | undefined {
  if (!matrix.criteria.some((c) => deleted.has(c.metricId))) return undefined;
  return matrix.criteria.map((c): Criterion => {
    const metric = deleted.get(c.metricId);
    return metric ? { ...c, metricId: '', name: metric.name.slice(0, CRITERION_NAME_MAX), direction: metricDirection(metric) } : c;
  });
}

/** A removed function's weights go; the blend is of the functions that remain. Undefined when it set none. */
export function weightsAfterFunctionRemoved(matrix: Matrix, functionId: string): StoredFunctionWeights[] | undefined {
  return matrix.functionWeights.some((f) => f.functionId === functionId) ? matrix.functionWeights.filter((f) => f.functionId !== functionId) : undefined;
}
