// Automatic backups as files in one folder of the app's data folder. The renderer names a file
// (checked by the IPC schema); nothing outside this folder is ever listed, read, written or
// removed. Writes are atomic and read back to check that the disk holds what was meant.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from './atomic-write.js';
import { describeFileError } from './file-errors.js';
import { MAX_IMPORT_BYTES, type BackupFile } from './ipc-contract.js';
import { BackupNameSchema } from './ipc-schemas.js';
import type { BackupService } from './ipc.js';
import { readTextFileWithinLimit } from './read-text-file.js';

/** Backups are workspace files; other files a user may have put in the folder are left alone. */
const BACKUP_SUFFIX = '.keel-workspace.json';

function isBackupName(name: string): boolean {
  return name.endsWith(BACKUP_SUFFIX) && BackupNameSchema.safeParse(name).success;
}

export function createBackupService(folder: string): BackupService {
  /** The path of a backup in the folder, or undefined for a name that could point elsewhere. */
  const pathOf = (name: string): string | undefined => {
    if (!isBackupName(name)) return undefined;
    const full = path.join(folder, name);
    return path.resolve(path.dirname(full)) === path.resolve(folder) ? full : undefined;
  };

  const fileOf = async (name: string): Promise<BackupFile | undefined> => {
    const full = pathOf(name);
    if (!full) return undefined;
    try {
      const stats = await stat(full);
      return stats.isFile() ? { name, sizeBytes: stats.size, modifiedAt: stats.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return []; // no folder yet: no backups yet
      }
      const files = await Promise.all(names.filter(isBackupName).map(fileOf));
      // Names carry the time they were made, so they sort newest first even if a copy changed mtimes.
      return files.filter((f): f is BackupFile => f !== undefined).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    },

    async write(name, text) {
      const full = pathOf(name);
      if (!full) return { status: 'failed', message: `"${name}" is not a name Keel gives its backups.` };
      try {
        await mkdir(folder, { recursive: true });
        await atomicWrite(full, text);
        // Read back: a disk that acknowledged the write but holds something else is found now, not at restore.
        const written = await readFile(full, 'utf8');
        if (written !== text) {
          await unlink(full).catch(() => undefined);
          return { status: 'failed', message: 'The backup was written but did not read back the same, so it was removed. Check the disk and try again.' };
        }
        const file = await fileOf(name);
        return file ? { status: 'written', file } : { status: 'failed', message: 'The backup was written but cannot be found again.' };
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'save') };
      }
    },

    async read(name) {
      const full = pathOf(name);
      if (!full) return { status: 'failed', message: `"${name}" is not a name Keel gives its backups.` };
      try {
        const read = await readTextFileWithinLimit(full, MAX_IMPORT_BYTES);
        if (read.kind === 'text') return { status: 'opened', fileName: name, text: read.text };
        if (read.kind === 'too-large') return { status: 'too-large', fileName: name, sizeBytes: read.sizeBytes, limitBytes: MAX_IMPORT_BYTES };
        return { status: 'failed', message: `The backup ${name} is not a text file Keel can read.` };
      } catch (error) {
        return { status: 'failed', message: describeFileError(error, 'open') };
      }
    },

    async remove(name) {
      const full = pathOf(name);
      if (!full) return false;
      try {
        await unlink(full);
        return true;
      } catch {
        return false;
      }
    },
  };
}
