import { describe, expect, it } from 'vitest';
import { quadrantOf } from '../../../../renderer/src/domain/uncertainty/quadrants';
import { clampScore } from '../../../../renderer/src/domain/uncertainty/model';

describe('quadrantOf', () => {
  it('classifies the four corners', () => {
    expect(quadrantOf(5, 5)).toBe('test-first');
    expect(quadrantOf(5, 1)).toBe('plan');
    expect(quadrantOf(1, 5)).toBe('watch');
    expect(quadrantOf(1, 1)).toBe('park');
  });
  it('counts the midpoint as high on both axes, and just below it as low', () => {
    expect(quadrantOf(3, 3)).toBe('test-first');
    expect(quadrantOf(2.9, 3)).toBe('watch');
    expect(quadrantOf(3, 2.9)).toBe('plan');
    expect(quadrantOf(2.9, 2.9)).toBe('park');
  });
});

describe('clampScore', () => {
  it('keeps scores within 1-5 at one decimal', () => {
    expect(clampScore(0)).toBe(1);
    expect(clampScore(7)).toBe(5);
    expect(clampScore(3.14159)).toBe(3.1);
    expect(clampScore(Number.NaN)).toBe(1);
  });
});

describe('isUnplaced', () => {
  it('is true only for items still at the centre where they were created', async () => {
    const { isUnplaced } = await import('../../../../renderer/src/domain/uncertainty/quadrants');
    const first = { at: 1, impact: 3, uncertainty: 3, status: 'open' };
    expect(isUnplaced({ impact: 3, uncertainty: 3, history: [first] })).toBe(true);
    expect(isUnplaced({ impact: 3.1, uncertainty: 3, history: [first] })).toBe(false);
    // Moved away and back: someone placed it in the middle on purpose.
    expect(isUnplaced({ impact: 3, uncertainty: 3, history: [first, { ...first, impact: 4 }, first] })).toBe(false);
  });
});
