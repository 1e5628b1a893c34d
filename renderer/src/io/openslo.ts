// Shared metrics as OpenSLO v1 (https://github.com/OpenSLO/OpenSLO, README "SLO" and "SLI"): one
// SLI and one SLO per metric that has an objective, in one multi-document YAML file. The spec's
// README and its JSON schema have drifted apart (field names and which fields are required); this
// follows the README, as the spec's own text.
import { stringify } from 'yaml';
import { sortFunctions } from '../domain/metrics/functions';
import { AGREEMENT_LABELS, agreementOf, CHOICE_LABELS, choiceOf, signoffOf } from '../domain/metrics/agreement';
import { describeGuardrail, describeTarget, rangeEnds, type GuardrailOp, type Metric } from '../domain/metrics/model';
import { ownValue } from '../domain/ids';
import { oldestFirst } from '../domain/order';
import type { ProgramRecords } from '../domain/program-records';
import { truncate } from '../domain/words';
import { slug } from './slug';

/** The README allows descriptions up to 1050 characters. */
const DESCRIPTION_MAX = 1050;
/** RFC 1123 labels: at most 63 characters. */
export const NAME_MAX = 63;
const SLI_SUFFIX = '-sli';

/**
 * Keel does not say what share of occurrences must meet a target, but OpenSLO needs one: 99% of
 * readings within the target, a common default that the user can change in their SLO tool.
 */
export const DEFAULT_BUDGET_TARGET = 0.99;
/** When a metric's window is not a length Keel can read, the SLO uses a rolling four weeks. */
export const DEFAULT_WINDOW = { duration: '4w', isRolling: true } as const;

type Op = 'gte' | 'gt' | 'lte' | 'lt';

interface Objective {
  displayName: string;
  op: Op;
  value: number;
  target: number;
}

type TimeWindow = { duration: string; isRolling: true } | { duration: string; isRolling: false; calendar: { startTime: string; timeZone: string } };

export interface OpenSloExport {
  /** The YAML file's text; empty when no metric has an objective. */
  text: string;
  /** Names of the metrics written, and of those left out for want of an objective. */
  included: string[];
  leftOut: string[];
}

/** Whether a metric states an objective OpenSLO can hold: a target (both ends of a range). */
export function hasObjective(metric: Pick<Metric, 'direction' | 'target'>): boolean {
  return metric.target.value !== null && (metric.direction !== 'range' || metric.target.high !== null);
}

/**
 * Unique RFC 1123 names for metrics, in order: the name as a slug, cut to leave room for the
 * SLI's "-sli"; a name already taken gets "-2", "-3", ... (cut again to fit); a name with no
 * letter or digit becomes "metric".
 */
