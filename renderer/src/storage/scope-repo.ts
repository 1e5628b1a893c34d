import { liveQuery, type Observable } from 'dexie';
import { newId } from '../domain/ids';
import { LINK_NOUNS } from '../domain/links';
import type { Program } from '../domain/program';
import type { RoadmapItem } from '../domain/roadmap/model';
import { applyScopeChange } from '../domain/scope/apply';
import { checkEffects, checkScopeDecision, checkScopePatch, checkScopeTitle, newScopeChange, type ScopePatch } from '../domain/scope/edits';
import type { ScopeChange, ScopeDecision, ScopeEffect } from '../domain/scope/model';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { linksTo, removeLinksTo, type LinkHolder } from './links';

/** What a new scope change starts with; the rest is filled in on its page. */
export interface NewScopeChange {
  title: string;
  /** YYYY-MM-DD: the day it was asked. */
  requestedOn: string;
}

const APPLIED = 'This change was applied to the roadmap, so its decision and effects stay as they were. Undo the apply, or change the roadmap itself.';

/** A program's scope changes, and applying an accepted one to its roadmap. Every write is one undoable edit. */
export class ScopeRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchChanges(programId: string): Observable<ScopeChange[]> {
    return liveQuery(() => this.db.scopeChanges.where({ programId }).toArray());
  }

  /** The roadmap's items as they stand: what a change's effects move, and what applying wrote. */
  watchRoadmapItems(programId: string): Observable<RoadmapItem[]> {
    return liveQuery(() => this.db.roadmapItems.where({ programId }).toArray());
  }

  /** The program's functions' names, for "who asked". */
  watchFunctionNames(programId: string): Observable<string[]> {
    return liveQuery(async () => (await this.db.functions.where({ programId }).sortBy('order')).map((f) => f.name));
  }

  private async change(id: string): Promise<ScopeChange> {
    const change = await this.db.scopeChanges.get(id);
    if (!change) throw new InvalidInputError('That scope change no longer exists.');
    return change;
  }

  private touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  async addChange(programId: string, input: NewScopeChange): Promise<ScopeChange> {
    const title = valid(checkScopeTitle(input.title));
    const { requestedOn } = valid(checkScopePatch({ requestedOn: input.requestedOn }));
    const now = this.now();
    const change = newScopeChange(programId, title, requestedOn!, newId(), now);
    return this.editor.edit(`Log scope change "${title}"`, async (tx) => {
      await tx.insert('scopeChanges', [change]);
      await this.touchProgram(tx, programId);
      return change;
    });
  }

  async updateChange(id: string, patch: ScopePatch, coalesceKey?: string): Promise<ScopeChange> {
    const checked = valid(checkScopePatch(patch));
    return this.editor.edit(
      'Edit scope change',
      async (tx) => {
        const change = await this.change(id);
        const next = await tx.update<ScopeChange>('scopeChanges', id, { ...checked, updatedAt: this.now() });
        await this.touchProgram(tx, change.programId);
        return next;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /** Replaces the change's effects on the roadmap; refused once they are applied. */
  async setEffects(id: string, effects: readonly ScopeEffect[]): Promise<ScopeChange> {
    const checked = valid(checkEffects(effects));
    return this.editor.edit('Edit effects on the roadmap', async (tx) => {
      const change = await this.change(id);
      if (change.appliedAt !== null) throw new InvalidInputError(APPLIED);
      const next = await tx.update<ScopeChange>('scopeChanges', id, { effects: checked, updatedAt: this.now() });
      await this.touchProgram(tx, change.programId);
      return next;
    });
  }

  /** Records a decision (and its day, today's when none is given); the roadmap is left as it is. */
  async decide(id: string, decision: ScopeDecision, decidedOn: string): Promise<ScopeChange> {
    const checkedDecision = valid(checkScopeDecision(decision));
    const day = checkedDecision === 'pending' ? '' : decidedOn;
    valid(checkScopePatch({ decidedOn: day }));
    return this.editor.edit(`Mark scope change ${checkedDecision}`, async (tx) => {
      const change = await this.change(id);
      if (change.appliedAt !== null) throw new InvalidInputError(APPLIED);
      const next = await tx.update<ScopeChange>('scopeChanges', id, { decision: checkedDecision, decidedOn: day, updatedAt: this.now() });
      await this.touchProgram(tx, change.programId);
      return next;
    });
  }

  /**
   * Accepts the change and applies every effect to the roadmap, in one edit (one undo step):
   * items moved keep their earlier forecast in their history, new items go at the end of their
   * horizon, dropped items are marked dropped. Refused, with nothing written, when it was applied
   * already or an effect names an item that is gone.
   */
  async acceptAndApply(id: string, decidedOn: string): Promise<{ change: ScopeChange; added: RoadmapItem[]; updated: RoadmapItem[] }> {
    valid(checkScopePatch({ decidedOn }));
    return this.editor.edit('Accept and apply scope change', async (tx) => {
      const change = await this.change(id);
      const items = await this.db.roadmapItems.where({ programId: change.programId }).toArray();
      const now = this.now();
      const application = valid(applyScopeChange(change, items, now, newId));
      for (const item of application.updated) await tx.update<RoadmapItem>('roadmapItems', item.id, item);
      await tx.insert('roadmapItems', application.added);
      const next = await tx.update<ScopeChange>('scopeChanges', id, { ...application.change, decision: 'accepted', decidedOn, updatedAt: now });
      await this.touchProgram(tx, change.programId);
      return { change: next, added: application.added, updated: application.updated };
    });
  }

  /** The records that link to a scope change: what a deletion would unlink. */
  linksTo(programId: string, id: string): Promise<LinkHolder[]> {
    return linksTo(this.db, programId, 'scope', [id]);
  }

  /** Deletes a change and every link to it (an action it started keeps going, without its source), as one edit. */
  async deleteChange(id: string): Promise<void> {
    return this.editor.edit(`Delete ${LINK_NOUNS.scope[0]}`, async (tx) => {
      const change = await this.change(id);
      await removeLinksTo(tx, this.db, change.programId, 'scope', [id]);
      await tx.remove('scopeChanges', [id]);
      await this.touchProgram(tx, change.programId);
    });
  }
}
