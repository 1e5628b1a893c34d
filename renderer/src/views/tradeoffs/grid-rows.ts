import { coverageText, isPartial, score100 } from '../../domain/tradeoffs/labels';
import type { ResolvedCriterion } from '../../domain/tradeoffs/matrix';
import { anchorLabel, type Matrix, type Score } from '../../domain/tradeoffs/model';
import { scoreIndex, utility, type OptionResult } from '../../domain/tradeoffs/scoring';
import { showScore } from './grid-keys';

// What each row of the score grid shows, built in plain code once per change. A cell or row
// whose content did not change keeps its object, so Svelte leaves its DOM alone: typing one
// score in a 50 x 30 grid rebuilds one cell and one row, not 1,500 cells.

export interface CellView {
  /** Identity of the content: equal keys mean an identical cell. */
  key: string;
  text: string;
  empty: boolean;
  label: string;
  /** CSS custom property for the heatmap, or '' when off or unscored. */
  style: string;
  rationale: boolean;
  lowConfidence: boolean;
}

export interface RowView {
  id: string;
  title: string;
  cells: CellView[];
  score: string;
  rank: string;
  vetoed: boolean;
  /** "33% scored" while the option is scored on only part of the weight, else ''. */
  partial: string;
}

function cellView(key: string, optionTitle: string, criterion: ResolvedCriterion, score: Score | undefined, mode: Matrix['mode'], heatmap: boolean): CellView {
  const value = score?.value ?? null;
  return {
    key,
    text: showScore(mode, value),
    empty: value === null,
    label: `${optionTitle}, ${criterion.name}: ${value === null ? 'not scored' : anchorLabel(mode, value)}${score?.rationale ? ', has a rationale' : ''}${
      score?.confidence ? `, ${score.confidence} confidence` : ''
    }`,
    style: heatmap && value !== null ? `--heat: ${Math.round(utility(value, mode, criterion.direction) * 100)}%` : '',
    rationale: !!score?.rationale,
    lowConfidence: score?.confidence === 'low',
  };
}

export function gridRows(
  matrix: Pick<Matrix, 'mode' | 'options' | 'scores'>,
  criteria: readonly ResolvedCriterion[],
  results: readonly OptionResult[],
  heatmap: boolean,
  previous: ReadonlyMap<string, RowView> = new Map(),
): RowView[] {
  const cells = scoreIndex(matrix.scores);
  const resultById = new Map(results.map((r) => [r.optionId, r]));
  return matrix.options.map((option) => {
    const before = previous.get(option.id);
    let reused = before !== undefined && before.title === option.title && before.cells.length === criteria.length;
    const views = criteria.map((c, j) => {
      const score = cells.get(`${option.id}:${c.id}`);
      // Everything a cell shows depends on these; the label is only built when one changed.
      const key = `${c.id}\u0000${c.name}\u0000${c.direction}\u0000${matrix.mode}\u0000${heatmap}\u0000${score?.value ?? ''}\u0000${score?.rationale ? 1 : 0}\u0000${score?.confidence ?? ''}`;
      const old = before?.cells[j];
      if (old && old.key === key) return old;
      reused = false;
      return cellView(key, option.title, c, score, matrix.mode, heatmap);
    });
    const result = resultById.get(option.id);
    const scored = result !== undefined && result.score !== null;
    const score = scored ? score100(result.score!) : '';
    const rank = scored ? `#${result.rank}` : '';
    const vetoed = result !== undefined && result.vetoes.length > 0;
    const partial = result !== undefined && isPartial(result) ? coverageText(result.coverage) : '';
    if (reused && before && before.score === score && before.rank === rank && before.vetoed === vetoed && before.partial === partial) return before;
    return { id: option.id, title: option.title, cells: views, score, rank, vetoed, partial };
  });
}
