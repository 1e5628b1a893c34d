import { formatDateTime } from '../domain/time';
import { safeFileStem } from '../io/file-names';
import { pngSize, scaleWords, type PngSize } from '../io/image-size';
import type { ExportFrame, ExportKeyRow } from '../io/image-export';
import type { Result } from './result';
import { saveWithReport } from './save-file';
import { toasts } from './toasts.svelte';

export type ImageFormat = 'svg' | 'png1' | 'png2';

/** A chart to save: what it is ("map"), the file's name before its extension, and its frame. */
export interface ChartImage {
  what: string;
  name: string;
  frame: ExportFrame;
}

/**
 * What a chart's view hands over for a file: its SVG, drawn for export while `write` runs, and
 * the key to the numbers drawn on it, when it numbers marks.
 */
export type DrawForExport = (write: (svg: SVGSVGElement, key?: ExportKeyRow[]) => string) => string | undefined;

/**
 * Saves a chart as an SVG or PNG file: in the light palette on white with the app's font
 * embedded, framed with a title, subtitle and legend; a toast says where it went or why not.
 * Undefined when the user cancelled the save.
 */
export async function saveChartImage(format: ImageFormat, image: ChartImage, draw: DrawForExport): Promise<Result<string> | undefined> {
  const { what, name, frame } = image;
  let text: string | undefined;
  let png: Uint8Array | undefined;
  let size: PngSize | undefined;
  try {
    // The image writer (fonts, framing, PNG) loads on the first export: most sessions never export.
    const { exportFontCss, standaloneSvg, svgSize, svgToPng } = await import('../io/image-export');
    const fonts = await exportFontCss();
    text = draw((svg, key) => standaloneSvg(svg, '#ffffff', key?.length ? { ...frame, key } : frame, fonts));
    if (text && format !== 'svg') {
      const declared = svgSize(text);
      // A chart too large for a canvas at the scale asked for is drawn at the largest that fits.
      size = pngSize(declared.width, declared.height, format === 'png2' ? 2 : 1);
      png = await svgToPng(text, declared.width, declared.height, size.scale);
    }
  } catch (error) {
    // Drawing the image failed (the font, the canvas): the sentence says what to try; the error goes to the console.
    console.error(error);
    const message = `The ${what} could not be drawn as an image. Try ${format === 'svg' ? 'PNG' : 'SVG'}, or restart Keel.`;
    toasts.show(message, 'error');
    return { ok: false, message };
  }
  if (!text) return undefined;
  const stem = safeFileStem(name);
  if (!png || !size) return saveWithReport('svg', `${stem}.svg`, text, (fileName) => `Saved the ${what} as ${fileName}.`);
  const wanted = format === 'png2' ? 2 : 1;
  const reduced = size.reduced ? ` at ${scaleWords(size.scale)}: the ${scaleWords(wanted)} image would be too large` : '';
  return saveWithReport('png', `${stem}${size.scale === 2 ? '@2x' : ''}.png`, png, (fileName) => `Saved the ${what} as ${fileName}${reduced}.`);
}

/** A chart file's subtitle: which chart, of which program, and when it was drawn. */
export function chartSubtitle(chart: string, programName: string, now = Date.now()): string {
  return `${chart} · ${programName} · exported ${formatDateTime(now)} · Keel`;
}

/** What a chart drawn by a view hands over: its SVG element, when it is on screen. */
export function drawElement(svg: () => SVGSVGElement | undefined): DrawForExport {
  return (write) => {
    const element = svg();
    return element ? write(element) : undefined;
  };
}
