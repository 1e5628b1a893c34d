import { liveQuery, type Observable } from 'dexie';
import { newId } from '../domain/ids';
import { LINK_TABLES } from '../domain/links';
import type { Program } from '../domain/program';
import { checkReview, reviewOf, type ReviewInput } from '../domain/revisit/edits';
import type { RevisitFlag } from '../domain/revisit/flags';
import type { RevisitReview } from '../domain/revisit/model';
import type { Editor } from './editor';
import { InvalidInputError, valid } from './errors';

/** The reviews that clear revisit flags (the flags themselves are worked out, never stored). */
export class RevisitRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  watchReviews(programId: string): Observable<RevisitReview[]> {
    return liveQuery(() => this.db.revisitReviews.where({ programId }).toArray());
  }

  /** Clears one flag with a note (one undo step); a later failure of the same cause flags the record again. */
  async markReviewed(programId: string, flag: RevisitFlag, input: ReviewInput): Promise<RevisitReview> {
    const checked = valid(checkReview(input));
    return this.editor.edit(`Review "${flag.target.label}"`, async (tx) => {
      const target = await this.db.table(LINK_TABLES[flag.target.kind]).get(flag.target.id);
      if (!target || (target as { programId: string }).programId !== programId) throw new InvalidInputError('That record no longer exists.');
      const review = reviewOf(flag, checked, programId, newId(), this.now());
      await tx.insert('revisitReviews', [review]);
      await tx.update<Program>('programs', programId, { updatedAt: this.now() });
      return review;
    });
  }
}