export function sloNames(metricNames: readonly string[]): string[] {
  const room = NAME_MAX - SLI_SUFFIX.length;
  const taken = new Set<string>();
  return metricNames.map((name) => {
    const base = slug(name, room) || 'metric';
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${base.slice(0, room - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(candidate);
    return candidate;
  });
}

const UNITS: Readonly<Record<string, string>> = {
  minute: 'm', minutes: 'm', min: 'm', m: 'm', hour: 'h', hours: 'h', h: 'h', day: 'd', days: 'd', d: 'd',
  week: 'w', weeks: 'w', w: 'w', month: 'M', months: 'M', quarter: 'Q', quarters: 'Q', year: 'Y', years: 'Y',
};
const SINGLE: Readonly<Record<string, string>> = { hourly: '1h', daily: '1d', weekly: '1w', monthly: '1M', quarterly: '1Q', yearly: '1Y', annual: '1Y' };

/** The first day of the month of `at`, as OpenSLO's calendar start (a date and time, no zone). */
function monthStart(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01 00:00:00`;
}

/**
 * The metric's window as OpenSLO's: "28-day rolling" → 28d rolling; "Calendar month" → 1M aligned
 * to calendar months (UTC, from the month of export); what cannot be read gets the default.
 */
export function timeWindow(window: string, at: Date): { window: TimeWindow; understood: boolean } {
  const text = window.trim().toLowerCase();
  const calendar = /\bcalendar\b/.test(text);
  const counted = /(\d+)\s*-?\s*([a-z]+)/.exec(text);
  let duration: string | undefined;
  // Own keys only: a window typed as "3 constructor" is not a length.
  const unit = counted ? ownValue(UNITS, counted[2]!) : undefined;
  if (counted && unit && Number(counted[1]) > 0) duration = `${Number(counted[1])}${unit}`;
  else {
    const word = Object.keys(SINGLE).find((w) => text.includes(w));
    const named = Object.keys(UNITS).find((u) => u.length > 1 && new RegExp(`\\b${u}\\b`).test(text));
    duration = word ? SINGLE[word] : named ? `1${UNITS[named]}` : undefined;
  }
  if (!duration) return { window: { ...DEFAULT_WINDOW }, understood: false };
  return {
    window: calendar ? { duration, isRolling: false, calendar: { startTime: monthStart(at), timeZone: 'UTC' } } : { duration, isRolling: true },
    understood: true,
  };
}

/** The target as objectives: "at least" for higher is better, "at most" for lower, both ends for a range; the guardrail as one more. */
function objectives(metric: Metric): Objective[] {
  const { target, direction, guardrail } = metric;
  // The names say the target as the app does (domain/metrics/model.ts), "Target: ≥ 90%".
  const name = `Target: ${describeTarget(metric)}`;
  const of = (displayName: string, op: Op, value: number): Objective => ({ displayName, op, value, target: DEFAULT_BUDGET_TARGET });
  const list: Objective[] = [];
  if (direction === 'range') {
    const [low, high] = rangeEnds(target.value!, target.high!);
    list.push(of(`${name} (low end)`, 'gte', low), of(`${name} (high end)`, 'lte', high));
  } else {
    list.push(of(name, direction === 'higher' ? 'gte' : 'lte', target.value!));
  }
  if (guardrail) list.push(of(`Guardrail: ${describeGuardrail(guardrail, metric.unit)}`, guardrail.op satisfies GuardrailOp, guardrail.value));
  return list;
}

/** Who signed the current version, function by function: "Engineering: Agrees (Dana, 2026-11-20); Product: Pending". */
function signoffText(metric: Metric, records: ProgramRecords): string {
  return sortFunctions(records.functions)
    .map((f) => {
      const s = signoffOf(metric, f.id);
      const detail = s ? ` (${[s.by, new Date(s.at).toISOString().slice(0, 10), s.reason].filter(Boolean).join(', ')})` : '';
      return `${f.name}: ${CHOICE_LABELS[choiceOf(metric, f.id)]}${detail}`;
    })
    .join('; ');
}

function documents(metric: Metric, name: string, records: ProgramRecords, service: string, at: Date): object[] {
  const { window, understood } = timeWindow(metric.window, at);
  const annotations: Record<string, string> = {
    'keel.app/program': records.program.name,
    'keel.app/program-id': records.program.id,
    'keel.app/metric-id': metric.id,
    'keel.app/version': String(metric.version),
    'keel.app/agreement': AGREEMENT_LABELS[agreementOf(metric, records.functions).state],
    'keel.app/signoffs': signoffText(metric, records),
    'keel.app/exported': at.toISOString(),
  };
  if (metric.window && !understood) annotations['keel.app/window'] = metric.window;
  if (!understood) annotations['keel.app/time-window'] = 'Keel default: 4 weeks, rolling';
  const description = truncate([metric.description, metric.formula && `Formula: ${metric.formula}`].filter(Boolean).join('\n'), DESCRIPTION_MAX, '…');
  const sliName = `${name}${SLI_SUFFIX}`;
  const sourceSpec = Object.fromEntries(
    Object.entries({ formula: metric.formula, numerator: metric.numerator, denominator: metric.denominator, unit: metric.unit, dataSource: metric.dataSource, cadence: metric.cadence }).filter(([, v]) => v),
  );
  const sli = {
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: sliName, displayName: metric.name, annotations },
    spec: {
      ...(description ? { description } : {}),
      // Keel holds the definition, not a query: the source says what to measure, for the SLO tool's own connector.
      thresholdMetric: { metricSource: { type: 'Keel', spec: sourceSpec } },
    },
  };
  const slo = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, displayName: metric.name, annotations },
    spec: {
      ...(description ? { description } : {}),
      service,
      indicatorRef: sliName,
      timeWindow: [window],
      budgetingMethod: 'Occurrences',
      objectives: objectives(metric),
    },
  };
  return [sli, slo];
}

/** The program's metrics with an objective as OpenSLO v1 YAML, and which metrics were left out. */
export function openSloExport(records: ProgramRecords, at: Date): OpenSloExport {
  const metrics = oldestFirst(records.metrics);
  const withObjective = metrics.filter(hasObjective);
  const names = sloNames(withObjective.map((m) => m.name));
  const service = slug(records.program.name, NAME_MAX) || 'program';
  const docs = withObjective.flatMap((m, i) => documents(m, names[i]!, records, service, at));
  // One stringify per document, joined by "---": the multi-document form every YAML reader takes.
  // Written as YAML 1.1 so text that 1.1 readers (Go's yaml.v2, PyYAML) would take for a date, a
  // number or a boolean ("2", "yes", a moment) is quoted: annotations must stay strings there too.
  const text = docs.map((d) => `---\n${stringify(d, { lineWidth: 0, version: '1.1' })}`).join('');
  return { text, included: withObjective.map((m) => m.name), leftOut: metrics.filter((m) => !hasObjective(m)).map((m) => m.name) };
}
