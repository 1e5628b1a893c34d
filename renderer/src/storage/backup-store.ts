// Automatic backups in the browser, where Keel has no folder of its own: a separate IndexedDB
// database, so a backup survives whatever happens to the main database's schema or contents
// (an upgrade gone wrong, a bad import) and the restore screen works the same as in Electron.
import { Dexie, type EntityTable } from 'dexie';
import type { BackupFile, BackupWriteResult, OpenFileResult } from '../../../electron/ipc-contract';

export const BACKUP_DB_NAME = 'keel-backups';

/** Where backups are kept: the Electron folder through the bridge, or this database. */
export interface BackupStore {
  list(): Promise<BackupFile[]>;
  write(name: string, text: string): Promise<BackupWriteResult>;
  read(name: string): Promise<OpenFileResult>;
  remove(name: string): Promise<boolean>;
}

interface BackupText {
  name: string;
  text: string;
}

/** Listing reads the small `files` rows only; a backup's text is read when it is opened. */
class BackupDB extends Dexie {
  files!: EntityTable<BackupFile, 'name'>;
  texts!: EntityTable<BackupText, 'name'>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ files: 'name, modifiedAt', texts: 'name' });
  }
}

function failure(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `The backup could not be stored in this browser (${detail.slice(0, 120)}). Download a workspace file from the home screen instead.`;
}

export class BrowserBackupStore implements BackupStore {
  private readonly db: BackupDB;

  constructor(
    name = BACKUP_DB_NAME,
    private readonly now: () => number = Date.now,
  ) {
    this.db = new BackupDB(name);
  }

  async list(): Promise<BackupFile[]> {
    return (await this.db.files.orderBy('modifiedAt').reverse().toArray()).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  }

  async write(name: string, text: string): Promise<BackupWriteResult> {
    const file: BackupFile = { name, sizeBytes: new Blob([text]).size, modifiedAt: this.now() };
    try {
      await this.db.transaction('rw', this.db.files, this.db.texts, async () => {
        await this.db.texts.put({ name, text });
        await this.db.files.put(file);
      });
      // Read back, as the Electron folder does: what was stored is what a restore will get.
      const stored = await this.db.texts.get(name);
      if (stored?.text !== text) {
        await this.remove(name);
        return { status: 'failed', message: 'The backup was stored but did not read back the same, so it was removed.' };
      }
      return { status: 'written', file };
    } catch (error) {
      return { status: 'failed', message: failure(error) };
    }
  }

  async read(name: string): Promise<OpenFileResult> {
    try {
      const stored = await this.db.texts.get(name);
      return stored ? { status: 'opened', fileName: name, text: stored.text } : { status: 'failed', message: `The backup ${name} is no longer there.` };
    } catch (error) {
      return { status: 'failed', message: `The backup ${name} could not be read (${error instanceof Error ? error.message : String(error)}).` };
    }
  }

  async remove(name: string): Promise<boolean> {
    return this.db.transaction('rw', this.db.files, this.db.texts, async () => {
      const had = (await this.db.files.get(name)) !== undefined;
      await this.db.files.delete(name);
      await this.db.texts.delete(name);
      return had;
    });
  }

  close(): void {
    this.db.close();
  }
}
