import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import { REPORT_FONT_FAMILY } from '../../domain/report/pages';

// The report's typeface, Inter (the export font), from the app's own files: loaded before the
// report says it is ready, so the PDF embeds it instead of whatever the system has.

let loaded: Promise<void> | undefined;

export function loadReportFonts(): Promise<void> {
  loaded ??= Promise.all(
    [
      [inter400, '400'],
      [inter700, '700'],
    ].map(async ([url, weight]) => {
      const face = new FontFace(REPORT_FONT_FAMILY, `url(${url})`, { weight });
      document.fonts.add(await face.load());
    }),
  )
    .then(() => undefined)
    .catch((error: unknown) => {
      // The fallbacks in the font stack still print a readable report.
      console.error('Keel could not load the report font:', error);
    });
  return loaded;
}
