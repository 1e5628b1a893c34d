// Several text files in one .zip (fflate, synchronous: the files are a program's worth of text).
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Text files by path inside the zip ("decisions/0001-use-x.md"), dated `at`. */
export function zipTextFiles(files: Readonly<Record<string, string>>, at: Date): Uint8Array {
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(files)) entries[path] = [strToU8(text), { mtime: at }];
  return zipSync(entries, { level: 6 });
}
