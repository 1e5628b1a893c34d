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
  type OpenedFile,
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
 * @param onOpened told the path of each file read through Import… (the recent files list)
 */
export function createFileService(
  initialDirectory: string,
  limitBytes = MAX_IMPORT_BYTES,
  onOpened: (filePath: string) => void = () => undefined,
): FileService {
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
        const { opened } = await readOpenedFile(filePath, limitBytes);
        if (opened.status === 'opened') onOpened(filePath);
        return opened;
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'open') };
      }
    },
  };
}

/** What reading a file main was given came to, and whether the file is gone (a stale recent entry). */
export interface ReadOpened {
  opened: OpenedFile;
  gone: boolean;
}

/**
 * Reads a Keel file main was given (chosen in the dialog, opened from the OS, a recent entry)
 * into what the renderer is sent: its text, or a plain sentence of why not. Never throws.
 */
export async function readOpenedFile(filePath: string, limitBytes = MAX_IMPORT_BYTES): Promise<ReadOpened> {
  const fileName = path.basename(filePath);
  const failed = (message: string, gone = false): ReadOpened => ({ opened: { status: 'failed', message }, gone });
  try {
    const read = await readTextFileWithinLimit(filePath, limitBytes);
    switch (read.kind) {
      case 'text':
        return { opened: { status: 'opened', fileName, text: read.text }, gone: false };
      case 'too-large':
        return { opened: { status: 'too-large', fileName, sizeBytes: read.sizeBytes, limitBytes }, gone: false };
      case 'not-a-file':
        return failed(`"${fileName}" is not a file; choose a .keel.json file.`);
      case 'not-text':
        return failed(notTextMessage(fileName));
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return failed(goneMessage(fileName), true);
    return failed(describeFileError(error, 'open'));
  }
}

/** A file that is no longer where it was, named so the user knows which. */
export function goneMessage(fileName: string): string {
  return `"${fileName}" is no longer there: it was moved, renamed or deleted. Nothing was imported.`;
}
