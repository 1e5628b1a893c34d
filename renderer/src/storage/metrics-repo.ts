import { liveQuery, type Observable } from 'dexie';
import { withSignoff } from '../domain/metrics/agreement';
import { sortFunctions } from '../domain/metrics/functions';
import {
  FUNCTION_NAME_MAX,
  FUNCTIONS_MAX,
  METRIC_NAME_MAX,
  METRIC_SHORT_MAX,
  METRIC_TEXT_MAX,
  READING_NOTE_MAX,
  READINGS_MAX,
  type AgreementChoice,
  type Metric,
  type MetricDraft,
  type ProgramFunction,
  type Reading,
} from '../domain/metrics/model';
import { applyMetricPatch, type MetricPatch, type PatchOutcome } from '../domain/metrics/versions';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
// Only the model: the trade-off analysis stays out of the start-up bundle.
import { CRITERION_NAME_MAX, metricDirection, type Criterion, type Matrix } from '../domain/tradeoffs/model';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import type { EditTransaction, Editor } from './editor';
import { oneLine } from './one-line';
import { InvalidInputError } from './programs-repo';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkNumber(value: number | null, what: string): void {
  if (value !== null && !Number.isFinite(value)) throw new InvalidInputError(`The ${what} must be a number.`);
}

function checkDay(value: string, what: string): void {
  if (value !== '' && !DAY.test(value)) throw new InvalidInputError(`Give the ${what} as a date.`);
}

const SHORT_FIELDS = ['unit', 'window', 'cadence', 'dataSource', 'numerator', 'denominator', 'ownerPerson', 'customCategory'] as const;
const LONG_FIELDS = ['description', 'decision', 'formula'] as const;

/** Cleans and checks a patch the way every write of a metric needs. */
function validPatch<T extends MetricPatch>(patch: T): T {
  const out: MetricPatch = { ...patch };
  if (out.name !== undefined) out.name = oneLine(out.name, METRIC_NAME_MAX, 'metric', 'Give the metric a name.');
  for (const field of SHORT_FIELDS) {
    const value = out[field];
    if (value !== undefined && value.length > METRIC_SHORT_MAX) throw new InvalidInputError(`Keep it under ${METRIC_SHORT_MAX} characters.`);
  }
  for (const field of LONG_FIELDS) {
    const value = out[field];
    if (value !== undefined && value.length > METRIC_TEXT_MAX) throw new InvalidInputError(`Keep it under ${METRIC_TEXT_MAX} characters.`);
  }
  if (out.baseline) {
    checkNumber(out.baseline.value, 'baseline');
    checkDay(out.baseline.date, 'baseline date');
  }
  if (out.target) {
    checkNumber(out.target.value, 'target');
    checkNumber(out.target.high, 'top of the target range');
    checkDay(out.target.by, 'target date');
  }
  if (out.guardrail) checkNumber(out.guardrail.value, 'guardrail');
  return out as T;
}

export type NewReading = Omit<Reading, 'id'>;

/** Readings are dated within these years, as the CSV reader accepts. */
export const READING_YEARS = { min: 1900, max: 2200 } as const;

