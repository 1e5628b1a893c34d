// Writes a file so that a crash, a full disk or a failed write never leaves a half-written
// file where the old one was: write a temporary file next to it, flush it to disk, then rename
// it over the target (rename within one directory is atomic on every OS Keel supports).
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The few file-handle operations atomicWrite needs; narrow so tests can make them fail. */
export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
}

export const nodeAtomicWriteFs: AtomicWriteFs = { open, rename, unlink, stat };

const DEFAULT_MODE = 0o666; // narrowed by the process umask, as for any new file

/** Replaces (or creates) `filePath` with `data` atomically; on failure the old file is untouched. */
export async function atomicWrite(
  filePath: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const directory = path.dirname(filePath);
  // Same directory as the target: a rename across file systems would not be atomic.
  const tempPath = path.join(directory, `.${path.basename(filePath).slice(0, 100)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(filePath, fs);

  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(tempPath, 'wx', mode); // 'wx': never follow or reuse an existing path
    await handle.writeFile(data);
    await handle.sync(); // the data must be on disk before the rename makes it visible
    await handle.close();
    handle = undefined;
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory, fs);
}

/** Keeps the permissions of a file being replaced (a user may have made it private). */
async function existingMode(filePath: string, fs: AtomicWriteFs): Promise<number> {
  try {
    return (await fs.stat(filePath)).mode & 0o777;
  } catch {
    return DEFAULT_MODE;
  }
}

/** Persists the rename itself on POSIX; Windows cannot open directories, so it is best effort. */
async function syncDirectory(directory: string, fs: AtomicWriteFs): Promise<void> {
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is already complete and in place.
  }
}
