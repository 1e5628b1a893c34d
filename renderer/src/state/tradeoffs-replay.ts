import type { Matrix } from '../domain/tradeoffs/model';
import { InvalidInputError } from '../storage/errors';
import { textOf, writeIfUnchanged, type JsonValue, type PendingEdit, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Edits in a trade-off matrix not yet stored (see pending-edits.ts) go in on the next start or a
// retry, only if nobody changed them since. The repository loads only when needed, so the
// trade-off area stays out of the start-up bundle.

/**
 * The journal's kinds for edits in a matrix; ids are "matrix", "matrix/option",
 * "matrix/criterion" or "matrix/option/criterion". A score's value is a number or null.
 */
export const MATRIX_KINDS = {
  question: 'matrix-question',
  context: 'matrix-context',
  optionTitle: 'option-title',
  optionDescription: 'option-description',
  criterionName: 'criterion-name',
  scoreValue: 'score-value',
  scoreRationale: 'score-rationale',
} as const;

export function tradeoffReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/tradeoffs-repo')).MatrixRepository(services.editor);
  /** Runs `apply` when the open matrix named by the edit's id still holds `edit.base` where `current` looks. */
  const when =
    (current: (matrix: Matrix, parts: string[]) => JsonValue | undefined, apply: (parts: string[], edit: PendingEdit) => Promise<unknown>): ReplayHandler =>
    async (edit) => {
      const parts = edit.id.split('/');
      const matrix = await services.db.matrices.get(parts[0]!);
      // A decided matrix is locked: what was typed before the decision is kept to restore, not written.
      if (matrix?.decision) return 'changed';
      return writeIfUnchanged(matrix && current(matrix, parts), edit, () => apply(parts, edit));
    };
  const cell = (m: Matrix, p: string[]) => m.scores.find((s) => s.optionId === p[1] && s.criterionId === p[2]);
  const option = (m: Matrix, p: string[]) => m.options.find((o) => o.id === p[1]);
  return {
    [MATRIX_KINDS.question]: when((m) => m.question, async ([id], e) => (await repo()).update(id!, { question: textOf(e) })),
    [MATRIX_KINDS.context]: when((m) => m.context, async ([id], e) => (await repo()).update(id!, { context: textOf(e) })),
    [MATRIX_KINDS.optionTitle]: when((m, p) => option(m, p)?.title, async ([id, o], e) => (await repo()).updateOption(id!, o!, { title: textOf(e) })),
    [MATRIX_KINDS.optionDescription]: when((m, p) => option(m, p)?.description, async ([id, o], e) => (await repo()).updateOption(id!, o!, { description: textOf(e) })),
    [MATRIX_KINDS.criterionName]: when(
      (m, p) => m.criteria.find((c) => c.id === p[1])?.name,
      async ([id, c], e) => (await repo()).updateCriterion(id!, c!, { name: textOf(e) }),
    ),
    [MATRIX_KINDS.scoreValue]: async (edit) =>
      // Earlier Keels journaled a score as text ("" for none).
      when(
        (m, p) => cell(m, p)?.value ?? null,
        async ([id, o, c]) => (await repo()).setScore(id!, o!, c!, { value: scoreOf(edit) }),
      )({ ...edit, base: asScore(edit.base) }),
    [MATRIX_KINDS.scoreRationale]: when(
      (m, p) => cell(m, p)?.rationale ?? '',
      async ([id, o, c], e) => (await repo()).setScore(id!, o!, c!, { rationale: textOf(e) }),
    ),
  };
}

function asScore(value: JsonValue): JsonValue {
  return value === '' ? null : typeof value === 'string' ? Number(value) : value;
}

function scoreOf(edit: PendingEdit): number | null {
  const value = asScore(edit.value);
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) throw new InvalidInputError('Not a score.');
  return value;
}
