import { linkLossSentence } from '../domain/links';
import { untrack } from 'svelte';
import { isoDay } from '../domain/dates';
import { andList, choiceLabel, namesOf, optionTitles, vetoedBy } from '../domain/tradeoffs/labels';
import { checkCriterionName, checkMatrixText, checkOptionTitle, checkQuestion, type DecisionInput, type ScorePatch } from '../domain/tradeoffs/edits';
import { recommendedOption, resolveMatrix, type ResolvedCriterion } from '../domain/tradeoffs/matrix';
import {
  MODE_LABELS,
  type CriterionDirection,
  type Judgements,
  type Matrix,
  type MatrixOption,
  type ScoringMode,
  type StoredCombined,
} from '../domain/tradeoffs/model';
import { percentPoints } from '../domain/tradeoffs/scoring';
import { MatrixRepository } from '../storage/tradeoffs-repo';
import { confirm } from './confirm.svelte';
import { PendingScores } from './pending-scores.svelte';
import { fields, formDraft, preference, text, type Preference } from './preferences.svelte';
import type { Result } from './result';
import { useServices, type Services } from './services';
import { flushAllDrafts, journaledDraft, type TextDraft } from './text-draft.svelte';
import type { TradeoffsState } from './tradeoffs.svelte';
import { MATRIX_KINDS } from './tradeoffs-replay';
import { CoalescedWriter } from './coalesced-writer';
import { Writes } from './writes';
import { plural } from '../domain/words';

/** The column of the weights table that holds the facilitator's own weights. */
export const FACILITATOR = 'facilitator';

/** What the decision form holds until it is recorded. */
export type DecisionDraft = {
  chosen: string;
  rationale: string;
  deciders: string;
  date: string;
};

/** After the next frame is painted; at once in a hidden window, which paints nothing. */
const afterNextPaint = () =>
  new Promise<void>((resolve) =>
    document.visibilityState === 'hidden' ? setTimeout(resolve, 0) : requestAnimationFrame(() => setTimeout(resolve, 0)),
  );

/**
 * One open trade-off matrix: what it shows (typed scores included before they are stored), its
 * analysis, and every write to it. Create it while the matrix page initialises; the page is
 * keyed by matrix id, so the id is fixed for the state's life.
 */
export class MatrixState {
  readonly id: string;
  private readonly repo: MatrixRepository;
  private readonly writes: Writes;
  /** Typed scores show at once, before their durable save lands (see PendingScores). */
  private readonly pending = new PendingScores();
  /** What the decision form holds, kept on this computer across tabs and restarts until recorded. */
  readonly decisionDraft: Preference<Partial<DecisionDraft>>;
  /** Who decided last time, offered for the next decision. */
  readonly lastDeciders = preference('keel.tradeoffs.deciders', text(300), '');

  constructor(
    private readonly area: TradeoffsState,
    private readonly stored: () => Matrix,
    services: Services = useServices(),
  ) {
    this.id = untrack(() => stored().id);
    this.repo = new MatrixRepository(services.editor);
    this.writes = new Writes(services.editor);
    const textField = text(10_000);
    this.decisionDraft = formDraft(
      'decision',
      this.id,
      fields<DecisionDraft>({ chosen: textField, rationale: textField, deciders: textField, date: textField }),
      {},
    );
    // Only a new stored matrix settles typed scores, not the typing itself.
    $effect(() => {
      const matrix = this.stored();
      untrack(() => this.pending.reconcile(matrix));
    });
  }

  get matrix(): Matrix {
    return this.stored();
  }
  /** The matrix as it shows: the stored one with typed scores not stored yet. */
  shown = $derived.by(() => this.pending.apply(this.stored()));
  resolved = $derived.by(() => resolveMatrix(this.shown, this.area.metricsById, this.area.functions));
  locked = $derived.by(() => this.stored().decision !== null);

  // --- The matrix ---

  /** The question and the context, saved as they are typed; text the rule refuses is never saved. */
  questionDraft(): TextDraft {
    const matrix = untrack(() => this.matrix);
    return journaledDraft(
      MATRIX_KINDS.question,
      this.id,
      matrix.question,
      async (text) => (await this.writes.run(() => this.repo.update(this.id, { question: text }, `${MATRIX_KINDS.question}:${this.id}`))).ok,
      checkQuestion,
    );
  }

  contextDraft(): TextDraft {
    const matrix = untrack(() => this.matrix);
    return journaledDraft(
      MATRIX_KINDS.context,
      this.id,
      matrix.context,
      async (text) => (await this.writes.run(() => this.repo.update(this.id, { context: text }, `${MATRIX_KINDS.context}:${this.id}`))).ok,
      (text) => checkMatrixText(text, 'context'),
    );
  }

