import { liveQuery, type Observable } from 'dexie';
import { withSignoff } from '../domain/metrics/agreement';
import {
  checkFunctionName,
  checkMetricPatch,
  checkObjection,
  checkReading,
  checkSigner,
  mergeReadings,
  metricAfterFunctionRemoved,
  metricEditLabel,
  newFunction,
  newMetrics,
  reorderFunctions,
  withKnownFunctions,
  type NewReading,
} from '../domain/metrics/edits';
import { sortFunctions } from '../domain/metrics/functions';
import type { AgreementChoice, Metric, MetricDraft, ProgramFunction } from '../domain/metrics/model';
import { applyMetricPatch, type MetricPatch, type PatchOutcome } from '../domain/metrics/versions';
import { newId } from '../domain/ids';
import { oldestFirst, renumbered } from '../domain/order';
import type { Program } from '../domain/program';
// Only what metric and function edits do to matrices: the trade-off rules stay out of start-up.
import { criteriaAfterMetricsDeleted, weightsAfterFunctionRemoved } from '../domain/tradeoffs/cascades';
import type { Matrix } from '../domain/tradeoffs/model';
import { itemLinksAfterMetricsDeleted } from '../domain/uncertainty/cascades';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { linksTo, removeLinksTo, type LinkHolder } from './links';
import { plural } from '../domain/words';

