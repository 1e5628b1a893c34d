// The one contract between the renderer and the main process. The renderer imports only
// types and constants from here; the preload and main implement it.
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo, RoomInterface, RoomStartRequest, RoomStartResult } from './room/protocol.js';

export const IPC_CHANNELS = {
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
  /** main -> renderer: a file opened from the OS (double-click, "Open with", argv, second launch, recent). */
  fileOpened: 'keel:file-opened',
  /** renderer -> main: the window listens for fileOpened now; main sends what it queued before. */
  fileOpenReady: 'keel:file-open-ready',
  /** renderer -> main: the app's theme choice (native title bar, first-frame background next launch). */
  setTheme: 'keel:set-theme',
  /** renderer -> main: what the application menu should enable and say (undo label, program open). */
  setMenuState: 'keel:set-menu-state',
  /** Room mode (electron/room/): the host's side of RoomLink, answered by the main window only. */
  roomInterfaces: 'keel:room-interfaces',
  roomStart: 'keel:room-start',
  roomStop: 'keel:room-stop',
  roomCurrent: 'keel:room-current',
  roomCommand: 'keel:room-command',
  roomDiagnose: 'keel:room-diagnose',
  /** renderer -> main: the window listens for room events now (true) or no longer (false). */
  roomListen: 'keel:room-listen',
  /** main -> renderer: one RoomEvent; held by main while the window does not listen. */
  roomEvent: 'keel:room-event',
} as const;

/** Files larger than this are refused before they are read or parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What the user is saving; it decides the dialog's file filter and default extension. */
export type FileKind = 'keel-json' | 'keel-workspace' | 'markdown' | 'csv' | 'svg' | 'png' | 'pdf' | 'zip' | 'yaml';

export interface SaveFileRequest {
  kind: FileKind;
  /** A file name without directories, e.g. "Support bot.keel.json". */
  suggestedName: string;
  /** Text for text kinds, bytes for png and pdf. */
  data: string | Uint8Array;
}

export type SaveFileResult =
  | { status: 'saved'; fileName: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export interface OpenFileRequest {
  kind: 'keel-json';
}

export type OpenFileResult =
  | { status: 'opened'; fileName: string; text: string }
  | { status: 'cancelled' }
  | { status: 'too-large'; fileName: string; sizeBytes: number; limitBytes: number }
  | { status: 'failed'; message: string };

/** A report to print to PDF: its hash route (main renders it in a hidden window) and the file's name. */
export interface ReportPdfRequest {
  /** The report's route, e.g. "#/report/<programId>?sections=cover,metrics&page=a4". */
  route: string;
  /** A file name without directories, e.g. "Support bot report.pdf". */
  suggestedName: string;
}

/** One automatic backup file in the app's data folder. */
export interface BackupFile {
  /** The file's name, without directories. */
  name: string;
  sizeBytes: number;
  /** When it was written (ms since 1970). */
  modifiedAt: number;
}

export type BackupWriteResult = { status: 'written'; file: BackupFile } | { status: 'failed'; message: string };

/**
 * Menu items the main process forwards to the renderer. The renderer's command registry
 * (renderer/src/state/commands.ts) gives each a label and runs it; the palette lists the same.
 */
export const APP_COMMANDS = [
  // File
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
  // Edit
  'undo',
  'redo',
  'find',
  // View
  'presenter',
  'theme-system',
  'theme-light',
  'theme-dark',
  'palette',
  // Help
  'shortcuts',
  'guide',
  'sample-program',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

/** The app's colour theme: follow the OS, or always light or dark. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** What the renderer tells main so the application menu matches the window. */
export interface MenuState {
  /** A program is open: the export, report and presenter items apply to it. */
  programOpen: boolean;
  /** What Undo and Redo would do ("Undo Rename program"); absent when there is nothing. */
  undoLabel?: string;
  redoLabel?: string;
}

/** A file the OS asked Keel to open, read by main (the renderer never names a path). */
export type OpenedFile = Exclude<OpenFileResult, { status: 'cancelled' }>;

/** What the preload exposes as `window.keel`. */
export interface KeelBridge {
  readonly isElectron: true;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Opens an https URL on the allowlist in the system browser; resolves false when refused. */
  openExternal(url: string): Promise<boolean>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onAppCommand(listener: (command: AppCommand) => void): () => void;
  /**
   * Subscribes to files opened from the OS; returns the unsubscribe function. Subscribing tells
   * main the window is ready, and main then sends the files it was given before (argv at launch).
   */
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
  /** Tells main the app's theme, so native parts (title bar, next launch's first frame) match. */
  setTheme(theme: ThemeChoice): Promise<void>;
  /** Tells main what the menu should enable and say. */
  setMenuState(state: MenuState): Promise<void>;
  /**
   * The presenter window: opened (or brought forward) on the session's presenter route, full
   * screen on a second display when there is one; closed. Resolves false when refused.
   */
  openPresenter(programId: string, sessionId: string): Promise<boolean>;
  closePresenter(): Promise<void>;
  /** Keeps the display from sleeping while a session runs (true), or lets it sleep again (false). */
  keepDisplayAwake(on: boolean): Promise<boolean>;
  /** Renders a report route in a hidden window and writes its PDF where the user chooses, atomically. */
  saveReportPdf(request: ReportPdfRequest): Promise<SaveFileResult>;
  /** The backup files in the app's data folder, newest first. */
  listBackups(): Promise<BackupFile[]>;
  /** Writes a backup atomically and reads it back to check it. */
  writeBackup(name: string, text: string): Promise<BackupWriteResult>;
  readBackup(name: string): Promise<OpenFileResult>;
  /** Removes a backup the rotation no longer keeps; false when it was not there. */
  removeBackup(name: string): Promise<boolean>;
  /**
   * Room mode, flat like the rest of the bridge: renderer/src/platform/room.ts makes a RoomLink of
   * these (electron/room/protocol.ts says what each does). Only the main window is answered.
   */
  roomInterfaces(): Promise<RoomInterface[]>;
  roomStart(request: RoomStartRequest): Promise<RoomStartResult>;
  roomStop(): Promise<void>;
  roomCurrent(): Promise<{ info: RoomInfo; devices: RoomDevice[] } | null>;
  roomCommand(command: RoomCommand): Promise<void>;
  roomDiagnose(): Promise<RoomDiagnosis>;
  /** Subscribes to room events; main then sends what it held while the window did not listen. Returns the unsubscribe function. */
  onRoomEvent(listener: (event: RoomEvent) => void): () => void;
}