  /** Deletes the matrix after a confirmation that says what goes with it. */
  async remove(): Promise<Result<void> | undefined> {
    const matrix = this.matrix;
    const found = await this.writes.read(() => this.repo.linksToMatrix(matrix.programId, matrix.id), 'check which records link to it');
    if (!found.ok) return found;
    const links = found.value.length ? ` ${linkLossSentence(found.value)}` : '';
    const parts = [
      matrix.options.length ? plural(matrix.options.length, 'option') : '',
      matrix.criteria.length ? plural(matrix.criteria.length, 'criterion', 'criteria') : '',
      matrix.scores.length ? 'scores' : '',
      matrix.functionWeights.length ? 'weights' : '',
      matrix.decision || matrix.pastDecisions.length ? 'its decisions' : '',
    ].filter(Boolean);
    const ok = await confirm({
      title: `Delete "${matrix.question}"?`,
      message: `${parts.length ? `Its ${andList(parts)} go with it.` : 'It has nothing in it yet.'}${links} You can undo this.`,
      confirmLabel: 'Delete matrix',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.remove(this.id), { success: `Deleted "${matrix.question}".`, undo: true });
  }

  /** Changes the scale; scores on the old one are cleared after a confirmation. Undefined when the user kept the scale. */
  async setMode(mode: ScoringMode): Promise<Result<void> | undefined> {
    const matrix = this.matrix;
    if (mode === matrix.mode) return undefined;
    const scored = matrix.scores.filter((s) => s.value !== null).length;
    if (scored > 0) {
      const ok = await confirm({
        title: `Score on ${MODE_LABELS[mode].toLowerCase()}?`,
        message: `${scored === 1 ? 'The score' : `The ${scored} scores`} given so far ${scored === 1 ? 'is' : 'are'} on the other scale and will be cleared. Rationales and expected values stay. You can undo this.`,
        confirmLabel: 'Change the scale',
        danger: true,
      });
      if (!ok) return undefined;
    }
    return this.writes.run(() => this.repo.setMode(this.id, mode));
  }

  // --- Options ---

  addOption(title: string): Promise<Result<string>> {
    return this.writes.run(() => this.repo.addOption(this.id, title));
  }

  /** An option's title or description, saved as it is typed; text the rule refuses is never saved. */
  optionDraft(option: MatrixOption, field: 'title' | 'description'): TextDraft {
    const key = `${this.id}/${option.id}`;
    const kind = field === 'title' ? MATRIX_KINDS.optionTitle : MATRIX_KINDS.optionDescription;
    return journaledDraft(
      kind,
      key,
      option[field],
      async (text) => (await this.writes.run(() => this.repo.updateOption(this.id, option.id, { [field]: text }, `${kind}:${key}`))).ok,
      field === 'title' ? checkOptionTitle : (text) => checkMatrixText(text, 'description'),
    );
  }

  moveOption(optionId: string, delta: -1 | 1): Promise<Result<void>> {
    return this.writes.run(() => this.repo.moveOption(this.id, optionId, delta));
  }

  /**
   * Removes an option or criterion (`name`) with its `cells` and what `goes` with them; one with
   * scored or annotated cells only after a confirmation, and then with Undo offered.
   */
  private async removeWithCells(name: string, what: string, cells: number, goes: string, work: () => Promise<void>): Promise<Result<void> | undefined> {
    if (cells > 0) {
      const ok = await confirm({
        title: `Remove "${name}"?`,
        message: `Its ${plural(cells, 'scored or annotated cell')}${goes} ${cells === 1 && !goes ? 'goes' : 'go'} with it. You can undo this.`,
        confirmLabel: `Remove ${what}`,
        danger: true,
      });
      if (!ok) return undefined;
    }
    return this.writes.run(work, cells > 0 ? { success: `Removed "${name}".`, undo: true } : {});
  }

  removeOption(option: MatrixOption): Promise<Result<void> | undefined> {
    const cells = this.matrix.scores.filter((s) => s.optionId === option.id).length;
    return this.removeWithCells(option.title, 'option', cells, '', () => this.repo.removeOption(this.id, option.id));
  }

  // --- Criteria ---

  /** Adds a free-standing criterion (effort, time to ship). */
  addFreeCriterion(name: string, direction: CriterionDirection): Promise<Result<string>> {
    return this.writes.run(() => this.repo.addCriterion(this.id, { name, metricId: '', direction }));
  }

  /** Adds a shared metric as a criterion: it lends its name, unit and direction. */
  addMetricCriterion(metricId: string): Promise<Result<string>> {
    const metric = this.area.metrics.find((m) => m.id === metricId);
    return this.writes.run(() => this.repo.addCriterion(this.id, { name: metric?.name ?? '', metricId, direction: 'benefit' }));
  }

  /** A free-standing criterion's name, saved as it is typed; a name the rule refuses is never saved. */
  criterionNameDraft(criterion: ResolvedCriterion): TextDraft {
    const key = `${this.id}/${criterion.id}`;
    return journaledDraft(
      MATRIX_KINDS.criterionName,
      key,
      criterion.name,
      async (text) =>
        (await this.writes.run(() => this.repo.updateCriterion(this.id, criterion.id, { name: text }, `${MATRIX_KINDS.criterionName}:${key}`))).ok,
      checkCriterionName,
    );
  }

  setCriterionDirection(criterionId: string, direction: CriterionDirection): Promise<Result<void>> {
    return this.writes.run(() => this.repo.updateCriterion(this.id, criterionId, { direction }));
  }

  moveCriterion(criterionId: string, delta: -1 | 1): Promise<Result<void>> {
    return this.writes.run(() => this.repo.moveCriterion(this.id, criterionId, delta));
  }

  removeCriterion(criterion: ResolvedCriterion): Promise<Result<void> | undefined> {
    const cells = this.matrix.scores.filter((s) => s.criterionId === criterion.id).length;
    return this.removeWithCells(criterion.name, 'criterion', cells, " and every function's weight for it", () =>
      this.repo.removeCriterion(this.id, criterion.id),
    );
  }

  // --- Scores ---

  /** Typed scores, each cell's newest stored next (see CoalescedWriter); a save starts after the frame showing it is painted. */
  private readonly scoreSaves = new CoalescedWriter<number | null>(MATRIX_KINDS.scoreValue, async (key, value) => {
    await afterNextPaint();
    const [, optionId, criterionId] = key.split('/') as [string, string, string];
    return (await this.writes.run(() => this.repo.setScore(this.id, optionId, criterionId, { value }))).ok;
  });

  /**
   * A score typed into the grid. It shows at once and is journaled at once, so closing the window
   * loses nothing; its durable save runs after that frame is painted, so typing stays quick on a
   * large matrix, and undo and navigation wait for it. A score whose save failed keeps showing
   * (and stays journaled) until it is stored.
   */
  async score(optionId: string, criterionId: string, value: number | null): Promise<void> {
    const typing = this.pending.set(optionId, criterionId, value);
    const before = this.matrix.scores.find((s) => s.optionId === optionId && s.criterionId === criterionId)?.value ?? null;
    const stored = await this.scoreSaves.put(`${this.id}/${optionId}/${criterionId}`, value, before, undefined);
    if (stored) this.pending.landed(typing, this.matrix);
  }

  /** Sets parts of one cell from its panel; repeated changes of one part merge into one undo step. */
  setCell(optionId: string, criterionId: string, patch: ScorePatch, coalesceKey?: string): Promise<Result<void>> {
    return this.writes.run(() => this.repo.setScore(this.id, optionId, criterionId, patch, coalesceKey));
  }

  /** A cell's score chosen in its panel; choosing again soon after merges into one undo step. */
  setCellValue(optionId: string, criterionId: string, value: number | null): Promise<Result<void>> {
    return this.setCell(optionId, criterionId, { value }, `${MATRIX_KINDS.scoreValue}:${this.id}/${optionId}/${criterionId}`);
  }

  /** A cell's rationale, saved as it is typed. */
  rationaleDraft(optionId: string, criterionId: string, initial: string): TextDraft {
    const key = `${this.id}/${optionId}/${criterionId}`;
    return journaledDraft(
      MATRIX_KINDS.scoreRationale,
      key,
      initial,
      async (text) => (await this.setCell(optionId, criterionId, { rationale: text }, `${MATRIX_KINDS.scoreRationale}:${key}`)).ok,
      (text) => checkMatrixText(text, 'rationale'),
    );
  }

  // --- Weights ---

  /** The points a column of the weights table shows: a function that set none weighs every criterion 1; the facilitator starts from the blend. */
  pointsOf(columnId: string): Record<string, number> {
    const matrix = this.matrix;
    if (columnId === FACILITATOR) return matrix.combined.mode === 'facilitator' ? matrix.combined.weights : percentPoints(this.resolved.analysis.weights);
    const own = matrix.functionWeights.find((f) => f.functionId === columnId);
    return own ? own.weights : Object.fromEntries(this.resolved.criteria.map((c) => [c.id, 1]));
  }

  /** One weight typed into the table; an unset column starts from what the table shows. */
  setPoints(columnId: string, criterionId: string, points: number): Promise<Result<void>> {
    return this.writes.run(() =>
      columnId === FACILITATOR
        ? this.repo.setFacilitatorWeight(this.id, criterionId, points)
        : this.repo.setFunctionWeight(this.id, columnId, criterionId, points),
    );
  }

  /** Weights derived from pairwise comparisons, with the judgements kept to revisit them. */
  applyPairwise(columnId: string, weights: Record<string, number>, judgements: Judgements): Promise<Result<void>> {
    const points = percentPoints(weights);
    return this.writes.run(() =>
      columnId === FACILITATOR
        ? this.repo.setCombined(this.id, { mode: 'facilitator', weights: points, judgements })
        : this.repo.setFunctionWeights(this.id, columnId, points, judgements),
    );
  }

  /** The judgements behind a column's weights, for the pairwise dialog to start from. */
  judgementsOf(columnId: string): Judgements | null {
    const matrix = this.matrix;
    if (columnId === FACILITATOR) return matrix.combined.mode === 'facilitator' ? matrix.combined.judgements : null;
    return matrix.functionWeights.find((f) => f.functionId === columnId)?.judgements ?? null;
  }

  clearFunctionWeights(functionId: string): Promise<Result<void>> {
    return this.writes.run(() => this.repo.clearFunctionWeights(this.id, functionId));
  }

  /** The equal blend, or the facilitator's weights: as entered before, else starting from the blend the table shows. */
  setCombinedMode(mode: StoredCombined['mode']): Promise<Result<void>> {
    return this.writes.run(() => this.repo.setCombinedMode(this.id, mode));
  }

  // --- The decision ---

  /**
   * What the decision form shows: what the user entered (kept on this computer until recorded),
   * else the current recommendation, the last deciders and today. Only what the user changes is
   * stored, so the form follows the recommendation until an option is picked.
   */
  decisionForm = $derived.by((): DecisionDraft => {
    const draft = this.decisionDraft.value;
    const options = this.matrix.options;
    const picked = options.some((o) => o.id === draft.chosen) ? draft.chosen : undefined;
    return {
      chosen: picked ?? this.resolved.analysis.winner?.optionId ?? options[0]?.id ?? '',
      rationale: draft.rationale ?? '',
      deciders: draft.deciders ?? this.lastDeciders.value,
      date: draft.date ?? isoDay(Date.now()),
    };
  });

  /** A change the user made in the decision form. */
  editDecision(patch: Partial<DecisionDraft>): void {
    this.decisionDraft.set({ ...this.decisionDraft.value, ...patch });
  }

  /** The names of the criteria whose guardrail vetoes each option, by option id (none for most). */
  private vetoingCriteria = $derived.by(() => {
    const criterionName = namesOf(this.resolved.criteria);
    return Object.fromEntries(this.resolved.analysis.results.map((r) => [r.optionId, r.vetoes.map((v) => criterionName(v.criterionId))]));
  });

  /** The options to decide between, the recommended and the vetoed ones said so. */
  decisionChoices = $derived.by(() => {
    const recommended = recommendedOption(this.resolved.analysis);
    const title = optionTitles(this.matrix.options);
    return this.matrix.options.map((o) => {
      const vetoes = this.vetoingCriteria[o.id] ?? [];
      return { id: o.id, label: choiceLabel(title(o.id), o.id === recommended, vetoes), vetoed: vetoes.length > 0 };
    });
  });

  /** Recording a vetoed option breaks a shared metric's guardrail: only after the team confirms it accepts that. */
  private async acceptsVeto(optionId: string, chosenTitle: string): Promise<boolean> {
    const vetoes = this.vetoingCriteria[optionId] ?? [];
    if (vetoes.length === 0) return true;
    return confirm({
      title: 'Record a vetoed option?',
      message: `"${chosenTitle}" is ${vetoedBy(vetoes)}: its expected value breaks ${vetoes.length > 1 ? 'them' : 'it'}. Record it only if the team accepts that, and say why in the rationale.`,
      confirmLabel: 'Record anyway',
      danger: true,
    });
  }

  /**
   * Records the decision, which locks the matrix; the draft goes and the deciders are remembered.
   * Scores still being saved land first, so the record reads the matrix as the team saw it. A
   * vetoed option is recorded only after a confirmation; undefined when the user declined.
   */
  async decide(input: DecisionInput, chosenTitle: string): Promise<Result<void> | undefined> {
    await flushAllDrafts();
    if (!(await this.acceptsVeto(input.optionId, chosenTitle))) return undefined;
    this.lastDeciders.set(input.deciders.trim());
    const done = await this.writes.run(() => this.repo.decide(this.id, input), {
      success: `Recorded the decision: ${chosenTitle}. The matrix is locked.`,
      undo: true,
    });
    if (done.ok) this.decisionDraft.clear();
    return done;
  }

  /** Reopens the matrix; the decision stays in its history with the reason. */
  async reopen(reason: string): Promise<Result<void>> {
    const done = await this.writes.run(() => this.repo.reopen(this.id, reason), {
      success: 'Reopened the matrix. The earlier decision stays in its history.',
      undo: true,
    });
    if (done.ok) this.decisionDraft.set({ ...this.decisionDraft.value, rationale: '' });
    return done;
  }
}
