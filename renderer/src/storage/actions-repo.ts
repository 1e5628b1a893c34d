import { liveQuery, type Observable } from 'dexie';
import { checkActionPatch, checkActionTitle, newAction, type ActionPatch } from '../domain/actions/edits';
import type { Action, ActionSourceKind } from '../domain/actions/model';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { linksTo, removeLinksTo, type LinkHolder } from './links';

export interface NewAction {
  title: string;
  owner?: string;
  due?: string;
  notes?: string;
  source?: { kind: ActionSourceKind; id: string } | null;
}

/** The program's actions: one list across it. Every write is one undoable edit. */
export class ActionsRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchActions(programId: string): Observable<Action[]> {
    return liveQuery(() => this.db.actions.where({ programId }).toArray());
  }

  /** The actions that came from one record (an uncertainty item's next step, a scope change). */
  watchActionsFrom(programId: string, kind: ActionSourceKind, id: string): Observable<Action[]> {
    return liveQuery(async () => (await this.db.actions.where({ programId }).toArray()).filter((a) => a.source?.kind === kind && a.source.id === id));
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  async addAction(programId: string, input: NewAction): Promise<Action> {
    const title = valid(checkActionTitle(input.title));
    const rest = valid(checkActionPatch({ owner: input.owner ?? '', due: input.due ?? '', notes: input.notes ?? '' }));
    const now = this.now();
    const source = input.source ? { kind: input.source.kind, id: input.source.id } : null;
    const action = newAction(programId, { title, notes: rest.notes ?? '', owner: rest.owner ?? '', due: rest.due ?? '', source }, newId(), now);
    return this.editor.edit(`Add action "${title}"`, async (tx) => {
      if (action.source) {
        const table = { uncertainty: this.db.uncertaintyItems, decision: this.db.decisions, scope: this.db.scopeChanges, metric: this.db.metrics }[action.source.kind];
        const found = await table.get(action.source.id);
        if (!found || found.programId !== programId) throw new InvalidInputError('The record this action comes from no longer exists.');
      }
      await tx.insert('actions', [action]);
      await this.touchProgram(tx, programId);
      return action;
    });
  }

  async updateAction(id: string, patch: ActionPatch, coalesceKey?: string): Promise<Action> {
    const checked = valid(checkActionPatch(patch));
    const label = checked.status === 'done' ? 'Mark action done' : checked.status ? 'Change action status' : 'Edit action';
    return this.editor.edit(
      label,
      async (tx) => {
        const action = await this.db.actions.get(id);
        if (!action) throw new InvalidInputError('That action no longer exists.');
        const next = await tx.update<Action>('actions', id, { ...checked, updatedAt: this.now() });
        await this.touchProgram(tx, action.programId);
        return next;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /** The records that link to an action (reviews of its revisit flags): what a deletion would unlink. */
  linksTo(programId: string, id: string): Promise<LinkHolder[]> {
    return linksTo(this.db, programId, 'action', [id]);
  }

  async deleteAction(id: string): Promise<void> {
    return this.editor.edit('Delete action', async (tx) => {
      const action = await this.db.actions.get(id);
      if (!action) throw new InvalidInputError('That action no longer exists.');
      await removeLinksTo(tx, this.db, action.programId, 'action', [id]);
      await tx.remove('actions', [id]);
      await this.touchProgram(tx, action.programId);
    });
  }
}
