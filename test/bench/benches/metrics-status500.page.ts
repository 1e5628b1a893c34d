// Computing the status of 500 metrics with 50 readings each (metricStatus: latest reading against
// the guardrail, least-squares trend of the recent readings, target gap, the reason sentence).
// The figure is the ms; it is held to one frame, and compared in the same page (alternately) with
// a raw pass over the same 25,000 reading values.
import { agreementOf, isOwned } from '../../../renderer/src/domain/metrics/agreement';
import { categoryLabel, type Metric } from '../../../renderer/src/domain/metrics/model';
import { METRIC_STATUSES, metricStatus, type StatusResult } from '../../../renderer/src/domain/metrics/status';
import { makeFunctions, makeMetrics } from '../lib/data';
import { compare, median } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const COUNT = 500;
const READINGS = 50;
const FRAME_MS = 16.7;
/**
 * Passes per timed sample, divided out: performance.now() is coarsened (to 0.1 ms in a page that
 * is not cross-origin isolated), so each sample has to last long enough to read.
 */
const STATUS_PASSES = 10;
const RAW_PASSES = 400;
const PARSE_PASSES = 3;

/** Keeps the results alive (a module variable the passes write), so no pass can be optimised away. */
export let sink = 0;

function statusPass(metrics: readonly Metric[]): StatusResult[] {
  const out: StatusResult[] = [];
  for (const metric of metrics) out.push(metricStatus(metric));
  return out;
}

/** The raw baseline: every reading value of every metric read and summed, nothing else. */
function rawPass(metrics: readonly Metric[]): number {
  let sum = 0;
  for (const metric of metrics) {
    const readings = metric.readings;
    for (let i = 0; i < readings.length; i++) sum += readings[i]!.value;
  }
  return sum;
}

function timePasses(passes: number, pass: () => void): number {
  const start = performance.now();
  for (let i = 0; i < passes; i++) pass();
  return (performance.now() - start) / passes;
}

const bench: Benchmark = {
  name: 'metrics.status500',
  unit: 'ms',
  target: 1.0,
  baselineLabel:
    `the budget, one frame (${FRAME_MS} ms), for metricStatus of ${COUNT} metrics x ${READINGS} readings ` +
    `(median ms per pass over ${STATUS_PASSES}-pass samples, alternated with the raw pass in the note)`,
  async run() {
    const metrics = makeMetrics(COUNT, READINGS);
    const readingCount = metrics.reduce((n, m) => n + m.readings.length, 0);
    if (readingCount !== COUNT * READINGS) throw new Error(`makeMetrics made ${readingCount} readings, expected ${COUNT * READINGS}`);

    // Subject and raw pass alternately (ABBA), as every compared benchmark runs.
    const { value, baseline: raw, samples } = await compare(
      async () => timePasses(STATUS_PASSES, () => void (sink += statusPass(metrics).length)),
      async () => timePasses(RAW_PASSES, () => void (sink += rawPass(metrics))),
      { warmup: 3, reps: 15 },
    );

    // Secondary figures: the whole row computation as MetricsState.rows does it per change, and
    // JSON.parse of the same metrics (what reading them from an export file costs at least).
    const functions = makeFunctions();
    const json = JSON.stringify(metrics);
    const rows: number[] = [];
    const parse: number[] = [];
    for (let i = 0; i < 9; i++) {
      rows.push(
        timePasses(STATUS_PASSES, () => {
          for (const metric of metrics) {
            sink += metricStatus(metric).reason.length + agreementOf(metric, functions).agreed;
            sink += Number(isOwned(metric, functions)) + categoryLabel(metric).length;
          }
        }),
      );
      parse.push(timePasses(PARSE_PASSES, () => void (sink += (JSON.parse(json) as unknown[]).length)));
    }
    const statuses = statusPass(metrics);
    const counts = METRIC_STATUSES.map((s) => `${statuses.filter((r) => r.status === s).length} ${s}`).join(', ');
    const parseMs = median(parse);
    return {
      value,
      baseline: FRAME_MS,
      samples: { value: samples!.value, baseline: samples!.value.map(() => FRAME_MS) },
      note:
        `metricStatus x ${COUNT} (${counts}): ${value.toFixed(2)} ms. Raw baseline, a plain loop summing the ` +
        `${readingCount.toLocaleString('en')} reading values, alternated with it: ${raw.toFixed(3)} ms, ratio ` +
        `${(value / raw).toFixed(1)}. JSON.parse of the same ${COUNT} metrics (${(json.length / 1024 / 1024).toFixed(1)} MB): ` +
        `${parseMs.toFixed(2)} ms, ratio ${(value / parseMs).toFixed(3)}. Whole MetricsState.rows computation ` +
        `(status + agreement + owner + category): ${median(rows).toFixed(2)} ms.`,
    };
  },
};

export default bench;
