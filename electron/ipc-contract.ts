// The one contract between the renderer and the main process. The renderer imports only
// types and constants from here; the preload and main implement it.

export const IPC_CHANNELS = {
  saveFile: 'keel:save-file',
  openFile: 'keel:open-file',
  openExternal: 'keel:open-external',
  appCommand: 'keel:app-command',
  presenterOpen: 'keel:presenter-open',
  presenterClose: 'keel:presenter-close',
  keepDisplayAwake: 'keel:keep-display-awake',
} as const;

/** Files larger than this are refused before they are read or parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What the user is saving; it decides the dialog's file filter and default extension. */
export type FileKind = 'keel-json' | 'markdown' | 'csv' | 'svg' | 'png' | 'pdf';

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

/** Menu items the main process forwards to the renderer. */
export type AppCommand = 'undo' | 'redo' | 'new-program' | 'import' | 'find';

export const APP_COMMANDS: readonly AppCommand[] = ['undo', 'redo', 'new-program', 'import', 'find'];

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
   * The presenter window: opened (or brought forward) on the session's presenter route, full
   * screen on a second display when there is one; closed. Resolves false when refused.
   */
  openPresenter(programId: string, sessionId: string): Promise<boolean>;
  closePresenter(): Promise<void>;
  /** Keeps the display from sleeping while a session runs (true), or lets it sleep again (false). */
  keepDisplayAwake(on: boolean): Promise<boolean>;
}
