import type { OpenedFile } from '../../../electron/ipc-contract';
import type { Program } from '../domain/program';
import { summarizeKeelFile, type FileSummary, type ProgramPreview } from '../io/file-summary';
import type { ProgramsState } from './programs.svelte';

/**
 * One file the OS opened in Keel (a double-click, the command line, a second launch, Open
 * Recent), looked at before it is imported: what it holds, and whether this computer already
 * has a program from it. Importing goes through ProgramsState, as Import… does (one undo).
 */
export class OpenedFileState {
  /** What the file holds; undefined while it is read. */
  summary = $state.raw<FileSummary | undefined>();
  /** An import is under way: the buttons wait. */
  busy = $state(false);

  constructor(
    private readonly programs: ProgramsState,
    readonly file: OpenedFile,
  ) {}

  /**
   * Reads what the file holds. A file main could not read (too large, gone, not text) is told in
   * the toast Import… gives, and there is nothing to look at: false.
   */
  async load(): Promise<boolean> {
    const file = this.file;
    if (file.status !== 'opened') {
      await this.programs.importOpened(file);
      return false;
    }
    // This class is itself loaded only when a file comes (views/programs/OpenedFiles.svelte).
    this.summary = summarizeKeelFile(file.text, file.fileName);
    return true;
  }

  /** This computer's program from the same file (same id), unless it is in the trash. */
  mine(preview: ProgramPreview): Program | undefined {
    const program = this.programs.byId(preview.id);
    return program && program.deletedAt === null ? program : undefined;
  }

  /** Imports every program in the file as new programs; true when it was imported. */
  async import(): Promise<boolean> {
    const summary = this.summary;
    if (!summary?.ok || this.busy) return false;
    this.busy = true;
    try {
      return (await this.programs.importParsed(summary.parsed, summary.fileName)).ok;
    } finally {
      this.busy = false;
    }
  }

  /** Goes to this computer's own copy instead of importing another. */
  openMine(program: Program): void {
    this.programs.open(program);
  }
}
