// Placeholder (helper: report A): renders a report route in a hidden window with the main
// window's secure preferences, prints it to PDF and writes it atomically where the user chose.
import type { ReportService } from './ipc.js';

export function createReportService(): ReportService {
  return {
    saveReportPdf: async () => ({ status: 'failed', message: 'Printing a report to PDF is not built yet.' }),
  };
}
