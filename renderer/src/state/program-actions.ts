import { describeImportError } from '../io/import-errors';
import type { Program } from '../domain/program';
import { classifyStorageError } from '../storage/errors';
import { InvalidInputError } from '../storage/programs-repo';
import { importSnapshot, snapshotForExport } from '../storage/transfer';
import { openKeelFile, saveFile } from '../platform/files';
import { confirm } from './confirm.svelte';
import type { Router } from './router.svelte';
import type { Services } from './services';
import { flushAllDrafts } from './text-draft.svelte';
import { toasts, type Toast } from './toasts.svelte';
import type { Editor } from '../storage/editor';

/**
 * The .keel.json reader and writer (schemas, migrations, reference checks) load on first
 * import or export, keeping them out of what every window loads at start-up.
 */
async function loadKeelFile(): Promise<typeof import('../io/keel-file') | undefined> {
  try {
    return await import('../io/keel-file');
  } catch {
    toasts.show('This part of Keel could not be loaded. Restart Keel; your data is safe.', 'error');
    return undefined;
  }
}

/** Shows any error from an action as a plain sentence; returns undefined when it failed. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidInputError) toasts.show(error.message, 'error');
    else {
      const problem = classifyStorageError(error);
      if (problem.kind === 'unknown') console.error(problem.detail);
      toasts.show(`${problem.title}. ${problem.message}`, 'error');
    }
    return undefined;
  }
}

/** Undoes the newest edit (saving pending typing first) and says what was undone. */
export async function undoWithFeedback(editor: Editor): Promise<void> {
  await flushAllDrafts();
  const label = await attempt(() => editor.undo());
  if (label) toasts.show(`Undid: ${label}.`, 'info');
}

/** A toast action that undoes exactly the edit just made, and nothing newer. */
export function undoThisEditAction(editor: Editor): NonNullable<Toast['action']> {
  const entry = editor.history.nextUndo;
  return {
    label: 'Undo',
    run: () => {
      if (editor.history.nextUndo !== entry) {
        toasts.show('Newer changes were made since; use Undo in the toolbar to step back through them.', 'info');
        return;
      }
      void undoWithFeedback(editor);
    },
  };
}

/** The user-facing program actions shared by the home screen and the workspace. */
export class ProgramActions {
  constructor(
    private readonly services: Services,
    private readonly router: Router,
  ) {}

  private get repo() {
    return this.services.programs;
  }

  private undoAction() {
    return undoThisEditAction(this.services.editor);
  }

  async create(name: string, description: string): Promise<Program | undefined> {
    const program = await attempt(() => this.repo.create({ name, description }));
    if (program) this.router.go({ name: 'program', programId: program.id, area: 'overview' });
    return program;
  }

  async rename(program: Program, name: string): Promise<boolean> {
    return (await attempt(() => this.repo.rename(program.id, name))) !== undefined;
  }

  async duplicate(program: Program): Promise<void> {
    const copy = await attempt(() => this.repo.duplicate(program.id));
    if (!copy) return;
    toasts.show(`Duplicated as "${copy.name}".`, 'success', {
      label: 'Open',
      run: () => this.router.go({ name: 'program', programId: copy.id, area: 'overview' }),
    });
  }

  async archive(program: Program): Promise<void> {
    if (await attempt(() => this.repo.archive(program.id))) {
      toasts.show(`Archived "${program.name}".`, 'success', this.undoAction());
    }
  }

  async unarchive(program: Program): Promise<void> {
    if (await attempt(() => this.repo.unarchive(program.id))) {
      toasts.show(`"${program.name}" is back in your programs.`, 'success', this.undoAction());
    }
  }

  async trash(program: Program): Promise<void> {
    if (await attempt(() => this.repo.trash(program.id))) {
      toasts.show(`Moved "${program.name}" to the trash.`, 'success', this.undoAction());
    }
  }

  async restore(program: Program): Promise<void> {
    if (await attempt(() => this.repo.restore(program.id))) {
      toasts.show(`Restored "${program.name}".`, 'success', {
        label: 'Open',
        run: () => this.router.go({ name: 'program', programId: program.id, area: 'overview' }),
      });
    }
  }

  async deleteForever(program: Program): Promise<void> {
    const ok = await confirm({
      title: `Delete "${program.name}" forever?`,
      message: 'It will be removed from this computer with everything in it. Export it first if you may need it again.',
      confirmLabel: 'Delete forever',
      danger: true,
    });
    if (!ok) return;
    if ((await attempt(() => this.repo.deleteForever([program.id]).then(() => true))) === true) {
      toasts.show(`Deleted "${program.name}" forever.`, 'success', this.undoAction());
    }
  }

  async emptyTrash(confirmedIds: readonly string[]): Promise<void> {
    const count = confirmedIds.length;
    const ok = await confirm({
      title: `Empty the trash?`,
      message: `${count === 1 ? 'The program' : `All ${count} programs`} in the trash will be deleted from this computer with everything in ${count === 1 ? 'it' : 'them'}.`,
      confirmLabel: 'Empty trash',
      danger: true,
    });
    if (!ok) return;
    const removed = await attempt(() => this.repo.emptyTrash(confirmedIds));
    if (removed !== undefined) toasts.show(`Emptied the trash (${removed}).`, 'success', this.undoAction());
  }

  async export(program: Program): Promise<void> {
    const snapshot = await attempt(() => snapshotForExport(this.services.editor, program.id));
    if (!snapshot) return;
    const keelFile = await loadKeelFile();
    if (!keelFile) return;
    const { serializeProgram, exportFileName } = keelFile;
    const text = serializeProgram(snapshot, __APP_VERSION__, new Date());
    const result = await saveFile('keel-json', exportFileName(program.name), text);
    if (result.status === 'saved') toasts.show(`Exported "${program.name}" to ${result.fileName}.`, 'success');
    else if (result.status === 'failed') toasts.show(result.message, 'error');
  }

  async import(): Promise<void> {
    const opened = await openKeelFile();
    if (opened.status === 'cancelled') return;
    if (opened.status === 'failed') {
      toasts.show(opened.message, 'error');
      return;
    }
    if (opened.status === 'too-large') {
      toasts.show(describeImportError({ kind: 'too-large', sizeBytes: opened.sizeBytes, limitBytes: opened.limitBytes }, opened.fileName), 'error');
      return;
    }
    await this.importText(opened.text, opened.fileName);
  }

  async importText(text: string, fileName: string): Promise<Program | undefined> {
    const keelFile = await loadKeelFile();
    if (!keelFile) return undefined;
    const parsed = keelFile.parseKeelFile(text);
    if (!parsed.ok) {
      toasts.show(describeImportError(parsed.error, fileName), 'error');
      return undefined;
    }
    try {
      const program = await importSnapshot(this.services.editor, parsed.snapshot);
      toasts.show(`Imported "${program.name}" from ${fileName}.`, 'success');
      this.router.go({ name: 'program', programId: program.id, area: 'overview' });
      return program;
    } catch (error) {
      toasts.show(describeImportError({ kind: 'storage', problem: classifyStorageError(error) }, fileName), 'error');
      return undefined;
    }
  }

  undo(): Promise<void> {
    return undoWithFeedback(this.services.editor);
  }

  async redo(): Promise<void> {
    await flushAllDrafts();
    const label = await attempt(() => this.services.editor.redo());
    if (label) toasts.show(`Redid: ${label}.`, 'info');
  }
}
