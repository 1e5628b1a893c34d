import type { Check } from '../domain/check';
import { checkFunctionName, checkMetricPatch, type NewReading } from '../domain/metrics/edits';
import type { MetricTemplate } from '../domain/metrics/library';
import type { AgreementChoice, Metric, MetricDraft, ProgramFunction } from '../domain/metrics/model';
import { metricRows, type MetricRow } from '../domain/metrics/rows';
import type { MetricStatus } from '../domain/metrics/status';
import type { MetricPatch, PatchOutcome } from '../domain/metrics/versions';
import type { Program } from '../domain/program';
import { describeLinkLoss } from '../domain/link-loss';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import { MetricsRepository } from '../storage/metrics-repo';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { FUNCTION_NAME, METRIC_TEXT_FIELDS, metricTextKind, type MetricTextField } from './metrics-replay';
import { formDraft, oneOf, preference, text, wholeText, type Preference } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft, type TextDraft } from './text-draft.svelte';
import { toasts } from './toasts.svelte';
import { Writes } from './writes';
import { plural } from '../domain/words';
import { Clock } from './clock.svelte';

export type MetricsView = 'list' | 'alignment';
export type MetricsSort = 'status' | 'name' | 'added';

export const SORT_LABELS: Record<MetricsSort, string> = {
  status: 'Status, worst first',
  name: 'Name A–Z',
  added: 'Date added',
};
const SEVERITY: Record<MetricStatus, number> = { breached: 0, 'at-risk': 1, 'no-data': 2, 'on-track': 3 };

/** Pasted rows kept on this computer; a longer CSV still works, its draft kept for this window only. */
const READINGS_DRAFT_MAX = 1_000_000;

export type { MetricRow };


/** One program's shared metrics: live data, computed status and agreement, filters, and every write. */
export class MetricsState {
  private readonly repo: MetricsRepository;
  private readonly writes: Writes;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly metricsLive: Live<Metric[]>;

