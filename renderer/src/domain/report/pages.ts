import type { Session } from '../sessions/model';

// The printed page of a report: its size, margins, running header and page numbers, as CSS
// @page rules. Chromium (131+) draws the margin boxes itself, so the browser's print dialog,
// Electron's printToPDF and the tests' page.pdf all produce the same pages.

export const REPORT_PAGE_SIZES = {
  a4: { label: 'A4', css: 'A4', widthMm: 210, heightMm: 297 },
  letter: { label: 'Letter', css: 'letter', widthMm: 215.9, heightMm: 279.4 },
} as const;

export type ReportPageSize = keyof typeof REPORT_PAGE_SIZES;
export const DEFAULT_REPORT_PAGE: ReportPageSize = 'a4';

/** Page margins (top, sides, bottom): room for the header and the page number outside the text. */
export const REPORT_MARGINS = '20mm 16mm 18mm';

/** The report's typeface: Inter, loaded from the app's own files before printing (so it is embedded). */
export const REPORT_FONT_FAMILY = 'Keel Report Inter';
export const REPORT_FONT = `'${REPORT_FONT_FAMILY}', 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif`;

/** A text as a CSS string literal: quotes, backslashes and line breaks escaped so no text can end the rule. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters must not reach the stylesheet
  const escaped = text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n\f]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}

/** The report's title in the running header and the file name: the program's, or one session's. */
export function reportTitle(session: Pick<Session, 'title'> | undefined): string {
  return session ? `Session report: ${session.title}` : 'Program report';
}

/**
 * The @page rules for one report: the size, margins, a running header (program, report title) on
 * every page but the cover (on every page when there is no cover, so page 1 says what it is),
 * and "3 of 12" at the foot. The named page `landscape` turns wide content (`.report-landscape`)
 * on its side at the same paper size.
 */
export function reportPageCss(size: ReportPageSize, programName: string, title: string, hasCover = true): string {
  const paper = REPORT_PAGE_SIZES[size].css;
  const box = `font-family: ${REPORT_FONT}; font-size: 8pt; color: #444;`;
  const margins = `
    @top-left { content: ${cssString(programName)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @top-right { content: ${cssString(title)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @bottom-right { content: counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 4mm; }`;
  return [
    `@page { size: ${paper}; margin: ${REPORT_MARGINS}; ${margins} }`,
    `@page landscape { size: ${paper} landscape; margin: ${REPORT_MARGINS}; ${margins} }`,
    // The cover carries the program's name itself.
    ...(hasCover ? ['@page :first { @top-left { content: none; } @top-right { content: none; } }'] : []),
  ].join('\n');
}

/** The PDF's file name: "<program> report.pdf" or "<program> <session> report.pdf" (made safe by the caller). */
export function reportFileStem(programName: string, session: Pick<Session, 'title'> | undefined): string {
  return session ? `${programName} ${session.title} report` : `${programName} report`;
}
