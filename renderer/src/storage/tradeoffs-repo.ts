import { liveQuery, type Observable } from 'dexie';
import { sortFunctions } from '../domain/metrics/functions';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import { functionWeightsOf } from '../domain/tradeoffs/matrix';
import {
  CONFIDENCES,
  CRITERIA_MAX,
  CRITERION_NAME_MAX,
  DECIDERS_MAX,
  emptyScore,
  isBlankScore,
  judgesTwoOf,
  JUDGEMENT_MAX,
  JUDGEMENT_MIN,
  MATRIX_QUESTION_MAX,
  MATRIX_TEXT_MAX,
  newMatrix,
  OPTION_TITLE_MAX,
  OPTIONS_MAX,
  SCALES,
  SCORING_MODES,
  WEIGHT_MAX,
  type Criterion,
  type CriterionDirection,
  type Decision,
  type Judgements,
  type Matrix,
  type MatrixOption,
  type Score,
  type ScoringMode,
  type StoredCombined,
  type StoredFunctionWeights,
} from '../domain/tradeoffs/model';
import { blendWeights, percentPoints } from '../domain/tradeoffs/scoring';
import type { EditTransaction, Editor } from './editor';
import { oneLine } from './one-line';
import { InvalidInputError } from './programs-repo';

/** Why an edit of a decided matrix is refused: its decision would no longer match what it shows. */
export const MATRIX_LOCKED_MESSAGE = 'This matrix is decided. Reopen it to change it.';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DIRECTIONS: readonly CriterionDirection[] = ['benefit', 'cost'];

function longText(raw: string, what: string): string {
  if (raw.length > MATRIX_TEXT_MAX) throw new InvalidInputError(`Keep the ${what} under ${MATRIX_TEXT_MAX} characters.`);
  return raw;
}

function checkDirection(direction: CriterionDirection): void {
  if (!DIRECTIONS.includes(direction)) throw new InvalidInputError('Say whether more of the criterion is better or worse.');
}

function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight < 0 || weight > WEIGHT_MAX) {
    throw new InvalidInputError(`Give the weight as a number from 0 to ${WEIGHT_MAX}.`);
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** Moves one entry a place up (-1) or down (1); at either end the list stays as it is. */
function moved<T extends { id: string }>(list: readonly T[], id: string, delta: -1 | 1, what: string): T[] {
  const from = list.findIndex((x) => x.id === id);
  if (from < 0) throw new InvalidInputError(`That ${what} no longer exists.`);
  const to = from + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

function withoutKeys<V>(record: Readonly<Record<string, V>>, drop: (key: string) => boolean): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop(key)));
}

