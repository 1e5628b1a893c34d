import { safeFileStem } from '../io/file-names';
import { exportFontCss, standaloneSvg, svgSize, svgToPng, type ExportFrame } from '../io/image-export';
import { saveFile } from '../platform/files';
import type { Result } from './result';
import { toasts } from './toasts.svelte';

export type ImageFormat = 'svg' | 'png1' | 'png2';

/** A chart to save: what it is ("map"), the file's name before its extension, and its frame. */
export interface ChartImage {
  what: string;
  name: string;
  frame: ExportFrame;
}

/** What a chart's view hands over for a file: its SVG, drawn for export while `write` runs. */
export type DrawForExport = (write: (svg: SVGSVGElement) => string) => string | undefined;

/**
 * Saves a chart as an SVG or PNG file: in the light palette on white with the app's font
 * embedded, framed with a title, subtitle and legend; a toast says where it went or why not.
 * Undefined when the user cancelled the save.
 */
export async function saveChartImage(format: ImageFormat, image: ChartImage, draw: DrawForExport): Promise<Result<string> | undefined> {
  const { what, name, frame } = image;
  const failed = (message: string): Result<string> => {
    toasts.show(message, 'error');
    return { ok: false, message };
  };
  try {
    const fonts = await exportFontCss();
    const text = draw((svg) => standaloneSvg(svg, '#ffffff', frame, fonts));
    if (!text) return undefined;
    const stem = safeFileStem(name);
    const size = svgSize(text);
    const saved =
      format === 'svg'
        ? await saveFile('svg', `${stem}.svg`, text)
        : await saveFile('png', `${stem}${format === 'png2' ? '@2x' : ''}.png`, await svgToPng(text, size.width, size.height, format === 'png2' ? 2 : 1));
    if (saved.status === 'failed') return failed(saved.message);
    if (saved.status !== 'saved') return undefined;
    toasts.show(`Saved the ${what} as ${saved.fileName}.`, 'success');
    return { ok: true, value: saved.fileName };
  } catch (error) {
    return failed(error instanceof Error ? error.message : `The ${what} could not be exported.`);
  }
}
