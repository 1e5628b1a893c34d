import { liveQuery, type Observable } from 'dexie';
import { passed, type Check } from '../domain/check';
import { sortFunctions } from '../domain/metrics/functions';
import { newId } from '../domain/ids';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Program } from '../domain/program';
import * as edits from '../domain/tradeoffs/edits';
import { MATRIX_LOCKED_MESSAGE, type DecisionInput, type MatrixPatch, type ScorePatch } from '../domain/tradeoffs/edits';
import {
  newMatrix,
  type Criterion,
  type CriterionDirection,
  type Judgements,
  type Matrix,
  type MatrixOption,
  type ScoringMode,
  type StoredCombined,
} from '../domain/tradeoffs/model';
import { resolveMatrix } from '../domain/tradeoffs/matrix';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { oldestFirst } from '../domain/order';
import { isoDay } from '../domain/dates';
import { decisionNumber, type DecisionRecord } from '../domain/decisions/model';
import { linksTo, removeLinksTo } from './links';
import { describeLinkLoss } from '../domain/link-loss';

export { MATRIX_LOCKED_MESSAGE };

/** The decision log's rules, loaded when a matrix is first decided or reopened: the trade-off area stays small. */
const decisionLog = () => import('../domain/decisions/from-matrix');

/** A matrix decision's record in the log, as the matrix links to it. */
export interface MatrixDecisionRecord {
  id: string;
  /** ADR-0007. */
  label: string;
  recordedAt: number;
}