/** Trade-off matrices of one program, one row each. Every write is one undoable edit. */
export class MatrixRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  /** A program's matrices, oldest first, live. */
  watchMatrices(programId: string): Observable<Matrix[]> {
    return liveQuery(async () =>
      (await this.db.matrices.where({ programId }).toArray()).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    );
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  private async matrix(id: string): Promise<Matrix> {
    const matrix = await this.db.matrices.get(id);
    if (!matrix) throw new InvalidInputError('That matrix no longer exists.');
    return matrix;
  }

  /** The matrix, read inside an edit; a decided one refuses every change but decide, reopen and delete. */
  private async openMatrix(id: string): Promise<Matrix> {
    // Read here, not through matrix(): Dexie keeps its transaction across only a shallow chain of native awaits.
    const matrix = await this.db.matrices.get(id);
    if (!matrix) throw new InvalidInputError('That matrix no longer exists.');
    if (matrix.decision) throw new InvalidInputError(MATRIX_LOCKED_MESSAGE);
    return matrix;
  }

  /** Writes a change of a matrix, stamping it and its program as updated. */
  private async write(tx: EditTransaction, matrix: Matrix, patch: Partial<Omit<Matrix, 'id'>>): Promise<void> {
    await tx.update<Matrix>('matrices', matrix.id, { ...patch, updatedAt: this.now() });
    await this.touchProgram(tx, matrix.programId);
  }

  /** An edit of an open matrix that needs nothing but the matrix itself. */
  private change(label: string, id: string, change: (matrix: Matrix) => Partial<Omit<Matrix, 'id'>>, coalesceKey?: string): Promise<void> {
    return this.editor.edit(
      label,
      async (tx) => {
        const matrix = await this.openMatrix(id);
        await this.write(tx, matrix, change(matrix));
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  // --- The matrix ---

  async create(programId: string, question: string): Promise<Matrix> {
    const valid = oneLine(question, MATRIX_QUESTION_MAX, 'question', 'Ask the question the matrix should answer.');
    return this.editor.edit('Add matrix', async (tx) => {
      if (!(await this.db.programs.get(programId))) throw new InvalidInputError('That program no longer exists.');
      const matrix = newMatrix(programId, valid, this.now(), newId);
      await tx.insert('matrices', [matrix]);
      await this.touchProgram(tx, programId);
      return matrix;
    });
  }

  async update(id: string, patch: { question?: string; context?: string }, coalesceKey?: string): Promise<void> {
    const valid: { question?: string; context?: string } = {};
    if (patch.question !== undefined) {
      valid.question = oneLine(patch.question, MATRIX_QUESTION_MAX, 'question', 'Ask the question the matrix should answer.');
    }
    if (patch.context !== undefined) valid.context = longText(patch.context, 'context');
    const label = valid.question !== undefined ? 'Edit question' : 'Edit context';
    return this.change(label, id, () => valid, coalesceKey);
  }

  /** Switching scales clears every value (a 4 of 5 is not an effect of +4); rationales and the rest stay. */
  async setMode(id: string, mode: ScoringMode): Promise<void> {
    if (!SCORING_MODES.includes(mode)) throw new InvalidInputError('Choose a scoring scale.');
    return this.change('Change scoring scale', id, (matrix) => {
      if (matrix.mode === mode) return {};
      const scores = matrix.scores.map((s) => ({ ...s, value: null })).filter((s) => !isBlankScore(s));
      return { mode, scores };
    });
  }

  /** Deletes a matrix, decided or not; undo brings it back. */
  async remove(id: string): Promise<void> {
    return this.editor.edit('Delete matrix', async (tx) => {
      const matrix = await this.matrix(id);
      await tx.remove('matrices', [id]);
      await this.touchProgram(tx, matrix.programId);
    });
  }

  // --- Options ---

  async addOption(id: string, title: string, description = ''): Promise<string> {
    const option: MatrixOption = {
      id: newId(),
      title: oneLine(title, OPTION_TITLE_MAX, 'option', 'Give the option a title.'),
      description: longText(description, 'description'),
    };
    await this.change(`Add option "${option.title}"`, id, (matrix) => {
      if (matrix.options.length >= OPTIONS_MAX) throw new InvalidInputError(`A matrix has up to ${OPTIONS_MAX} options.`);
      return { options: [...matrix.options, option] };
    });
    return option.id;
  }

  async updateOption(id: string, optionId: string, patch: { title?: string; description?: string }, coalesceKey?: string): Promise<void> {
    const valid: Partial<MatrixOption> = {};
    if (patch.title !== undefined) valid.title = oneLine(patch.title, OPTION_TITLE_MAX, 'option', 'Give the option a title.');
    if (patch.description !== undefined) valid.description = longText(patch.description, 'description');
    return this.change(
      'Edit option',
      id,
      (matrix) => {
        if (!matrix.options.some((o) => o.id === optionId)) throw new InvalidInputError('That option no longer exists.');
        return { options: matrix.options.map((o) => (o.id === optionId ? { ...o, ...valid } : o)) };
      },
      coalesceKey,
    );
  }

  /** Removes an option and its cells. One an earlier decision chose or recommended stays, so that decision still reads. */
  async removeOption(id: string, optionId: string): Promise<void> {
    return this.change('Remove option', id, (matrix) => {
      if (!matrix.options.some((o) => o.id === optionId)) throw new InvalidInputError('That option no longer exists.');
      if (matrix.pastDecisions.some((d) => d.optionId === optionId || d.recommendedId === optionId)) {
        throw new InvalidInputError('An earlier decision names this option, so it stays in the matrix.');
      }
      return {
        options: matrix.options.filter((o) => o.id !== optionId),
        scores: matrix.scores.filter((s) => s.optionId !== optionId),
      };
    });
  }

  async moveOption(id: string, optionId: string, delta: -1 | 1): Promise<void> {
    return this.change('Reorder options', id, (matrix) => ({ options: moved(matrix.options, optionId, delta, 'option') }));
  }

  // --- Criteria ---

  /** The name each criterion shows (a linked metric lends its current name), and which are linked to a metric that exists. */
  private async shownNames(matrix: Matrix): Promise<{ shown: Map<string, string>; linked: Set<string> }> {
    const metrics = await this.db.metrics.bulkGet(matrix.criteria.map((c) => c.metricId || '-'));
    const shown = new Map(matrix.criteria.map((c, i) => [c.id, metrics[i]?.name ?? c.name]));
    const linked = new Set(matrix.criteria.filter((_, i) => metrics[i] !== undefined).map((c) => c.id));
    return { shown, linked };
  }

  /**
   * Adds a criterion: a shared metric (stored under the metric's name, which it keeps should the
   * metric ever be deleted) or a free-standing one. Returns its id.
   */
  async addCriterion(id: string, criterion: { name: string; metricId: string; direction: CriterionDirection }): Promise<string> {
    checkDirection(criterion.direction);
    const free = criterion.metricId ? '' : oneLine(criterion.name, CRITERION_NAME_MAX, 'criterion', 'Give the criterion a name.');
    const criterionId = newId();
    await this.editor.edit('Add criterion', async (tx) => {
      const matrix = await this.openMatrix(id);
      if (matrix.criteria.length >= CRITERIA_MAX) throw new InvalidInputError(`A matrix has up to ${CRITERIA_MAX} criteria.`);
      let name = free;
      if (criterion.metricId) {
        const metric = await this.db.metrics.get(criterion.metricId);
        if (!metric || metric.programId !== matrix.programId) throw new InvalidInputError('That metric no longer exists.');
        if (matrix.criteria.some((c) => c.metricId === metric.id)) {
          throw new InvalidInputError(`"${metric.name}" is already a criterion of this matrix.`);
        }
        name = metric.name.slice(0, CRITERION_NAME_MAX);
      }
      const names = await this.shownNames(matrix);
      if ([...names.shown.values()].some((n) => sameName(n, name))) throw new InvalidInputError(`There is already a criterion called "${name}".`);
      const added: Criterion = { id: criterionId, name, metricId: criterion.metricId, direction: criterion.direction };
      // Weights set before the criterion existed give it their average, so it neither vanishes
      // (0) nor dominates; each function can then adjust it.
      const withAverage = (weights: Record<string, number>): Record<string, number> => {
        const values = matrix.criteria.map((c) => weights[c.id] ?? 0);
        const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
        return { ...weights, [criterionId]: Math.round(mean * 10) / 10 };
      };
      await this.write(tx, matrix, {
        criteria: [...matrix.criteria, added],
        functionWeights: matrix.functionWeights.map((f) => ({ ...f, weights: withAverage(f.weights) })),
        combined: matrix.combined.mode === 'facilitator' ? { ...matrix.combined, weights: withAverage(matrix.combined.weights) } : matrix.combined,
      });
    });
    return criterionId;
  }

  /** Renames or turns a free-standing criterion; a linked one takes both from its metric. */
  async updateCriterion(
    id: string,
    criterionId: string,
    patch: { name?: string; direction?: CriterionDirection },
    coalesceKey?: string,
  ): Promise<void> {
    const valid: Partial<Criterion> = {};
    if (patch.name !== undefined) valid.name = oneLine(patch.name, CRITERION_NAME_MAX, 'criterion', 'Give the criterion a name.');
    if (patch.direction !== undefined) {
      checkDirection(patch.direction);
      valid.direction = patch.direction;
    }
    return this.editor.edit(
      valid.name !== undefined ? 'Rename criterion' : 'Change criterion direction',
      async (tx) => {
        const matrix = await this.openMatrix(id);
        const current = matrix.criteria.find((c) => c.id === criterionId);
        if (!current) throw new InvalidInputError('That criterion no longer exists.');
        const names = await this.shownNames(matrix);
        if (names.linked.has(criterionId)) {
          throw new InvalidInputError('This criterion takes its name and direction from its shared metric. Change them there.');
        }
        if (valid.name !== undefined && [...names.shown].some(([other, n]) => other !== criterionId && sameName(n, valid.name!))) {
          throw new InvalidInputError(`There is already a criterion called "${valid.name}".`);
        }
        await this.write(tx, matrix, { criteria: matrix.criteria.map((c) => (c.id === criterionId ? { ...c, ...valid } : c)) });
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /**
   * Removes a criterion with its cells, its weight in every set of weights and the pairwise
   * judgements that compare it. One an earlier decision traded away stays, so that decision still reads.
   */
  async removeCriterion(id: string, criterionId: string): Promise<void> {
    return this.change('Remove criterion', id, (matrix) => {
      if (!matrix.criteria.some((c) => c.id === criterionId)) throw new InvalidInputError('That criterion no longer exists.');
      if (matrix.pastDecisions.some((d) => d.tradedAway.includes(criterionId))) {
        throw new InvalidInputError('An earlier decision traded this criterion away, so it stays in the matrix.');
      }
      const dropWeight = (key: string) => key === criterionId;
      const dropJudgement = (key: string) => key.split('|').includes(criterionId);
      const judgements = (j: Judgements | null) => (j ? withoutKeys(j, dropJudgement) : null);
      const combined: StoredCombined =
        matrix.combined.mode === 'equal'
          ? matrix.combined
          : { mode: 'facilitator', weights: withoutKeys(matrix.combined.weights, dropWeight), judgements: judgements(matrix.combined.judgements) };
      return {
        criteria: matrix.criteria.filter((c) => c.id !== criterionId),
        scores: matrix.scores.filter((s) => s.criterionId !== criterionId),
        functionWeights: matrix.functionWeights.map((f) => ({
          ...f,
          weights: withoutKeys(f.weights, dropWeight),
          judgements: judgements(f.judgements),
        })),
        combined,
      };
    });
  }

  async moveCriterion(id: string, criterionId: string, delta: -1 | 1): Promise<void> {
    return this.change('Reorder criteria', id, (matrix) => ({ criteria: moved(matrix.criteria, criterionId, delta, 'criterion') }));
  }

  // --- Scores ---

  /** Sets parts of one cell; a cell left with nothing in it is dropped. Typing merges through `coalesceKey`. */
  async setScore(
    id: string,
    optionId: string,
    criterionId: string,
    patch: Partial<Pick<Score, 'value' | 'rationale' | 'confidence' | 'expected'>>,
    coalesceKey?: string,
  ): Promise<void> {
    if (patch.rationale !== undefined) longText(patch.rationale, 'rationale');
    if (patch.expected !== undefined && patch.expected !== null && !Number.isFinite(patch.expected)) {
      throw new InvalidInputError('The expected value must be a number.');
    }
    if (patch.confidence !== undefined && patch.confidence !== null && !CONFIDENCES.includes(patch.confidence)) {
      throw new InvalidInputError('Choose low, medium or high confidence.');
    }
    const label = patch.value !== undefined ? 'Score' : patch.rationale !== undefined ? 'Edit rationale' : 'Edit score';
    return this.change(
      label,
      id,
      (matrix) => {
        if (!matrix.options.some((o) => o.id === optionId)) throw new InvalidInputError('That option no longer exists.');
        if (!matrix.criteria.some((c) => c.id === criterionId)) throw new InvalidInputError('That criterion no longer exists.');
        const { min, max } = SCALES[matrix.mode];
        if (patch.value !== undefined && patch.value !== null && (!Number.isInteger(patch.value) || patch.value < min || patch.value > max)) {
          throw new InvalidInputError(`Score with a whole number from ${min} to ${max}.`);
        }
        const at = matrix.scores.findIndex((s) => s.optionId === optionId && s.criterionId === criterionId);
        const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const cell: Score = { ...(at >= 0 ? matrix.scores[at]! : emptyScore(optionId, criterionId)), ...set, optionId, criterionId };
        const scores = [...matrix.scores];
        if (at >= 0) scores.splice(at, 1, cell);
        else scores.push(cell);
        return { scores: isBlankScore(cell) ? scores.filter((s) => s !== cell) : scores };
      },
      coalesceKey,
    );
  }

  // --- Weights ---

  private async checkFunction(matrix: Matrix, functionId: string): Promise<void> {
    const fn = await this.db.functions.get(functionId);
    if (!fn || fn.programId !== matrix.programId) throw new InvalidInputError('That function no longer exists.');
  }

  private checkWeights(matrix: Matrix, weights: Readonly<Record<string, number>>): Record<string, number> {
    const ids = new Set(matrix.criteria.map((c) => c.id));
    for (const [key, weight] of Object.entries(weights)) {
      if (!ids.has(key)) throw new InvalidInputError('That criterion no longer exists.');
      checkWeight(weight);
    }
    return { ...weights };
  }

  private checkJudgements(matrix: Matrix, judgements: Judgements | null): Judgements | null {
    if (judgements === null) return null;
    const ids = new Set(matrix.criteria.map((c) => c.id));
    for (const [key, value] of Object.entries(judgements)) {
      if (!judgesTwoOf(key, ids)) throw new InvalidInputError('A comparison names a criterion that no longer exists.');
      if (!Number.isFinite(value) || value < JUDGEMENT_MIN || value > JUDGEMENT_MAX) {
        throw new InvalidInputError('Compare criteria on the scale from 1/9 to 9.');
      }
    }
    return { ...judgements };
  }

  private withFunctionWeights(matrix: Matrix, entry: StoredFunctionWeights): StoredFunctionWeights[] {
    const at = matrix.functionWeights.findIndex((f) => f.functionId === entry.functionId);
    return at >= 0 ? matrix.functionWeights.map((f, i) => (i === at ? entry : f)) : [...matrix.functionWeights, entry];
  }

  /**
   * Sets one function's weight for one criterion by hand, which drops the pairwise judgements
   * behind its weights. Weights are points (only ratios matter); a function that weighed
   * equally starts from 1 point on every criterion, as the weights table shows it.
   */
  async setFunctionWeight(id: string, functionId: string, criterionId: string, weight: number): Promise<void> {
    checkWeight(weight);
    return this.editor.edit('Change weight', async (tx) => {
      const matrix = await this.openMatrix(id);
      await this.checkFunction(matrix, functionId);
      if (!matrix.criteria.some((c) => c.id === criterionId)) throw new InvalidInputError('That criterion no longer exists.');
      const current = matrix.functionWeights.find((f) => f.functionId === functionId);
      const base = current ? current.weights : Object.fromEntries(matrix.criteria.map((c) => [c.id, 1]));
      const entry = { functionId, weights: { ...base, [criterionId]: weight }, judgements: null };
      await this.write(tx, matrix, { functionWeights: this.withFunctionWeights(matrix, entry) });
    });
  }

  /** Replaces one function's weights, with the pairwise judgements they came from (or null). */
  async setFunctionWeights(id: string, functionId: string, weights: Record<string, number>, judgements: Judgements | null): Promise<void> {
    return this.editor.edit('Set weights', async (tx) => {
      const matrix = await this.openMatrix(id);
      await this.checkFunction(matrix, functionId);
      const entry = { functionId, weights: this.checkWeights(matrix, weights), judgements: this.checkJudgements(matrix, judgements) };
      await this.write(tx, matrix, { functionWeights: this.withFunctionWeights(matrix, entry) });
    });
  }

  /** Back to weighing every criterion equally for this function. */
  async clearFunctionWeights(id: string, functionId: string): Promise<void> {
    return this.change('Reset weights', id, (matrix) => ({ functionWeights: matrix.functionWeights.filter((f) => f.functionId !== functionId) }));
  }

  /** What drives the main ranking: the equal blend of the functions, or the facilitator's weights. */
  async setCombined(id: string, combined: StoredCombined): Promise<void> {
    return this.change(combined.mode === 'equal' ? 'Blend functions equally' : 'Set facilitator weights', id, (matrix) => {
      if (combined.mode === 'equal') return { combined: { mode: 'equal' } };
      if (combined.mode !== 'facilitator') throw new InvalidInputError('Choose how the functions are combined.');
      return {
        combined: { mode: 'facilitator', weights: this.checkWeights(matrix, combined.weights), judgements: this.checkJudgements(matrix, combined.judgements) },
      };
    });
  }

  /**
   * Sets the facilitator's weight for one criterion, switching to facilitator weights. Coming from
   * the equal blend, the other criteria keep the share the blend gave them, in percentage points.
   */
  async setFacilitatorWeight(id: string, criterionId: string, weight: number): Promise<void> {
    checkWeight(weight);
    return this.editor.edit('Change facilitator weight', async (tx) => {
      const matrix = await this.openMatrix(id);
      if (!matrix.criteria.some((c) => c.id === criterionId)) throw new InvalidInputError('That criterion no longer exists.');
      let base: Record<string, number>;
      if (matrix.combined.mode === 'facilitator') base = matrix.combined.weights;
      else {
        const functions = sortFunctions(await this.db.functions.where({ programId: matrix.programId }).toArray());
        // The blend as percentage points, as the weights table shows it.
        base = percentPoints(blendWeights(functionWeightsOf(matrix, functions), matrix.criteria));
      }
      await this.write(tx, matrix, { combined: { mode: 'facilitator', weights: { ...base, [criterionId]: weight }, judgements: null } });
    });
  }

  // --- Decisions ---

  /** Records the decision, which locks the matrix until it is reopened. */
  async decide(
    id: string,
    decision: { optionId: string; rationale: string; deciders: string; date: string },
    tradedAway: string[],
    recommendedId: string | null,
  ): Promise<void> {
    const rationale = decision.rationale.trim();
    if (!rationale) throw new InvalidInputError('Say why the team chose this option.');
    longText(rationale, 'rationale');
    const deciders = oneLine(decision.deciders, DECIDERS_MAX, 'list of deciders', 'Say who decided.');
    if (!DAY.test(decision.date) || Number.isNaN(Date.parse(`${decision.date}T00:00:00Z`))) {
      throw new InvalidInputError('Give the date of the decision.');
    }
    return this.editor.edit('Record decision', async (tx) => {
      const matrix = await this.matrix(id);
      if (matrix.decision) throw new InvalidInputError('This matrix is already decided. Reopen it to decide again.');
      const optionIds = new Set(matrix.options.map((o) => o.id));
      if (!optionIds.has(decision.optionId)) throw new InvalidInputError('Choose one of the options.');
      if (recommendedId !== null && !optionIds.has(recommendedId)) throw new InvalidInputError('The recommended option no longer exists.');
      const criterionIds = new Set(matrix.criteria.map((c) => c.id));
      if (tradedAway.some((c) => !criterionIds.has(c))) throw new InvalidInputError('A criterion traded away no longer exists.');
      const standing: Decision = {
        optionId: decision.optionId,
        rationale,
        deciders,
        date: decision.date,
        tradedAway: [...new Set(tradedAway)],
        recommendedId,
        recordedAt: this.now(),
        reopened: null,
      };
      await this.write(tx, matrix, { decision: standing });
    });
  }

  /** Reopens a decided matrix; the decision moves to the earlier ones with the reason. */
  async reopen(id: string, reason: string): Promise<void> {
    const why = reason.trim();
    if (!why) throw new InvalidInputError('Say why the decision is reopened.');
    longText(why, 'reason');
    return this.editor.edit('Reopen decision', async (tx) => {
      const matrix = await this.matrix(id);
      if (!matrix.decision) throw new InvalidInputError('This matrix has no decision to reopen.');
      const past: Decision = { ...matrix.decision, reopened: { at: this.now(), reason: why } };
      await this.write(tx, matrix, { decision: null, pastDecisions: [...matrix.pastDecisions, past] });
    });
  }
}
