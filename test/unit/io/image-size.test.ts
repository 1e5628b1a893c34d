import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, pngSize, scaleWords } from '../../../renderer/src/io/image-size';

describe('pngSize', () => {
  it('keeps the scale asked for when the image fits', () => {
    expect(pngSize(800, 600, 2)).toEqual({ scale: 2, width: 1600, height: 1200, reduced: false });
    expect(pngSize(800, 600, 1)).toEqual({ scale: 1, width: 800, height: 600, reduced: false });
  });

  it('draws a tall chart at the largest scale whose side fits the cap', () => {
    // A 500-item timeline: 15,100 px tall fits at 1x but not at 2x.
    expect(pngSize(900, 15_100, 1)).toMatchObject({ scale: 1, reduced: false });
    const two = pngSize(900, 15_100, 2);
    expect(two).toEqual({ scale: 1.08, width: 972, height: 16_308, reduced: true });
  });

  it('goes below 1x when even 1x would pass the cap', () => {
    const size = pngSize(1000, 40_000, 1);
    expect(size.reduced).toBe(true);
    expect(size.scale).toBe(0.4);
    expect(size.height).toBeLessThanOrEqual(CANVAS_LIMITS.side);
  });

  it('keeps within the cap on the number of pixels, not only on each side', () => {
    const size = pngSize(12_000, 12_000, 2);
    expect(size.width * size.height).toBeLessThanOrEqual(CANVAS_LIMITS.area);
    expect(size.scale).toBe(1.36);
  });

  it('holds to smaller limits given to it', () => {
    expect(pngSize(100, 100, 2, { side: 150, area: 1e9 })).toEqual({ scale: 1.5, width: 150, height: 150, reduced: true });
  });

  it('refuses sizes that mean nothing', () => {
    expect(() => pngSize(0, 100, 1)).toThrow(RangeError);
    expect(() => pngSize(100, Number.NaN, 1)).toThrow(RangeError);
    expect(() => pngSize(1e9, 1e9, 1)).toThrow(RangeError);
  });

  it('takes the largest hundredth that fits even when rounding puts it a hair past the exact bound', () => {
    // 18,409 x 0.89 = 16,384.01 px, which rounds to the cap itself: 0.89 fits, 0.90 does not.
    expect(pngSize(18_409, 1, 1)).toEqual({ scale: 0.89, width: 16_384, height: 1, reduced: true });
  });

  it('never passes the cap, never exceeds the scale asked for, and reduces only when it must', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom(1, 2),
        (width, height, wanted) => {
          let size;
          try {
            size = pngSize(width, height, wanted);
          } catch {
            return width * height * 1e-4 > CANVAS_LIMITS.area || Math.max(width, height) * 0.01 > CANVAS_LIMITS.side;
          }
          const fitsWanted = Math.round(width * wanted) <= CANVAS_LIMITS.side && Math.round(height * wanted) <= CANVAS_LIMITS.side && Math.round(width * wanted) * Math.round(height * wanted) <= CANVAS_LIMITS.area;
          return (
            size.width <= CANVAS_LIMITS.side &&
            size.height <= CANVAS_LIMITS.side &&
            size.width * size.height <= CANVAS_LIMITS.area &&
            size.scale <= wanted &&
            size.reduced === !fitsWanted &&
            // A reduced scale is the largest hundredth that fits.
            (!size.reduced || Math.round(width * (size.scale + 0.01)) > CANVAS_LIMITS.side || Math.round(height * (size.scale + 0.01)) > CANVAS_LIMITS.side || Math.round(width * (size.scale + 0.01)) * Math.round(height * (size.scale + 0.01)) > CANVAS_LIMITS.area)
          );
        },
      ),
    );
  });
});

describe('scaleWords', () => {
  it('says a scale the way people do', () => {
    expect(scaleWords(2)).toBe('2x');
    expect(scaleWords(1.6)).toBe('1.6x');
    expect(scaleWords(1.08)).toBe('1.08x');
  });
});
