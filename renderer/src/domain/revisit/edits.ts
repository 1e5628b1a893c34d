import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import type { RevisitFlag } from './flags';
import { REVIEW_NOTE_MAX, REVIEWER_MAX, type RevisitReview } from './model';

// What a review that clears a revisit flag may hold: the form, the repository and the file share it.

export interface ReviewInput {
  note: string;
  by: string;
}

/** A review needs a note saying what was looked at and decided; the name is optional. */
export function checkReview(input: ReviewInput): Check<ReviewInput> {
  const note = checkLongText(input.note, REVIEW_NOTE_MAX, 'note');
  if (!note.ok) return note;
  if (!note.value.trim()) return failed('Say what you looked at and what you decided: a review needs a note.');
  const by = checkOneLine(input.by, REVIEWER_MAX, 'name');
  if (!by.ok) return by;
  return passed({ note: note.value.trim(), by: by.value });
}

/** The review of one flag: it clears that flag, for this failure of its cause only. */
export function reviewOf(flag: RevisitFlag, input: ReviewInput, programId: string, id: string, at: number): RevisitReview {
  return {
    id,
    programId,
    targetKind: flag.target.kind,
    targetId: flag.target.id,
    causeKind: flag.cause.kind,
    causeId: flag.cause.id,
    causeSince: flag.cause.since,
    note: input.note,
    by: input.by,
    at,
  };
}
