// Exports an on-screen SVG chart as a standalone SVG file or a PNG image. The app styles its
// charts with CSS variables, which mean nothing outside the page, so every visual property is
// copied from the computed style onto the copy as plain attributes.

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'letter-spacing',
  'visibility',
] as const;

/** Fonts found on every desktop OS, so an exported file reads the same wherever it is opened. */
export const EXPORT_FONT = "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif";

export function standaloneSvg(source: SVGSVGElement, background: string): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i] as Element;
    const style = getComputedStyle(original);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    // Interaction attributes mean nothing in a file.
    for (const attribute of ['tabindex', 'role', 'aria-pressed', 'class', 'data-id']) target.removeAttribute(attribute);
    if (original instanceof SVGTextElement && style.getPropertyValue('text-transform') === 'uppercase') {
      target.textContent = (target.textContent ?? '').toUpperCase();
    }
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', EXPORT_FONT);
  const width = source.width.baseVal.value;
  const height = source.height.baseVal.value;
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Renders SVG text to PNG bytes at the given scale (1 or 2 for high-density screens). */
export async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The map could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This computer could not create an image canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image was too large to create; try 1x.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
