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
  MenuState,
  OpenedFile,
  OpenFileRequest,
  OpenFileResult,
  ReportPdfRequest,
  SaveFileRequest,
  SaveFileResult,
  ThemeChoice,
} from './ipc-contract.js';
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo, RoomInterface, RoomStartRequest, RoomStartResult } from './room/protocol.js';

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
  fileOpened: 'keel:file-opened',
  fileOpenReady: 'keel:file-open-ready',
  setTheme: 'keel:set-theme',
  setMenuState: 'keel:set-menu-state',
  roomInterfaces: 'keel:room-interfaces',
  roomStart: 'keel:room-start',
  roomStop: 'keel:room-stop',
  roomCurrent: 'keel:room-current',
  roomCommand: 'keel:room-command',
  roomDiagnose: 'keel:room-diagnose',
  roomListen: 'keel:room-listen',
  roomEvent: 'keel:room-event',
} as const;

const APP_COMMANDS: readonly AppCommand[] = [
  'new-program',
  'import',
  'export-program',
  'export-workspace',
  'export-markdown',
  'export-decisions',
  'export-csv',
  'export-openslo',
  'report',
  'backups',
  'undo',
  'redo',
  'find',
  'presenter',
  'theme-system',
  'theme-light',
  'theme-dark',
  'palette',
  'shortcuts',
  'guide',
  'sample-program'];

function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return status === 'opened' || status === 'too-large' || status === 'failed';
}

const ROOM_EVENT_TYPES: readonly string[] = ['device', 'device-removed', 'intention', 'view-wanted', 'stopped'];

function isRoomEvent(value: unknown): value is RoomEvent {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && ROOM_EVENT_TYPES.includes(type);
}

// Main sends room events while the window listens: it is told when the first listener comes and
// the last one goes, so one page's several listeners share one subscription.
const roomListeners = new Set<(event: RoomEvent) => void>();
function forwardRoomEvent(_event: IpcRendererEvent, roomEvent: unknown): void {
  if (!isRoomEvent(roomEvent)) return;
  for (const listener of [...roomListeners]) listener(roomEvent);
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

  setTheme(theme: ThemeChoice): Promise<void> {
    return ipcRenderer.invoke(CHANNELS.setTheme, theme) as Promise<void>;
  },

  setMenuState(state: MenuState): Promise<void> {
    return ipcRenderer.invoke(CHANNELS.setMenuState, state) as Promise<void>;
  },

  roomInterfaces(): Promise<RoomInterface[]> {
    return ipcRenderer.invoke(CHANNELS.roomInterfaces) as Promise<RoomInterface[]>;
  },

  roomStart(request: RoomStartRequest): Promise<RoomStartResult> {
    return ipcRenderer.invoke(CHANNELS.roomStart, request) as Promise<RoomStartResult>;
  },

  roomStop(): Promise<void> {
    return ipcRenderer.invoke(CHANNELS.roomStop) as Promise<void>;
  },

  roomCurrent(): Promise<{ info: RoomInfo; devices: RoomDevice[] } | null> {
    return ipcRenderer.invoke(CHANNELS.roomCurrent) as Promise<{ info: RoomInfo; devices: RoomDevice[] } | null>;
  },

  roomCommand(command: RoomCommand): Promise<void> {
    return ipcRenderer.invoke(CHANNELS.roomCommand, command) as Promise<void>;
  },

  roomDiagnose(): Promise<RoomDiagnosis> {
    return ipcRenderer.invoke(CHANNELS.roomDiagnose) as Promise<RoomDiagnosis>;
  },

  onRoomEvent(listener: (event: RoomEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onRoomEvent needs a function.');
    if (roomListeners.size === 0) {
      ipcRenderer.on(CHANNELS.roomEvent, forwardRoomEvent);
      void ipcRenderer.invoke(CHANNELS.roomListen, true);
    }
    roomListeners.add(listener);
    return function unsubscribe(): void {
      if (!roomListeners.delete(listener) || roomListeners.size > 0) return;
      ipcRenderer.removeListener(CHANNELS.roomEvent, forwardRoomEvent);
      void ipcRenderer.invoke(CHANNELS.roomListen, false);
    };
  },

  onFileOpened(listener: (file: OpenedFile) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onFileOpened needs a function.');
    // Main validated and read the file; the renderer gets the result only, never the event.
    const forward = (_event: IpcRendererEvent, file: unknown): void => {
      if (isOpenedFile(file)) listener(file);
    };
    ipcRenderer.on(CHANNELS.fileOpened, forward);
    void ipcRenderer.invoke(CHANNELS.fileOpenReady);
    return function unsubscribe(): void {
      ipcRenderer.removeListener(CHANNELS.fileOpened, forward);
    };
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