  view = $state<MetricsView>('list');
  search = $state('');
  statusFilter = $state<MetricStatus | 'all'>('all');
  /** The list's sort order, remembered on this computer. */
  readonly sort = preference<MetricsSort>('keel.metrics.sort', oneOf(['status', 'name', 'added']), 'status');
  /** Who signs off in this window; remembered on this computer. */
  readonly signer = preference('keel.signer', text(200), '');
  private readonly clock = new Clock(3_600_000);
  /** Now, ticking each hour: what a reading's age is measured against. */
  get now(): number {
    return this.clock.now;
  }
  /** The "started version N" toast on screen, withdrawn when that version is. */
  private versionToast: number | undefined;

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new MetricsRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.functionsLive = new Live(() => this.repo.watchFunctions(this.program().id));
    this.metricsLive = new Live(() => this.repo.watchMetrics(this.program().id));
  }

  /** The program's name, for what is saved from this area (a chart's subtitle). */
  get programName(): string {
    return this.program().name;
  }

  get programId(): string {
    return this.program().id;
  }

  get loaded(): boolean {
    return this.functionsLive.loaded && this.metricsLive.loaded;
  }
  /** Why the metrics could not be read; shown instead of an empty list. */
  get problem() {
    return readProblem(this.functionsLive.error ?? this.metricsLive.error);
  }
  get functions(): ProgramFunction[] {
    return this.functionsLive.value ?? [];
  }
  get metrics(): Metric[] {
    return this.metricsLive.value ?? [];
  }

  /** Every metric with its status and agreement, in creation order. */
  rows = $derived.by(() => metricRows(this.metrics, this.functions, this.now, this.program().staleAfterDays));

  visibleRows = $derived.by(() => {
    const query = this.search.trim().toLocaleLowerCase();
    const shown = this.rows.filter(
      (row) =>
        (this.statusFilter === 'all' || row.status.status === this.statusFilter) &&
        (!query || `${row.metric.name} ${row.category} ${row.metric.description}`.toLocaleLowerCase().includes(query)),
    );
    const byName = (a: MetricRow, b: MetricRow) => a.metric.name.localeCompare(b.metric.name);
    // Rows are in creation order already; sort is stable, so ties keep that order.
    if (this.sort.value === 'name') return shown.sort(byName);
    if (this.sort.value === 'status') return shown.sort((a, b) => SEVERITY[a.status.status] - SEVERITY[b.status.status]);
    return shown;
  });

  clearFilters(): void {
    this.search = '';
    this.statusFilter = 'all';
  }

  /** The uncertainty items that name a metric, live. Call while a component initialises. */
  linkedItems(metricId: string): { readonly items: UncertaintyItem[]; readonly loaded: boolean; readonly problem: ReadProblem | undefined } {
    const live = new Live(() => this.repo.watchLinkedItems(this.program().id, metricId));
    return {
      get items() {
        return live.value ?? [];
      },
      get loaded() {
        return live.loaded;
      },
      get problem() {
        return readProblem(live.error);
      },
    };
  }

  // --- Metrics ---

  async addMetric(draft: MetricDraft): Promise<Result<Metric>> {
    const added = await this.writes.run(() => this.repo.addMetrics(this.programId, [draft]));
    return added.ok ? { ok: true, value: added.value[0]! } : added;
  }

  /** Copies library metrics in, each owned by the function the library suggests if the program has it. */
  addFromLibrary(templates: readonly MetricTemplate[]): Promise<Result<Metric[]>> {
    const ownerId = (name: string) => this.functions.find((f) => f.name.toLocaleLowerCase() === name.toLocaleLowerCase())?.id ?? '';
    const drafts = templates.map((t) => ({ ...structuredClone(t.draft), ownerFunctionId: ownerId(t.suggestedOwner) }));
    return this.writes.run(() => this.repo.addMetrics(this.programId, drafts), {
      success: (added) => (added.length === 1 ? `Added "${added[0]!.name}".` : `Added ${plural(added.length, 'metric')}.`),
      undo: true,
    });
  }

  /**
   * Edits a metric. A change to a signed contract starts a new version: a toast says so, with
   * Undo; a version withdrawn (undo, or typing the contract back) takes its toast with it.
   */
  async updateMetric(metric: Metric, patch: MetricPatch, coalesceKey?: string): Promise<Result<PatchOutcome>> {
    const before = metric.version;
    const outcome = await this.writes.run(() => this.repo.updateMetric(metric.id, patch, coalesceKey));
    if (!outcome.ok) return outcome;
    const { newVersion, metric: after } = outcome.value;
    if (newVersion || after.version < before) {
      if (this.versionToast !== undefined) toasts.dismiss(this.versionToast);
      this.versionToast = undefined;
    }
    if (newVersion) {
      this.versionToast = toasts.show(
        `Started version ${newVersion}: the contract changed, so every function is asked to sign off again.`,
        'info',
        this.writes.undoOffer(),
      );
    }
    return outcome;
  }

  /** Every text field of a metric, as drafts; `current` gives the stored metric. */
  metricDrafts(metric: Metric, current: () => Metric): DraftGroup<MetricTextField> {
    return new DraftGroup(METRIC_TEXT_FIELDS, (field) => this.metricDraft(metric, field, current));
  }

  /** A text field of a metric, saved as it is typed; text the rule refuses is never saved. `current` gives the stored metric. */
  private metricDraft(metric: Metric, field: MetricTextField, current: () => Metric): TextDraft {
    const kind = metricTextKind(field);
    return journaledDraft(
      kind,
      metric.id,
      metric[field],
      async (text) => (await this.updateMetric(current(), { [field]: text }, `${kind}:${metric.id}`)).ok,
      (text) => checkMetricPatch({ [field]: text }),
    );
  }

  /** Deletes a metric after a confirmation that says what goes with it and which matrices use it. */
  async deleteMetric(metric: Metric): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.matricesUsing(metric.programId, metric.id), 'check which trade-off matrices use it');
    if (!found.ok) return found;
    const linked = await this.writes.read(() => this.repo.linksToMetric(metric.programId, metric.id), 'check which records link to it');
    if (!linked.ok) return linked;
    const matrices = found.value;
    const links = linked.value;
    const decided = matrices.filter((m) => m.decided).length;
    const inMatrices = matrices.length
      ? ` It is a criterion in ${matrices.length === 1 ? 'the trade-off matrix' : plural(matrices.length, 'trade-off matrix', 'trade-off matrices')} ${matrices
          .map((m) => `"${m.question}"`)
          .join(', ')}${decided ? ` (${decided} decided)` : ''}: there it stays as a free-standing criterion with its scores, and can no longer veto an option.`
      : '';
    const ok = await confirm({
      title: `Delete "${metric.name}"?`,
      message: `Its ${plural(metric.readings.length, 'reading')}, sign-offs and ${plural(metric.versions.length, 'earlier version')} go with it.${inMatrices}${links.length ? ` ${describeLinkLoss(links)}` : ''}`,
      confirmLabel: 'Delete metric',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteMetrics([metric.id]), { success: `Deleted "${metric.name}".`, undo: true });
  }

  /** Records a function's agreement, objection (with a reason) or pending, signed by this window's signer. */
  signOff(metric: Metric, fn: ProgramFunction, choice: AgreementChoice, reason = ''): Promise<Result<Metric>> {
    return this.writes.run(() => this.repo.signOff(metric.id, fn.id, choice, { reason, by: this.signer.value }));
  }

  // --- Readings ---

  addReading(metric: Metric, reading: NewReading): Promise<Result<Metric>> {
    return this.writes.run(() => this.repo.addReadings(metric.id, [reading]));
  }

  /** Rows pasted or read from a CSV for a metric, kept until they are added. */
  readingsDraft(metricId: string): Preference<string> {
    return formDraft('readings', metricId, wholeText(READINGS_DRAFT_MAX), '');
  }

  /** Adds readings pasted or imported; the rows kept for the dialog go once they are stored. */
  async addReadings(metric: Metric, readings: readonly NewReading[]): Promise<Result<Metric>> {
    const added = await this.writes.run(() => this.repo.addReadings(metric.id, readings), {
      success: `Added ${plural(readings.length, 'reading')}.`,
      undo: true,
    });
    if (added.ok) this.readingsDraft(metric.id).clear();
    return added;
  }

  updateReading(metric: Metric, readingId: string, reading: NewReading): Promise<Result<Metric>> {
    return this.writes.run(() => this.repo.updateReading(metric.id, readingId, reading));
  }

  removeReading(metric: Metric, readingId: string, date: string): Promise<Result<Metric>> {
    return this.writes.run(() => this.repo.removeReading(metric.id, readingId), { success: `Removed the reading of ${date}.`, undo: true });
  }

  // --- Functions ---

  addFunction(name: string): Promise<Result<ProgramFunction>> {
    return this.writes.run(() => this.repo.addFunction(this.programId, name));
  }

  /** The rule a function's new name must pass: not empty, not too long, not another function's. */
  private checkFunctionRename(id: string, name: string): Check<string> {
    return checkFunctionName(
      name,
      this.functions.filter((f) => f.id !== id),
    );
  }

  /** A function's name, saved as it is typed; a name the rule refuses is never saved. */
  functionNameDraft(fn: ProgramFunction): TextDraft {
    const id = fn.id;
    return journaledDraft(
      FUNCTION_NAME,
      id,
      fn.name,
      async (text) => (await this.writes.run(() => this.repo.renameFunction(id, text, `${FUNCTION_NAME}:${id}`))).ok,
      (text) => this.checkFunctionRename(id, text),
    );
  }

  setFunctionRequired(fn: ProgramFunction, required: boolean): Promise<Result<ProgramFunction>> {
    return this.writes.run(() => this.repo.setFunctionRequired(fn.id, required));
  }

  /** Moves a function up (-1) or down (1) in the program's order. */
  moveFunction(fn: ProgramFunction, by: -1 | 1): Promise<Result<void>> {
    const to = this.functions.findIndex((f) => f.id === fn.id) + by;
    return this.writes.run(() => this.repo.moveFunction(fn.programId, fn.id, to));
  }

  /** Removes a function after a confirmation that says what it owned, signed and weighed. */
  async removeFunction(fn: ProgramFunction): Promise<Result<void> | undefined> {
    const owned = this.metrics.filter((m) => m.ownerFunctionId === fn.id).length;
    const signed = this.metrics.filter((m) => m.signoffs.some((s) => s.functionId === fn.id)).length;
    const found = await this.writes.read(() => this.repo.matricesWeightedBy(fn.programId, fn.id), 'check which trade-off matrices it weighs');
    if (!found.ok) return found;
    const weighed = found.value;
    const decided = weighed.filter((m) => m.decided).length;
    const ok = await confirm({
      title: `Remove ${fn.name}?`,
      message: [
        owned ? `${plural(owned, 'metric')} it owns will have no owner.` : '',
        signed ? `Its sign-offs on ${plural(signed, 'current version')} go.` : '',
        'Earlier versions keep what it signed.',
        weighed.length
          ? `Its weights in ${weighed.length === 1 ? 'the trade-off matrix' : plural(weighed.length, 'trade-off matrix', 'trade-off matrices')} ${weighed
              .map((m) => `"${m.question}"`)
              .join(', ')} go too, so their combined ranking changes${decided ? `; the decisions recorded on ${decided === 1 ? 'one of them stay' : `${decided} of them stay`} as recorded` : ''}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      confirmLabel: 'Remove function',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.removeFunction(fn.id), { success: `Removed ${fn.name}.`, undo: true });
  }
}
