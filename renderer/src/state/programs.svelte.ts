import { checkProgramDescription, countByView, selectPrograms, type Program, type ProgramSort, type ProgramView } from '../domain/program';
import { describeImportError } from '../io/import-errors';
import type { OpenFileResult } from '../../../electron/ipc-contract';
import type { AnyKeelParseResult } from '../io/workspace-file';
import { openKeelFile } from '../platform/files';
import { classifyStorageError } from '../storage/errors';
import { ProgramRepository } from '../storage/programs-repo';
import { importSnapshot, importSnapshots, snapshotForExport, snapshotsForWorkspace } from '../storage/transfer';
import { isoDay } from '../domain/dates';
import { plural } from '../domain/words';
import { lastDownloadAt } from './backup-reminder.svelte';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { oneOf, preference } from './preferences.svelte';
import { PROGRAM_DESCRIPTION } from './programs-replay';
import { PART_NOT_LOADED, readProblem, type Result } from './result';
import type { Router } from './router.svelte';
import { useServices, type Services } from './services';
import { journaledDraft, type TextDraft } from './text-draft.svelte';
import { toasts } from './toasts.svelte';
import { saveWithReport } from './save-file';
import { Writes } from './writes';

/**
 * A part loaded on first use (the .keel.json reader and writer with its schemas, migrations and
 * reference checks; the workspace file), keeping it out of what every window loads at start-up.
 * Undefined when it could not be loaded.
 */
async function loadPart<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch {
    return undefined;
  }
}

/** A file action that could not go on: the sentence in a toast, and as the Result. */
function failed(message: string): Result<never> {
  toasts.show(message, 'error');
  return { ok: false, message };
}

/**
 * The programs of this computer, live, and every action on them: the home screen, the overview
 * and the shell call these, never the repository.
 */
export class ProgramsState {
  private readonly repo: ProgramRepository;
  private readonly writes: Writes;
  private readonly live: Live<Program[]>;
  /** The home screen's sort order, remembered on this computer. */
  readonly sort = preference<ProgramSort>('keel.programs.sort', oneOf(['updated', 'name']), 'updated');

  constructor(
    private readonly router: Router,
    private readonly services: Services = useServices(),
  ) {
    this.repo = new ProgramRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.live = new Live(() => this.repo.watchAll());
  }

  get all(): Program[] {
    return this.live.value ?? [];
  }
  get loaded(): boolean {
    return this.live.loaded;
  }
  /** Why the programs could not be read; never shown as an empty list. */
  get problem() {
    return readProblem(this.live.error);
  }

  byId(id: string): Program | undefined {
    return this.all.find((p) => p.id === id);
  }

  counts = $derived(countByView(this.all));

  shown(view: ProgramView, search: string): Program[] {
    return selectPrograms(this.all, { view, search, sort: this.sort.value });
  }

  /** Goes to the program's overview. */
  open(program: Program): void {
    this.router.go({ name: 'program', programId: program.id, area: 'overview' });
  }

  async create(name: string, description: string): Promise<Result<Program>> {
    const created = await this.writes.run(() => this.repo.create({ name, description }));
    if (created.ok) this.open(created.value);
    return created;
  }

