import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { FIXTURE_V7, writeProgramWithItems } from '../../bench/lib/report-program.mjs';

// Helpers for the report's end-to-end tests: open a report route, print it to PDF as Electron
// does (CSS page size, outline, tagged), and read the PDF back with poppler's tools.

export { FIXTURE_V7 };

/** The program id of the program open in the app (#/programs/<id>/...). */
export function programIdOf(page: Page): string {
  const id = /#\/programs\/([^/?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no program in ${page.url()}`);
  return decodeURIComponent(id);
}

/** Opens a report route in this tab and waits until the page says it is ready to print. */
export async function openReport(page: Page, route: string) {
  await page.evaluate((hash) => (window.location.hash = hash), route);
  await expect(page.locator('html[data-report-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

/** Prints the open report to `path` with the options Electron's printToPDF is given. */
export async function printReport(page: Page, path: string) {
  await page.pdf({ path, preferCSSPageSize: true, outline: true, tagged: true, printBackground: true });
}

export interface PdfInfo {
  pages: number;
  /** The first page's size in points, e.g. "595 x 842". */
  size: string;
  tagged: boolean;
}

export function pdfInfo(path: string): PdfInfo {
  const text = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return {
    pages: Number(field('Pages')),
    size: (/^([\d.]+) x ([\d.]+)/.exec(field('Page size')) ?? []).slice(1).map((n) => Math.round(Number(n))).join(' x '),
    tagged: field('Tagged') === 'yes',
  };
}

/** Each page's size in points, rounded ("595 x 842"), first page first. */
export function pdfPageSizes(path: string): string[] {
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  return [...text.matchAll(/^Page\s+\d+ size:\s*([\d.]+) x ([\d.]+)/gm)].map((m) => `${Math.round(Number(m[1]))} x ${Math.round(Number(m[2]))}`);
}

/**
 * The titles of the PDF's bookmarks (and its document title). The poppler here has no
 * `pdfinfo -outline`, and Chromium writes outline items as plain objects, so their /Title strings
 * are read from the file's bytes: literal strings, or UTF-16 hex strings for other scripts.
 */
export function pdfOutlineTitles(path: string): string[] {
  const bytes = readFileSync(path).toString('latin1');
  if (!bytes.includes('/Outlines')) return [];
  const titles: string[] = [];
  for (const match of bytes.matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/g)) {
    if (match[1] !== undefined) titles.push(match[1].replace(/\\(.)/g, '$1'));
    else if (match[2]) titles.push(Buffer.from(match[2].replace(/^feff/i, ''), 'hex').swap16().toString('utf16le'));
  }
  return titles;
}

/** Each page's text (laid out as on the page), first page first. */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** The format-7 fixture named `name` with `count` more items titled "beginNN … endNN" (test/bench/lib/report-program.mjs). */
export function programWithItems(count: number, name: string, path: string): string {
  return writeProgramWithItems(count, name, path);
}
