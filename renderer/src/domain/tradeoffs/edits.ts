// Every change of a trade-off matrix as a pure rule: the matrix as stored in, the fields that
// change (or a sentence saying why not) out. The repository reads, checks the lock and writes;
// forms use the same checks for their inline messages.

import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import { parseDay } from '../dates';
import { ownValue } from '../ids';
import { movedBy } from '../order';
import { matchesComparisons, weightsFromJudgements } from './ahp-judgements';
import { functionWeightsOf, recommendedOption, tradedAway, type ResolvedMatrix } from './matrix';
import {
  CONFIDENCES,
  CRITERIA_MAX,
  CRITERION_NAME_MAX,
  DECIDERS_MAX,
  emptyScore,
  facilitatorWeightsOf,
  isBlankScore,
  judgesTwoOf,
  pairwiseGaps,
  JUDGEMENT_MAX,
  JUDGEMENT_MIN,
  MATRIX_QUESTION_MAX,
  MATRIX_TEXT_MAX,
  OPTION_TITLE_MAX,
  OPTIONS_MAX,
  SCALES,
  SCORING_MODES,
  WEIGHT_MAX,
  type Criterion,
  type CriterionDirection,
  type Decision,
  type FacilitatorWeights,
  type Judgements,
  type Matrix,
  type MatrixOption,
  type Score,
  type ScoringMode,
  type StoredCombined,
  type StoredFunctionWeights,
} from './model';
import { blendWeights, percentPoints } from './scoring';
import type { ProgramFunction } from '../metrics/model';

/** The fields of a matrix an edit changes. */
export type MatrixPatch = Partial<Omit<Matrix, 'id' | 'programId' | 'createdAt'>>;

/** Why an edit of a decided matrix is refused: its decision would no longer match what it shows. */
export const MATRIX_LOCKED_MESSAGE = 'This matrix is decided. Reopen it to change it.';

// --- Texts and values ---

export function checkQuestion(raw: string): Check<string> {
  return checkOneLine(raw, MATRIX_QUESTION_MAX, 'question', 'Ask the question the matrix should answer.');
}

export function checkOptionTitle(raw: string): Check<string> {
  return checkOneLine(raw, OPTION_TITLE_MAX, 'option', 'Give the option a title.');
}

export function checkCriterionName(raw: string): Check<string> {
  return checkOneLine(raw, CRITERION_NAME_MAX, 'criterion', 'Give the criterion a name.');
}

/** Context, descriptions, rationales and reasons. */
export function checkMatrixText(raw: string, what: string): Check<string> {
  return checkLongText(raw, MATRIX_TEXT_MAX, what);
}

export function checkDeciders(raw: string): Check<string> {
  return checkOneLine(raw, DECIDERS_MAX, 'list of deciders', 'Say who decided.');
}

export function checkDecisionDate(date: string): Check<string> {
  return parseDay(date) === null ? failed('Give the date of the decision.') : passed(date);
}

export function checkWeight(weight: number): Check<number> {
  return Number.isFinite(weight) && weight >= 0 && weight <= WEIGHT_MAX
    ? passed(weight)
    : failed(`Give the weight as a number of points from 0 to ${WEIGHT_MAX}; 0 leaves the criterion out.`);
}

export function checkDirection(direction: CriterionDirection): Check<CriterionDirection> {
  return direction === 'benefit' || direction === 'cost' ? passed(direction) : failed('Say whether more of the criterion is better or worse.');
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** Runs checks in order and returns the first failure, or the patch `make` builds. */
function unless(problem: string | undefined, make: () => MatrixPatch): Check<MatrixPatch> {
  return problem ? failed(problem) : passed(make());
}

const NO_OPTION = 'That option no longer exists.';
const NO_CRITERION = 'That criterion no longer exists.';

function hasOption(matrix: Matrix, optionId: string): boolean {
  return matrix.options.some((o) => o.id === optionId);
}

function hasCriterion(matrix: Matrix, criterionId: string): boolean {
  return matrix.criteria.some((c) => c.id === criterionId);
}

function withoutKeys<V>(record: Readonly<Record<string, V>>, drop: (key: string) => boolean): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop(key)));
}

/** The combined weighting with the facilitator's weights changed, in force or kept; unchanged when there are none. */
function changeFacilitator(combined: StoredCombined, change: (f: FacilitatorWeights) => FacilitatorWeights): StoredCombined {
  const own = facilitatorWeightsOf(combined);
  return own ? { mode: combined.mode, ...change(own) } : combined;
}

