// Files the OS asks Keel to open: which command-line arguments are Keel files (first launch and a
// second launch), and the queue that holds them until the main window listens. Pure (no Electron),
// so every case is unit-tested under Node.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS } from './file-names.js';

/** How many files one launch (or one second launch, or one burst of open-file events) may open. */
export const MAX_FILES_PER_LAUNCH = 10;

const KEEL_EXTENSIONS = [FILE_KINDS['keel-json'].extension, FILE_KINDS['keel-workspace'].extension];

/** A program or workspace file by its name, whatever the case ("Plan.KEEL.JSON" too). */
export function isKeelFilePath(filePath: string): boolean {
  const name = filePath.toLowerCase();
  return KEEL_EXTENSIONS.some((extension) => name.endsWith(extension) && name.length > extension.length);
}

export interface ArgvContext {
  /** Packaged: argv is [exe, ...files]. Not packaged: [electron, ...switches, appPath, ...files]. */
  isPackaged: boolean;
  /** Where relative paths are resolved: process.cwd() at launch, second-instance's workingDirectory. */
  workingDirectory: string;
  platform: NodeJS.Platform;
}

/** The Keel files named on a command line, as absolute paths, in order, without repeats. */
export function keelFilesInArgv(argv: readonly string[], context: ArgvContext): string[] {
  const paths = context.platform === 'win32' ? path.win32 : path.posix;
  const found: string[] = [];
  let appPathSkipped = context.isPackaged;
  let afterDoubleDash = false;
  for (const arg of argv.slice(1)) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    // Chromium and Electron switches ("--inspect=0", "--allow-file-access-from-files", "-psn_0_1").
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (!appPathSkipped) {
      // `electron .` or `electron path/to/app`: the first plain argument is the app, not a file.
      appPathSkipped = true;
      continue;
    }
    const filePath = toPath(arg, context.platform);
    if (filePath === undefined || !isKeelFilePath(filePath)) continue;
    found.push(paths.resolve(context.workingDirectory, filePath));
  }
  return withoutRepeats(found, context.platform);
}

/** A plain path, or a file:// URL some Linux desktops pass; undefined for another kind of URL. */
function toPath(arg: string, platform: NodeJS.Platform): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return arg;
  if (!arg.toLowerCase().startsWith('file://')) return undefined;
  try {
    return fileURLToPath(arg, { windows: platform === 'win32' });
  } catch {
    return undefined;
  }
}

/** Windows and macOS file systems ignore case, so "Plan.keel.json" and "plan.keel.json" are one file there. */
function sameFileKey(filePath: string, platform: NodeJS.Platform): string {
  return platform === 'linux' ? filePath : filePath.toLowerCase();
}

export function withoutRepeats(filePaths: readonly string[], platform: NodeJS.Platform): string[] {
  const seen = new Set<string>();
  return filePaths.filter((filePath) => {
    const key = sameFileKey(filePath, platform);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sentence when a launch named more files than Keel opens at once. */
export function tooManyFilesMessage(leftOut: number): string {
  return `Keel opens at most ${MAX_FILES_PER_LAUNCH} files at once; ${leftOut === 1 ? '1 more was' : `${leftOut} more were`} left out. Open ${leftOut === 1 ? 'it' : 'them'} again after these.`;
}

/** What the queue asks main to do with a file once the window listens. */
export interface OpenFileSink {
  /** Read the file and send it to the window with this webContents id. */
  deliver(filePath: string, contentsId: number): void;
  /** Tell that window some files were left out (too many at once). */
  leftOut(count: number, contentsId: number): void;
}

/**
 * The files waiting for the main window. Files can arrive before the app is ready (macOS
 * open-file), before the window exists, or while its page is still loading: they wait here
 * until the page says it listens (fileOpenReady), then go in the order they came. A closed
 * window stops listening; what comes next waits for the next window. (A page reloading listens
 * again as it loads; a file sent in the moment between is not held: reloads are a developer's.)
 */
export class OpenFileQueue {
  private pending: string[] = [];
  private leftOutCount = 0;
  private windowId: number | undefined;
  private listening = false;

  constructor(
    private readonly sink: OpenFileSink,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** The main window was made: only its page may take the files. */
  attach(contentsId: number): void {
    this.windowId = contentsId;
    this.listening = false;
  }

  /** The main window closed: what comes next waits for the next window. */
  detach(contentsId: number): void {
    if (this.windowId !== contentsId) return;
    this.windowId = undefined;
    this.listening = false;
  }

  /** A page says it listens; true when it is the main window's (and the queue was handed over). */
  ready(contentsId: number): boolean {
    if (contentsId !== this.windowId) return false;
    this.listening = true;
    this.flush();
    return true;
  }

  /** Files to open, from argv, a second launch or open-file events; at most MAX_FILES_PER_LAUNCH wait at once. */
  add(filePaths: readonly string[]): void {
    const keel = filePaths.filter(isKeelFilePath);
    const fresh = withoutRepeats([...this.pending, ...keel], this.platform).slice(this.pending.length);
    const room = Math.max(0, MAX_FILES_PER_LAUNCH - this.pending.length);
    this.pending.push(...fresh.slice(0, room));
    this.leftOutCount += Math.max(0, fresh.length - room);
    if (this.listening) this.flush();
  }

  /** How many files wait for the window (for tests and the log). */
  get waiting(): number {
    return this.pending.length;
  }

  private flush(): void {
    const contentsId = this.windowId;
    if (contentsId === undefined) return;
    const files = this.pending;
    const leftOut = this.leftOutCount;
    this.pending = [];
    this.leftOutCount = 0;
    for (const filePath of files) this.sink.deliver(filePath, contentsId);
    if (leftOut > 0) this.sink.leftOut(leftOut, contentsId);
  }
}
