import { liveQuery, type Observable } from 'dexie';
import { newId } from '../domain/ids';
import { defaultFunctions } from '../domain/metrics/functions';
import { asNewProgram, checkProgramDescription, checkProgramName, checkStaleAfterDays, newProgram, type Program } from '../domain/program';
import { reidentify } from '../domain/snapshot';
import { defaultLayers } from '../domain/uncertainty/stack';
import { PROGRAM_OWNED_TABLES } from './db';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { insertSnapshot, readSnapshot } from './snapshots';

/** Every read and write of programs. Writes go through the Editor, so each one can be undone. */
export class ProgramRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  /** All programs, live: re-emits whenever any window changes one. */
  watchAll(): Observable<Program[]> {
    return liveQuery(() => this.db.programs.toArray());
  }

  watch(id: string): Observable<Program | undefined> {
    return liveQuery(() => this.db.programs.get(id));
  }

  get(id: string): Promise<Program | undefined> {
    return this.db.programs.get(id);
  }

  list(): Promise<Program[]> {
    return this.db.programs.toArray();
  }

  async create(input: { name: string; description?: string }): Promise<Program> {
    const program = valid(newProgram(input, newId(), this.now()));
    await this.editor.edit(`Create "${program.name}"`, async (tx) => {
      await tx.insert('programs', [program]);
      await tx.insert('layers', defaultLayers(program.id, newId));
      await tx.insert('functions', defaultFunctions(program.id, newId));
    });
    return program;
  }

  /** Inserts many programs in one transaction (seeding, benchmarks); one undo step. */
  async createMany(programs: readonly Program[], label = `Add ${programs.length} programs`): Promise<void> {
    await this.editor.edit(label, (tx) => tx.insert('programs', programs));
  }

  async rename(id: string, name: string): Promise<Program> {
    const checked = valid(checkProgramName(name));
    return this.editor.edit(`Rename to "${checked}"`, (tx) => this.touch(tx, id, { name: checked }));
  }

  async setDescription(id: string, description: string): Promise<Program> {
    const checked = valid(checkProgramDescription(description));
    return this.editor.edit('Edit description', (tx) => this.touch(tx, id, { description: checked }), {
      coalesceKey: `program-description:${id}`,
    });
  }

  /** After how many days without evidence an item on the map goes stale (0: never). */
  async setStaleAfterDays(id: string, days: number): Promise<Program> {
    const checked = valid(checkStaleAfterDays(days));
    return this.editor.edit('Change staleness rule', (tx) => this.touch(tx, id, { staleAfterDays: checked }));
  }

  /** Archiving an archived program changes nothing (a double click records one step). */
  async archive(id: string): Promise<Program> {
    return this.editor.edit('Archive program', async (tx) => {
      const program = await this.db.programs.get(id);
      if (program && program.archivedAt !== null) return program;
      return this.touch(tx, id, { archivedAt: this.now() });
    });
  }

  async unarchive(id: string): Promise<Program> {
    return this.editor.edit('Unarchive program', (tx) => this.touch(tx, id, { archivedAt: null }));
  }

  /** Moves a program to the trash; its content stays until the trash is emptied. */
  async trash(id: string): Promise<Program> {
    return this.editor.edit('Delete program', async (tx) => {
      const program = await this.db.programs.get(id);
      if (program && program.deletedAt !== null) return program;
      return tx.update<Program>('programs', id, { deletedAt: this.now() });
    });
  }

  async restore(id: string): Promise<Program> {
    return this.editor.edit('Restore program', (tx) => tx.update<Program>('programs', id, { deletedAt: null }));
  }

  /** A full copy with new ids, named "(copy)", placed as a new active program. */
  async duplicate(id: string): Promise<Program> {
    return this.editor.edit('Duplicate program', async (tx) => {
      const source = await readSnapshot(this.db, id);
      if (!source) throw new InvalidInputError('That program no longer exists.');
      const names = (await this.db.programs.toArray()).map((p) => p.name);
      const copy = reidentify(source, newId);
      copy.program = asNewProgram(copy.program, names, this.now());
      await insertSnapshot(tx, copy);
      return copy.program;
    });
  }

  /** Deletes programs in the trash and everything they own. Undoable until the window closes. */
  async deleteForever(ids: readonly string[]): Promise<void> {
    const label = ids.length === 1 ? 'Delete program forever' : `Empty trash (${ids.length})`;
    return this.editor.edit(label, async (tx) => {
      for (const table of PROGRAM_OWNED_TABLES) {
        const owned = await this.db.table(table).where('programId').anyOf(ids as string[]).primaryKeys();
        await tx.remove(table, owned as string[]);
      }
      await tx.remove('programs', ids);
    });
  }

  /**
   * Deletes the programs in the trash. Pass the ids the user confirmed: a program trashed in
   * another window after the confirmation is then left alone.
   */
  async emptyTrash(confirmedIds?: readonly string[]): Promise<number> {
    const inTrash = (await this.db.programs.toArray()).filter((p) => p.deletedAt !== null).map((p) => p.id);
    const ids = confirmedIds ? inTrash.filter((id) => confirmedIds.includes(id)) : inTrash;
    if (ids.length > 0) await this.deleteForever(ids);
    return ids.length;
  }

  /** Updates a program and stamps it as updated now. */
  private touch(tx: EditTransaction, id: string, patch: Partial<Omit<Program, 'id'>>): Promise<Program> {
    return tx.update<Program>('programs', id, { ...patch, updatedAt: this.now() });
  }
}