  rename(program: Program, name: string): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.rename(program.id, name));
  }

  /** The description, saved as it is typed; bound to the program's id for its whole life. */
  descriptionDraft(program: Program): TextDraft {
    const id = program.id;
    return journaledDraft(PROGRAM_DESCRIPTION, id, program.description, async (text) => (await this.setDescription(id, text)).ok, checkProgramDescription);
  }

  setDescription(programId: string, description: string): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.setDescription(programId, description));
  }

  duplicate(program: Program): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.duplicate(program.id), {
      success: (copy) => `Duplicated as "${copy.name}".`,
      action: (copy) => ({ label: 'Open', run: () => this.open(copy) }),
    });
  }

  archive(program: Program): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.archive(program.id), { success: `Archived "${program.name}".`, undo: true });
  }

  unarchive(program: Program): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.unarchive(program.id), { success: `"${program.name}" is back in your programs.`, undo: true });
  }

  trash(program: Program): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.trash(program.id), { success: `Moved "${program.name}" to the trash.`, undo: true });
  }

  restore(program: Program): Promise<Result<Program>> {
    return this.writes.run(() => this.repo.restore(program.id), {
      success: `Restored "${program.name}".`,
      action: () => ({ label: 'Open', run: () => this.open(program) }),
    });
  }

  async deleteForever(program: Program): Promise<Result<void> | undefined> {
    const ok = await confirm({
      title: `Delete "${program.name}" forever?`,
      message: 'It will be removed from this computer with everything in it. Export it first if you may need it again.',
      confirmLabel: 'Delete forever',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteForever([program.id]), { success: `Deleted "${program.name}" forever.`, undo: true });
  }

  /** Empties the trash as it is shown now: a program trashed in another window after the confirmation stays. */
  async emptyTrash(): Promise<Result<number> | undefined> {
    const confirmedIds = this.all.filter((p) => p.deletedAt !== null).map((p) => p.id);
    const count = confirmedIds.length;
    const ok = await confirm({
      title: `Empty the trash?`,
      message: `${count === 1 ? 'The program' : `All ${count} programs`} in the trash will be deleted from this computer with everything in ${count === 1 ? 'it' : 'them'}.`,
      confirmLabel: 'Empty trash',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.emptyTrash(confirmedIds), { success: (removed) => `Emptied the trash (${removed}).`, undo: true });
  }

  async export(program: Program): Promise<Result<string> | undefined> {
    const snapshot = await this.writes.read(() => snapshotForExport(this.services.editor, program.id), `read "${program.name}" to export it`);
    if (!snapshot.ok) return snapshot;
    if (!snapshot.value) return failed('That program no longer exists.');
    const keelFile = await loadPart(() => import('../io/keel-file'));
    if (!keelFile) return failed(PART_NOT_LOADED);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the file's timestamp, not state
    const text = keelFile.serializeProgram(snapshot.value, __APP_VERSION__, new Date());
    return saveWithReport('keel-json', keelFile.exportFileName(program.name), text, (fileName) => `Exported "${program.name}" to ${fileName}.`);
  }

  /** Asks for a .keel.json or workspace file and imports it as new programs; undefined when the user cancelled. */
  async import(): Promise<Result<Program[]> | undefined> {
    const opened = await openKeelFile();
    if (opened.status === 'cancelled') return undefined;
    return this.importOpened(opened);
  }

  /** Imports a file that was read (chosen, or dropped on the window), or says why it could not be read. */
  async importOpened(opened: Exclude<OpenFileResult, { status: 'cancelled' }>): Promise<Result<Program[]>> {
    if (opened.status === 'failed') return failed(opened.message);
    if (opened.status === 'too-large') {
      return failed(describeImportError({ kind: 'too-large', sizeBytes: opened.sizeBytes, limitBytes: opened.limitBytes }, opened.fileName));
    }
    return this.importText(opened.text, opened.fileName);
  }

  /**
   * Imports the text of either kind of Keel file as new programs: one program's .keel.json
   * (opened once imported) or a workspace file (every program in it, in one undoable step).
   * A dropped file comes here too. The programs imported, or the sentence of the refusal.
   * `announce` says what was made instead of "Imported …" (the sample program), with Undo.
   */
  async importText(text: string, fileName: string, announce?: (program: Program) => string): Promise<Result<Program[]>> {
    const workspaceFile = await loadPart(() => import('../io/workspace-file'));
    if (!workspaceFile) return failed(PART_NOT_LOADED);
    return this.importParsed(workspaceFile.parseAnyKeelFile(text), fileName, announce);
  }

  /** Imports a file already read (a file opened from the OS is read once, for its preview and its import). */
  async importParsed(parsed: AnyKeelParseResult, fileName: string, announce?: (program: Program) => string): Promise<Result<Program[]>> {
    if (!parsed.ok) return failed(describeImportError(parsed.error, fileName));
    if (parsed.kind === 'workspace' && parsed.snapshots.length === 0) return failed(describeImportError({ kind: 'empty-workspace' }, fileName));
    try {
      if (parsed.kind === 'program') {
        const program = await importSnapshot(this.services.editor, parsed.snapshots[0]!);
        if (announce) toasts.show(announce(program), 'success', this.writes.undoOffer());
        else toasts.show(`Imported "${program.name}" from ${fileName}.`, 'success');
        this.open(program);
        return { ok: true, value: [program] };
      }
      const programs = await importSnapshots(this.services.editor, parsed.snapshots, `Import ${plural(parsed.snapshots.length, 'program')}`);
      toasts.show(`Imported ${plural(programs.length, 'program')} from ${fileName} as new copies.`, 'success', this.writes.undoOffer());
      this.router.go({ name: 'programs', view: 'active' });
      return { ok: true, value: programs };
    } catch (error) {
      return failed(describeImportError({ kind: 'storage', problem: classifyStorageError(error) }, fileName));
    }
  }

  /** Every program but those in the trash, in one workspace file where the user chooses. */
  async exportAll(): Promise<Result<string> | undefined> {
    const snapshots = await this.writes.read(() => snapshotsForWorkspace(this.services.editor), 'read your programs to export them');
    if (!snapshots.ok) return snapshots;
    if (!snapshots.value.length) return failed('There are no programs to export yet (programs in the trash are left out).');
    const workspaceFile = await loadPart(() => import('../io/workspace-file'));
    if (!workspaceFile) return failed(PART_NOT_LOADED);
    const now = Date.now();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the file's timestamp, not state
    const text = workspaceFile.serializeWorkspace(snapshots.value, __APP_VERSION__, new Date(now));
    const count = plural(snapshots.value.length, 'program');
    const saved = await saveWithReport('keel-workspace', workspaceFile.workspaceFileName(isoDay(now)), text, (name) => `Exported ${count} to ${name}.`);
    if (saved?.ok) lastDownloadAt.set(now);
    return saved;
  }
}