// --- The matrix ---

/** Switching scales clears every value (a 4 of 5 is not an effect of +4); rationales and the rest stay. */
export function changeMode(matrix: Matrix, mode: ScoringMode): Check<MatrixPatch> {
  if (!SCORING_MODES.includes(mode)) return failed('Choose a scoring scale.');
  if (matrix.mode === mode) return passed({});
  return passed({ mode, scores: matrix.scores.map((s) => ({ ...s, value: null })).filter((s) => !isBlankScore(s)) });
}

// --- Options ---

export function addOption(matrix: Matrix, option: MatrixOption): Check<MatrixPatch> {
  return unless(matrix.options.length >= OPTIONS_MAX ? `A matrix has up to ${OPTIONS_MAX} options.` : undefined, () => ({
    options: [...matrix.options, option],
  }));
}

export function updateOption(matrix: Matrix, optionId: string, patch: Partial<Pick<MatrixOption, 'title' | 'description'>>): Check<MatrixPatch> {
  return unless(hasOption(matrix, optionId) ? undefined : NO_OPTION, () => ({
    options: matrix.options.map((o) => (o.id === optionId ? { ...o, ...patch } : o)),
  }));
}

/** Removes an option and its cells. One an earlier decision chose or recommended stays, so that decision still reads. */
export function removeOption(matrix: Matrix, optionId: string): Check<MatrixPatch> {
  if (!hasOption(matrix, optionId)) return failed(NO_OPTION);
  if (matrix.pastDecisions.some((d) => d.optionId === optionId || d.recommendedId === optionId)) {
    return failed('An earlier decision names this option, so it stays in the matrix.');
  }
  return passed({
    options: matrix.options.filter((o) => o.id !== optionId),
    scores: matrix.scores.filter((s) => s.optionId !== optionId),
  });
}

export function moveOption(matrix: Matrix, optionId: string, delta: -1 | 1): Check<MatrixPatch> {
  return unless(hasOption(matrix, optionId) ? undefined : NO_OPTION, () => ({ options: movedBy(matrix.options, optionId, delta) }));
}

// --- Criteria ---

/**
 * Adds a criterion. `shownNames` is the name each existing criterion shows (a linked metric
 * lends its current one): names must differ. Weights set before the criterion existed give it
 * their average, so it neither vanishes (0) nor dominates; each function can then adjust it.
 */
export function addCriterion(matrix: Matrix, added: Criterion, shownNames: ReadonlyMap<string, string>): Check<MatrixPatch> {
  if (matrix.criteria.length >= CRITERIA_MAX) return failed(`A matrix has up to ${CRITERIA_MAX} criteria.`);
  if (added.metricId && matrix.criteria.some((c) => c.metricId === added.metricId)) {
    return failed(`"${added.name}" is already a criterion of this matrix.`);
  }
  if ([...shownNames.values()].some((n) => sameName(n, added.name))) return failed(`There is already a criterion called "${added.name}".`);
  const withAverage = (weights: Record<string, number>): Record<string, number> => {
    const values = matrix.criteria.map((c) => ownValue(weights, c.id) ?? 0);
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
    return { ...weights, [added.id]: Math.round(mean * 10) / 10 };
  };
  return passed({
    criteria: [...matrix.criteria, added],
    functionWeights: matrix.functionWeights.map((f) => ({ ...f, weights: withAverage(f.weights) })),
    combined: changeFacilitator(matrix.combined, (f) => ({ ...f, weights: withAverage(f.weights) })),
  });
}

/**
 * Renames or turns a free-standing criterion. `shownNames` as for addCriterion; `linked` holds
 * the criteria whose metric exists: they take name and direction from it.
 */
export function updateCriterion(
  matrix: Matrix,
  criterionId: string,
  patch: Partial<Pick<Criterion, 'name' | 'direction'>>,
  shownNames: ReadonlyMap<string, string>,
  linked: ReadonlySet<string>,
): Check<MatrixPatch> {
  if (!hasCriterion(matrix, criterionId)) return failed(NO_CRITERION);
  if (linked.has(criterionId)) return failed('This criterion takes its name and direction from its shared metric. Change them there.');
  const name = patch.name;
  if (name !== undefined && [...shownNames].some(([other, n]) => other !== criterionId && sameName(n, name))) {
    return failed(`There is already a criterion called "${name}".`);
  }
  return passed({ criteria: matrix.criteria.map((c) => (c.id === criterionId ? { ...c, ...patch } : c)) });
}

