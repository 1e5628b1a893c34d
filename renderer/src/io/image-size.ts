// How large a PNG can be drawn. Browsers cap a canvas (Chromium at about 16,384 px a side and
// 268 million pixels in all); past the cap the canvas is blank or toBlob gives nothing, so a
// chart that would be too large is drawn at the largest scale that fits instead of failing.

export interface CanvasLimits {
  /** The most pixels on either side. */
  side: number;
  /** The most pixels in all. */
  area: number;
}

export const CANVAS_LIMITS: CanvasLimits = { side: 16_384, area: 268_435_456 };

export interface PngSize {
  /** The scale drawn at: the one asked for, or less when that would pass the cap. */
  scale: number;
  width: number;
  height: number;
  /** True when the scale asked for did not fit. */
  reduced: boolean;
}

/**
 * The scale and pixel size to draw a `width` x `height` image at, as close to `wanted` as the
 * canvas cap allows. A reduced scale is rounded down to hundredths, so the size never passes
 * the cap and the toast can name it.
 */
export function pngSize(width: number, height: number, wanted: number, limits: CanvasLimits = CANVAS_LIMITS): PngSize {
  if (!(width > 0 && height > 0 && wanted > 0)) throw new RangeError('An image needs a positive width, height and scale.');
  const fits = (scale: number) => {
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    return w <= limits.side && h <= limits.side && w * h <= limits.area;
  };
  if (fits(wanted)) return { scale: wanted, width: Math.round(width * wanted), height: Math.round(height * wanted), reduced: false };
  const most = Math.min(limits.side / width, limits.side / height, Math.sqrt(limits.area / (width * height)));
  // From the hundredth just above the exact bound, down: the pixel sizes are rounded, so the
  // largest hundredth that fits can sit a hair above it (18,409 px at 0.89 is 16,384.01).
  let scale = Math.min(wanted, Math.ceil(most * 100) / 100);
  while (scale > 0.01 && !fits(scale)) scale = Math.round((scale - 0.01) * 100) / 100;
  // Even a hundredth is too large (a chart miles long): nothing sensible can be drawn.
  if (scale < 0.01 || !fits(scale)) throw new RangeError('The image is too large to draw at any scale.');
  return { scale, width: Math.round(width * scale), height: Math.round(height * scale), reduced: true };
}

/** A scale as people say it: "2x", "1.6x", "0.85x". */
export function scaleWords(scale: number): string {
  return `${Number(scale.toFixed(2))}x`;
}
