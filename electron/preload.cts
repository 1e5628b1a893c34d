// Exposes window.keel (KeelBridge) to the renderer: one named function per capability, never
// ipcRenderer itself. A sandboxed preload can require only 'electron', so this file imports
// nothing else at run time: the channel names and command list are copies of the ones in
// ipc-contract.ts (a unit test checks they stay equal).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  AppCommand,
  BackupFile,
  BackupWriteResult,
  KeelBridge,
  OpenFileRequest,
  OpenFileResult,
  ReportPdfRequest,
  SaveFileRequest,
  SaveFileResult,
} from './ipc-contract.js';

const CHANNELS = {
  saveFile: 'keel:save-file',
  openFile: 'keel:open-file',
  openExternal: 'keel:open-external',
  appCommand: 'keel:app-command',
  presenterOpen: 'keel:presenter-open',
  presenterClose: 'keel:presenter-close',
  keepDisplayAwake: 'keel:keep-display-awake',
  reportPdf: 'keel:report-pdf',
  backupList: 'keel:backup-list',
  backupWrite: 'keel:backup-write',
  backupRead: 'keel:backup-read',
  backupRemove: 'keel:backup-remove',
} as const;

const APP_COMMANDS: readonly AppCommand[] = ['undo', 'redo', 'new-program', 'import', 'find'];

function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

const bridge: KeelBridge = {
  isElectron: true,

  saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    return ipcRenderer.invoke(CHANNELS.saveFile, request) as Promise<SaveFileResult>;
  },

  openFile(request: OpenFileRequest): Promise<OpenFileResult> {
    return ipcRenderer.invoke(CHANNELS.openFile, request) as Promise<OpenFileResult>;
  },

  openExternal(url: string): Promise<boolean> {
    return ipcRenderer.invoke(CHANNELS.openExternal, url) as Promise<boolean>;
  },

  openPresenter(programId: string, sessionId: string): Promise<boolean> {
    return ipcRenderer.invoke(CHANNELS.presenterOpen, programId, sessionId) as Promise<boolean>;
  },

  closePresenter(): Promise<void> {
    return ipcRenderer.invoke(CHANNELS.presenterClose) as Promise<void>;
  },

  keepDisplayAwake(on: boolean): Promise<boolean> {
    return ipcRenderer.invoke(CHANNELS.keepDisplayAwake, on) as Promise<boolean>;
  },

  saveReportPdf(request: ReportPdfRequest): Promise<SaveFileResult> {
    return ipcRenderer.invoke(CHANNELS.reportPdf, request) as Promise<SaveFileResult>;
  },

  listBackups(): Promise<BackupFile[]> {
    return ipcRenderer.invoke(CHANNELS.backupList) as Promise<BackupFile[]>;
  },

  writeBackup(name: string, text: string): Promise<BackupWriteResult> {
    return ipcRenderer.invoke(CHANNELS.backupWrite, name, text) as Promise<BackupWriteResult>;
  },

  readBackup(name: string): Promise<OpenFileResult> {
    return ipcRenderer.invoke(CHANNELS.backupRead, name) as Promise<OpenFileResult>;
  },

  removeBackup(name: string): Promise<boolean> {
    return ipcRenderer.invoke(CHANNELS.backupRemove, name) as Promise<boolean>;
  },

  onAppCommand(listener: (command: AppCommand) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onAppCommand needs a function.');
    // The renderer gets the command string only: the IPC event (and its sender) stays here.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(CHANNELS.appCommand, forward);
    return function unsubscribe(): void {
      ipcRenderer.removeListener(CHANNELS.appCommand, forward);
    };
  },
};

contextBridge.exposeInMainWorld('keel', bridge);