/**
 * After criteria change from `before` to `ids`: weights that came from the comparisons (over the
 * criteria compared then; one added since has the average) are derived again from the judgements
 * left, when those compare every pair; so removing a criterion added since restores them. Weights
 * typed by hand stay as typed.
 */
function fromComparisons(before: readonly string[], was: FacilitatorWeights, ids: readonly string[], now: FacilitatorWeights): FacilitatorWeights {
  const { judgements } = now;
  if (!judgements || !was.judgements || ids.length < 2 || pairwiseGaps(ids, judgements).missing > 0) return now;
  const added = pairwiseGaps(before, was.judgements).uncompared;
  if (!matchesComparisons(before.filter((id) => !added.includes(id)), was.weights, was.judgements)) return now;
  return { weights: percentPoints(weightsFromJudgements(ids, judgements).weights), judgements };
}

/**
 * Removes a criterion with its cells, its weight in every set of weights and the pairwise
 * judgements that compare it; weights from comparisons are derived again from those left.
 * One an earlier decision traded away stays, so that decision still reads.
 */
export function removeCriterion(matrix: Matrix, criterionId: string): Check<MatrixPatch> {
  if (!hasCriterion(matrix, criterionId)) return failed(NO_CRITERION);
  if (matrix.pastDecisions.some((d) => d.tradedAway.includes(criterionId))) {
    return failed('An earlier decision traded this criterion away, so it stays in the matrix.');
  }
  const dropWeight = (key: string) => key === criterionId;
  const dropJudgement = (key: string) => key.split('|').includes(criterionId);
  const judgements = (j: Judgements | null) => (j ? withoutKeys(j, dropJudgement) : null);
  const criteria = matrix.criteria.filter((c) => c.id !== criterionId);
  const before = matrix.criteria.map((c) => c.id);
  const ids = criteria.map((c) => c.id);
  const without = (f: FacilitatorWeights) =>
    fromComparisons(before, f, ids, { weights: withoutKeys(f.weights, dropWeight), judgements: judgements(f.judgements) });
  return passed({
    criteria,
    scores: matrix.scores.filter((s) => s.criterionId !== criterionId),
    functionWeights: matrix.functionWeights.map((f) => ({ ...f, ...without(f) })),
    combined: changeFacilitator(matrix.combined, without),
  });
}

export function moveCriterion(matrix: Matrix, criterionId: string, delta: -1 | 1): Check<MatrixPatch> {
  return unless(hasCriterion(matrix, criterionId) ? undefined : NO_CRITERION, () => ({ criteria: movedBy(matrix.criteria, criterionId, delta) }));
}

// --- Scores ---

export type ScorePatch = Partial<Pick<Score, 'value' | 'rationale' | 'confidence' | 'expected'>>;

/** A score on the matrix's scale: a whole number within it (an effect's sign typed first). */
export function checkScoreValue(mode: ScoringMode, value: number): Check<number> {
  const { min, max } = SCALES[mode];
  if (Number.isInteger(value) && value >= min && value <= max) return passed(value);
  return failed(
    mode === 'rating'
      ? `Rate with a whole number from ${min} to ${max}.`
      : `Score the effect with a whole number from −${-min} to +${max} (type − first for a worsening).`,
  );
}

/** What can be checked of a cell's change without the matrix. */
function checkScorePatch(patch: ScorePatch): Check<ScorePatch> {
  if (patch.rationale !== undefined) {
    const rationale = checkMatrixText(patch.rationale, 'rationale');
    if (!rationale.ok) return rationale;
  }
  if (patch.expected !== undefined && patch.expected !== null && !Number.isFinite(patch.expected)) {
    return failed('The expected value must be a number.');
  }
  if (patch.confidence !== undefined && patch.confidence !== null && !CONFIDENCES.includes(patch.confidence)) {
    return failed('Choose low, medium or high confidence.');
  }
  return passed(patch);
}