/**
 * Trade-off matrices of one program, one row each. Every write is one undoable edit; what an
 * edit changes is decided in domain/tradeoffs/edits.ts, here it is read, checked against the
 * lock and written.
 */
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
      oldestFirst(await this.db.matrices.where({ programId }).toArray()),
    );
  }

  /** The decision log's records of a matrix's decisions (number, and when the decision was recorded), live. */
  watchDecisionRecords(matrixId: string): Observable<MatrixDecisionRecord[]> {
    return liveQuery(async () =>
      (await this.db.decisions.where({ matrixId }).toArray()).map((r) => ({ id: r.id, label: decisionNumber(r.number), recordedAt: r.createdAt })),
    );
  }

  /** One matrix as stored now, or undefined. */
  get(id: string): Promise<Matrix | undefined> {
    return this.db.matrices.get(id);
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
  private async write(tx: EditTransaction, matrix: Matrix, patch: MatrixPatch): Promise<void> {
    await tx.update<Matrix>('matrices', matrix.id, { ...patch, updatedAt: this.now() });
    await this.touchProgram(tx, matrix.programId);
  }

  /** An edit of an open matrix that needs nothing but the matrix itself. */
  private change(label: string, id: string, edit: (matrix: Matrix) => Check<MatrixPatch>, coalesceKey?: string): Promise<void> {
    return this.editor.edit(
      label,
      async (tx) => {
        const matrix = await this.openMatrix(id);
        await this.write(tx, matrix, valid(edit(matrix)));
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /** The name each criterion shows (a linked metric lends its current name), and which are linked to a metric that exists. */
  private async shownNames(matrix: Matrix): Promise<{ shown: Map<string, string>; linked: Set<string> }> {
    const metrics = await this.metricsOf(matrix);
    const shown = new Map(matrix.criteria.map((c, i) => [c.id, metrics[i]?.name ?? c.name]));
    const linked = new Set(matrix.criteria.filter((_, i) => metrics[i] !== undefined).map((c) => c.id));
    return { shown, linked };
  }

  // --- The matrix ---

  /** A new matrix with its question and scale: one undo step. */
  async create(programId: string, question: string, mode: ScoringMode = 'rating'): Promise<Matrix> {
    const checked = valid(edits.checkQuestion(question));
    return this.editor.edit('Add matrix', async (tx) => {
      if (!(await this.db.programs.get(programId))) throw new InvalidInputError('That program no longer exists.');
      const empty = newMatrix(programId, checked, this.now(), newId);
      const matrix = { ...empty, ...valid(edits.changeMode(empty, mode)) };
      await tx.insert('matrices', [matrix]);
      await this.touchProgram(tx, programId);
      return matrix;
    });
  }

  async update(id: string, patch: { question?: string; context?: string }, coalesceKey?: string): Promise<void> {
    const checked: { question?: string; context?: string } = {};
    if (patch.question !== undefined) checked.question = valid(edits.checkQuestion(patch.question));
    if (patch.context !== undefined) checked.context = valid(edits.checkMatrixText(patch.context, 'context'));
    const label = checked.question !== undefined ? 'Edit question' : 'Edit context';
    return this.change(label, id, () => passed(checked), coalesceKey);
  }

  /** Switching scales clears every value (a 4 of 5 is not an effect of +4); rationales and the rest stay. */
  async setMode(id: string, mode: ScoringMode): Promise<void> {
    return this.change('Change scoring scale', id, (matrix) => edits.changeMode(matrix, mode));
  }

  /** What deleting a matrix unlinks (its records in the decision log, actions, ...), said for the confirmation; '' for nothing. */
  async linkLoss(matrix: Matrix): Promise<string> {
    return describeLinkLoss(await linksTo(this.db, matrix.programId, 'matrix', [matrix.id]));
  }

  /** Deletes a matrix, decided or not, and the links to it (its records in the log keep their basis); undo brings both back. */
  async remove(id: string): Promise<void> {
    return this.editor.edit('Delete matrix', async (tx) => {
      const matrix = await this.matrix(id);
      await tx.remove('matrices', [id]);
      await this.touchProgram(tx, matrix.programId);
      await removeLinksTo(tx, this.db, matrix.programId, 'matrix', [id]);
    });
  }

  // --- Options ---

  async addOption(id: string, title: string, description = ''): Promise<string> {
    const option: MatrixOption = {
      id: newId(),
      title: valid(edits.checkOptionTitle(title)),
      description: valid(edits.checkMatrixText(description, 'description')),
    };
    await this.change(`Add option "${option.title}"`, id, (matrix) => edits.addOption(matrix, option));
    return option.id;
  }

  async updateOption(id: string, optionId: string, patch: { title?: string; description?: string }, coalesceKey?: string): Promise<void> {
    const checked: Partial<MatrixOption> = {};
    if (patch.title !== undefined) checked.title = valid(edits.checkOptionTitle(patch.title));
    if (patch.description !== undefined) checked.description = valid(edits.checkMatrixText(patch.description, 'description'));
    return this.change('Edit option', id, (matrix) => edits.updateOption(matrix, optionId, checked), coalesceKey);
  }

  async removeOption(id: string, optionId: string): Promise<void> {
    return this.change('Remove option', id, (matrix) => edits.removeOption(matrix, optionId));
  }

  async moveOption(id: string, optionId: string, delta: -1 | 1): Promise<void> {
    return this.change('Reorder options', id, (matrix) => edits.moveOption(matrix, optionId, delta));
  }

  // --- Criteria ---

  /**
   * Adds a criterion: a shared metric (stored under the metric's name, which it keeps should the
   * metric ever be deleted) or a free-standing one. Returns its id.
   */
  async addCriterion(id: string, criterion: { name: string; metricId: string; direction: CriterionDirection }): Promise<string> {
    const direction = valid(edits.checkDirection(criterion.direction));
    const free = criterion.metricId ? '' : valid(edits.checkCriterionName(criterion.name));
    const criterionId = newId();
    await this.editor.edit('Add criterion', async (tx) => {
      const matrix = await this.openMatrix(id);
      let name = free;
      if (criterion.metricId) {
        const metric = await this.db.metrics.get(criterion.metricId);
        if (!metric || metric.programId !== matrix.programId) throw new InvalidInputError('That metric no longer exists.');
        name = valid(edits.checkCriterionName(metric.name));
      }
      const added: Criterion = { id: criterionId, name, metricId: criterion.metricId, direction };
      const { shown } = await this.shownNames(matrix);
      await this.write(tx, matrix, valid(edits.addCriterion(matrix, added, shown)));
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
    const checked: Partial<Criterion> = {};
    if (patch.name !== undefined) checked.name = valid(edits.checkCriterionName(patch.name));
    if (patch.direction !== undefined) checked.direction = valid(edits.checkDirection(patch.direction));
    return this.editor.edit(
      checked.name !== undefined ? 'Rename criterion' : 'Change criterion direction',
      async (tx) => {
        const matrix = await this.openMatrix(id);
        const { shown, linked } = await this.shownNames(matrix);
        await this.write(tx, matrix, valid(edits.updateCriterion(matrix, criterionId, checked, shown, linked)));
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  async removeCriterion(id: string, criterionId: string): Promise<void> {
    return this.change('Remove criterion', id, (matrix) => edits.removeCriterion(matrix, criterionId));
  }

  async moveCriterion(id: string, criterionId: string, delta: -1 | 1): Promise<void> {
    return this.change('Reorder criteria', id, (matrix) => edits.moveCriterion(matrix, criterionId, delta));
  }

  // --- Scores ---

  /** Sets parts of one cell; a cell left with nothing in it is dropped. Typing merges through `coalesceKey`. */
  async setScore(id: string, optionId: string, criterionId: string, patch: ScorePatch, coalesceKey?: string): Promise<void> {
    const label = patch.value !== undefined ? 'Score' : patch.rationale !== undefined ? 'Edit rationale' : 'Edit score';
    return this.change(label, id, (matrix) => edits.setScore(matrix, optionId, criterionId, patch), coalesceKey);
  }

  // --- Weights ---

  /** The program's functions, in their order: the equal blend is theirs. */
  /** The metric each criterion is linked to, in the criteria's order; undefined for a free-standing one or a metric gone. */
  private metricsOf(matrix: Matrix): Promise<(Metric | undefined)[]> {
    return this.db.metrics.bulkGet(matrix.criteria.map((c) => c.metricId || '-'));
  }

  private async functionsOf(matrix: Matrix): Promise<ProgramFunction[]> {
    return sortFunctions(await this.db.functions.where({ programId: matrix.programId }).toArray());
  }

  private async checkFunction(matrix: Matrix, functionId: string): Promise<void> {
    const fn = await this.db.functions.get(functionId);
    if (!fn || fn.programId !== matrix.programId) throw new InvalidInputError('That function no longer exists.');
  }

  /** Sets one function's weight for one criterion by hand (see edits.setFunctionWeight). */
  async setFunctionWeight(id: string, functionId: string, criterionId: string, weight: number): Promise<void> {
    return this.editor.edit('Change weight', async (tx) => {
      const matrix = await this.openMatrix(id);
      await this.checkFunction(matrix, functionId);
      await this.write(tx, matrix, valid(edits.setFunctionWeight(matrix, functionId, criterionId, weight)));
    });
  }

  /** Replaces one function's weights, with the pairwise judgements they came from (or null). */
  async setFunctionWeights(id: string, functionId: string, weights: Record<string, number>, judgements: Judgements | null): Promise<void> {
    return this.editor.edit('Set weights', async (tx) => {
      const matrix = await this.openMatrix(id);
      await this.checkFunction(matrix, functionId);
      await this.write(tx, matrix, valid(edits.setFunctionWeights(matrix, functionId, weights, judgements)));
    });
  }

  /** Back to weighing every criterion equally for this function. */
  async clearFunctionWeights(id: string, functionId: string): Promise<void> {
    return this.change('Reset weights', id, (matrix) => edits.clearFunctionWeights(matrix, functionId));
  }

  /** What drives the main ranking: the equal blend of the functions, or the facilitator's weights. */
  async setCombined(id: string, combined: StoredCombined): Promise<void> {
    return this.change(combined.mode === 'equal' ? 'Blend functions equally' : 'Set facilitator weights', id, (matrix) =>
      edits.setCombined(matrix, combined),
    );
  }

  /** Switches between the equal blend and the facilitator's weights, keeping both (see edits.setCombinedMode). */
  async setCombinedMode(id: string, mode: StoredCombined['mode']): Promise<void> {
    return this.editor.edit(mode === 'equal' ? 'Blend functions equally' : 'Use facilitator weights', async (tx) => {
      const matrix = await this.openMatrix(id);
      const functions = await this.functionsOf(matrix);
      await this.write(tx, matrix, valid(edits.setCombinedMode(matrix, mode, functions)));
    });
  }

  /** Sets the facilitator's weight for one criterion, switching to facilitator weights (see edits.setFacilitatorWeight). */
  async setFacilitatorWeight(id: string, criterionId: string, weight: number): Promise<void> {
    return this.editor.edit('Change facilitator weight', async (tx) => {
      const matrix = await this.openMatrix(id);
      const functions = await this.functionsOf(matrix);
      await this.write(tx, matrix, valid(edits.setFacilitatorWeight(matrix, criterionId, weight, functions)));
    });
  }

  // --- Decisions ---

  /**
   * Records the decision, which locks the matrix until it is reopened (see edits.decide), and in
   * the same edit its record in the decision log, with what it was made on frozen in the record.
   * A decision after a reopening supersedes the record the reopening left.
   */
  async decide(id: string, decision: DecisionInput): Promise<void> {
    const { newestFirst, nextDecisionNumber, standingDecisionRecord } = await decisionLog();
    return this.editor.edit('Record decision', async (tx) => {
      const matrix = await this.matrix(id);
      const metrics = await this.metricsOf(matrix);
      const metricsById = new Map(metrics.filter((m) => m !== undefined).map((m) => [m.id, m]));
      const functions = await this.functionsOf(matrix);
      const resolved = resolveMatrix(matrix, metricsById, functions);
      const patch = valid(edits.decide(matrix, decision, resolved, this.now()));
      const log = await this.db.decisions.where({ programId: matrix.programId }).toArray();
      const base = { id: newId(), programId: matrix.programId, number: nextDecisionNumber(log) };
      const record = standingDecisionRecord({ ...matrix, decision: patch.decision! }, resolved, functions, base);
      const earlier = newestFirst(log.filter((r) => r.matrixId === id && !r.supersededBy && r.status !== 'accepted'))[0];
      if (earlier) {
        record.supersedes = earlier.id;
        await tx.update<DecisionRecord>('decisions', earlier.id, { supersededBy: record.id, updatedAt: this.now() });
      }
      await tx.insert('decisions', [record]);
      // The matrix last: Dexie keeps its transaction across only a shallow chain of native awaits.
      await this.write(tx, matrix, patch);
    });
  }

  /**
   * Reopens a decided matrix; the decision moves to the earlier ones with the reason, and its
   * record in the log is superseded with the date and reason (it keeps its basis).
   */
  async reopen(id: string, reason: string): Promise<void> {
    const { reopenedNote } = await decisionLog();
    return this.editor.edit('Reopen decision', async (tx) => {
      const matrix = await this.matrix(id);
      const now = this.now();
      const patch = valid(edits.reopen(matrix, reason, now));
      const reopened = patch.pastDecisions!.at(-1)!.reopened!;
      const standing = await this.db.decisions.where({ matrixId: id }).filter((r) => r.status === 'accepted').toArray();
      for (const record of standing) {
        await tx.update<DecisionRecord>('decisions', record.id, { status: 'superseded', statusNote: reopenedNote(isoDay(now), reopened.reason), updatedAt: now });
      }
      // The matrix last: Dexie keeps its transaction across only a shallow chain of native awaits.
      await this.write(tx, matrix, patch);
    });
  }
}
