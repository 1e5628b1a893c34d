// The IPC handlers, one per capability in ipc-contract.ts. Each refuses callers that are not
// the top frame of one of Keel's own windows showing app://keel, and validates its arguments
// before doing anything. Pure (Electron types only) so refusals are unit-tested.
import {
  IPC_CHANNELS,
  type BackupFile,
  type BackupWriteResult,
  type MenuState,
  type OpenFileRequest,
  type OpenFileResult,
  type ReportPdfRequest,
  type SaveFileRequest,
  type SaveFileResult,
  type ThemeChoice,
} from './ipc-contract.js';
import {
  BackupListArgsSchema,
  BackupNameArgsSchema,
  BackupWriteArgsSchema,
  ClosePresenterArgsSchema,
  FileOpenReadyArgsSchema,
  KeepDisplayAwakeArgsSchema,
  OpenExternalArgsSchema,
  OpenFileArgsSchema,
  OpenPresenterArgsSchema,
  parseIpcArgs,
  ReportPdfArgsSchema,
  SetMenuStateArgsSchema,
  SetThemeArgsSchema,
  SaveFileArgsSchema,
  RoomCommandArgsSchema,
  RoomListenArgsSchema,
  RoomNoArgsSchema,
  RoomStartArgsSchema,
} from './ipc-schemas.js';
import type { RoomCommand, RoomDevice, RoomDiagnosis, RoomInfo, RoomInterface, RoomStartRequest, RoomStartResult } from './room/protocol.js';
import { isInternalUrl } from './security.js';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: {
    readonly url: string;
    readonly parent: unknown;
    readonly detached: boolean;
  } | null;
}

/**
 * True when the call comes from the top frame of one of our windows and that frame shows
 * app://keel. A null frame means it navigated away or was destroyed mid-call.
 */