/** Sets parts of one cell; a cell left with nothing in it is dropped. */
export function setScore(matrix: Matrix, optionId: string, criterionId: string, patch: ScorePatch): Check<MatrixPatch> {
  const checked = checkScorePatch(patch);
  if (!checked.ok) return checked;
  if (!hasOption(matrix, optionId)) return failed(NO_OPTION);
  if (!hasCriterion(matrix, criterionId)) return failed(NO_CRITERION);
  if (patch.value !== undefined && patch.value !== null) {
    const value = checkScoreValue(matrix.mode, patch.value);
    if (!value.ok) return value;
  }
  const at = matrix.scores.findIndex((s) => s.optionId === optionId && s.criterionId === criterionId);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const cell: Score = { ...(at >= 0 ? matrix.scores[at]! : emptyScore(optionId, criterionId)), ...set, optionId, criterionId };
  const scores = [...matrix.scores];
  if (at >= 0) scores.splice(at, 1, cell);
  else scores.push(cell);
  return passed({ scores: isBlankScore(cell) ? scores.filter((s) => s !== cell) : scores });
}

// --- Weights ---

function checkWeights(matrix: Matrix, weights: Readonly<Record<string, number>>): Check<Record<string, number>> {
  const ids = new Set(matrix.criteria.map((c) => c.id));
  for (const [key, weight] of Object.entries(weights)) {
    if (!ids.has(key)) return failed(NO_CRITERION);
    const checked = checkWeight(weight);
    if (!checked.ok) return checked;
  }
  return passed({ ...weights });
}

function checkJudgements(matrix: Matrix, judgements: Judgements | null): Check<Judgements | null> {
  if (judgements === null) return passed(null);
  const ids = new Set(matrix.criteria.map((c) => c.id));
  for (const [key, value] of Object.entries(judgements)) {
    if (!judgesTwoOf(key, ids)) return failed('A comparison names a criterion that no longer exists.');
    if (!Number.isFinite(value) || value < JUDGEMENT_MIN || value > JUDGEMENT_MAX) return failed('Compare criteria on the scale from 1/9 to 9.');
  }
  return passed({ ...judgements });
}

function withFunctionWeights(matrix: Matrix, entry: StoredFunctionWeights): StoredFunctionWeights[] {
  const at = matrix.functionWeights.findIndex((f) => f.functionId === entry.functionId);
  return at >= 0 ? matrix.functionWeights.map((f, i) => (i === at ? entry : f)) : [...matrix.functionWeights, entry];
}

/**
 * Sets one function's weight for one criterion by hand. The pairwise judgements stay, for the
 * dialog to start from; the weights no longer match them (see weightsSource). Weights are points
 * (only ratios matter); a function that weighed equally starts from 1 point on every criterion,
 * as the weights table shows it.
 */
export function setFunctionWeight(matrix: Matrix, functionId: string, criterionId: string, weight: number): Check<MatrixPatch> {
  const checked = checkWeight(weight);
  if (!checked.ok) return checked;
  if (!hasCriterion(matrix, criterionId)) return failed(NO_CRITERION);
  const current = matrix.functionWeights.find((f) => f.functionId === functionId);
  const base = current ? current.weights : Object.fromEntries(matrix.criteria.map((c) => [c.id, 1]));
  const judgements = current?.judgements ?? null;
  return passed({ functionWeights: withFunctionWeights(matrix, { functionId, weights: { ...base, [criterionId]: weight }, judgements }) });
}

/** Replaces one function's weights, with the pairwise judgements they came from (or null). */
export function setFunctionWeights(matrix: Matrix, functionId: string, weights: Record<string, number>, judgements: Judgements | null): Check<MatrixPatch> {
  const checkedWeights = checkWeights(matrix, weights);
  if (!checkedWeights.ok) return checkedWeights;
  const checkedJudgements = checkJudgements(matrix, judgements);
  if (!checkedJudgements.ok) return checkedJudgements;
  return passed({ functionWeights: withFunctionWeights(matrix, { functionId, weights: checkedWeights.value, judgements: checkedJudgements.value }) });
}

/** Back to weighing every criterion equally for this function. */
export function clearFunctionWeights(matrix: Matrix, functionId: string): Check<MatrixPatch> {
  return passed({ functionWeights: matrix.functionWeights.filter((f) => f.functionId !== functionId) });
}

/**
 * What drives the main ranking: the equal blend of the functions (keeping the facilitator's
 * weights for later), or these weights of the facilitator.
 */
export function setCombined(matrix: Matrix, combined: StoredCombined): Check<MatrixPatch> {
  if (combined.mode === 'equal') return passed({ combined: { mode: 'equal', ...facilitatorWeightsOf(matrix.combined) } });
  if (combined.mode !== 'facilitator') return failed('Choose how the functions are combined.');
  const weights = checkWeights(matrix, combined.weights);
  if (!weights.ok) return weights;
  const judgements = checkJudgements(matrix, combined.judgements);
  if (!judgements.ok) return judgements;
  return passed({ combined: { mode: 'facilitator', weights: weights.value, judgements: judgements.value } });
}