/** What is wrong with a reading's date, as a sentence, or undefined when it is fine. */
export function readingDateProblem(date: string): string | undefined {
  if (!DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return 'Give the reading a date.';
  const year = Number(date.slice(0, 4));
  if (year < READING_YEARS.min || year > READING_YEARS.max) {
    return `Date readings between the years ${READING_YEARS.min} and ${READING_YEARS.max}.`;
  }
  return undefined;
}

function validReading(input: NewReading): Reading {
  const dateProblem = readingDateProblem(input.date);
  if (dateProblem) throw new InvalidInputError(dateProblem);
  if (!Number.isFinite(input.value)) throw new InvalidInputError('A reading needs a number.');
  return { id: newId(), date: input.date, value: input.value, note: input.note.trim().slice(0, READING_NOTE_MAX) };
}

/** Readings stay in date order; readings of the same day keep the order they were added in. */
function mergeReadings(existing: readonly Reading[], added: readonly Reading[]): Reading[] {
  return [...existing, ...added].sort((a, b) => a.date.localeCompare(b.date));
}

/** Functions and shared metrics of one program. Every write is one undoable edit. */
export class MetricsRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchFunctions(programId: string): Observable<ProgramFunction[]> {
    return liveQuery(async () => sortFunctions(await this.db.functions.where({ programId }).toArray()));
  }

  /** Id and name of each metric, in the order they were added: what other areas link to. */
  watchMetricNames(programId: string): Observable<{ id: string; name: string }[]> {
    return liveQuery(async () =>
      (await this.db.metrics.where({ programId }).toArray())
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map((m) => ({ id: m.id, name: m.name })),
    );
  }

  watchMetrics(programId: string): Observable<Metric[]> {
    return liveQuery(() => this.db.metrics.where({ programId }).toArray());
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  private async metric(id: string): Promise<Metric> {
    const metric = await this.db.metrics.get(id);
    if (!metric) throw new InvalidInputError('That metric no longer exists.');
    return metric;
  }

  // --- Metrics ---

  /** Adds metrics (one from scratch, or several copied from the library) as one undo step. */
  async addMetrics(programId: string, drafts: readonly MetricDraft[]): Promise<Metric[]> {
    const time = this.now();
    // A millisecond apart, so metrics added together keep the order they were given in.
    const metrics = drafts.map(
      (draft, i): Metric => ({
        ...validPatch(draft),
        id: newId(),
        programId,
        version: 1,
        signoffs: [],
        versions: [],
        readings: [],
        createdAt: time + i,
        updatedAt: time + i,
      }),
    );
    if (metrics.length === 0) return [];
    const label = metrics.length === 1 ? `Add metric "${metrics[0]!.name}"` : `Add ${metrics.length} metrics`;
    await this.editor.edit(label, async (tx) => {
      const functionIds = new Set((await this.db.functions.where({ programId }).toArray()).map((f) => f.id));
      for (const m of metrics) if (m.ownerFunctionId && !functionIds.has(m.ownerFunctionId)) m.ownerFunctionId = '';
      await tx.insert('metrics', metrics);
      await this.touchProgram(tx, programId);
    });
    return metrics;
  }

  /**
   * Edits a metric. Once anyone has signed the current version, a change to its contract keeps
   * that version and starts the next one with every sign-off pending (see versions.ts).
   */
  updateMetric(id: string, patch: MetricPatch, label: string, coalesceKey?: string): Promise<PatchOutcome> {
    const valid = validPatch(patch);
    return this.editor.edit(
      label,
      async (tx) => {
        const outcome = applyMetricPatch(await this.metric(id), valid, this.now());
        // A version brought back keeps only the sign-offs of functions the program still has.
        const current = new Set((await this.db.functions.where({ programId: outcome.metric.programId }).primaryKeys()) as string[]);
        if (outcome.metric.signoffs.some((s) => !current.has(s.functionId))) {
          outcome.metric = { ...outcome.metric, signoffs: outcome.metric.signoffs.filter((s) => current.has(s.functionId)) };
        }
        await tx.update<Metric>('metrics', id, outcome.metric);
        await this.touchProgram(tx, outcome.metric.programId);
        return outcome;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /**
   * Deletes metrics; uncertainty items that named them no longer do, and matrix criteria that
   * stood for them become free-standing ones under the same name and direction, keeping their
   * scores (undo restores all of it).
   */
  deleteMetrics(ids: readonly string[]): Promise<void> {
    return this.editor.edit(ids.length === 1 ? 'Delete metric' : `Delete ${ids.length} metrics`, async (tx) => {
      const metrics = await this.db.metrics.bulkGet(ids as string[]);
      await tx.remove('metrics', ids);
      const programId = metrics.find(Boolean)?.programId;
      if (!programId) return;
      const gone = new Set(ids);
      for (const item of await this.db.uncertaintyItems.where({ programId }).toArray()) {
        if (item.metricIds.some((id) => gone.has(id))) {
          await tx.update<UncertaintyItem>('uncertaintyItems', item.id, { metricIds: item.metricIds.filter((id) => !gone.has(id)) });
        }
      }
      const deleted = new Map(metrics.filter((m): m is Metric => m !== undefined).map((m) => [m.id, m]));
      for (const matrix of await this.db.matrices.where({ programId }).toArray()) {
        if (!matrix.criteria.some((c) => deleted.has(c.metricId))) continue;
        const criteria = matrix.criteria.map((c): Criterion => {
          const metric = deleted.get(c.metricId);
          return metric ? { ...c, metricId: '', name: metric.name.slice(0, CRITERION_NAME_MAX), direction: metricDirection(metric) } : c;
        });
        await tx.update<Matrix>('matrices', matrix.id, { criteria });
      }
      await this.touchProgram(tx, programId);
    });
  }

  /** The uncertainty items that name a metric, live. */
  /** The trade-off matrices in which a metric is a criterion, for a warning before it is deleted. */
  async matricesUsing(programId: string, metricId: string): Promise<{ question: string; decided: boolean }[]> {
    const matrices = await this.db.matrices.where({ programId }).toArray();
    return matrices.filter((m) => m.criteria.some((c) => c.metricId === metricId)).map((m) => ({ question: m.question, decided: m.decision !== null }));
  }

  /** The trade-off matrices in which a function has set its own weights, for a warning before it is removed. */
  async matricesWeightedBy(programId: string, functionId: string): Promise<{ question: string; decided: boolean }[]> {
    const matrices = await this.db.matrices.where({ programId }).toArray();
    return matrices.filter((m) => m.functionWeights.some((f) => f.functionId === functionId)).map((m) => ({ question: m.question, decided: m.decision !== null }));
  }

  watchLinkedItems(programId: string, metricId: string): Observable<UncertaintyItem[]> {
    return liveQuery(async () => (await this.db.uncertaintyItems.where({ programId }).toArray()).filter((i) => i.metricIds.includes(metricId)));
  }

  /** Records one function's agreement, objection (with a reason) or pending on the current version. */
  signOff(metricId: string, functionId: string, choice: AgreementChoice, details: { reason: string; by: string }): Promise<Metric> {
    if (choice === 'object' && !details.reason.trim()) throw new InvalidInputError('Say why the function objects.');
    if (details.reason.length > METRIC_TEXT_MAX) throw new InvalidInputError(`Keep the reason under ${METRIC_TEXT_MAX} characters.`);
    const by = oneLine(details.by, METRIC_SHORT_MAX, 'name');
    return this.editor.edit(`${choice === 'agree' ? 'Agree to' : choice === 'object' ? 'Object to' : 'Reset sign-off on'} metric`, async (tx) => {
      const metric = await this.metric(metricId);
      const fn = await this.db.functions.get(functionId);
      if (!fn || fn.programId !== metric.programId) throw new InvalidInputError('That function no longer exists.');
      const signoffs = withSignoff(metric.signoffs, fn, choice, { reason: details.reason, by, at: this.now() });
      const next = await tx.update<Metric>('metrics', metricId, { signoffs, updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  async addReadings(metricId: string, inputs: readonly NewReading[]): Promise<Metric> {
    const added = inputs.map(validReading);
    if (added.length === 0) throw new InvalidInputError('There are no readings to add.');
    return this.editor.edit(added.length === 1 ? 'Add reading' : `Add ${added.length} readings`, async (tx) => {
      const metric = await this.metric(metricId);
      if (metric.readings.length + added.length > READINGS_MAX) {
        throw new InvalidInputError(`A metric keeps up to ${READINGS_MAX.toLocaleString('en-US')} readings.`);
      }
      const next = await tx.update<Metric>('metrics', metricId, { readings: mergeReadings(metric.readings, added), updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  /** Corrects one reading (a mistyped value or date); readings stay in date order. */
  updateReading(metricId: string, readingId: string, input: NewReading): Promise<Metric> {
    const corrected = { ...validReading(input), id: readingId };
    return this.editor.edit('Edit reading', async (tx) => {
      const metric = await this.metric(metricId);
      if (!metric.readings.some((r) => r.id === readingId)) throw new InvalidInputError('That reading no longer exists.');
      const others = metric.readings.filter((r) => r.id !== readingId);
      const next = await tx.update<Metric>('metrics', metricId, { readings: mergeReadings(others, [corrected]), updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  removeReading(metricId: string, readingId: string): Promise<Metric> {
    return this.editor.edit('Remove reading', async (tx) => {
      const metric = await this.metric(metricId);
      const readings = metric.readings.filter((r) => r.id !== readingId);
      const next = await tx.update<Metric>('metrics', metricId, { readings, updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  // --- Functions ---

  async addFunction(programId: string, name: string): Promise<ProgramFunction> {
    const valid = oneLine(name, FUNCTION_NAME_MAX, 'function', 'Give the function a name.');
    return this.editor.edit(`Add function "${valid}"`, async (tx) => {
      const functions = await this.db.functions.where({ programId }).toArray();
      if (functions.length >= FUNCTIONS_MAX) throw new InvalidInputError(`A program has up to ${FUNCTIONS_MAX} functions.`);
      if (functions.some((f) => f.name.toLocaleLowerCase() === valid.toLocaleLowerCase())) {
        throw new InvalidInputError(`There is already a function called "${valid}".`);
      }
      const fn: ProgramFunction = { id: newId(), programId, name: valid, required: true, order: functions.length };
      await tx.insert('functions', [fn]);
      await this.touchProgram(tx, programId);
      return fn;
    });
  }

  renameFunction(id: string, name: string, coalesceKey?: string): Promise<ProgramFunction> {
    const valid = oneLine(name, FUNCTION_NAME_MAX, 'function', 'Give the function a name.');
    return this.editor.edit(
      `Rename function to "${valid}"`,
      async (tx) => {
        const current = await this.db.functions.get(id);
        if (!current) throw new InvalidInputError('That function no longer exists.');
        const others = await this.db.functions.where({ programId: current.programId }).toArray();
        if (others.some((f) => f.id !== id && f.name.toLocaleLowerCase() === valid.toLocaleLowerCase())) {
          throw new InvalidInputError(`There is already a function called "${valid}".`);
        }
        const fn = await tx.update<ProgramFunction>('functions', id, { name: valid });
        await this.touchProgram(tx, fn.programId);
        return fn;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  setFunctionRequired(id: string, required: boolean): Promise<ProgramFunction> {
    return this.editor.edit(required ? 'Require sign-off' : 'Make sign-off optional', async (tx) => {
      const fn = await tx.update<ProgramFunction>('functions', id, { required });
      await this.touchProgram(tx, fn.programId);
      return fn;
    });
  }

  moveFunction(programId: string, id: string, toIndex: number): Promise<void> {
    return this.editor.edit('Reorder functions', async (tx) => {
      const functions = sortFunctions(await this.db.functions.where({ programId }).toArray());
      const from = functions.findIndex((f) => f.id === id);
      if (from < 0) throw new InvalidInputError('That function no longer exists.');
      const [moved] = functions.splice(from, 1);
      functions.splice(Math.max(0, Math.min(functions.length, toIndex)), 0, moved!);
      for (const [order, fn] of functions.entries()) if (fn.order !== order) await tx.update<ProgramFunction>('functions', fn.id, { order });
      await this.touchProgram(tx, programId);
    });
  }

  /**
   * Removes a function: metrics it owned become unowned and its sign-offs on current versions
   * go; earlier versions keep what it signed, under the name it had. Its weights in trade-off
   * matrices go too.
   */
  removeFunction(id: string): Promise<void> {
    return this.editor.edit('Remove function', async (tx) => {
      const fn = await this.db.functions.get(id);
      if (!fn) throw new InvalidInputError('That function no longer exists.');
      const metrics = await this.db.metrics.where({ programId: fn.programId }).toArray();
      for (const metric of metrics) {
        const patch: Partial<Metric> = {};
        if (metric.ownerFunctionId === id) patch.ownerFunctionId = '';
        if (metric.signoffs.some((s) => s.functionId === id)) patch.signoffs = metric.signoffs.filter((s) => s.functionId !== id);
        if (Object.keys(patch).length) await tx.update<Metric>('metrics', metric.id, patch);
      }
      // Matrices forget the weights it set; the blend is of the functions that remain.
      for (const matrix of await this.db.matrices.where({ programId: fn.programId }).toArray()) {
        if (matrix.functionWeights.some((f) => f.functionId === id)) {
          await tx.update<Matrix>('matrices', matrix.id, { functionWeights: matrix.functionWeights.filter((f) => f.functionId !== id) });
        }
      }
      await tx.remove('functions', [id]);
      const rest = sortFunctions((await this.db.functions.where({ programId: fn.programId }).toArray()).filter((f) => f.id !== id));
      for (const [order, f] of rest.entries()) if (f.order !== order) await tx.update<ProgramFunction>('functions', f.id, { order });
      await this.touchProgram(tx, fn.programId);
    });
  }
}
