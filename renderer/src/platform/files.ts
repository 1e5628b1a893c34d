import {
  MAX_IMPORT_BYTES,
  type FileKind,
  type KeelBridge,
  type OpenFileResult,
  type SaveFileResult,
} from '../../../electron/ipc-contract';
import { decodeFileText, notTextMessage } from '../../../electron/text-decoding';

// Saving and opening files: through the Electron bridge when it is there, otherwise with the
// browser's download and file-picker (web mode and tests).

declare global {
  interface Window {
    keel?: KeelBridge;
  }
}

export function bridge(): KeelBridge | undefined {
  return typeof window !== 'undefined' ? window.keel : undefined;
}

const MIME: Record<FileKind, string> = {
  'keel-json': 'application/json',
  'keel-workspace': 'application/json',
  markdown: 'text/markdown',
  csv: 'text/csv',
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  zip: 'application/zip',
  yaml: 'application/yaml',
};

export async function saveFile(kind: FileKind, suggestedName: string, data: string | Uint8Array): Promise<SaveFileResult> {
  const keel = bridge();
  if (keel) return keel.saveFile({ kind, suggestedName, data });
  const blob = new Blob([data as BlobPart], { type: MIME[kind] });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { status: 'saved', fileName: suggestedName };
}

/** Reads a File chosen in the browser, refusing oversized files before reading them. */
export async function readChosenFile(file: File, limitBytes = MAX_IMPORT_BYTES): Promise<OpenFileResult> {
  if (file.size > limitBytes) {
    return { status: 'too-large', fileName: file.name, sizeBytes: file.size, limitBytes };
  }
  try {
    // Not file.text(): it reads only UTF-8, and Electron must read the same bytes the same way.
    const text = decodeFileText(new Uint8Array(await file.arrayBuffer()));
    return text === undefined ? { status: 'failed', message: notTextMessage(file.name) } : { status: 'opened', fileName: file.name, text };
  } catch {
    return { status: 'failed', message: `Keel could not read ${file.name}. Check that the file is still there and try again.` };
  }
}

/** Asks the user for a .keel.json file. In web mode this opens the browser's file picker. */
export function openKeelFile(): Promise<OpenFileResult> {
  const keel = bridge();
  if (keel) return keel.openFile({ kind: 'keel-json' });
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.hidden = true;
    input.dataset.testid = 'import-file-input';
    let settled = false;
    const finish = (result: OpenFileResult) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) finish({ status: 'cancelled' });
      else void readChosenFile(file).then(finish);
    });
    input.addEventListener('cancel', () => finish({ status: 'cancelled' }));
    document.body.append(input);
    input.click();
  });
}
