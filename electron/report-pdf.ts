// A report's PDF: the report route rendered in a hidden window with the main window's secure
// preferences, printed with Chromium's own PDF writer (CSS page size, tagged, with bookmarks) and
// written atomically where the user chose. Electron is passed in (createWindow, dialogs), so the
// flow (cancel, a report that never gets ready, a full disk) is unit-tested without it.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { atomicWrite } from './atomic-write.js';
import { describeFileError } from './file-errors.js';
import { dialogFilters, safeFileName } from './file-names.js';
import type { FileDialogs } from './files.js';
import type { ReportPdfRequest, SaveFileResult } from './ipc-contract.js';
import type { ReportService } from './ipc.js';
import { APP_START_URL } from './security.js';
import { REPORT_BACKGROUND } from './theme-colors.js';
import { secureWebPreferences } from './window-options.js';

/** What printToPDF is asked for: the page's own @page size and margins, tags for screen readers, bookmarks from headings. */
export const REPORT_PDF_OPTIONS: PrintToPDFOptions = {
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  printBackground: true,
};

/** How long a report may take to lay out before Keel gives up with a sentence. */
export const REPORT_READY_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

/** The hidden window: never shown, the same sandboxed preferences as every Keel window. */
export function reportWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1100,
    height: 1400,
    title: 'Keel report',
    backgroundColor: REPORT_BACKGROUND, // paper, whatever the theme (ReportPage forces the light palette)
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The app URL of a report route; anything that is not a report route is refused. */
export function reportUrl(route: string): string {
  if (!/^#\/report\/[^#\s]+$/.test(route)) throw new Error('not a report route');
  return `${APP_START_URL}${route}`;
}

/** The parts of a BrowserWindow the report uses. */
export interface ReportWindowLike {
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface ReportServiceOptions {
  createWindow(): Promise<ReportWindowLike>;
  /** Where the first save dialog opens (the user's Documents folder). */
  initialDirectory(): Promise<string>;
  write?(filePath: string, data: Uint8Array): Promise<void>;
  timeoutMs?: number;
  sleep?(ms: number): Promise<void>;
}

type Readiness = { state: 'ready' } | { state: 'failed'; problem: string } | { state: 'timeout' };

// Read in the page: the report page sets these on <html> (views/report/ReportPage.svelte).
const READ_READINESS = `({ ready: document.documentElement.dataset.reportReady ?? '', problem: document.documentElement.dataset.reportProblem ?? '' })`;

/** Waits until the report page says it is ready (or that it cannot be made), or the time is up. */
export async function waitForReport(window: ReportWindowLike, timeoutMs: number, sleep: (ms: number) => Promise<void>): Promise<Readiness> {
  for (let waited = 0; waited <= timeoutMs; waited += POLL_MS) {
    const seen = (await window.webContents.executeJavaScript(READ_READINESS)) as { ready: string; problem: string };
    if (seen.ready === 'true') return { state: 'ready' };
    if (seen.ready === 'failed') return { state: 'failed', problem: seen.problem };
    await sleep(POLL_MS);
  }
  return { state: 'timeout' };
}

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Electron's own pieces, loaded only in the main process (tests pass their own). */
async function electronOptions(): Promise<ReportServiceOptions> {
  const { app, BrowserWindow } = await import('electron');
  const preloadPath = path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');
  return {
    createWindow: async () => new BrowserWindow(reportWindowOptions(preloadPath)),
    initialDirectory: async () => app.getPath('documents'),
  };
}

export function createReportService(given?: ReportServiceOptions): ReportService {
  let lastDirectory: string | undefined;
  let options: ReportServiceOptions | undefined = given;

  return {
    async saveReportPdf(request: ReportPdfRequest, dialogs: FileDialogs): Promise<SaveFileResult> {
      options ??= await electronOptions();
      const { createWindow, write = atomicWrite, timeoutMs = REPORT_READY_TIMEOUT_MS, sleep = defaultSleep } = options;
      let url: string;
      try {
        url = reportUrl(request.route);
      } catch {
        return { status: 'failed', message: 'That is not a report Keel can print.' };
      }
      lastDirectory ??= await options.initialDirectory();

      // Where first: the user is not kept waiting for a layout they may cancel.
      const choice = await dialogs.showSaveDialog({
        title: 'Save the report as PDF',
        defaultPath: path.join(lastDirectory, safeFileName(request.suggestedName, 'pdf')),
        filters: dialogFilters('pdf'),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      const filePath = choice.filePath;
      lastDirectory = path.dirname(filePath);

      let window: ReportWindowLike | undefined;
      let pdf: Uint8Array;
      try {
        window = await createWindow();
        await window.loadURL(url);
        const readiness = await waitForReport(window, timeoutMs, sleep);
        if (readiness.state === 'timeout') {
          return { status: 'failed', message: `The report took longer than ${Math.round(timeoutMs / 1000)} seconds to lay out. Try fewer sections, or try again.` };
        }
        if (readiness.state === 'failed') {
          return { status: 'failed', message: readiness.problem || 'Keel could not read the program for its report. Try again.' };
        }
        pdf = await window.webContents.printToPDF(REPORT_PDF_OPTIONS);
      } catch (error) {
        console.error('Keel could not print the report:', error);
        return { status: 'failed', message: 'Keel could not lay out the report as a PDF. Try again, or restart Keel.' };
      } finally {
        if (window && !window.isDestroyed()) window.destroy();
      }

      try {
        await write(filePath, pdf);
        return { status: 'saved', fileName: path.basename(filePath) };
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'save') };
      }
    },
  };
}
