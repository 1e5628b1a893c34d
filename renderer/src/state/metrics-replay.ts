import { MetricsRepository } from '../storage/metrics-repo';
import type { Services } from './services';
import type { ReplayHandler, UnsavedEdit } from './unsaved-journal';

// Typing in shared metrics parked when the window closed (see unsaved-journal.ts) goes in on the
// next start, only if nobody changed the text since; the repository's rules refuse what may not
// be stored (an empty name).

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
        async (edit: UnsavedEdit) => {
          const metric = await db.metrics.get(edit.id);
          if (metric && metric[field] === edit.base) await repo.updateMetric(edit.id, { [field]: edit.value });
        },
      ]),
    ),
    [FUNCTION_NAME]: async (edit) => {
      const fn = await db.functions.get(edit.id);
      if (fn && fn.name === edit.base) await repo.renameFunction(edit.id, edit.value);
    },
  };
}
