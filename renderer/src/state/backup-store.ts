import type { KeelBridge } from '../../../electron/ipc-contract';
import { bridge } from '../platform/files';
import { BrowserBackupStore, type BackupStore } from '../storage/backup-store';

/** The Electron folder's backups, through the preload's named functions. */
function folderStore(keel: KeelBridge): BackupStore {
  return {
    list: () => keel.listBackups(),
    write: (name, text) => keel.writeBackup(name, text),
    read: (name) => keel.readBackup(name),
    remove: (name) => keel.removeBackup(name),
  };
}

let store: BackupStore | undefined;

/** Where this window keeps automatic backups: files in Electron, a separate database in a browser. */
export function backupStore(): BackupStore {
  if (!store) {
    const keel = bridge();
    store = keel ? folderStore(keel) : new BrowserBackupStore();
  }
  return store;
}

/** Whether backups live outside the browser (Electron's data folder). */
export function backupsAreFiles(): boolean {
  return bridge() !== undefined;
}
