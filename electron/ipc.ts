// Wires the IPC handlers to Electron: dialogs modal to the calling window, the system browser
// for allowlisted links. All checks live in ipc-handlers.ts.
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import type { FileDialogs, FileService } from './files.js';
import { createIpcHandlers } from './ipc-handlers.js';
import { openExternalIfAllowed } from './security.js';

function dialogsFor(event: IpcMainInvokeEvent): FileDialogs {
  const window = BrowserWindow.fromWebContents(event.sender);
  return {
    showSaveDialog: (options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)),
  };
}

/** @param isOurWebContents whether a webContents id belongs to one of Keel's windows */
export function registerIpcHandlers(files: FileService, isOurWebContents: (id: number) => boolean): void {
  const handlers = createIpcHandlers<IpcMainInvokeEvent>(
    {
      saveFile: (event, request) => files.saveFile(request, dialogsFor(event)),
      openFile: (event, request) => files.openFile(request, dialogsFor(event)),
      openExternal: (url) => openExternalIfAllowed(url, (allowed) => shell.openExternal(allowed)),
    },
    isOurWebContents,
  );
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, handler);
  }
}
