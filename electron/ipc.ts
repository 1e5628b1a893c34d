// Wires the IPC handlers to Electron: dialogs modal to the calling window, the system browser
// for allowlisted links, the presenter window and the display kept awake. All checks live in
// ipc-handlers.ts.
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import type { FileDialogs, FileService } from './files.js';
import type { BackupFile, BackupWriteResult, MenuState, OpenFileResult, ReportPdfRequest, SaveFileResult, ThemeChoice } from './ipc-contract.js';
import { createIpcHandlers } from './ipc-handlers.js';
import type { PresenterRoute } from './presenter-window.js';
import type { MainRoom } from './room/main-room.js';
import { openExternalIfAllowed } from './security.js';

function dialogsFor(event: IpcMainInvokeEvent): FileDialogs {
  const window = BrowserWindow.fromWebContents(event.sender);
  return {
    showSaveDialog: (options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)),
  };
}

/** What the presenter capabilities do in main (main.ts owns the window and the blocker). */
export interface PresenterService {
  open(route: PresenterRoute): void;
  close(): void;
  /** Keeps the display awake for the window with this webContents id, or stops. */
  keepAwake(contentsId: number, on: boolean): void;
}

/** Prints a report route to PDF (electron/report-pdf.ts). */
export interface ReportService {
  saveReportPdf(request: ReportPdfRequest, dialogs: FileDialogs): Promise<SaveFileResult>;
}

/** The backup files in the app's data folder (electron/backups.ts). */
export interface BackupService {
  list(): Promise<BackupFile[]>;
  write(name: string, text: string): Promise<BackupWriteResult>;
  read(name: string): Promise<OpenFileResult>;
  remove(name: string): Promise<boolean>;
}

/** The desktop integration main.ts owns: files opened from the OS, the theme, the menu. */
export interface DesktopService {
  /** The window with this webContents id listens for opened files: send it what is queued. */
  fileOpenReady(contentsId: number): void;
  setTheme(theme: ThemeChoice): void;
  setMenuState(state: MenuState): void;
}

/** @param isOurWebContents whether a webContents id belongs to one of Keel's windows */
export function registerIpcHandlers(
  files: FileService,
  presenter: PresenterService,
  reports: ReportService,
  backups: BackupService,
  desktop: DesktopService,
  room: MainRoom,
  isOurWebContents: (id: number) => boolean,
): void {
  const handlers = createIpcHandlers<IpcMainInvokeEvent>(
    {
      saveFile: (event, request) => files.saveFile(request, dialogsFor(event)),
      openFile: (event, request) => files.openFile(request, dialogsFor(event)),
      openExternal: (url) => openExternalIfAllowed(url, (allowed) => shell.openExternal(allowed)),
      openPresenter: async (_event, programId, sessionId) => {
        presenter.open({ programId, sessionId });
        return true;
      },
      closePresenter: async () => presenter.close(),
      keepDisplayAwake: async (event, on) => {
        presenter.keepAwake(event.sender.id, on);
        return true;
      },
      saveReportPdf: (event, request) => reports.saveReportPdf(request, dialogsFor(event)),
      listBackups: () => backups.list(),
      writeBackup: (name, text) => backups.write(name, text),
      readBackup: (name) => backups.read(name),
      removeBackup: (name) => backups.remove(name),
      fileOpenReady: async (event) => desktop.fileOpenReady(event.sender.id),
      setTheme: async (_event, theme) => desktop.setTheme(theme),
      setMenuState: async (_event, state) => desktop.setMenuState(state),
      roomInterfaces: () => room.interfaces(),
      roomStart: (_event, request) => room.start(request),
      roomStop: () => room.stop(),
      roomCurrent: () => room.current(),
      roomCommand: (_event, command) => room.command(command),
      roomDiagnose: () => room.diagnose(),
      roomListen: async (event, on) => room.listen(event.sender.id, on),
    },
    isOurWebContents,
  );
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, handler);
  }
}
