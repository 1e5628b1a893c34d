import { safeFileStem } from '../io/file-names';
import { bridge } from '../platform/files';
import type { Result } from './result';
import { toasts } from './toasts.svelte';

// Making a report's PDF. In Electron, main renders the report route in a hidden window and writes
// the PDF where the user chooses (electron/report-pdf.ts). In a browser, the report page itself
// opens the print dialog (its "Save as PDF" destination) once it is ready.

const PRINT_REQUEST_KEY = 'keel.report.print-when-ready';

/** Whether this window can write a PDF itself (Electron), rather than through the print dialog. */
export function savesPdfDirectly(): boolean {
  return bridge() !== undefined;
}

/**
 * Saves the report at `route` (a hash, "#/report/...") as `<stem>.pdf`. In Electron a save dialog
 * and a toast say how it went (undefined when cancelled); in a browser it opens the report page,
 * which prints itself once ready (the print dialog reports for itself).
 */
export async function saveReportPdf(route: string, stem: string): Promise<Result<string> | undefined> {
  const keel = bridge();
  const suggestedName = `${safeFileStem(stem, 'report')}.pdf`;
  if (!keel) {
    requestPrint(route);
    window.location.hash = route;
    return undefined;
  }
  const saved = await keel.saveReportPdf({ route, suggestedName }).catch(
    (): { status: 'failed'; message: string } => ({ status: 'failed', message: 'Keel could not make the PDF. Try again, or restart Keel.' }),
  );
  if (saved.status === 'failed') {
    toasts.show(saved.message, 'error');
    return { ok: false, message: saved.message };
  }
  if (saved.status !== 'saved') return undefined;
  toasts.show(`Saved the report as ${saved.fileName}.`, 'success');
  return { ok: true, value: saved.fileName };
}

/** Asks the report page at `route` to open the print dialog once it is ready (this tab only). */
export function requestPrint(route: string): void {
  try {
    sessionStorage.setItem(PRINT_REQUEST_KEY, route);
  } catch {
    // Storage unavailable: the page still shows, and its own "Save PDF…" prints.
  }
}

/** Whether the report at `route` was asked to print itself; the request is used up either way. */
export function takePrintRequest(route: string): boolean {
  try {
    const asked = sessionStorage.getItem(PRINT_REQUEST_KEY);
    sessionStorage.removeItem(PRINT_REQUEST_KEY);
    return asked === route;
  } catch {
    return false;
  }
}
