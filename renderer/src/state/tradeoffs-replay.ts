import type { Matrix } from '../domain/tradeoffs/model';
import type { Services } from './services';
import type { ReplayHandler } from './unsaved-journal';

// Typing in a trade-off matrix that was parked when the window closed goes in on the next
// start, only if nobody changed the text since. The repository loads only when needed, so the
// trade-off area stays out of the start-up bundle.

/** The journal's kinds for typing in a matrix; ids are "matrix", "matrix/option", "matrix/criterion" or "matrix/option/criterion". */
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
  /** Runs `apply` when the matrix named by the edit's id still holds `edit.base` where `current` looks. */
  const when =
    (current: (matrix: Matrix, parts: string[]) => string | undefined, apply: (parts: string[], value: string) => Promise<unknown>): ReplayHandler =>
    async (edit) => {
      const parts = edit.id.split('/');
      const matrix = await services.db.matrices.get(parts[0]!);
      if (!matrix || matrix.decision || current(matrix, parts) !== edit.base) return;
      await apply(parts, edit.value);
    };
  const option = (m: Matrix, p: string[]) => m.options.find((o) => o.id === p[1]);
  return {
    [MATRIX_KINDS.question]: when((m) => m.question, async ([id], question) => (await repo()).update(id!, { question })),
    [MATRIX_KINDS.context]: when((m) => m.context, async ([id], context) => (await repo()).update(id!, { context })),
    [MATRIX_KINDS.optionTitle]: when((m, p) => option(m, p)?.title, async ([id, o], title) => (await repo()).updateOption(id!, o!, { title })),
    [MATRIX_KINDS.optionDescription]: when((m, p) => option(m, p)?.description, async ([id, o], description) => (await repo()).updateOption(id!, o!, { description })),
    [MATRIX_KINDS.criterionName]: when(
      (m, p) => m.criteria.find((c) => c.id === p[1])?.name,
      async ([id, c], name) => (await repo()).updateCriterion(id!, c!, { name }),
    ),
    [MATRIX_KINDS.scoreValue]: when(
      (m, p) => {
        const value = m.scores.find((s) => s.optionId === p[1] && s.criterionId === p[2])?.value ?? null;
        return value === null ? '' : String(value);
      },
      async ([id, o, c], value) => (await repo()).setScore(id!, o!, c!, { value: value === '' ? null : Number(value) }),
    ),
    [MATRIX_KINDS.scoreRationale]: when(
      (m, p) => m.scores.find((s) => s.optionId === p[1] && s.criterionId === p[2])?.rationale ?? '',
      async ([id, o, c], rationale) => (await repo()).setScore(id!, o!, c!, { rationale }),
    ),
  };
}