export function isTrustedSender(event: IpcSenderEvent, isOurWebContents: (id: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return false;
  if (frame.parent !== null) return false; // iframes get no capabilities
  if (!isInternalUrl(frame.url)) return false;
  return isOurWebContents(event.sender.id);
}

export interface Capabilities<E extends IpcSenderEvent> {
  saveFile(event: E, request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(event: E, request: OpenFileRequest): Promise<OpenFileResult>;
  openExternal(url: string): Promise<boolean>;
  openPresenter(event: E, programId: string, sessionId: string): Promise<boolean>;
  closePresenter(event: E): Promise<void>;
  keepDisplayAwake(event: E, on: boolean): Promise<boolean>;
  saveReportPdf(event: E, request: ReportPdfRequest): Promise<SaveFileResult>;
  listBackups(): Promise<BackupFile[]>;
  writeBackup(name: string, text: string): Promise<BackupWriteResult>;
  readBackup(name: string): Promise<OpenFileResult>;
  removeBackup(name: string): Promise<boolean>;
  /** The window now listens for opened files: main sends the ones it queued. */
  fileOpenReady(event: E): Promise<void>;
  setTheme(event: E, theme: ThemeChoice): Promise<void>;
  setMenuState(event: E, state: MenuState): Promise<void>;
  /** Room mode (electron/room/host-service.ts); main answers its main window only. */
  roomInterfaces(event: E): Promise<RoomInterface[]>;
  roomStart(event: E, request: RoomStartRequest): Promise<RoomStartResult>;
  roomStop(event: E): Promise<void>;
  roomCurrent(event: E): Promise<{ info: RoomInfo; devices: RoomDevice[] } | null>;
  roomCommand(event: E, command: RoomCommand): Promise<void>;
  roomDiagnose(event: E): Promise<RoomDiagnosis>;
  /** The window listens for room events (true) or no longer (false). */
  roomListen(event: E, on: boolean): Promise<void>;
}

export type IpcHandler<E> = (event: E, ...args: unknown[]) => Promise<unknown>;

/** Channels main sends on (to the renderer) rather than handles. */
type InvokeChannel = Exclude<
  (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS],
  typeof IPC_CHANNELS.appCommand | typeof IPC_CHANNELS.fileOpened | typeof IPC_CHANNELS.roomEvent
>;

export function createIpcHandlers<E extends IpcSenderEvent>(
  capabilities: Capabilities<E>,
  isOurWebContents: (id: number) => boolean,
): Record<InvokeChannel, IpcHandler<E>> {
  function assertTrusted(event: E, channel: string): void {
    if (!isTrustedSender(event, isOurWebContents)) {
      throw new Error(`Refused ${channel}: the call did not come from Keel's own window.`);
    }
  }

  return {
    [IPC_CHANNELS.saveFile]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.saveFile);
      const [request] = parseIpcArgs(SaveFileArgsSchema, args, IPC_CHANNELS.saveFile);
      return capabilities.saveFile(event, request);
    },
    [IPC_CHANNELS.openFile]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.openFile);
      const [request] = parseIpcArgs(OpenFileArgsSchema, args, IPC_CHANNELS.openFile);
      return capabilities.openFile(event, request);
    },
    [IPC_CHANNELS.openExternal]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.openExternal);
      const [url] = parseIpcArgs(OpenExternalArgsSchema, args, IPC_CHANNELS.openExternal);
      return capabilities.openExternal(url);
    },
    [IPC_CHANNELS.presenterOpen]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.presenterOpen);
      const [programId, sessionId] = parseIpcArgs(OpenPresenterArgsSchema, args, IPC_CHANNELS.presenterOpen);
      return capabilities.openPresenter(event, programId, sessionId);
    },
    [IPC_CHANNELS.presenterClose]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.presenterClose);
      parseIpcArgs(ClosePresenterArgsSchema, args, IPC_CHANNELS.presenterClose);
      return capabilities.closePresenter(event);
    },
    [IPC_CHANNELS.keepDisplayAwake]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.keepDisplayAwake);
      const [on] = parseIpcArgs(KeepDisplayAwakeArgsSchema, args, IPC_CHANNELS.keepDisplayAwake);
      return capabilities.keepDisplayAwake(event, on);
    },
    [IPC_CHANNELS.reportPdf]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.reportPdf);
      const [request] = parseIpcArgs(ReportPdfArgsSchema, args, IPC_CHANNELS.reportPdf);
      return capabilities.saveReportPdf(event, request);
    },
    [IPC_CHANNELS.backupList]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.backupList);
      parseIpcArgs(BackupListArgsSchema, args, IPC_CHANNELS.backupList);
      return capabilities.listBackups();
    },
    [IPC_CHANNELS.backupWrite]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.backupWrite);
      const [name, text] = parseIpcArgs(BackupWriteArgsSchema, args, IPC_CHANNELS.backupWrite);
      return capabilities.writeBackup(name, text);
    },
    [IPC_CHANNELS.backupRead]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.backupRead);
      const [name] = parseIpcArgs(BackupNameArgsSchema, args, IPC_CHANNELS.backupRead);
      return capabilities.readBackup(name);
    },
    [IPC_CHANNELS.backupRemove]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.backupRemove);
      const [name] = parseIpcArgs(BackupNameArgsSchema, args, IPC_CHANNELS.backupRemove);
      return capabilities.removeBackup(name);
    },
    [IPC_CHANNELS.fileOpenReady]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.fileOpenReady);
      parseIpcArgs(FileOpenReadyArgsSchema, args, IPC_CHANNELS.fileOpenReady);
      return capabilities.fileOpenReady(event);
    },
    [IPC_CHANNELS.setTheme]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.setTheme);
      const [theme] = parseIpcArgs(SetThemeArgsSchema, args, IPC_CHANNELS.setTheme);
      return capabilities.setTheme(event, theme);
    },
    [IPC_CHANNELS.setMenuState]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.setMenuState);
      const [state] = parseIpcArgs(SetMenuStateArgsSchema, args, IPC_CHANNELS.setMenuState);
      return capabilities.setMenuState(event, state);
    },
    [IPC_CHANNELS.roomInterfaces]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomInterfaces);
      parseIpcArgs(RoomNoArgsSchema, args, IPC_CHANNELS.roomInterfaces);
      return capabilities.roomInterfaces(event);
    },
    [IPC_CHANNELS.roomStart]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomStart);
      const [request] = parseIpcArgs(RoomStartArgsSchema, args, IPC_CHANNELS.roomStart);
      return capabilities.roomStart(event, request);
    },
    [IPC_CHANNELS.roomStop]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomStop);
      parseIpcArgs(RoomNoArgsSchema, args, IPC_CHANNELS.roomStop);
      return capabilities.roomStop(event);
    },
    [IPC_CHANNELS.roomCurrent]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomCurrent);
      parseIpcArgs(RoomNoArgsSchema, args, IPC_CHANNELS.roomCurrent);
      return capabilities.roomCurrent(event);
    },
    [IPC_CHANNELS.roomCommand]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomCommand);
      const [command] = parseIpcArgs(RoomCommandArgsSchema, args, IPC_CHANNELS.roomCommand);
      return capabilities.roomCommand(event, command);
    },
    [IPC_CHANNELS.roomDiagnose]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomDiagnose);
      parseIpcArgs(RoomNoArgsSchema, args, IPC_CHANNELS.roomDiagnose);
      return capabilities.roomDiagnose(event);
    },
    [IPC_CHANNELS.roomListen]: async (event, ...args) => {
      assertTrusted(event, IPC_CHANNELS.roomListen);
      const [on] = parseIpcArgs(RoomListenArgsSchema, args, IPC_CHANNELS.roomListen);
      return capabilities.roomListen(event, on);
    },
  };
}
