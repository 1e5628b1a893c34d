// Geometry of the sensitivity chart: for each criterion, the band of its weight in which the
// winner stays the winner, the weight now, and the smallest change that flips the winner.
// Pure: no DOM, no Svelte. SensitivityChart.svelte only renders what this returns.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { describeSensitivity } from '../domain/tradeoffs/describe';
import { namesOf, optionTitles, percent } from '../domain/tradeoffs/labels';
import type { MatrixOption } from '../domain/tradeoffs/model';
import { smallestFlip, type CriterionSensitivity } from '../domain/tradeoffs/sensitivity';
import { axisTicks, belowLegend, chartWidth, layoutLegend, PAD, type AxisTick, type LegendItem } from './frame';
import { fitAround, textWidth, TITLE_CHAR_PX, truncate } from './text';

export interface SensitivityRow {
  id: string;
  name: string;
  label: string;
  /** Top of the row. */
  y: number;
  /** Right-aligned on the name line: "now 30%", with "Smallest flip" on the highlighted row. */
  note: string;
  highlighted: boolean;
  /** Where the winner stays the winner: [low, high] on the weight scale. */
  band: { x: number; width: number };
  weightX: number;
  /** Left and right labels under the track: who takes over below low and above high. */
  belowText: string;
  aboveText: string;
  /** Said instead of the takeover labels when the winner holds at any weight. */
  holdsText: string;
  /** The highlighted row's flip: from the current weight to where the winner changes. */
  flip: { x1: number; x2: number; title: string } | null;
  /** The row's whole story, for its tooltip. */
  sentence: string;
}

export interface SensitivityGeometry {
  width: number;
  height: number;
  left: number;
  innerWidth: number;
  x: ScaleLinear<number, number>;
  trackX: number;
  trackWidth: number;
  legend: LegendItem[];
  axisY: number;
  rowsTop: number;
  rows: SensitivityRow[];
  ticks: AxisTick[];
}

export const SENSITIVITY_ROW = { height: 62, nameY: 14, trackY: 24, trackHeight: 12, textY: 53 } as const;

export function sensitivityGeometry(
  sensitivity: readonly CriterionSensitivity[],
  criteria: readonly { id: string; name: string }[],
  options: readonly MatrixOption[],
  winnerId: string,
  width: number,
): SensitivityGeometry {
  const w = chartWidth(width);
  const innerWidth = w - 2 * PAD;
  // Inset so the weight mark at 0% or 100% is not cut by the edge.
  const trackX = 6;
  const trackWidth = innerWidth - 12;
  const x = scaleLinear()
    .domain([0, 1])
    .range([trackX, trackX + trackWidth])
    .clamp(true);
  const name = namesOf(criteria);
  const title = optionTitles(options);
  const winner = title(winnerId);
  const flip = smallestFlip(sensitivity);
  const half = innerWidth / 2 - 6;

  const legend = layoutLegend(
    [
      { key: 'band', label: `${truncate(winner, 160)} stays the winner`, kind: 'band' as const, path: '', colour: 0 },
      { key: 'weight', label: 'Current weight', kind: 'weight' as const, path: '', colour: 0 },
      ...(flip ? [{ key: 'flip', label: 'Smallest change that flips the winner', kind: 'flip' as const, path: '', colour: 0 }] : []),
    ],
    innerWidth,
  );
  const { axisY, rowsTop } = belowLegend(legend.height);

  const rows = sensitivity.map((s, i): SensitivityRow => {
    const highlighted = flip?.criterionId === s.criterionId;
    const note = `${highlighted ? 'Smallest flip · ' : ''}now ${percent(s.weight)}`;
    const full = name(s.criterionId);
    const low = Math.min(s.low, s.high);
    // One label alone may use the whole width; two share it. Only the title is cut: the
    // threshold is what the label is for.
    const room = s.belowLow && s.aboveHigh ? half : innerWidth;
    const below = s.belowLow ? fitAround('← ', title(s.belowLow), ` below ${percent(s.low)}`, room) : '';
    const above = s.aboveHigh ? fitAround('', title(s.aboveHigh), ` above ${percent(s.high)} →`, room) : '';
    return {
      id: s.criterionId,
      name: full,
      label: truncate(full, innerWidth - textWidth(note) - 12, TITLE_CHAR_PX),
      y: rowsTop + i * SENSITIVITY_ROW.height,
      note,
      highlighted,
      band: { x: x(low), width: Math.max(1, x(s.high) - x(low)) },
      weightX: x(s.weight),
      belowText: below,
      aboveText: above,
      holdsText: !below && !above ? 'Winner holds at any weight' : '',
      flip:
        highlighted && flip
          ? { x1: x(flip.from), x2: x(flip.to), title: `At ${percent(flip.to)}, ${title(flip.optionId)} becomes the winner` }
          : null,
      sentence: describeSensitivity(s, full, title, winner),
    };
  });
  return {
    width: w,
    height: rowsTop + rows.length * SENSITIVITY_ROW.height + 2 * PAD,
    left: PAD,
    innerWidth,
    x,
    trackX,
    trackWidth,
    legend: legend.items,
    axisY,
    rowsTop,
    rows,
    ticks: axisTicks(x, trackWidth, percent),
  };
}
