import type { SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../../electron/files.js';
import {
  createReportService,
  REPORT_PDF_OPTIONS,
  reportUrl,
  reportWindowOptions,
  waitForReport,
  type ReportWindowLike,
} from '../../../electron/report-pdf.js';

const ROUTE = '#/report/p1?sections=cover,metrics&page=a4';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** A hidden window whose page answers readiness checks from `answers` (the last one repeats). */
function fakeWindow(answers: { ready: string; problem?: string }[], print: () => Promise<Uint8Array> = async () => PDF) {
  const log: string[] = [];
  let destroyed = false;
  let polls = 0;
  const window: ReportWindowLike = {
    webContents: {
      executeJavaScript: async () => {
        const answer = answers[Math.min(polls++, answers.length - 1)]!;
        return { ready: answer.ready, problem: answer.problem ?? '' };
      },
      printToPDF: async (options) => {
        log.push(`print ${JSON.stringify(options)}`);
        return print();
      },
    },
    loadURL: async (url) => {
      log.push(`load ${url}`);
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
      log.push('destroy');
    },
  };
  return { window, log, polls: () => polls };
}

function dialogsAnswering(filePath: string | undefined) {
  const shown: SaveDialogOptions[] = [];
  const dialogs: FileDialogs = {
    showSaveDialog: async (options) => {
      shown.push(options);
      return filePath ? { canceled: false, filePath } : { canceled: true };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  };
  return { dialogs, shown };
}

function service(window: ReportWindowLike, written: Map<string, Uint8Array>, extra: { write?: (p: string, d: Uint8Array) => Promise<void>; timeoutMs?: number } = {}) {
  let created = 0;
  const report = createReportService({
    createWindow: async () => {
      created++;
      return window;
    },
    initialDirectory: async () => '/home/ada/Documents',
    write: extra.write ?? (async (filePath, data) => void written.set(filePath, data)),
    timeoutMs: extra.timeoutMs ?? 1000,
    sleep: async () => undefined,
  });
  return { report, created: () => created };
}

describe('report PDF in Electron', () => {
  it('renders the route in a hidden, sandboxed window and prints it with the page size, tags and bookmarks', async () => {
    const { window, log } = fakeWindow([{ ready: '' }, { ready: '' }, { ready: 'true' }]);
    const written = new Map<string, Uint8Array>();
    const { dialogs, shown } = dialogsAnswering('/home/ada/Reports/Support report.pdf');
    const result = await service(window, written).report.saveReportPdf({ route: ROUTE, suggestedName: 'Support report.pdf' }, dialogs);

    expect(result).toEqual({ status: 'saved', fileName: 'Support report.pdf' });
    expect(written.get('/home/ada/Reports/Support report.pdf')).toEqual(PDF);
    expect(log).toEqual([`load app://keel/index.html${ROUTE}`, `print ${JSON.stringify(REPORT_PDF_OPTIONS)}`, 'destroy']);
    expect(REPORT_PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true, printBackground: true });
    expect(shown[0]?.defaultPath).toBe('/home/ada/Documents/Support report.pdf');
    expect(shown[0]?.filters?.[0]?.extensions).toEqual(['pdf']);
  });

  it('opens the next dialog where the last PDF went', async () => {
    const { window } = fakeWindow([{ ready: 'true' }]);
    const { dialogs, shown } = dialogsAnswering('/tmp/out/one.pdf');
    const { report } = service(window, new Map());
    await report.saveReportPdf({ route: ROUTE, suggestedName: 'one.pdf' }, dialogs);
    await report.saveReportPdf({ route: ROUTE, suggestedName: 'two.pdf' }, dialogs);
    expect(shown[1]?.defaultPath).toBe('/tmp/out/two.pdf');
  });

  it('does nothing when the save dialog is cancelled: no window is made', async () => {
    const { window } = fakeWindow([{ ready: 'true' }]);
    const { report, created } = service(window, new Map());
    const result = await report.saveReportPdf({ route: ROUTE, suggestedName: 'x.pdf' }, dialogsAnswering(undefined).dialogs);
    expect(result).toEqual({ status: 'cancelled' });
    expect(created()).toBe(0);
  });

  it('gives up with a sentence when the report never gets ready, and closes the window', async () => {
    const { window, log } = fakeWindow([{ ready: '' }]);
    const written = new Map<string, Uint8Array>();
    const result = await service(window, written, { timeoutMs: 500 }).report.saveReportPdf({ route: ROUTE, suggestedName: 'x.pdf' }, dialogsAnswering('/tmp/x.pdf').dialogs);
    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('took longer than') });
    expect(log.at(-1)).toBe('destroy');
    expect(written.size).toBe(0);
  });

  it("passes on the page's own sentence when the program cannot be read", async () => {
    const { window } = fakeWindow([{ ready: 'failed', problem: 'That program no longer exists.' }]);
    const result = await service(window, new Map()).report.saveReportPdf({ route: ROUTE, suggestedName: 'x.pdf' }, dialogsAnswering('/tmp/x.pdf').dialogs);
    expect(result).toEqual({ status: 'failed', message: 'That program no longer exists.' });
  });

  it('says so in a sentence when printing fails, and closes the window', async () => {
    const { window, log } = fakeWindow([{ ready: 'true' }], async () => {
      throw new Error('render process gone');
    });
    const result = await service(window, new Map()).report.saveReportPdf({ route: ROUTE, suggestedName: 'x.pdf' }, dialogsAnswering('/tmp/x.pdf').dialogs);
    expect(result).toEqual({ status: 'failed', message: 'Keel could not lay out the report as a PDF. Try again, or restart Keel.' });
    expect(log.at(-1)).toBe('destroy');
  });

  it('turns a full disk into a plain sentence', async () => {
    const { window } = fakeWindow([{ ready: 'true' }]);
    const write = async () => {
      throw Object.assign(new Error('raw'), { code: 'ENOSPC' });
    };
    const result = await service(window, new Map(), { write }).report.saveReportPdf({ route: ROUTE, suggestedName: 'x.pdf' }, dialogsAnswering('/tmp/x.pdf').dialogs);
    expect(result).toEqual({ status: 'failed', message: 'The disk is full; free some space and save again.' });
  });

  it('refuses a route that is not a report', () => {
    expect(() => reportUrl('#/programs/p1')).toThrow();
    expect(() => reportUrl('https://example.com/#/report/p1')).toThrow();
    expect(reportUrl('#/report/p1/s1?page=letter')).toBe('app://keel/index.html#/report/p1/s1?page=letter');
  });

  it('keeps the hidden window hidden and sandboxed', () => {
    const options = reportWindowOptions('/app/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, preload: '/app/preload.cjs' });
  });

  it('waits by polling until the page is ready', async () => {
    const { window, polls } = fakeWindow([{ ready: '' }, { ready: '' }, { ready: '' }, { ready: 'true' }]);
    expect(await waitForReport(window, 1000, async () => undefined)).toEqual({ state: 'ready' });
    expect(polls()).toBe(4);
  });
});
