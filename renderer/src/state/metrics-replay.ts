import { MetricsRepository } from '../storage/metrics-repo';
import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in shared metrics not yet stored (see pending-edits.ts) goes in on the next start or a
// retry, only if nobody changed the text since; the repository's rules refuse what may not be
// stored (an empty name).

export const METRIC_TEXT_FIELDS = [
  'name',
  'description',
  'decision',
  'dataSource',
  'cadence',
  'ownerPerson',
  'customCategory',
  'formula',
  'numerator',
  'denominator',
  'unit',
  'window',
] as const;
export type MetricTextField = (typeof METRIC_TEXT_FIELDS)[number];

export const metricTextKind = (field: MetricTextField) => `metric-${field}`;
export const FUNCTION_NAME = 'function-name';

export function metricReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = new MetricsRepository(services.editor);
  const { db } = services;
  return {
    ...Object.fromEntries(
      METRIC_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
        metricTextKind(field),
        async (edit) => {
          const metric = await db.metrics.get(edit.id);
          return writeIfUnchanged(metric && (metric[field] ?? ''), edit, () => repo.updateMetric(edit.id, { [field]: textOf(edit) }));
        },
      ]),
    ),
    [FUNCTION_NAME]: async (edit) =>
      writeIfUnchanged((await db.functions.get(edit.id))?.name, edit, () => repo.renameFunction(edit.id, textOf(edit))),
  };
}
