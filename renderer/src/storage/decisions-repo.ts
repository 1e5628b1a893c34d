import { liveQuery, type Observable } from 'dexie';
import { failed, passed } from '../domain/check';
import {
  checkConsideredOptions,
  checkDecisionDay,
  checkDecisionField,
  checkDecisionTitle,
  checkEditable,
  checkLinks,
  checkStatusChange,
  newDecision,
  newestFirst,
  nextDecisionNumber,
  supersedingDraft,
  wouldLoop,
  type DecisionTextField,
} from '../domain/decisions/edits';
import type { ConsideredOption, DecisionRecord, DecisionStatus } from '../domain/decisions/model';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { linksTo, removeLinksTo, type LinkHolder } from './links';

export type DecisionLinkField = 'uncertaintyIds' | 'metricIds' | 'roadmapItemIds';

/**
 * The decision log of one program. Every write is one undoable edit; the rules (what may be
 * edited, which status may follow which, supersede chains) are in domain/decisions/edits.ts.
 */
export class DecisionsRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  /** A program's records, newest first, live. */
  watchDecisions(programId: string): Observable<DecisionRecord[]> {
    return liveQuery(async () => newestFirst(await this.db.decisions.where({ programId }).toArray()));
  }

  /** The records that are a matrix's decisions, newest first, live. */
  watchMatrixRecords(matrixId: string): Observable<DecisionRecord[]> {
    return liveQuery(async () => newestFirst(await this.db.decisions.where({ matrixId }).toArray()));
  }

  private async record(id: string): Promise<DecisionRecord> {
    const record = await this.db.decisions.get(id);
    if (!record) throw new InvalidInputError('That decision record no longer exists.');
    return record;
  }

  /**
   * Writes a change of a record and stamps its program. Called last in an edit: Dexie keeps its
   * transaction across only a shallow chain of native awaits.
   */
  private async write(tx: EditTransaction, record: DecisionRecord, patch: Partial<DecisionRecord>): Promise<DecisionRecord> {
    const after = await tx.update<DecisionRecord>('decisions', record.id, { ...patch, updatedAt: this.now() });
    await tx.update<Program>('programs', record.programId, { updatedAt: this.now() });
    return after;
  }

  /** An edit of a draft or proposal's content. */
  private change(label: string, id: string, patch: Partial<DecisionRecord>, coalesceKey?: string): Promise<DecisionRecord> {
    return this.editor.edit(
      label,
      async (tx) => {
        const record = await this.record(id);
        valid(checkEditable(record));
        return this.write(tx, record, patch);
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  private async nextNumber(programId: string): Promise<number> {
    return nextDecisionNumber(await this.db.decisions.where({ programId }).toArray());
  }

  /** A new draft with the next number; one undo step. */
  async create(programId: string, title: string, date: string): Promise<DecisionRecord> {
    const checkedTitle = valid(checkDecisionTitle(title));
    const day = valid(checkDecisionDay(date));
    return this.editor.edit('Add decision record', async (tx) => {
      if (!(await this.db.programs.get(programId))) throw new InvalidInputError('That program no longer exists.');
      const number = await this.nextNumber(programId);
      const record = newDecision({ id: newId(), programId, number, title: checkedTitle, date: day, now: this.now() });
      await tx.insert('decisions', [record]);
      await tx.update<Program>('programs', programId, { updatedAt: this.now() });
      return record;
    });
  }

  /** One text field of a draft or proposal; typing merges through `coalesceKey`. */
  updateText(id: string, field: DecisionTextField, text: string, coalesceKey?: string): Promise<DecisionRecord> {
    const checked = valid(checkDecisionField(field, text));
    return this.change(field === 'title' ? 'Rename decision record' : 'Edit decision record', id, { [field]: checked }, coalesceKey);
  }

  setDate(id: string, date: string): Promise<DecisionRecord> {
    return this.change('Change decision date', id, { date: valid(checkDecisionDay(date)) });
  }

  /** The options considered, as a whole list (added, edited, removed or reordered: `label` says which). */
  setOptions(id: string, options: readonly ConsideredOption[], label: string, coalesceKey?: string): Promise<DecisionRecord> {
    return this.change(label, id, { options: valid(checkConsideredOptions(options)) }, coalesceKey);
  }

  /** The records of one kind a draft or proposal rests on or affects; each must be in the program. */
  setLinks(id: string, field: DecisionLinkField, ids: readonly string[]): Promise<DecisionRecord> {
    const checked = valid(checkLinks(ids));
    const table = { uncertaintyIds: 'uncertaintyItems', metricIds: 'metrics', roadmapItemIds: 'roadmapItems' }[field];
    return this.editor.edit('Change decision links', async (tx) => {
      const record = await this.record(id);
      valid(checkEditable(record));
      const found = (await this.db.table(table).bulkGet(checked)) as ({ programId: string } | undefined)[];
      if (found.some((row) => !row || row.programId !== record.programId)) throw new InvalidInputError('A record to link to no longer exists.');
      return this.write(tx, record, { [field]: checked });
    });
  }

  /**
   * Moves a record on (proposed, accepted, rejected, deprecated, back to draft). Accepting a record
   * that supersedes another makes that one superseded; rejecting it leaves the other standing.
   */
  setStatus(id: string, to: DecisionStatus, reason: string, today: string): Promise<DecisionRecord> {
    const day = valid(checkDecisionDay(today));
    return this.editor.edit(`Mark decision ${to}`, async (tx) => {
      const record = await this.record(id);
      const statusNote = valid(checkStatusChange(record, to, reason));
      const older = record.supersedes ? await this.db.decisions.get(record.supersedes) : undefined;
      if (older && to === 'accepted') {
        const all = new Map((await this.db.decisions.where({ programId: record.programId }).toArray()).map((r) => [r.id, r]));
        if (wouldLoop(all, record.id, older.id)) throw new InvalidInputError('These records already supersede each other in a loop; accept it after unlinking them.');
        if (older.status === 'accepted' || older.status === 'deprecated') {
          await tx.update<DecisionRecord>('decisions', older.id, { status: 'superseded', supersededBy: record.id, updatedAt: this.now() });
        }
      } else if (older && to === 'rejected' && older.supersededBy === record.id) {
        // The older record stands: another record may supersede it later.
        await tx.update<DecisionRecord>('decisions', older.id, { supersededBy: '', updatedAt: this.now() });
      }
      return this.write(tx, record, { status: to, statusNote, ...(to === 'accepted' ? { date: day } : {}) });
    });
  }

  /** A new draft that supersedes an accepted record, with a copy of its content to change. */
  supersede(id: string, today: string): Promise<DecisionRecord> {
    const day = valid(checkDecisionDay(today));
    return this.editor.edit('Supersede decision record', async (tx) => {
      const old = await this.record(id);
      const number = await this.nextNumber(old.programId);
      const draft = valid(supersedingDraft(old, { id: newId(), programId: old.programId, number, title: old.title, date: day, now: this.now() }));
      await tx.insert('decisions', [draft]);
      await tx.update<DecisionRecord>('decisions', old.id, { supersededBy: draft.id });
      await tx.update<Program>('programs', old.programId, { updatedAt: this.now() });
      return draft;
    });
  }

  /** What links to a record, for the confirmation before it is deleted. */
  linksTo(record: DecisionRecord): Promise<LinkHolder[]> {
    return linksTo(this.db, record.programId, 'decision', [record.id]);
  }

  /** Deletes a draft and every link to it, in one undoable edit; settled records are kept as history. */
  remove(id: string): Promise<void> {
    return this.editor.edit('Delete decision record', async (tx) => {
      const record = await this.record(id);
      valid(record.status === 'draft' ? passed(true) : failed('Only a draft is deleted; reject or deprecate a record instead, so the log keeps it.'));
      await removeLinksTo(tx, this.db, record.programId, 'decision', [id]);
      await tx.remove('decisions', [id]);
      await tx.update<Program>('programs', record.programId, { updatedAt: this.now() });
    });
  }
}
