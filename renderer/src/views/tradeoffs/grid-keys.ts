import { checkScoreValue } from '../../domain/tradeoffs/edits';
import { formatScore, type ScoringMode } from '../../domain/tradeoffs/model';

// Spreadsheet keys of the score grid, kept pure so they can be tested without a browser.

export interface Cell {
  row: number;
  col: number;
}

const PAGE = 10;

/** Where a navigation key moves the active cell, or undefined when the key does not navigate. */
export function moveCell(cell: Cell, key: string, rows: number, cols: number, ctrl = false): Cell | undefined {
  const clamp = (row: number, col: number): Cell => ({
    row: Math.max(0, Math.min(rows - 1, row)),
    col: Math.max(0, Math.min(cols - 1, col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(cell.row - 1, cell.col);
    case 'ArrowDown':
      return clamp(cell.row + 1, cell.col);
    case 'ArrowLeft':
      return clamp(cell.row, cell.col - 1);
    case 'ArrowRight':
      return clamp(cell.row, cell.col + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(cell.row, 0);
    case 'End':
      return ctrl ? clamp(rows - 1, cols - 1) : clamp(cell.row, cols - 1);
    case 'PageUp':
      return clamp(cell.row - PAGE, cell.col);
    case 'PageDown':
      return clamp(cell.row + PAGE, cell.col);
    default:
      return undefined;
  }
}

/** What a typed key does to a cell's score. A minus sign waits for the digit that follows. */
export type ScoreKey = { kind: 'set'; value: number } | { kind: 'clear' } | { kind: 'sign'; negative: boolean } | { kind: 'invalid'; message: string };

export function scoreKey(key: string, mode: ScoringMode, negative: boolean): ScoreKey | undefined {
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' };
  if (mode === 'effect' && (key === '-' || key === '−')) return { kind: 'sign', negative: true };
  if (mode === 'effect' && key === '+') return { kind: 'sign', negative: false };
  if (!/^[0-9]$/.test(key)) return undefined;
  const typed = (negative ? -1 : 1) * Number(key);
  const value = checkScoreValue(mode, Object.is(typed, -0) ? 0 : typed);
  return value.ok ? { kind: 'set', value: value.value } : { kind: 'invalid', message: value.message };
}

/** A score as shown in a cell: effects carry their sign. */
export function showScore(mode: ScoringMode, value: number | null): string {
  return value === null ? '' : formatScore(mode, value);
}
