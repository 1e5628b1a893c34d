// Placeholder (helper: data safety): backup files in the app's data folder, written atomically
// and read back to check them.
import type { BackupService } from './ipc.js';

export function createBackupService(folder: string): BackupService {
  void folder;
  return {
    list: async () => [],
    write: async () => ({ status: 'failed', message: 'Backups to files are not built yet.' }),
    read: async () => ({ status: 'failed', message: 'Backups to files are not built yet.' }),
    remove: async () => false,
  };
}
