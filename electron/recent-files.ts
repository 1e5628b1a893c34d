// The recent files of File > Open Recent: the list's rules (pure) and its small JSON file in the
// app's data folder (written atomically, read forgivingly: a damaged file is an empty list, never
// a failed start).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from './atomic-write.js';
import type { RecentFile } from './menu.js';
import { isKeelFilePath, withoutRepeats } from './open-files.js';

export const RECENT_FILES_FILE = 'recent-files.json';
export const MAX_RECENT_FILES = 10;

// Forgiving: entries that do not fit are dropped one by one, not the whole list.
const StoredRecentSchema = z.object({ files: z.array(z.unknown()) });
const StoredPathSchema = z.string().min(1).max(4096);

/** The list with `filePath` first: newest first, each file once, at most MAX_RECENT_FILES. */
export function withRecent(list: readonly string[], filePath: string, platform: NodeJS.Platform): string[] {
  return withoutRepeats([filePath, ...list], platform).slice(0, MAX_RECENT_FILES);
}

/** The list without `filePath` (a file that has gone). */
export function withoutRecent(list: readonly string[], filePath: string, platform: NodeJS.Platform): string[] {
  const key = (p: string) => (platform === 'linux' ? p : p.toLowerCase());
  return list.filter((entry) => key(entry) !== key(filePath));
}

/** What the menu shows for each entry: the file's name (the full path is the item's tooltip on macOS). */
export function recentMenuEntries(list: readonly string[], platform: NodeJS.Platform): RecentFile[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return list.map((filePath) => ({ label: paths.basename(filePath), filePath }));
}

/** The stored list from the file's text: only absolute Keel file paths, in order, within the cap. */
export function parseRecentFiles(text: string, platform: NodeJS.Platform): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  const stored = StoredRecentSchema.safeParse(raw);
  if (!stored.success) return [];
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const files = stored.data.files.flatMap((entry) => {
    const parsed = StoredPathSchema.safeParse(entry);
    return parsed.success && paths.isAbsolute(parsed.data) && isKeelFilePath(parsed.data) ? [parsed.data] : [];
  });
  return withoutRepeats(files, platform).slice(0, MAX_RECENT_FILES);
}

export function serializeRecentFiles(list: readonly string[]): string {
  return `${JSON.stringify({ files: list }, null, 2)}\n`;
}

/** What the OS keeps besides Keel's own list (macOS Dock menu, Windows jump list). */
export interface OsRecentDocuments {
  addRecentDocument(filePath: string): void;
  clearRecentDocuments(): void;
}

/** The OS's lists where it has them (macOS, Windows); Linux desktops keep none Electron can feed. */
export function osRecentDocuments(os: OsRecentDocuments, platform: NodeJS.Platform): OsRecentDocuments {
  if (platform === 'darwin' || platform === 'win32') {
    return { addRecentDocument: (filePath) => os.addRecentDocument(filePath), clearRecentDocuments: () => os.clearRecentDocuments() };
  }
  return { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined };
}

/**
 * The list in memory and on disk. Writes are chained, so two quick changes land in order; a write
 * that fails keeps the list in memory (the menu still shows it) and is logged.
 */
export class RecentFiles {
  private list: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly platform: NodeJS.Platform,
    private readonly os: OsRecentDocuments,
    private readonly onChange: (entries: RecentFile[]) => void,
  ) {}

  /** Reads the stored list; a missing or damaged file gives an empty list. */
  async load(read: (file: string) => Promise<string> = (file) => readFile(file, 'utf8')): Promise<void> {
    try {
      this.list = parseRecentFiles(await read(this.file), this.platform);
    } catch {
      this.list = [];
    }
    this.onChange(this.entries);
  }

  get entries(): RecentFile[] {
    return recentMenuEntries(this.list, this.platform);
  }

  add(filePath: string): Promise<void> {
    this.os.addRecentDocument(filePath);
    return this.replace(withRecent(this.list, filePath, this.platform));
  }

  remove(filePath: string): Promise<void> {
    return this.replace(withoutRecent(this.list, filePath, this.platform));
  }

  clear(): Promise<void> {
    this.os.clearRecentDocuments();
    return this.replace([]);
  }

  private replace(next: string[]): Promise<void> {
    this.list = next;
    this.onChange(this.entries);
    const text = serializeRecentFiles(next);
    this.writing = this.writing
      .then(() => atomicWrite(this.file, text))
      .catch((error: unknown) => console.error('Keel could not save the recent files list:', error));
    return this.writing;
  }
}

/** Where the list lives in the app's data folder. */
export function recentFilesPath(userData: string): string {
  return path.join(userData, RECENT_FILES_FILE);
}
