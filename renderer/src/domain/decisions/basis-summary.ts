import { coverageText, isPartial, score100 } from '../tradeoffs/labels';
import type { MatrixBasis } from './basis';

// What a decision was made on, in words and rows: the ranking as it stood, the vetoes and the
// flip sentence. The app's record page, the MADR file and the printed decision log all show it.

export const COMBINED_HOW: Record<MatrixBasis['combined']['how'], string> = {
  equal: 'the equal blend of every function’s weights',
  facilitator: 'the facilitator’s own weights',
};

export interface BasisRankRow {
  option: number;
  /** '–' when the option was not scored. */
  rank: string;
  title: string;
  /** Out of 100, or "not scored". */
  score: string;
  /** "chosen, vetoed, 3 of 4 scored". */
  notes: string;
}

/** An option's title in the basis ("none" for no option). */
export function basisOption(basis: MatrixBasis, i: number | null): string {
  return i === null ? 'none' : basis.options[i]?.title || 'Untitled option';
}

/** The ranking by weighted score, first first, as the matrix showed it when it was decided. */
export function basisRanking(basis: MatrixBasis): BasisRankRow[] {
  const vetoed = new Set(basis.vetoes.map((v) => v.option));
  return [...basis.ranking]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => ({
      option: r.option,
      rank: r.score === null ? '–' : String(r.rank),
      title: basisOption(basis, r.option),
      score: r.score === null ? 'not scored' : score100(r.score),
      notes: [r.option === basis.chosen ? 'chosen' : '', vetoed.has(r.option) ? 'vetoed' : '', isPartial(r) ? coverageText(r.coverage) : ''].filter(Boolean).join(', '),
    }));
}