/**
 * The facilitator's weights as entered before; a facilitator who never set any starts from the
 * share the equal blend of `functions` gives each criterion, in percentage points, as the
 * weights table shows it.
 */
function facilitatorStart(matrix: Matrix, functions: readonly ProgramFunction[]): FacilitatorWeights {
  return (
    facilitatorWeightsOf(matrix.combined) ?? {
      weights: percentPoints(blendWeights(functionWeightsOf(matrix, functions), matrix.criteria)),
      judgements: null,
    }
  );
}

/**
 * Switches what drives the main ranking. Only the choice changes: the facilitator's weights and
 * judgements stay stored under the blend and are in force again when switching back.
 */
export function setCombinedMode(matrix: Matrix, mode: StoredCombined['mode'], functions: readonly ProgramFunction[]): Check<MatrixPatch> {
  if (mode === 'equal') return setCombined(matrix, { mode });
  if (mode !== 'facilitator') return failed('Choose how the functions are combined.');
  return passed({ combined: { mode, ...facilitatorStart(matrix, functions) } });
}

/**
 * Sets the facilitator's weight for one criterion by hand, switching to facilitator weights;
 * the others keep their weights (see facilitatorStart), the judgements stay for the dialog.
 */
export function setFacilitatorWeight(matrix: Matrix, criterionId: string, weight: number, functions: readonly ProgramFunction[]): Check<MatrixPatch> {
  const checked = checkWeight(weight);
  if (!checked.ok) return checked;
  if (!hasCriterion(matrix, criterionId)) return failed(NO_CRITERION);
  const { weights, judgements } = facilitatorStart(matrix, functions);
  return passed({ combined: { mode: 'facilitator', weights: { ...weights, [criterionId]: weight }, judgements } });
}

// --- Decisions ---

export interface DecisionInput {
  optionId: string;
  rationale: string;
  deciders: string;
  date: string;
}

/** What can be checked of a decision before the matrix is read: the cleaned input, or why not. */
export function checkDecision(input: DecisionInput): Check<DecisionInput> {
  if (!input.optionId) return failed('Choose the option decided on.');
  const rationale = input.rationale.trim();
  if (!rationale) return failed('Say why: the rationale is what others will read later.');
  const long = checkMatrixText(rationale, 'rationale');
  if (!long.ok) return long;
  const deciders = checkDeciders(input.deciders);
  if (!deciders.ok) return deciders;
  const date = checkDecisionDate(input.date);
  if (!date.ok) return date;
  return passed({ optionId: input.optionId, rationale, deciders: deciders.value, date: date.value });
}

/**
 * Records the decision, which locks the matrix until it is reopened. What it trades away and
 * what the weighting recommended are read from the matrix as stored (`resolved`, see resolveMatrix).
 */
export function decide(matrix: Matrix, input: DecisionInput, resolved: Pick<ResolvedMatrix, 'input' | 'analysis'>, now: number): Check<MatrixPatch> {
  const checked = checkDecision(input);
  if (!checked.ok) return checked;
  if (matrix.decision) return failed('This matrix is already decided. Reopen it to decide again.');
  if (!hasOption(matrix, input.optionId)) return failed('Choose one of the options.');
  const decision: Decision = {
    ...checked.value,
    tradedAway: tradedAway(resolved.input, input.optionId),
    recommendedId: recommendedOption(resolved.analysis),
    recordedAt: now,
    reopened: null,
  };
  return passed({ decision });
}

export function checkReopenReason(reason: string): Check<string> {
  const why = reason.trim();
  if (!why) return failed('Say why the decision is reopened; the record keeps it.');
  return checkMatrixText(why, 'reason');
}

/** Reopens a decided matrix; the decision moves to the earlier ones with the reason. */
export function reopen(matrix: Matrix, reason: string, now: number): Check<MatrixPatch> {
  const why = checkReopenReason(reason);
  if (!why.ok) return why;
  if (!matrix.decision) return failed('This matrix has no decision to reopen.');
  return passed({ decision: null, pastDecisions: [...matrix.pastDecisions, { ...matrix.decision, reopened: { at: now, reason: why.value } }] });
}
