// Save and open through main-process dialogs: the renderer never names a path, it only
// suggests a file name; the user picks the place. Dialogs are passed in so the flows
// (cancel, too large, disk errors) are unit-tested without Electron.
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { atomicWrite } from './atomic-write.js';
import { describeFileError } from './file-errors.js';
import { dialogFilters, safeFileName } from './file-names.js';
import {
  MAX_IMPORT_BYTES,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
} from './ipc-contract.js';
import { readTextFileWithinLimit } from './read-text-file.js';
import { notTextMessage } from './text-decoding.js';

/** Electron's dialog, already bound to the window that asked (so the dialog is modal to it). */
export interface FileDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FileService {
  saveFile(request: SaveFileRequest, dialogs: FileDialogs): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest, dialogs: FileDialogs): Promise<OpenFileResult>;
}

/**
 * @param initialDirectory where the first dialog opens (the user's Documents folder);
 * later dialogs open where the user last saved or opened a file.
 */
export function createFileService(initialDirectory: string, limitBytes = MAX_IMPORT_BYTES): FileService {
  let lastDirectory = initialDirectory;

  return {
    async saveFile(request, dialogs) {
      try {
        const choice = await dialogs.showSaveDialog({
          title: 'Save',
          defaultPath: path.join(lastDirectory, safeFileName(request.suggestedName, request.kind)),
          filters: dialogFilters(request.kind),
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
        const filePath = choice.filePath;
        lastDirectory = path.dirname(filePath);
        await atomicWrite(filePath, request.data);
        return { status: 'saved', fileName: path.basename(filePath) };
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'save') };
      }
    },

    async openFile(request, dialogs) {
      try {
        const choice = await dialogs.showOpenDialog({
          title: 'Import a Keel file',
          defaultPath: lastDirectory,
          filters: dialogFilters(request.kind),
          properties: ['openFile'],
        });
        const filePath = choice.filePaths[0];
        if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
        lastDirectory = path.dirname(filePath);
        const fileName = path.basename(filePath);

        const read = await readTextFileWithinLimit(filePath, limitBytes);
        switch (read.kind) {
          case 'text':
            return { status: 'opened', fileName, text: read.text };
          case 'too-large':
            return { status: 'too-large', fileName, sizeBytes: read.sizeBytes, limitBytes };
          case 'not-a-file':
            return { status: 'failed', message: `"${fileName}" is not a file; choose a .keel.json file.` };
          case 'not-text':
            return { status: 'failed', message: notTextMessage(fileName) };
        }
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'open') };
      }
    },
  };
}
