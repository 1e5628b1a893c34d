import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { resolveMatrix } from '../../renderer/src/domain/tradeoffs/matrix';
import { newMatrix, type Matrix, type ScoringMode } from '../../renderer/src/domain/tradeoffs/model';
import ScoreGrid from '../../renderer/src/views/tradeoffs/ScoreGrid.svelte';

function matrixOf(mode: ScoringMode): Matrix {
  const matrix = newMatrix('p', 'Which?', 1, () => 'm');
  matrix.mode = mode;
  matrix.options = ['A', 'B'].map((id) => ({ id, title: `Option ${id}`, description: '' }));
  matrix.criteria = ['x', 'y', 'z'].map((id) => ({ id, name: `Crit ${id}`, metricId: '', direction: 'benefit' as const }));
  matrix.scores = [{ optionId: 'A', criterionId: 'x', value: mode === 'rating' ? 4 : 2, rationale: 'Because', confidence: 'low', expected: null }];
  return matrix;
}

function renderGrid(mode: ScoringMode = 'rating', locked = false) {
  const matrix = matrixOf(mode);
  const { criteria, analysis } = resolveMatrix(matrix, new Map(), []);
  const onscore = vi.fn();
  const onopen = vi.fn();
  const onrefuse = vi.fn();
  render(ScoreGrid, {
    matrix,
    criteria,
    results: analysis.results,
    weights: analysis.weights,
    heatmap: true,
    locked,
    active: { row: 0, col: 0 },
    onscore,
    onopen,
    onrefuse,
  });
  return { onscore, onopen, onrefuse };
}

const cell = (name: RegExp) => screen.getByRole('gridcell', { name });

describe('ScoreGrid', () => {
  it('has one tab stop, describes each cell, and shows unscored cells as such', () => {
    renderGrid();
    const grid = screen.getByRole('grid', { name: 'Scores of 2 options on 3 criteria' });
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(cell(/^Option A, Crit x/)).toHaveAttribute('aria-label', 'Option A, Crit x: 4 · High, has a rationale, low confidence');
    expect(cell(/^Option B, Crit y/)).toHaveAccessibleName('Option B, Crit y: not scored');
    // Option A is rated 4 (0.75) on a third of the weight only: the rest is not counted as zero, and the grid says so.
    expect(screen.getByRole('row', { name: /Option A/ })).toHaveTextContent('75 #1 33% scored');
    expect(screen.getByRole('row', { name: /Option B/ })).toHaveTextContent('–');
  });

  it('moves with the arrow keys and scores the active cell by typing', async () => {
    const { onscore, onopen, onrefuse } = renderGrid();
    const start = cell(/^Option A, Crit x/);
    start.focus();
    await fireEvent.keyDown(start, { key: 'ArrowRight' });
    await fireEvent.keyDown(start, { key: 'ArrowDown' });
    const target = cell(/^Option B, Crit y/);
    expect(target).toHaveAttribute('tabindex', '0');
    expect(target).toHaveFocus();
    await fireEvent.keyDown(target, { key: '5' });
    expect(onscore).toHaveBeenLastCalledWith('B', 'y', 5);
    await fireEvent.keyDown(target, { key: 'Delete' });
    expect(onscore).toHaveBeenLastCalledWith('B', 'y', null);
    await fireEvent.keyDown(target, { key: '9' });
    expect(onrefuse).toHaveBeenLastCalledWith('Rate with a whole number from 1 to 5.');
    await fireEvent.keyDown(target, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledOnce();
    expect(onscore).toHaveBeenCalledTimes(2);
  });

  it('takes a minus before the digit on the effect scale', async () => {
    const { onscore } = renderGrid('effect');
    const target = cell(/^Option A, Crit y/);
    target.focus();
    await fireEvent.keyDown(target, { key: '-' });
    expect(target).toHaveTextContent('−');
    await fireEvent.keyDown(target, { key: '3' });
    expect(onscore).toHaveBeenLastCalledWith('A', 'y', -3);
    await fireEvent.keyDown(target, { key: '2' });
    expect(onscore).toHaveBeenLastCalledWith('A', 'y', 2);
  });

  it('refuses to score a decided matrix', async () => {
    const { onscore, onrefuse } = renderGrid('rating', true);
    const target = cell(/^Option A, Crit x/);
    await fireEvent.keyDown(target, { key: '2' });
    expect(onscore).not.toHaveBeenCalled();
    expect(onrefuse).toHaveBeenCalledWith('This matrix is decided. Reopen it to change it.');
    expect(screen.getByRole('grid')).toHaveAttribute('aria-readonly', 'true');
  });
});
