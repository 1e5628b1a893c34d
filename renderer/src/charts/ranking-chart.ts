// Geometry of the ranking chart: one row per option with its weighted score as a bar.
// Pure: no DOM, no Svelte. RankingChart.svelte only renders what this returns.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { byRank, coverageText, isPartial, optionTitles, score100 } from '../domain/tradeoffs/labels';
import type { MatrixOption } from '../domain/tradeoffs/model';
import type { OptionResult } from '../domain/tradeoffs/scoring';
import { chartWidth, PAD } from './frame';
import { textWidth, TITLE_CHAR_PX, truncate } from './text';

export type RankingStatus = 'recommended' | 'vetoed' | 'scored' | 'unscored';

export interface RankingRow {
  id: string;
  rank: number;
  /** The full title, for the tooltip. */
  title: string;
  /** "1. Title", cut to fit. */
  label: string;
  status: RankingStatus;
  /** Right-aligned notes on the title line: "Recommended", "Vetoed", "80% scored". */
  notes: string;
  /** Top of the row. */
  y: number;
  score: number | null;
  /** 0–100 text at the bar's end; empty when unscored. */
  scoreText: string;
  barWidth: number;
  /** Tooltip of the bar. */
  barTitle: string;
}

export interface RankingGeometry {
  width: number;
  height: number;
  left: number;
  innerWidth: number;
  /** Length of a score of 100. */
  barMax: number;
  x: ScaleLinear<number, number>;
  rows: RankingRow[];
}

export const RANKING_ROW = { height: 48, titleY: 15, barY: 23, barHeight: 16 } as const;
/** Room kept right of the longest bar for its "100". */
const SCORE_TEXT_ROOM = 34;

export function rankingGeometry(
  results: readonly OptionResult[],
  options: readonly MatrixOption[],
  winnerId: string | undefined,
  width: number,
): RankingGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD;
  const barMax = innerWidth - SCORE_TEXT_ROOM;
  const x = scaleLinear().domain([0, 1]).range([0, barMax]).clamp(true);
  const title = optionTitles(options);
  const known = new Set(options.map((o) => o.id));
  const rows = byRank(results.filter((r) => known.has(r.optionId))).map((r, i): RankingRow => {
    const vetoed = r.vetoes.length > 0;
    // A vetoed option is never drawn as the recommendation, whatever winnerId says.
    const status: RankingStatus = r.score === null ? 'unscored' : vetoed ? 'vetoed' : r.optionId === winnerId ? 'recommended' : 'scored';
    const notes = [status === 'recommended' ? 'Recommended' : '', vetoed ? 'Vetoed' : '', isPartial(r) ? coverageText(r.coverage) : '']
      .filter(Boolean)
      .join(' · ');
    const full = title(r.optionId);
    const prefix = r.score === null ? '' : `${r.rank}. `;
    const room = innerWidth - (notes ? textWidth(notes) + 12 : 0);
    const scoreText = r.score === null ? '' : score100(r.score);
    return {
      id: r.optionId,
      rank: r.rank,
      title: full,
      label: truncate(prefix + full, room, TITLE_CHAR_PX),
      status,
      notes,
      y: i * RANKING_ROW.height,
      score: r.score,
      scoreText,
      barWidth: r.score === null ? 0 : x(r.score),
      barTitle: r.score === null ? `${full}: not scored` : `${full}: ${scoreText} of 100${notes ? ` (${notes.toLowerCase()})` : ''}`,
    };
  });
  return { width: w, height: Math.max(1, rows.length) * RANKING_ROW.height + 2 * PAD, left: PAD, innerWidth, barMax, x, rows };
}
