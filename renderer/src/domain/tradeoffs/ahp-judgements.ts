// Stored pairwise judgements (keyed by criterion ids) <-> the comparison matrix ahp() works on,
// and the wording and rounding the pairwise-comparison dialog shows.

import { ahp, CR_LIMIT, nearestSaaty, reciprocalMatrix, SAATY_SCALE, type AhpResult } from './ahp';
import type { Judgements } from './model';

/** The key a judgement of `rowId` over `colId` is stored under. */
export function judgementKey(rowId: string, colId: string): string {
  return `${rowId}|${colId}`;
}

/**
 * How much more `rowId` matters than `colId`, read from either key orientation; Equal (1) when
 * missing or unusable. Values off Saaty's scale snap to the nearest point on it, since the
 * dialog can only show and store points of the scale.
 */
export function judgementOf(judgements: Judgements | null, rowId: string, colId: string): number {
  const direct = judgements?.[judgementKey(rowId, colId)];
  if (usable(direct)) return nearestSaaty(direct);
  const reversed = judgements?.[judgementKey(colId, rowId)];
  if (usable(reversed)) return nearestSaaty(1 / reversed);
  return 1;
}

function usable(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The reciprocal comparison matrix of criteria `ids`, in that order. */
export function matrixFromJudgements(ids: readonly string[], judgements: Judgements | null): number[][] {
  return reciprocalMatrix(ids.length, (i, j) => judgementOf(judgements, ids[i]!, ids[j]!));
}

/** Every pair's judgement from the upper triangle, keyed `${ids[i]}|${ids[j]}` for i < j. */
export function judgementsFromMatrix(ids: readonly string[], matrix: readonly (readonly number[])[]): Judgements {
  const out: Judgements = {};
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) out[judgementKey(ids[i]!, ids[j]!)] = matrix[i]![j]!;
  }
  return out;
}

/** The judgements for exactly these criteria, every pair present (missing ones at Equal), in criteria order. */
export function completeJudgements(ids: readonly string[], judgements: Judgements | null): Judgements {
  return judgementsFromMatrix(ids, matrixFromJudgements(ids, judgements));
}

/** AHP weights by criterion id (summing to 1) and the full result, for these judgements. */
export function weightsFromJudgements(
  ids: readonly string[],
  judgements: Judgements | null,
): { weights: Record<string, number>; result: AhpResult } {
  const result = ahp(matrixFromJudgements(ids, judgements));
  return { weights: Object.fromEntries(ids.map((id, i) => [id, result.weights[i]!])), result };
}

/** Stored weights are percentage points to a tenth: closer than this (as a share) they are the judgements' own. */
const SAME_SHARE = 0.002;

/** Whether `weights` are, to the rounding they are stored with, what the judgements give over `ids`. */
export function matchesComparisons(ids: readonly string[], weights: Readonly<Record<string, number>>, judgements: Judgements): boolean {
  const derived = weightsFromJudgements(ids, judgements).weights;
  const total = ids.reduce((sum, id) => sum + Math.max(0, weights[id] ?? 0), 0);
  return total > 0 && ids.every((id) => Math.abs(Math.max(0, weights[id] ?? 0) / total - derived[id]!) <= SAME_SHARE);
}

/**
 * Whole percentages that add up to exactly 100 (largest remainder), so a column of shown weights
 * never totals 99 or 101. Empty or all-zero input gives zeros.
 */
export function roundedPercents(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((s, v) => s + v, 0);
  const byRemainder = exact.map((v, i) => ({ i, r: v - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

/** Saaty's verbal scale for 1..9 (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; even values in between). */
export const SAATY_WORDS: Readonly<Record<number, string>> = {
  1: 'equally',
  2: 'equally to moderately',
  3: 'moderately',
  4: 'moderately to strongly',
  5: 'strongly',
  6: 'strongly to very strongly',
  7: 'very strongly',
  8: 'very strongly to extremely',
  9: 'extremely',
};

/** Positions of the dialog's scale, left to right: row criterion at 9, ..., Equal, ..., column criterion at 9. */
export const SCALE_POSITIONS = SAATY_SCALE.length;

/** The judgement (row over column) at a position of the left-to-right scale. */
export function valueAtPosition(position: number): number {
  return SAATY_SCALE[SCALE_POSITIONS - 1 - position]!;
}

/** The position of the left-to-right scale that shows a judgement (snapped to the scale). */
export function positionOf(value: number): number {
  const snapped = nearestSaaty(value);
  return SCALE_POSITIONS - 1 - SAATY_SCALE.findIndex((v) => Math.abs(v - snapped) < 1e-9);
}

/** A point of the scale as people write it: "5", "1", "1/3". */
export function formatSaaty(value: number): string {
  const snapped = nearestSaaty(value);
  return snapped >= 1 ? String(Math.round(snapped)) : `1/${Math.round(1 / snapped)}`;
}

/** The strength (1..9) of a judgement, whichever side it favours. */
export function strengthOf(value: number): number {
  const snapped = nearestSaaty(value);
  return Math.round(snapped >= 1 ? snapped : 1 / snapped);
}

/** A judgement in words: "Latency strongly more important (5)", "Equal (1)". */
export function describeJudgement(value: number, rowName: string, colName: string): string {
  const strength = strengthOf(value);
  if (strength === 1) return 'Equal (1)';
  const favoured = nearestSaaty(value) > 1 ? rowName : colName;
  return `${favoured} ${SAATY_WORDS[strength]} more important (${strength})`;
}

/**
 * What other answers imply about a pair, in words, as a ratio that may lie off the 1–9 scale:
 * "Effort about 15 times as important as Quality", "Quality and Effort about equally important".
 */
export function describeImplied(value: number, rowName: string, colName: string): string {
  const ratio = value >= 1 ? value : 1 / value;
  // Below 2 a whole number would say "1 times"; a tenth is as precise as judgements are.
  const shown = ratio < 2 ? ratio.toFixed(1) : String(Math.round(ratio));
  if (shown === '1.0') return `${rowName} and ${colName} about equally important`;
  const [more, less] = value >= 1 ? [rowName, colName] : [colName, rowName];
  return `${more} about ${shown} times as important as ${less}`;
}

/**
 * A consistency ratio to two decimals, or three where two would blur which side of the 0.10
 * limit it falls ("0.104", not "0.10", for a ratio just above it).
 */
export function formatRatio(cr: number): string {
  const short = cr.toFixed(2);
  return Number(short) === CR_LIMIT && cr !== CR_LIMIT ? cr.toFixed(3) : short;
}