export type { NewReading };

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
      oldestFirst(await this.db.metrics.where({ programId }).toArray()).map((m) => ({ id: m.id, name: m.name })),
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
    const made = valid(newMetrics(programId, drafts, newId, this.now()));
    if (made.length === 0) return [];
    const label = made.length === 1 ? `Add metric "${made[0]!.name}"` : `Add ${plural(made.length, 'metric')}`;
    return this.editor.edit(label, async (tx) => {
      const functionIds = new Set((await this.db.functions.where({ programId }).primaryKeys()) as string[]);
      const metrics = made.map((m) => withKnownFunctions(m, functionIds));
      await tx.insert('metrics', metrics);
      await this.touchProgram(tx, programId);
      return metrics;
    });
  }

  /**
   * Edits a metric. Once anyone has signed the current version, a change to its contract keeps
   * that version and starts the next one with every sign-off pending (see versions.ts).
   */
  async updateMetric(id: string, patch: MetricPatch, coalesceKey?: string): Promise<PatchOutcome> {
    const checked = valid(checkMetricPatch(patch));
    return this.editor.edit(
      metricEditLabel(checked),
      async (tx) => {
        const outcome = applyMetricPatch(await this.metric(id), checked, this.now());
        const current = new Set((await this.db.functions.where({ programId: outcome.metric.programId }).primaryKeys()) as string[]);
        outcome.metric = withKnownFunctions(outcome.metric, current);
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
   * scores; the plan's records linking to them lose the link (undo restores all of it).
   */
  async deleteMetrics(ids: readonly string[]): Promise<void> {
    return this.editor.edit(ids.length === 1 ? 'Delete metric' : `Delete ${plural(ids.length, 'metric')}`, async (tx) => {
      const metrics = await this.db.metrics.bulkGet(ids as string[]);
      await tx.remove('metrics', ids);
      const programId = metrics.find(Boolean)?.programId;
      if (!programId) return;
      for (const item of await this.db.uncertaintyItems.where({ programId }).toArray()) {
        const metricIds = itemLinksAfterMetricsDeleted(item, ids);
        if (metricIds) await tx.update<UncertaintyItem>('uncertaintyItems', item.id, { metricIds });
      }
      const deleted = new Map(metrics.filter((m): m is Metric => m !== undefined).map((m) => [m.id, m]));
      for (const matrix of await this.db.matrices.where({ programId }).toArray()) {
        const criteria = criteriaAfterMetricsDeleted(matrix, deleted);
        if (criteria) await tx.update<Matrix>('matrices', matrix.id, { criteria });
      }
      await this.touchProgram(tx, programId);
      await removeLinksTo(tx, this.db, programId, 'metric', ids);
    });
  }

  /** The records that link to a metric (uncertainty items and the plan's records), for the confirmation. */
  linksToMetric(programId: string, metricId: string): Promise<LinkHolder[]> {
    return linksTo(this.db, programId, 'metric', [metricId]);
  }

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

  /** The uncertainty items that name a metric, live. */
  watchLinkedItems(programId: string, metricId: string): Observable<UncertaintyItem[]> {
    return liveQuery(async () => (await this.db.uncertaintyItems.where({ programId }).toArray()).filter((i) => i.metricIds.includes(metricId)));
  }

  /** Records one function's agreement, objection (with a reason) or pending on the current version. */
  async signOff(metricId: string, functionId: string, choice: AgreementChoice, details: { reason: string; by: string }): Promise<Metric> {
    const by = valid(checkSigner(details.by, choice));
    return this.editor.edit(`${choice === 'agree' ? 'Agree to' : choice === 'object' ? 'Object to' : 'Reset sign-off on'} metric`, async (tx) => {
      const metric = await this.metric(metricId);
      const fn = await this.db.functions.get(functionId);
      if (!fn || fn.programId !== metric.programId) throw new InvalidInputError('That function no longer exists.');
      valid(checkObjection(choice, details.reason, fn.name));
      const signoffs = withSignoff(metric.signoffs, fn, choice, { reason: details.reason, by, at: this.now() });
      const next = await tx.update<Metric>('metrics', metricId, { signoffs, updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  async addReadings(metricId: string, inputs: readonly NewReading[]): Promise<Metric> {
    const added = inputs.map((input) => valid(checkReading(input, newId())));
    if (added.length === 0) throw new InvalidInputError('There are no readings to add.');
    return this.editor.edit(added.length === 1 ? 'Add reading' : `Add ${plural(added.length, 'reading')}`, async (tx) => {
      const metric = await this.metric(metricId);
      const readings = valid(mergeReadings(metric.readings, added));
      const next = await tx.update<Metric>('metrics', metricId, { readings, updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  /** Corrects one reading (a mistyped value or date); readings stay in date order. */
  async updateReading(metricId: string, readingId: string, input: NewReading): Promise<Metric> {
    const corrected = valid(checkReading(input, readingId));
    return this.editor.edit('Edit reading', async (tx) => {
      const metric = await this.metric(metricId);
      if (!metric.readings.some((r) => r.id === readingId)) throw new InvalidInputError('That reading no longer exists.');
      const others = metric.readings.filter((r) => r.id !== readingId);
      const next = await tx.update<Metric>('metrics', metricId, { readings: valid(mergeReadings(others, [corrected])), updatedAt: this.now() });
      await this.touchProgram(tx, metric.programId);
      return next;
    });
  }

  async removeReading(metricId: string, readingId: string): Promise<Metric> {
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
    const checked = valid(checkFunctionName(name));
    return this.editor.edit(`Add function "${checked}"`, async (tx) => {
      const functions = await this.db.functions.where({ programId }).toArray();
      const fn = valid(newFunction(programId, checked, functions, newId()));
      await tx.insert('functions', [fn]);
      await this.touchProgram(tx, programId);
      return fn;
    });
  }

  async renameFunction(id: string, name: string, coalesceKey?: string): Promise<ProgramFunction> {
    const checked = valid(checkFunctionName(name));
    return this.editor.edit(
      `Rename function to "${checked}"`,
      async (tx) => {
        const current = await this.db.functions.get(id);
        if (!current) throw new InvalidInputError('That function no longer exists.');
        const others = (await this.db.functions.where({ programId: current.programId }).toArray()).filter((f) => f.id !== id);
        valid(checkFunctionName(checked, others));
        const fn = await tx.update<ProgramFunction>('functions', id, { name: checked });
        await this.touchProgram(tx, fn.programId);
        return fn;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  async setFunctionRequired(id: string, required: boolean): Promise<ProgramFunction> {
    return this.editor.edit(required ? 'Require sign-off' : 'Make sign-off optional', async (tx) => {
      const fn = await tx.update<ProgramFunction>('functions', id, { required });
      await this.touchProgram(tx, fn.programId);
      return fn;
    });
  }

  async moveFunction(programId: string, id: string, toIndex: number): Promise<void> {
    return this.editor.edit('Reorder functions', async (tx) => {
      const functions = sortFunctions(await this.db.functions.where({ programId }).toArray());
      const before = new Map(functions.map((f) => [f.id, f.order]));
      for (const fn of valid(reorderFunctions(functions, id, toIndex))) {
        if (before.get(fn.id) !== fn.order) await tx.update<ProgramFunction>('functions', fn.id, { order: fn.order });
      }
      await this.touchProgram(tx, programId);
    });
  }

  /**
   * Removes a function: metrics it owned become unowned and its sign-offs on current versions
   * go; earlier versions keep what it signed, under the name it had. Its weights in trade-off
   * matrices go too.
   */
  async removeFunction(id: string): Promise<void> {
    return this.editor.edit('Remove function', async (tx) => {
      const fn = await this.db.functions.get(id);
      if (!fn) throw new InvalidInputError('That function no longer exists.');
      const metrics = await this.db.metrics.where({ programId: fn.programId }).toArray();
      for (const metric of metrics) {
        const patch = metricAfterFunctionRemoved(metric, id);
        if (patch) await tx.update<Metric>('metrics', metric.id, patch);
      }
      for (const matrix of await this.db.matrices.where({ programId: fn.programId }).toArray()) {
        const functionWeights = weightsAfterFunctionRemoved(matrix, id);
        if (functionWeights) await tx.update<Matrix>('matrices', matrix.id, { functionWeights });
      }
      await tx.remove('functions', [id]);
      const rest = (await this.db.functions.where({ programId: fn.programId }).toArray()).filter((f) => f.id !== id);
      const before = new Map(rest.map((f) => [f.id, f.order]));
      for (const f of renumbered(sortFunctions(rest))) if (before.get(f.id) !== f.order) await tx.update<ProgramFunction>('functions', f.id, { order: f.order });
      await this.touchProgram(tx, fn.programId);
    });
  }
}
